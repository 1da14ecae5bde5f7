"""Word export: named styles, the state's page furniture, new-text marks and the note choice."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from drafter.render.docx import render_docx
from drafter.render.docx_styles import level_style
from render_fixtures import sample_bill

PARAGRAPH_STYLES = (
    "Bill Title",
    "Bill Caption",
    "Enacting Clause",
    "Bill Section",
    "Section Heading",
)
CHARACTER_STYLES = ("Inserted Text", "Deleted Text", "Bill Section Label", "Section Catchline")
STATES = ("texas", "missouri", "new-york", "generic")


def _open(name: str, **kwargs: str) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_docx(sample_bill(name=name), **kwargs)))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def documents() -> dict[str, docx.document.Document]:
    return {name: _open(name) for name in STATES}


@pytest.mark.parametrize("name", STATES)
def test_styles_read_back_by_name_and_runs_carry_no_direct_formatting(
    documents: dict[str, docx.document.Document], name: str
) -> None:
    document = documents[name]
    styles = document.styles
    for style in PARAGRAPH_STYLES:
        assert styles[style].type == WD_STYLE_TYPE.PARAGRAPH
    for style in CHARACTER_STYLES:
        assert styles[style].type == WD_STYLE_TYPE.CHARACTER
    for level in range(4):
        assert styles[level_style(level)].type == WD_STYLE_TYPE.PARAGRAPH
    used = {p.style.name for p in document.paragraphs}
    assert {"Bill Caption", "Enacting Clause", "Bill Section", "Section Heading"} <= used
    assert "Subsection Level 2" in used
    for para in document.paragraphs:
        assert para.style.name != "Normal", para.text
        # No bold, italic, underline, size or indent set on the paragraph or a run.
        assert para.paragraph_format.left_indent is None
        for run in para.runs:
            assert run.font.bold is None and run.font.underline is None, run.text
            assert run.font.italic is None and run.font.size is None, run.text


def test_texas_caption_is_plain_and_new_law_is_underlined(
    documents: dict[str, docx.document.Document],
) -> None:
    document = documents["texas"]
    caption = next(p for p in document.paragraphs if p.text.startswith("relating to"))
    assert caption.style.name == "Bill Caption"
    assert caption.style.font.bold is False
    assert document.styles["Inserted Text"].font.underline is True
    heading = next(p for p in document.paragraphs if p.style.name == "Section Heading")
    assert heading.text.startswith("Art. 55A.0101.")
    assert {r.style.name for r in heading.runs} <= {"Inserted Text", "Inserted Catchline"}
    body = [p for p in document.paragraphs if p.style.name.startswith("Subsection Level")]
    assert body and all(r.style.name == "Inserted Text" for p in body for r in p.runs)
    # The bill's own sections are not new law.
    section = next(p for p in document.paragraphs if p.style.name == "Bill Section")
    assert "Inserted Text" not in {r.style.name for r in section.runs}


def test_marks_follow_the_profile(documents: dict[str, docx.document.Document]) -> None:
    assert documents["missouri"].styles["Inserted Text"].font.bold is True
    assert documents["missouri"].styles["Deleted Text"].font.bold is True
    assert documents["texas"].styles["Deleted Text"].font.strike is True
    assert documents["new-york"].styles["Deleted Text"].font.strike is None
    # The generic style marks nothing as new: no run is in the Inserted Text style.
    runs = [r for p in documents["generic"].paragraphs for r in p.runs]
    assert all(r.style.name != "Inserted Text" for r in runs)


def _page_fields(part) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for t in part._element.iter(qn("w:instrText")) if t.text.strip() == "PAGE")


@pytest.mark.parametrize(
    ("name", "head", "in_header"),
    [
        ("texas", "H.B. No. [NUMBER]", False),
        ("missouri", "H.B. [NUMBER]", False),
        ("new-york", "[S. OR A.] [NUMBER]", True),
        ("generic", None, False),
    ],
)
def test_page_number_field_and_running_head(
    documents: dict[str, docx.document.Document], name: str, head: str | None, in_header: bool
) -> None:
    section = documents[name].sections[0]
    later = section.header if in_header else section.footer
    assert _page_fields(later) == 1
    if head is None:
        assert not section.different_first_page_header_footer
        return
    # The running head prints after page 1; page 1 still has its page number.
    assert section.different_first_page_header_footer
    assert head in section.header.paragraphs[0].text
    first = section.first_page_header if in_header else section.first_page_footer
    assert _page_fields(first) == 1
    assert head not in section.first_page_header.paragraphs[0].text


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("texas", "By: [AUTHOR]\tH.B. No. [NUMBER]"),
        ("missouri", "[SESSION] REGULAR SESSION"),
        ("new-york", "STATE OF NEW YORK"),
        ("generic", "AN ACT relating to criminal record relief"),
    ],
)
def test_page_one_opens_with_the_states_header_block(
    documents: dict[str, docx.document.Document], name: str, first: str
) -> None:
    assert documents[name].paragraphs[0].text.startswith(first)


def test_note_is_a_choice() -> None:
    def notes(document: docx.document.Document) -> list[str]:
        return [p.text for p in document.paragraphs if p.style.name == "Drafter Note"]

    assert notes(_open("texas")) == []
    short = notes(_open("texas", note="short"))
    assert short[0].startswith("Prepared with drafter; scored against Polaris 2019")
    assert short[1].startswith("Still to settle:")
    full = notes(_open("texas", note="full"))
    assert "Range of Relief: Vacatur on the merits, 10 / 10" in full
    assert any(line.startswith("Points earned in the text: ") for line in full)


def test_a_bad_page_block_points_at_its_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from conftest import ROOT
    from drafter.errors import UserError
    from drafter.jurisdiction import load_profile_file

    text = (ROOT / "jurisdictions" / "texas.yaml").read_text()
    assert "  line_numbers: per_page\n" in text
    bad = text.replace("  line_numbers: per_page\n", "  line_numbers: weekly\n", 1)
    path = tmp_path / "bad.yaml"
    path.write_text(bad)
    with pytest.raises(UserError) as err:
        load_profile_file(path)
    lines = bad.splitlines()
    assert err.value.line == lines.index("  line_numbers: weekly") + 1, str(err.value)
    assert "line_numbers" in err.value.message


def test_a_profile_without_a_page_block_gets_the_plain_default() -> None:
    from drafter.jurisdiction import load_profile
    from drafter.page import DEFAULT_PAGE

    # Most profiles say nothing about their pages; they need nothing.
    assert load_profile("alabama").page == DEFAULT_PAGE
    assert load_profile("generic").page == DEFAULT_PAGE


def test_paragraph_properties_keep_the_schema_order(
    documents: dict[str, docx.document.Document],
) -> None:
    # Word refuses a document whose w:pPr children are out of the schema's order.
    from drafter.render.docx_styles import _PPR_ORDER

    order = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr")
    order += ("w:widowControl", "w:numPr", *_PPR_ORDER)
    rank = {qn(tag): i for i, tag in enumerate(order)}
    for document in documents.values():
        for ppr in document.styles.element.iter(qn("w:pPr")):
            ranks = [rank[child.tag] for child in ppr]
            assert ranks == sorted(ranks), [child.tag for child in ppr]


def test_explanation_sits_above_page_ones_number(
    documents: dict[str, docx.document.Document],
) -> None:
    footer = documents["missouri"].sections[0].first_page_footer.paragraphs
    assert footer[0].style.name == "Bill Explanation"
    assert footer[0].text.startswith("EXPLANATION: matter in bold-face type")
    assert _page_fields(documents["missouri"].sections[0].first_page_footer) == 1
    later = documents["missouri"].sections[0].footer.paragraphs
    assert all("EXPLANATION" not in p.text for p in later)
    texas = documents["texas"].sections[0].first_page_footer.paragraphs
    assert all("EXPLANATION" not in p.text for p in texas)
