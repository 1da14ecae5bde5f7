"""Amending today's law in place: only the provisions that carry a changed category change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from drafter.amend import Amendment, Piece, plan_amendment
from drafter.amend.references import NUMBER_WORDS
from drafter.amend.today import Today, today_tiers
from drafter.draft import Draft
from drafter.jurisdiction import load_profile
from drafter.language import load_language
from drafter.reader import analyze
from drafter.rubric import COVERAGE, load_rubric
from shared_data import ATLAS, STATUTES, require_shared

RUBRIC = load_rubric()
LANGUAGE = load_language()
TEXAS_STYLE = ROOT / "tests" / "amend_fixtures" / "texas-style.txt"

#: (file under the shared folder or the fixture, jurisdiction)
TEXTS = [
    ("statutes/MO-610.131.txt", "Missouri"),
    ("atlas/statutes/NY-CPL-440.10.txt", "New York"),
    ("atlas/statutes/FL-943.0583.txt", "Florida"),
    ("atlas/statutes/ID-67-3014.txt", "Idaho"),
    ("atlas/statutes/CT-54-95c.txt", "Connecticut"),
    ("fixture", "Texas"),
]


def _text(name: str) -> str:
    if name == "fixture":
        return TEXAS_STYLE.read_text(encoding="utf-8")
    return (require_shared() / name).read_text(encoding="utf-8")


def _today(text: str, jurisdiction: str) -> Today:
    return today_tiers(analyze(text, RUBRIC), load_profile(jurisdiction), text)


def _plan(text: str, jurisdiction: str, **changes: str) -> tuple[Amendment, Draft]:
    """The plan for a draft that is today's law (as the amender reads it) with `changes`."""
    reading = analyze(text, RUBRIC)
    profile = load_profile(jurisdiction)
    today = today_tiers(reading, profile, text)
    draft = today.draft(RUBRIC, jurisdiction=jurisdiction)
    for cat, tier in changes.items():
        draft = draft.with_coverage(tier, RUBRIC) if cat == COVERAGE else draft.choose(cat, tier)  # type: ignore[arg-type]
    return plan_amendment(text, draft, RUBRIC, LANGUAGE, profile, reading, today), draft


def _carriers(text: str, amendment: Amendment, category: str) -> set[tuple[str, ...]]:
    """The provisions whose words the reader found for the category (independently of the plan)."""
    reading = analyze(text, RUBRIC)
    finding = reading.finding(category)
    quotes = {e.quote for e in finding.evidence if e.role in ("match", "support") and e.quote}
    out = set()
    for r in amendment.provisions:
        if any(re.search(r"(?<!\w)" + re.escape(q) + r"(?!\w)", r.old_text) for q in quotes):
            out.add(r.old_path or r.path)
    return out


def _cases() -> list[tuple[str, str, str, str]]:
    out = []
    for name, state in TEXTS:
        cats = [(COVERAGE, "adults"), (COVERAGE, "minors_only")] + [
            (c.id, t.id) for c in RUBRIC.categories for t in c.statute_tiers
        ]
        out.extend((name, state, c, t) for c, t in cats)
    return out


#: A label or the label inside a reference ("3.", "(c)", "2", "two"): what renumbering changes.
_LABEL_ONLY = re.compile(r"\(?[0-9A-Za-z]{1,5}(?:-\d+)?\)?\.?|" + "|".join(NUMBER_WORDS), re.I)


def check_only_carriers_change(text: str, amendment: Amendment, category: str) -> None:
    """Only the provisions that carry the category are struck or replaced; every other
    provision survives word for word (its label, or a label it refers to, may be
    renumbered, and nothing else)."""
    carriers = _carriers(text, amendment, category)
    struck = {r.old_path or r.path for r in amendment.provisions if r.action == "strike"}
    for r in amendment.provisions:
        if r.action == "insert":
            assert category in r.categories or not r.categories, r
            continue
        today = r.old_path or r.path
        if today in carriers:
            continue
        if r.action == "strike" and any(
            today[: len(c)] == c and c in struck and r.old_text.strip() for c in carriers
        ):
            continue  # an item of a carrier's lead-in struck with it
        assert r.action == "keep", (r.path, r.action, r.pieces)
        marked = [p for p in r.pieces if p.kind != "equal"]
        assert all(_LABEL_ONLY.fullmatch(p.text) for p in marked), (r.path, marked)
        if not marked:
            assert r.old_text == r.new_text


