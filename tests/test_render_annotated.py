"""The committee-file companion: provisions beside category, tier and points."""

from __future__ import annotations

import io

import docx
from markdown_it import MarkdownIt

from drafter.render.annotated import (
    category_totals,
    render_annotated_docx,
    render_annotated_markdown,
    rows,
)
from render_fixtures import sample_bill


def test_rows_follow_the_provenance() -> None:
    bill = sample_bill(name="missouri")
    found = rows(bill)
    assert len(found) == 10
    first = found[0]
    assert first.provision == "610.132, subsection 2"
    assert first.provenance.category == "arrests_and_adjudications"
    totals = category_totals(found)
    assert len(totals) == 10
    assert sum(t.points for t in totals) == 97


def test_annotated_markdown() -> None:
    out = render_annotated_markdown(sample_bill(name="texas"))
    assert out.startswith("# Committee file: Criminal record relief")
    assert "Polaris 2019 (polaris-2019)" in out
    assert "| Article 55A.0101, Subsection (b) |" not in out
    assert "| 55A.0101, Subsection (b) | A person arrested" in out
    assert "| Offenses Covered | All offenses | 30 / 30 |" in out
    assert "| **Total** | | **97** |" in out
    assert "Score on the whole rubric: **97 / 100, A**" in out
    assert "[TRAFFICKING\\_STATUTE]" not in out
    assert "## Still to settle" in out
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert html.count("<tr>") == 1 + 10 + 1 + 10 + 1


def test_annotated_docx() -> None:
    data = render_annotated_docx(sample_bill(name="generic"))
    document = docx.Document(io.BytesIO(data))
    provisions, by_category = document.tables
    assert len(provisions.rows) == 11
    assert provisions.rows[1].cells[2].text == "Arrests and Adjudications Relief"
    assert provisions.rows[1].cells[4].text == "10 / 10"
    assert by_category.rows[-1].cells[2].text == "97"
    assert "polaris-2019" in document.core_properties.subject
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Prepared with drafter; scored against Polaris 2019" in text
