"""Word export: reopens in python-docx with the same paragraphs, line numbers, fonts."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings

from drafter.bill import Bill
from drafter.page import DEFAULT_PAGE
from drafter.render.docx import header_texts, paragraph_text, render_docx
from drafter.render.layout import layout
from render_fixtures import bills, sample_bill


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _check_same_paragraphs(bill: Bill, data: bytes, note: bool = False) -> None:
    paragraphs = [p.text for p in _open(data).paragraphs]
    want = header_texts(bill.page or DEFAULT_PAGE) + [paragraph_text(b) for b in layout(bill)]
    assert paragraphs[: len(want)] == want
    if note:
        # Then the rubric note, outside the bill text.
        assert paragraphs[len(want)].startswith("Prepared with drafter; scored against")
    else:
        assert paragraphs[len(want) :] == []


def test_sample_bill_docx() -> None:
    bill = sample_bill(name="texas")
    data = render_docx(bill)
    _check_same_paragraphs(bill, data)
    document = _open(data)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "By: [AUTHOR]\tH.B. No. [NUMBER]"
    assert texts[1:5] == [
        "A BILL TO BE ENTITLED",
        "AN ACT",
        "relating to criminal record relief for survivors of human trafficking.",
        "BE IT ENACTED BY THE LEGISLATURE OF THE STATE OF TEXAS:",
    ]
    heading = "Art. 55A.0101. VACATUR FOR SURVIVORS OF HUMAN TRAFFICKING."
    assert f"{heading} (a)\tIn this article:" in texts
    assert "\t(1)\t" not in texts  # labels are literal text, each with one tab after it
    props = document.core_properties
    assert props.title == "Criminal record relief for survivors of human trafficking"
    assert "Polaris 2019 (polaris-2019)" in props.subject
    assert "97 / 100, A" in props.subject
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 12


def test_line_numbers_per_page_or_continuous_as_the_state_numbers_them() -> None:
    for name, restart in (("texas", "newPage"), ("missouri", "continuous")):
        sect_pr = _open(render_docx(sample_bill(name=name))).sections[-1]._sectPr
        ln = sect_pr.find(qn("w:lnNumType"))
        assert ln is not None
        assert (ln.get(qn("w:restart")), ln.get(qn("w:countBy"))) == (restart, "1")
        # Schema order: lnNumType comes before cols (Word rejects it otherwise).
        tags = [child.tag for child in sect_pr]
        assert tags.index(qn("w:lnNumType")) < tags.index(qn("w:cols"))


def test_line_numbers_can_be_turned_off() -> None:
    data = render_docx(sample_bill(name="missouri"), line_numbers=False)
    assert _open(data).sections[-1]._sectPr.find(qn("w:lnNumType")) is None


def test_hanging_indent_per_level_lives_in_the_level_styles() -> None:
    document = _open(render_docx(sample_bill(name="generic")))
    by_text = {p.text.split("\t")[0]: p for p in document.paragraphs if "\t" in p.text}
    top, deep = by_text["(b)"].style, by_text["(A)"].style
    assert (top.name, deep.name) == ("Subsection Level 1", "Subsection Level 3")
    assert top.paragraph_format.first_line_indent < 0
    assert deep.paragraph_format.left_indent > top.paragraph_format.left_indent
    # The paragraph itself carries no indent of its own: the style does it.
    assert by_text["(b)"].paragraph_format.left_indent is None


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bills())
def test_property_docx_reopens_with_the_same_text(bill: Bill) -> None:
    _check_same_paragraphs(bill, render_docx(bill))