_SUCH = re.compile(r"\bsuch ([a-z]+)\b", re.I)


def check_no_dangling_such(amendment: Amendment) -> None:
    """Every "such NOUN" the bill leaves has the noun somewhere before it, as it had in
    today's text (a drafter restores the noun when the bill strikes its antecedent)."""
    old = " ".join(r.old_text for r in amendment.provisions if r.action != "insert")
    new = " ".join(r.new_text for r in amendment.provisions)
    for m in _SUCH.finditer(new):
        noun = m.group(1).casefold()
        if noun in ("a", "an", "other", "as"):
            continue
        had = re.search(rf"\b{noun}", old[: old.find(m.group())], re.I) is not None
        has = re.search(rf"\b{noun}", new[: m.start()], re.I) is not None
        assert has or not had, (m.group(), new[max(0, m.start() - 200) : m.end()])


@pytest.mark.parametrize(("name", "state", "category", "tier"), _cases())
def test_one_change_touches_only_the_provisions_that_carry_it(
    name: str, state: str, category: str, tier: str
) -> None:
    text = _text(name)
    before = _today(text, state).tiers.get(category)
    amendment, _ = _plan(text, state, **{category: tier})
    if before == tier:
        # Asking for what the text already reads changes nothing at all.
        assert all(r.action == "keep" and r.old_text == r.new_text for r in amendment.provisions)
        return
    check_only_carriers_change(text, amendment, category)
    check_no_dangling_such(amendment)
    if any(w.kind == "reading_differs" and w.subject == category for w in amendment.warnings):
        # The reader's own lesser reading of a category the profile reads better:
        # asking for it narrows nothing (test_a_draft_started_from_the_reader_...).
        assert all(r.action == "keep" and not r.changed for r in amendment.provisions)
        return
    change = next(c for c in amendment.changes if c.category == category)
    assert change.new_tier == tier
    # The change is made somewhere: words struck or added, or a new provision.
    touched = [r for r in amendment.provisions if category in r.categories]
    assert touched or change.action == "insert"


def test_a_plan_that_strikes_everything_fails_the_check() -> None:
    """The check above is not vacuous: striking every provision breaks it."""
    from dataclasses import replace

    from drafter.amend.model import Piece

    text = TEXAS_STYLE.read_text(encoding="utf-8")
    amendment, _ = _plan(text, "Texas", range_of_relief="vacatur")
    check_only_carriers_change(text, amendment, "range_of_relief")
    wrecked = replace(
        amendment,
        provisions=tuple(
            replace(r, action="strike", pieces=(Piece("delete", r.old_text),))
            for r in amendment.provisions
        ),
    )
    with pytest.raises(AssertionError):
        check_only_carriers_change(text, wrecked, "range_of_relief")


def test_missouri_adults_keeps_subsection_2() -> None:
    text = _text("statutes/MO-610.131.txt")
    amendment, _ = _plan(
        text,
        "Missouri",
        coverage="adults",
        range_of_relief="vacatur",
        nexus_to_trafficking="as_a_result",
    )
    assert amendment.number == "610.131"
    one, two = amendment.provision(("1.",)), amendment.provision(("2.",))
    assert one is not None and two is not None
    assert one.action == "replace" and two.action == "keep"
    deleted = " ".join(p.text for p in one.pieces if p.kind == "delete")
    inserted = " ".join(p.text for p in one.pieces if p.kind == "insert")
    assert "under the age of eighteen" in deleted
    assert "regardless of the victim's age" in inserted
    assert "shall vacate" in inserted
    # Subsection 2's protections are restated word for word, but for a pointer back at
    # the struck words ("such arrest": the arrest the struck request named).
    assert "as if such event had never taken place" in two.new_text
    assert two.new_text == two.old_text.replace("prior to such arrest", "prior to the arrest")
    assert [p.text for p in two.pieces if p.kind != "equal"] == ["such", "the"]
    # Words of categories that do not change stay: the prostitution offense, the conviction.
    assert "prostitution under section 567.020" in one.new_text
    # New terms get definitions, at the end (Missouri adds subsections at the end).
    defs = [r for r in amendment.provisions if r.path[:1] == ("3.",)]
    assert all(r.action == "insert" for r in defs)
    assert defs[0].new_text == "3. As used in this section, the following terms mean:"
    # Each definition its own provision, as the RSMo prints them.
    assert [r.path for r in defs[1:]] == [("3.", f"({n})") for n in range(1, len(defs))]
    assert defs[-1].new_text.startswith('(3) "Victim of human trafficking",')
    assert defs[-1].new_text.endswith(".") and defs[1].new_text.endswith(";")


