"""`drafter build --note none|short|full`: the drafter note after the bill is a choice."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from conftest import EXAMPLES
from drafter.render.markdown import render_markdown
from drafter.render.text import render_text
from render_fixtures import sample_bill

NOTE = "Prepared with drafter; scored against"
POINTS = "Points earned in the text:"


@pytest.mark.parametrize("render", [render_text, render_markdown])
def test_text_formats_at_each_level(render) -> None:  # type: ignore[no-untyped-def]
    bill = sample_bill(name="texas")
    short, none, full = render(bill), render(bill, note="none"), render(bill, note="full")
    assert NOTE in short and "Still to settle" in short and POINTS not in short
    assert NOTE not in none and "Still to settle" not in none and "drafter" not in none
    assert NOTE in full and POINTS in full and "Range of Relief: Vacatur on the merits" in full
    # The bill itself is the same at every level.
    assert none.rstrip() in short and none.rstrip() in full


def test_build_defaults_short_for_text_and_none_for_word(run_cli, tmp_path: Path) -> None:
    draft = str(EXAMPLES / "best-practice.yaml")
    assert run_cli("build", draft, "-o", str(tmp_path / "b.txt")).code == 0
    assert NOTE in (tmp_path / "b.txt").read_text()
    assert run_cli("build", draft, "-o", str(tmp_path / "b.docx")).code == 0
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs)
    assert "SECTION" in text.upper() and NOTE not in text


def test_build_note_flag(run_cli, tmp_path: Path) -> None:
    draft = str(EXAMPLES / "best-practice.yaml")
    assert run_cli("build", draft, "-o", str(tmp_path / "n.md"), "--note", "none").code == 0
    assert NOTE not in (tmp_path / "n.md").read_text()
    assert run_cli("build", draft, "-o", str(tmp_path / "f.docx"), "--note", "full").code == 0
    data = (tmp_path / "f.docx").read_bytes()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert NOTE in text and POINTS in text
    assert "Coverage: Survivors of any age\n" in text  # the gate, with no "0 / 0"


def test_note_on_a_format_without_one_is_one_line_exit_2(run_cli, tmp_path: Path) -> None:
    draft = str(EXAMPLES / "best-practice.yaml")
    result = run_cli("build", draft, "-o", str(tmp_path / "b.json"), "--note", "full")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafter: error: ")
    assert "--note applies to txt, md, docx" in lines[0]
    assert not (tmp_path / "b.json").exists()
    result = run_cli("build", draft, "-o", str(tmp_path / "b.txt"), "--note", "loud")
    assert result.code == 2 and "invalid choice" in result.err
