"""Word export: reopens in python-docx with the same paragraphs, line numbers, fonts."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings

from drafter.bill import Bill
from drafter.render._common import layout
from drafter.render.docx import paragraph_text, render_docx
from render_fixtures import bills, sample_bill


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _check_same_paragraphs(bill: Bill, data: bytes) -> None:
    paragraphs = [p.text for p in _open(data).paragraphs]
    want = [paragraph_text(b) for b in layout(bill)]
    assert paragraphs[: len(want)] == want
    # Then the rubric note, outside the bill text.
    assert paragraphs[len(want)].startswith("Prepared with drafter; scored against")


def test_sample_bill_docx() -> None:
    bill = sample_bill(name="texas")
    data = render_docx(bill)
    _check_same_paragraphs(bill, data)
    document = _open(data)
    texts = [p.text for p in document.paragraphs]
    assert texts[:4] == [
        "A BILL TO BE ENTITLED",
        "AN ACT",
        "relating to criminal record relief for survivors of human trafficking.",
        "BE IT ENACTED BY THE LEGISLATURE OF THE STATE OF TEXAS:",
    ]
    assert "(a)\tIn this article:" in texts
    assert "\t(1)\t" not in texts  # labels are literal text, each with one tab after it
    props = document.core_properties
    assert props.title == "Criminal record relief for survivors of human trafficking"
    assert "Polaris 2019 (polaris-2019)" in props.subject
    assert "97 / 100 A" in props.subject
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 12


def test_line_numbers_restart_each_page() -> None:
    data = render_docx(sample_bill(name="missouri"))
    sect_pr = _open(data).sections[-1]._sectPr
    ln = sect_pr.find(qn("w:lnNumType"))
    assert ln is not None
    assert ln.get(qn("w:restart")) == "newPage"
    assert ln.get(qn("w:countBy")) == "1"
    # Schema order: lnNumType comes before cols (Word rejects it otherwise).
    tags = [child.tag for child in sect_pr]
    assert tags.index(qn("w:lnNumType")) < tags.index(qn("w:cols"))


def test_line_numbers_can_be_turned_off() -> None:
    data = render_docx(sample_bill(name="missouri"), line_numbers=False)
    assert _open(data).sections[-1]._sectPr.find(qn("w:lnNumType")) is None


def test_hanging_indent_per_level() -> None:
    document = _open(render_docx(sample_bill(name="generic")))
    by_text = {p.text.split("\t")[0]: p for p in document.paragraphs if "\t" in p.text}
    top, deep = by_text["(b)"], by_text["(A)"]
    assert top.paragraph_format.first_line_indent < 0
    assert deep.paragraph_format.left_indent > top.paragraph_format.left_indent


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bills())
def test_property_docx_reopens_with_the_same_text(bill: Bill) -> None:
    _check_same_paragraphs(bill, render_docx(bill))