def test_coverage_alone_keeps_the_coercion_route() -> None:
    text = _text("statutes/MO-610.131.txt")
    amendment, _ = _plan(text, "Missouri", coverage="adults")
    one = amendment.provision(("1.",))
    assert one is not None
    assert "such person was acting under the coercion" in one.new_text
    assert "under the age of eighteen" not in one.new_text


def test_texas_inserts_beside_without_renumbering() -> None:
    text = TEXAS_STYLE.read_text(encoding="utf-8")
    amendment, _ = _plan(
        text, "Texas", nexus_to_trafficking="as_a_result", hearing_requirement="none_required"
    )
    labels = [r.label for r in amendment.provisions]
    # Nothing already there is relabelled.
    assert labels[:4] == ["(a)", "(b)", "(c)", "(d)"] or "(a-1)" in labels
    assert [r.label for r in amendment.provisions if r.action != "insert"] == [
        "(a)",
        "(b)",
        "(c)",
        "(d)",
    ]
    inserted = [r.label for r in amendment.provisions if r.action == "insert" and len(r.path) == 1]
    assert inserted and all(re.fullmatch(r"\([a-z](-\d)?\)", x) for x in inserted)


def test_excerpt_is_said() -> None:
    text = _text("atlas/statutes/NY-CPL-440.10.txt")
    amendment, _ = _plan(text, "New York", confidentiality="none")
    assert amendment.excerpt
    assert any(w.kind == "excerpt" for w in amendment.warnings)


def test_shared_paths_exist_in_ci() -> None:
    if STATUTES is None or ATLAS is None:
        require_shared()
    assert Path(str(STATUTES)).is_dir()


def test_new_york_strikes_a_subparagraph_and_renumbers_the_next() -> None:
    text = _text("atlas/statutes/NY-CPL-440.10.txt")
    amendment, _ = _plan(text, "New York", confidentiality="none")
    two = next(r for r in amendment.provisions if r.old_path == ("1.", "(i)", "(iii)"))
    assert two.path == ("1.", "(i)", "(ii)") and two.action == "keep"
    assert two.pieces[:2] == (Piece("delete", "(iii)"), Piece("insert", "(ii)"))
    struck = [r for r in amendment.provisions if r.action == "strike"]
    assert [r.path for r in struck] == [("1.", "(i)", "(ii)")]
    # The "and" that joined the struck item to the last moves to the item before it.
    one = amendment.provision(("1.", "(i)", "(i)"))
    assert one is not None and one.new_text.endswith("under this paragraph; and")
    assert one.pieces[-1] == Piece("insert", "and")
    assert two.new_text.endswith("criminal courts; or")
    said = [w.text for w in amendment.warnings if w.kind == "outside_reference"]
    assert any("(iii)" in t and "renumbered" in t for t in said)


def test_new_york_keeps_its_trafficking_crime_list() -> None:
    """The profile reads offenses_covered as all offenses (the penal-law sections name the
    crimes the movant was a victim of): asking for all offenses changes nothing, and a
    change to arrests strikes none of the list."""
    text = _text("atlas/statutes/NY-CPL-440.10.txt")
    today = _today(text, "New York")
    assert today.tiers["offenses_covered"] == "all_offenses"
    assert "offenses_covered" in today.from_profile and "new-york.yaml" in today.said()
    amendment, _ = _plan(text, "New York", arrests_and_adjudications="comprehensive")
    para = amendment.provision(("1.", "(i)"))
    assert para is not None
    assert "sex trafficking under section 230.34 of the penal law" in para.new_text
    assert para.old_text == para.new_text


def test_missouri_confidentiality_is_read_from_the_profile() -> None:
    """Subsection 2 closes records only after relief (the profile reads none): asking for
    express confidentiality adds a provision and keeps subsection 2 word for word."""
    text = _text("statutes/MO-610.131.txt")
    assert _today(text, "Missouri").tiers["confidentiality"] == "none"
    amendment, _ = _plan(text, "Missouri", confidentiality="express")
    two = amendment.provision(("2.",))
    assert two is not None and two.action == "keep" and two.old_text == two.new_text
    new = [r for r in amendment.provisions if r.action == "insert"]
    assert new and "confidentiality" in new[0].categories


