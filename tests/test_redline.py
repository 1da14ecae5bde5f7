"""Redlines: today's text against the draft's, provision by provision, in each state's
convention (drafter.redline.aligned over the amender's plan)."""

from __future__ import annotations

import io

import pytest

from conftest import ROOT
from drafter.amend.bill import build_amending_bill
from drafter.draft import BillTarget, Draft
from drafter.language import load_language
from drafter.redline import Redline, aligned, iter_runs
from drafter.render.redline import redline_docx, redline_markdown, redline_text
from drafter.rubric import load_rubric

RUBRIC = load_rubric()
LANGUAGE = load_language()
TOP = {c.id: c.statute_tiers[-1].id for c in RUBRIC.categories}
#: An older wording of Missouri's 610.131 (a corpus text of ours, not the statute).
OLD = (ROOT / "tests" / "corpus" / "R20-rsmo-minors-expungement.txt").read_text(encoding="utf-8")


def redline_for(jurisdiction: str | None, old: str = OLD) -> Redline:
    draft = Draft(
        jurisdiction=jurisdiction,
        coverage="adults",
        choices=TOP,
        bill=BillTarget(action="reenact", section="610.131", chapter="610"),
    )
    return aligned(build_amending_bill(old, draft, RUBRIC, LANGUAGE))


def test_words_are_kept_deleted_or_inserted() -> None:
    red = redline_for("Missouri")
    kinds = {r.kind for r in iter_runs(red)}
    assert kinds == {"equal", "insert", "delete"}
    deleted = " ".join(r.text for r in iter_runs(red) if r.kind == "delete")
    inserted = " ".join(r.text for r in iter_runs(red) if r.kind == "insert")
    assert "less than eighteen years old" in deleted
    assert "regardless of the victim's age" in inserted
    # Kept and deleted words, in order, are today's text: nothing is matched out of place.
    old = " ".join(r.text for r in iter_runs(red) if r.kind != "insert")
    assert "less than eighteen years old when the offense was committed" in old
    assert red.inserted_words > 0 and red.deleted_words > 0


def test_a_section_against_a_draft_of_itself_has_no_changes() -> None:
    from drafter.reader import analyze

    reading = analyze(OLD, RUBRIC)
    draft = reading.draft(RUBRIC, jurisdiction="Texas")
    red = aligned(build_amending_bill(OLD, draft, RUBRIC, LANGUAGE))
    assert {r.kind for r in iter_runs(red)} == {"equal"}


def test_missouri_markdown_new_bold_deleted_in_bold_brackets() -> None:
    md = redline_markdown(redline_for("Missouri"))
    assert "**\\[" in md and "\\]**" in md
    assert "**A victim of human trafficking may seek relief" in md
    assert "bold type is new" in md and "bold brackets" in md


def test_texas_markdown_underlined_and_struck() -> None:
    md = redline_markdown(redline_for("Texas"))
    assert "<u>" in md and "\\[~~" in md and "~~\\]" in md
    assert "underlined is new" in md


def test_new_york_markdown_underlined_and_bracketed() -> None:
    md = redline_markdown(redline_for("New York"))
    assert "<u>" in md and "~~" not in md
    assert "\\[" in md


def test_plain_text_markers_and_legend() -> None:
    txt = redline_text(redline_for("Missouri"))
    assert "{+" in txt and "+}" in txt and "[" in txt
    assert "plain-text copy" in txt
    assert all(len(line) <= 72 or " " not in line.strip() for line in txt.splitlines())


@pytest.mark.parametrize(
    ("jurisdiction", "inserted", "deleted"),
    [
        ("Missouri", {"bold"}, {"bold"}),
        ("Texas", {"underline"}, {"strike"}),
        ("New York", {"underline"}, set()),
    ],
)
def test_word_runs_carry_the_convention(
    jurisdiction: str, inserted: set[str], deleted: set[str]
) -> None:
    import docx

    data = redline_docx(redline_for(jurisdiction))
    document = docx.Document(io.BytesIO(data))
    marks_new: set[str] = set()
    marks_old: set[str] = set()
    for para in document.paragraphs:
        for run in para.runs:
            if "regardless of the victim's age" in run.text:
                marks_new |= {m for m in ("bold", "underline") if getattr(run, m)}
            if "less than eighteen years old" in run.text:
                marks_old |= {"bold"} if run.bold else set()
                marks_old |= {"strike"} if run.font.strike else set()
    assert marks_new == inserted
    assert marks_old == deleted
    text = "\n".join(p.text for p in document.paragraphs)
    assert "[" in text


def test_maryland_and_alaska_mark_matter_in_capitals_nevada_in_bold_italics() -> None:
    # Issue 12: the states' own conventions (forms.marking) are drawn, not only recorded.
    md = redline_markdown(redline_for("Maryland"))
    assert "REGARDLESS OF THE VICTIM'S AGE" in md and "regardless of the victim's age" not in md
    assert "in CAPITALS is new" in md
    ak = " ".join(redline_text(redline_for("Alaska")).split())
    assert "LESS THAN EIGHTEEN YEARS OLD" in ak
    assert "regardless of the victim's age" in ak
    nv = redline_markdown(redline_for("Nevada"))
    assert "***" in nv
    assert "in bold italics is new" in nv


def test_word_marks_capitals_and_bold_italics() -> None:
    import docx

    for state, check in (
        ("Maryland", lambda r: r.text.isupper()),
        ("Nevada", lambda r: bool(r.bold and r.italic)),
    ):
        data = redline_docx(redline_for(state))
        runs = [r for p in docx.Document(io.BytesIO(data)).paragraphs for r in p.runs]
        new = [
            r for r in runs if "victim's age" in r.text.lower() and "regardless" in r.text.lower()
        ]
        assert new and all(check(r) for r in new), state
