"""Redlines: current text vs the enacted section, word by word, in each state's convention."""

from __future__ import annotations

import io

import pytest

from conftest import ROOT
from drafter.assembly import build_bill
from drafter.draft import BillTarget, Draft
from drafter.language import load_language
from drafter.redline import iter_runs, old_paragraphs, redline
from drafter.render.redline import redline_docx, redline_markdown, redline_text
from drafter.render.text import render_text
from drafter.rubric import load_rubric

RUBRIC = load_rubric()
LANGUAGE = load_language()
TOP = {c.id: c.statute_tiers[-1].id for c in RUBRIC.categories}
OLD = (ROOT / "tests" / "corpus" / "R20-rsmo-minors-expungement.txt").read_text(encoding="utf-8")


def bill_for(jurisdiction: str | None):  # type: ignore[no-untyped-def]
    draft = Draft(
        jurisdiction=jurisdiction,
        coverage="adults",
        choices=TOP,
        bill=BillTarget(action="reenact", section="610.131", chapter="610"),
    )
    return build_bill(draft, RUBRIC, LANGUAGE)


def test_words_are_kept_deleted_or_inserted() -> None:
    red = redline(OLD, bill_for("Missouri"))
    kinds = {r.kind for r in iter_runs(red)}
    assert kinds == {"equal", "insert", "delete"}
    deleted = " ".join(r.text for r in iter_runs(red) if r.kind == "delete")
    inserted = " ".join(r.text for r in iter_runs(red) if r.kind == "insert")
    assert "less than eighteen" in deleted
    assert "regardless of the victim's age" in inserted
    # Reading the kept and inserted words gives the new section; kept and deleted, the old.
    new = " ".join(r.text for r in iter_runs(red) if r.kind != "delete")
    old = " ".join(r.text for r in iter_runs(red) if r.kind != "insert")
    assert " ".join(new.split()) == " ".join(
        " ".join(p[0] for p in _statute(bill_for("Missouri"))).split()
    )
    assert " ".join(old.split()) == " ".join(" ".join(old_paragraphs(OLD)).split())
    assert red.inserted_words > 0 and red.deleted_words > 0


def _statute(bill):  # type: ignore[no-untyped-def]
    from drafter.redline import _statute_blocks

    return _statute_blocks(bill)[1]


def test_a_section_against_itself_has_no_changes() -> None:
    bill = bill_for("Texas")
    same = "\n\n".join(text for text, _ in _statute(bill))
    red = redline(same, bill)
    assert {r.kind for r in iter_runs(red)} == {"equal"}


def test_missouri_markdown_new_bold_deleted_in_bold_brackets() -> None:
    md = redline_markdown(redline(OLD, bill_for("Missouri")))
    assert "**\\[Expungement for persons less than eighteen" in md
    # Missouri bills print no catchline: the old one is deleted, no new one added.
    assert "**1. As used in this section" in md
    assert "bold type is new" in md and "bold brackets" in md


def test_texas_markdown_underlined_and_struck() -> None:
    md = redline_markdown(redline(OLD, bill_for("Texas")))
    assert "<u>" in md and "\\[~~" in md and "~~\\]" in md
    assert "underlined is new" in md


def test_new_york_markdown_underlined_and_bracketed() -> None:
    md = redline_markdown(redline(OLD, bill_for("New York")))
    assert "<u>" in md and "~~" not in md
    assert "\\[610.131. Expungement for persons" in md


def test_plain_text_markers_and_legend() -> None:
    txt = redline_text(redline(OLD, bill_for("Missouri")))
    assert "{+" in txt and "+}" in txt and "[Expungement" in txt
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
def test_word_runs_carry_the_convention(jurisdiction, inserted, deleted) -> None:
    import docx

    data = redline_docx(redline(OLD, bill_for(jurisdiction)))
    document = docx.Document(io.BytesIO(data))
    marks_new: set[str] = set()
    marks_old: set[str] = set()
    for para in document.paragraphs:
        for run in para.runs:
            if "regardless of the victim's age" in run.text:
                marks_new |= {m for m in ("bold", "underline") if getattr(run, m)}
            if "less than eighteen" in run.text:
                marks_old |= {"bold"} if run.bold else set()
                marks_old |= {"strike"} if run.font.strike else set()
    assert marks_new == inserted
    assert marks_old == deleted
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Expungement for persons" in text and "[" in text


def test_short_shared_words_between_changes_are_folded() -> None:
    bill = bill_for("Missouri")
    red = redline("Alpha beta the gamma delta of epsilon.", bill)
    # "the" and "of" alone never stand as kept text between two changes.
    runs = list(iter_runs(red))
    for before, run, after in zip(runs, runs[1:], runs[2:], strict=False):
        if run.kind == "equal" and before.kind != "equal" and after.kind != "equal":
            assert len(run.text.split()) > 2


def test_old_text_paragraphs() -> None:
    assert old_paragraphs("a b\n\nc\nd") == ["a b", "c d"]
    assert old_paragraphs("one\ntwo\n") == ["one", "two"]
    assert old_paragraphs("vaca-\n  tur\n\nx") == ["vacatur", "x"]
    assert render_text(bill_for(None))  # the generic profile renders too


def test_maryland_and_alaska_mark_matter_in_capitals_nevada_in_bold_italics() -> None:
    # Issue 12: the states' own conventions (forms.marking) are drawn, not only recorded.
    md = redline_markdown(redline(OLD, bill_for("Maryland")))
    assert "REGARDLESS OF THE VICTIM'S AGE" in md and "regardless of the victim's age" not in md
    assert "Expungement for persons less than eighteen\\]" in md
    assert "in CAPITALS is new" in md
    ak = " ".join(redline_text(redline(OLD, bill_for("Alaska"))).split())
    assert "EXPUNGEMENT FOR PERSONS LESS THAN EIGHTEEN" in ak
    assert "regardless of the victim's age" in ak
    nv = redline_markdown(redline(OLD, bill_for("Nevada")))
    assert "***" in nv
    assert "in bold italics is new" in nv


def test_word_marks_capitals_and_bold_italics() -> None:
    import docx

    for state, check in (
        ("Maryland", lambda r: r.text.isupper()),
        ("Nevada", lambda r: bool(r.bold and r.italic)),
    ):
        data = redline_docx(redline(OLD, bill_for(state)))
        runs = [r for p in docx.Document(io.BytesIO(data)).paragraphs for r in p.runs]
        new = [
            r for r in runs if "victim's age" in r.text.lower() and "regardless" in r.text.lower()
        ]
        assert new and all(check(r) for r in new), state