def test_reader_baseline_without_a_reading_of_this_text() -> None:
    """A text the profile's reading was not made from (its quotes are not in it) is
    read by the reader alone."""
    text = TEXAS_STYLE.read_text(encoding="utf-8")
    today = _today(text, "Florida")
    assert not today.from_profile and today.tiers == analyze(text, RUBRIC).tiers()
    assert "drafter analyze" in today.said()


def test_a_draft_started_from_the_reader_narrows_nothing() -> None:
    """A session that started from drafter analyze's reading keeps its lesser tier for a
    category the profile reads better (Missouri's nexus): no words are added for it, and
    the bill says so."""
    text = _text("statutes/MO-610.131.txt")
    reading = analyze(text, RUBRIC)
    draft = reading.draft(RUBRIC, jurisdiction="Missouri")
    today = _today(text, "Missouri")
    assert today.differs["nexus_to_trafficking"] == ("as_a_result", "under_duress")
    amendment = plan_amendment(
        text, draft, RUBRIC, LANGUAGE, load_profile("Missouri"), reading, today
    )
    assert not amendment.changes
    assert all(r.action == "keep" for r in amendment.provisions)
    kept = [w for w in amendment.warnings if w.kind == "reading_differs"]
    assert "nexus_to_trafficking" in {w.subject for w in kept}


def test_missouri_striking_the_first_sentence_restores_the_person() -> None:
    """Every category raised at once strikes subsection 1's first sentence, which named
    the person: the kept coercion sentence says "a person", not "such person"."""
    text = _text("statutes/MO-610.131.txt")
    amendment, _ = _plan(
        text,
        "Missouri",
        coverage="adults",
        range_of_relief="vacatur_on_merits",
        arrests_and_adjudications="comprehensive",
        offenses_covered="all_offenses",
    )
    one = amendment.provision(("1.",))
    assert one is not None
    assert one.pieces[1].kind == "delete" and one.pieces[1].text.startswith("Notwithstanding")
    assert "If the court determines that a person was acting under the coercion" in one.new_text
    assert "such person was acting" not in one.new_text
    check_no_dangling_such(amendment)


def test_florida_nexus_cut_leaves_a_sentence() -> None:
    """943.0583(3): the nexus words sit in a relative clause that runs on into the verb
    ("A person who is a victim ... may petition ... committed while the person was a
    victim ..., which offense was committed ..."); only the "while" clause goes."""
    text = _text("atlas/statutes/FL-943.0583.txt")
    amendment, _ = _plan(text, "Florida", nexus_to_trafficking="as_a_result")
    three = amendment.provision(("(3)",))
    assert three is not None
    struck = [p.text for p in three.pieces if p.kind == "delete"]
    assert struck == ["while the person was a victim of human trafficking"]
    assert three.new_text.startswith(
        "(3) A person who is a victim of human trafficking may petition for the expunction"
    )
    assert "reported to have been committed, which offense was committed" in three.new_text


def test_a_struck_lead_in_takes_its_items() -> None:
    """943.0583(11)(a) opens a list ("... is confidential and exempt from ...:"): struck
    whole, its items 1. and 2. go with it, and (b) takes the subsection's label."""
    text = _text("atlas/statutes/FL-943.0583.txt")
    amendment, _ = _plan(text, "Florida", confidentiality="none")
    gone = [r.old_path or r.path for r in amendment.provisions if r.action == "strike"]
    assert gone == [("(11)", "(a)"), ("(11)", "(a)", "1."), ("(11)", "(a)", "2.")]
    first = next(r for r in amendment.provisions if r.old_path == ("(11)", "(b)"))
    assert first.new_text.startswith("(11)(a) Criminal investigative information")
    # Its items keep their own labels, unmarked.
    item = next(r for r in amendment.provisions if r.old_path == ("(11)", "(b)", "1."))
    assert all(p.kind == "equal" for p in item.pieces)


def test_an_excerpts_gap_is_not_restated() -> None:
    text = _text("atlas/statutes/NY-CPL-440.10.txt")
    amendment, _ = _plan(text, "New York", confidentiality="none")
    assert not any("..." in r.new_text or "…" in r.new_text for r in amendment.provisions)
