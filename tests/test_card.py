"""Scorecards in the report's layout, with a narrative, alone or against a baseline."""

from __future__ import annotations

from conftest import EXAMPLES
from drafter.draft import Draft, load_draft
from drafter.render.card import card_markdown, card_text, narrative
from drafter.rubric import load_rubric
from drafter.scoring import score

RUBRIC = load_rubric()
MISSOURI = score(RUBRIC, load_draft(EXAMPLES / "missouri-2019.yaml", RUBRIC))
STRONG = score(RUBRIC, load_draft(EXAMPLES / "strong-b.yaml", RUBRIC))


def test_minors_only_card_follows_the_seed_layout() -> None:
    lines = card_text(MISSOURI, RUBRIC).splitlines()
    assert lines[0] == "Missouri"
    assert lines[2].split() == ["OVERALL", "SCORE", "0", "/", "100"]
    assert lines[3].split() == ["Ranking", "*", "cannot", "be", "ranked"]
    header = next(i for i, line in enumerate(lines) if line.startswith("PROPOSED CATEGORIES"))
    assert lines[header].rstrip().endswith("AWARDED POINTS")
    rows = lines[header + 1 : header + 12]
    assert [r.strip().rsplit("  ", 1)[0].strip() for r in rows] == [
        c.title for c in RUBRIC.categories
    ]
    assert lines[header + 12].split()[:2] == ["TOTAL", "0"]
    text = "\n".join(lines)
    assert "minors" in text and "cannot be ranked" in text
    assert "22 of 100" in text  # what its provisions would earn for adults


def test_a_graded_card_reads_its_strengths_and_gaps() -> None:
    text = card_text(STRONG, RUBRIC)
    assert "Grade           B" in text
    paras = narrative(STRONG, RUBRIC)
    assert paras[0].startswith("This draft scores 89 of 100, B.")
    assert "Offenses Covered (7 short)" in paras[1]
    assert "default cut-offs" in text


def test_open_categories_are_marked_and_the_grade_provisional() -> None:
    card = score(RUBRIC, Draft(coverage="adults", choices={"offenses_covered": "all_offenses"}))
    text = card_text(card, RUBRIC, name="Example")
    assert text.startswith("Example\n")
    assert " - / 10" in text
    assert "provisional" in text


def test_no_statute_card() -> None:
    card = score(RUBRIC, Draft(coverage="none"))
    assert "no criminal record relief law" in " ".join(narrative(card, RUBRIC, "Nowhere"))


def test_baseline_columns_current_proposed_change() -> None:
    text = card_text(STRONG, RUBRIC, baseline=MISSOURI, name="Missouri")
    lines = text.splitlines()
    assert lines[0] == "Missouri"
    assert "0 -> 89 / 100" in lines[2]
    header = next(line for line in lines if line.startswith("CATEGORY"))
    assert header.split()[1:] == ["CURRENT", "PROPOSED", "CHANGE"]
    offenses = next(line for line in lines if line.strip().startswith("Offenses Covered"))
    assert offenses.split()[-1] == "+23"
    total = next(line for line in lines if line.startswith("TOTAL"))
    assert total.split()[-1] == "+89"
    assert "makes the state rankable" in " ".join(text.split())


def test_markdown_card() -> None:
    md = card_markdown(MISSOURI, RUBRIC)
    assert md.startswith("# Missouri\n")
    assert "**Ranking:** \\* cannot be ranked" in md
    assert "| Proposed categories | Awarded points |" in md
    assert md.count("\n| ") == 13  # header, 11 categories, total (after the rule)
    compared = card_markdown(STRONG, RUBRIC, baseline=MISSOURI, name="Missouri")
    assert "| Category | Current | Proposed | Change |" in compared
    assert "| **Total** | **0 / 100** | **89 / 100** | **+89** |" in compared
