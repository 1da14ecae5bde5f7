"""The built bills in examples/ are what the CLI builds today."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES


def test_best_practice_markdown_is_current(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "bill.md"
    assert run_cli("build", str(EXAMPLES / "best-practice.yaml"), "-o", str(out)).code == 0
    assert out.read_text() == (EXAMPLES / "best-practice.md").read_text(), (
        "examples/best-practice.md is stale: rebuild it with "
        "drafter build examples/best-practice.yaml -o examples/best-practice.md --force"
    )


def test_best_practice_docx_opens_with_the_same_text() -> None:
    import docx

    document = docx.Document(str(EXAMPLES / "best-practice.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "as a result of the movant's having been a victim of human trafficking" in text
    assert "take such additional action as is appropriate in the circumstances" in text
    # Built by today's renderer: named styles, no drafter note in a Word copy.
    assert {"Bill Caption", "Enacting Clause", "Section Heading"} <= {
        p.style.name for p in document.paragraphs
    }
    assert "Prepared with drafter" not in text
