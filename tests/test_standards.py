"""Criteria standards: the federal grant preference as data, and any other standard from a file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, write
from drafter.criteria import CriteriaStandard
from drafter.criteria_eval import combine, evaluate_draft, evaluate_reading
from drafter.draft import Draft, load_draft
from drafter.errors import UserError
from drafter.rubric import Rubric, load_rubric
from drafter.standards import criteria_standard, list_standards, load_standard

FEDERAL = "federal-10381c3"


@pytest.fixture(scope="module")
def federal(rubric: Rubric) -> CriteriaStandard:
    return criteria_standard(FEDERAL, rubric)


@pytest.fixture(scope="module")
def best(rubric: Rubric) -> Draft:
    return load_draft(EXAMPLES / "best-practice.yaml", rubric)


def test_both_kinds_are_shipped_and_listed(rubric: Rubric) -> None:
    listed = {item.standard.id: item.kind for item in list_standards()}
    assert listed == {"polaris-2019": "points", FEDERAL: "criteria"}


def test_the_federal_standard_holds_the_four_criteria_each_cited(
    federal: CriteriaStandard,
) -> None:
    assert [c.citation for c in federal.criteria] == [
        "34 U.S.C. 10381(c)(3)(A)(i)",
        "34 U.S.C. 10381(c)(3)(A)(ii)",
        "34 U.S.C. 10381(c)(3)(A)(iii)",
        "34 U.S.C. 10381(c)(3)(B)",
    ]
    for criterion in federal.criteria:
        assert len(criterion.reading.split()) > 20, criterion.id
    assert '"may give preferential consideration, where feasible"' in federal.effect
    assert "not a grant" in federal.effect


def test_the_best_practice_draft_meets_every_criterion(
    federal: CriteriaStandard, rubric: Rubric, best: Draft
) -> None:
    status = evaluate_draft(federal, rubric, best)
    assert status.met is True
    assert all(c.met is True and not c.missing for c in status.criteria)
    assert {e.subject for c in status.criteria for e in c.evidence} >= {
        "coverage",
        "offenses_covered",
        "official_documentation",
        "confidentiality",
        "documentation_required",
    }


def _best_with(tmp_path: Path, old: str, new: str) -> Path:
    """The best-practice draft file with one thing changed."""
    text = (EXAMPLES / "best-practice.yaml").read_text(encoding="utf-8")
    assert old in text
    return write(tmp_path, "changed.yaml", text.replace(old, new))


def _documentation_required(tmp_path: Path) -> Path:
    return _best_with(tmp_path, "parameters: {}", "parameters:\n  documentation_required: true")


def _unmet(status: object) -> dict[str, list[tuple[str, object, tuple[object, ...]]]]:
    return {
        c.id: [(m.subject, m.have, m.meet_with) for m in c.missing]
        for c in status.criteria  # type: ignore[attr-defined]
        if c.met is not True
    }


def test_a_prostitution_only_draft_fails_the_vacate_criterion_and_says_which_tiers_meet_it(
    federal: CriteriaStandard, rubric: Rubric, best: Draft
) -> None:
    status = evaluate_draft(federal, rubric, best.choose("offenses_covered", "prostitution_or_sex"))
    assert status.met is False
    assert _unmet(status) == {
        "vacate_process": [
            (
                "offenses_covered",
                "prostitution_or_sex",
                ("nonviolent_felonies", "enumerated_violent_felonies", "all_offenses"),
            )
        ]
    }


def test_all_misdemeanors_is_not_every_nonviolent_offense(
    federal: CriteriaStandard, rubric: Rubric, best: Draft
) -> None:
    for tier, met in [("all_misdemeanors", False), ("nonviolent_felonies", True)]:
        assert evaluate_draft(federal, rubric, best.choose("offenses_covered", tier)).met is met


def test_a_draft_without_the_presumption_fails_only_that_criterion(
    federal: CriteriaStandard, rubric: Rubric, best: Draft
) -> None:
    status = evaluate_draft(
        federal, rubric, best.choose("official_documentation", "no_presumption")
    )
    assert status.met is False
    assert _unmet(status) == {
        "presumption": [("official_documentation", "no_presumption", ("presumption",))]
    }


def test_a_draft_requiring_documentation_fails_criterion_b(
    federal: CriteriaStandard, rubric: Rubric, best: Draft
) -> None:
    status = evaluate_draft(federal, rubric, best.with_parameter("documentation_required", True))
    assert status.met is False
    assert _unmet(status) == {
        "no_documentation_required": [("documentation_required", True, (False,))]
    }
    # The parameter's default (false) meets it; 0 is not false.
    assert (
        evaluate_draft(federal, rubric, best.with_parameter("documentation_required", 0)).met
        is False
    )


def test_a_draft_file_can_say_documentation_is_required(
    tmp_path: Path, federal: CriteriaStandard, rubric: Rubric
) -> None:
    path = _documentation_required(tmp_path)
    draft = load_draft(path, rubric)
    assert draft.parameters["documentation_required"] is True
    assert evaluate_draft(federal, rubric, draft).met is False


@pytest.mark.parametrize(
    ("category", "tier"),
    [
        ("range_of_relief", "partial"),
        ("arrests_and_adjudications", "convictions_only"),
        ("nexus_to_trafficking", "while_a_victim"),
        ("nexus_to_trafficking", "under_duress"),
        ("confidentiality", "none"),
    ],
)
def test_each_reading_of_the_issue_is_encoded(
    federal: CriteriaStandard, rubric: Rubric, best: Draft, category: str, tier: str
) -> None:
    assert evaluate_draft(federal, rubric, best.choose(category, tier)).met is False


def test_minors_only_coverage_fails_and_an_open_category_is_unclear(
    federal: CriteriaStandard, rubric: Rubric, best: Draft
) -> None:
    assert evaluate_draft(federal, rubric, best.with_coverage("minors_only", rubric)).met is False
    status = evaluate_draft(federal, rubric, best.choose("confidentiality", None))
    assert status.met is None
    (criterion,) = status.unmet
    assert criterion.id == "identity_protected"
    assert criterion.missing[0].have is None and criterion.missing[0].met is None


def test_combine_is_all_met_any_failed_else_unclear() -> None:
    assert combine([True, True]) is True
    assert combine([True, None]) is None
    assert combine([None, False, True]) is False


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_complete_draft_is_always_decided_and_met_only_when_every_criterion_is(
    data: st.DataObject,
) -> None:
    rubric = load_rubric()
    federal = criteria_standard(FEDERAL, rubric)
    choices = {
        cat.id: data.draw(st.sampled_from([t.id for t in cat.statute_tiers]))
        for cat in rubric.categories
    }
    params = {"documentation_required": data.draw(st.booleans())}
    draft = Draft(
        coverage=data.draw(st.sampled_from(["adults", "minors_only"])),
        choices=choices,
        parameters=params,
    )
    status = evaluate_draft(federal, rubric, draft)
    assert status.met in (True, False)
    assert status.met == all(c.met for c in status.criteria)
    for c in status.criteria:
        assert (c.met is True) == (not c.missing)
        for m in c.missing:
            assert m.have not in m.meet_with


# --- a third, made-up standard: new data, no new code ---------------------------------

THIRD = """\
format: drafter-rubric/1
kind: criteria
id: made-up-fair-hearing
title: A made-up standard about hearings and fees
short_title: Made-up
applies_to: polaris-2019
citation: Made-up Act sec. 1
source: {title: a test, publisher: nobody, date: 2026-01}
effect: Nothing; it exists to prove a standard is data.
criteria:
  - id: no_appearance
    label: No forced appearance
    citation: Made-up Act sec. 1(a)
    reading: The survivor need not appear in person.
    requires:
      - category: hearing_requirement
        at_least: opposed_waivable
        says: a survivor who may waive presence
      - category: time_limits
        tiers: [no_limit]
        says: no time limit
  - id: no_fees
    label: No fees
    citation: Made-up Act sec. 1(b)
    reading: Filing is free.
    requires:
      - parameter: filing_fee
        values: [0]
        default: 50
        says: no filing fee
"""


def test_a_made_up_standard_loads_from_a_file_and_scores_with_no_code_change(
    tmp_path: Path, rubric: Rubric, best: Draft
) -> None:
    path = write(tmp_path, "third.yaml", THIRD)
    standard = load_standard(path, rubric)
    assert isinstance(standard, CriteriaStandard)
    assert criteria_standard(str(path), rubric).id == "made-up-fair-hearing"
    status = evaluate_draft(standard, rubric, best)
    assert status.met is False  # the fee defaults to 50
    assert _unmet(status) == {"no_fees": [("filing_fee", 50, (0,))]}
    paid = best.with_parameter("filing_fee", 0)
    assert evaluate_draft(standard, rubric, paid).met is True
    hearing = paid.choose("hearing_requirement", "opposed_in_person")
    assert _unmet(evaluate_draft(standard, rubric, hearing)) == {
        "no_appearance": [
            ("hearing_requirement", "opposed_in_person", ("opposed_waivable", "none_required"))
        ]
    }


@pytest.mark.parametrize(
    ("old", "new", "line", "says"),
    [
        ("at_least: opposed_waivable", "at_least: sometimes", 17, "unknown tier 'sometimes'"),
        ("category: time_limits", "category: time_limit", 19, "unknown category 'time_limit'"),
        ("        tiers: [no_limit]\n", "", 19, "either 'tiers'"),
        ("applies_to: polaris-2019", "applies_to: polaris-2023", 6, "score with that rubric"),
        ("kind: criteria", "kind: checklist", 2, "unknown kind 'checklist'"),
        ("  - id: no_fees", "  - id: no_appearance", 22, "used twice"),
        ("        values: [0]\n", "", 27, "lists the 'values'"),
        (
            "        says: no filing fee",
            "        says: no filing fee\n        tiers: [x]",
            27,
            "belong to a category",
        ),
        (
            "        says: no filing fee",
            "        says: no filing fee\n        question: Is filing free?",
            27,
            "go together",
        ),
        (
            "        says: no filing fee",
            "        says: no filing fee\n        asked_on: fees\n        question: Free?",
            27,
            "only a yes/no parameter",
        ),
    ],
)
def test_a_broken_standard_is_one_file_line_error(
    tmp_path: Path, rubric: Rubric, old: str, new: str, line: int, says: str
) -> None:
    assert old in THIRD
    path = write(tmp_path, "bad.yaml", THIRD.replace(old, new, 1))
    with pytest.raises(UserError) as err:
        load_standard(path, rubric)
    assert err.value.line == line, err.value.one_line()
    assert says in err.value.message


def test_a_criteria_standard_is_refused_as_a_points_rubric_and_vice_versa(rubric: Rubric) -> None:
    federal_path = next(i.path for i in list_standards() if i.kind == "criteria")
    with pytest.raises(UserError, match="--standard instead of --rubric"):
        load_rubric(federal_path)
    with pytest.raises(UserError, match="is a points rubric"):
        criteria_standard("polaris-2019", rubric)
    with pytest.raises(UserError, match="shipped criteria standards: federal-10381c3"):
        criteria_standard("federal-1038", rubric)


# --- a statute, from the reader's findings --------------------------------------------


@dataclass(frozen=True)
class _Quote:
    quote: str
    role: str = "match"


@dataclass(frozen=True)
class _Finding:
    tier: str | None
    confidence: str = "clear"
    candidates: tuple[str, ...] = ()
    evidence: tuple[_Quote, ...] = ()


def _findings(draft: Draft) -> dict[str, _Finding]:
    out = {
        cat: _Finding(tier, evidence=(_Quote(f"words for {tier}"),))
        for cat, tier in draft.choices.items()
    }
    out["coverage"] = _Finding(draft.coverage)
    return out


def test_a_statute_read_at_the_best_tiers_meets_all_four_with_quoted_evidence(
    federal: CriteriaStandard, rubric: Rubric, best: Draft
) -> None:
    status = evaluate_reading(federal, rubric, _findings(best))
    assert status.basis == "statute" and status.met is True
    offenses = next(
        e for c in status.criteria for e in c.evidence if e.subject == "offenses_covered"
    )
    assert offenses.quote == "words for all_offenses" and offenses.confidence == "clear"


def test_a_statute_reading_is_unclear_where_the_reader_is(
    federal: CriteriaStandard, rubric: Rubric, best: Draft
) -> None:
    findings = _findings(best)
    # Not found: a person must look.
    findings["confidentiality"] = _Finding(None, "not found")
    # Ambiguous across the line ("direct result" meets it, "while a victim" does not).
    findings["nexus_to_trafficking"] = _Finding(
        "direct_result", "ambiguous", ("direct_result", "while_a_victim")
    )
    # Extra conditions: (B) needs a person to check they are not documentation.
    findings["additional_conditions"] = _Finding("restrictive")
    status = evaluate_reading(federal, rubric, findings)
    assert status.met is None
    assert {c.id: c.met for c in status.criteria} == {
        "vacate_process": None,
        "presumption": True,
        "identity_protected": None,
        "no_documentation_required": None,
    }
    # Ambiguous but every candidate meets it: met.
    findings["nexus_to_trafficking"] = _Finding(
        "direct_result", "ambiguous", ("direct_result", "proximately_caused")
    )
    findings["offenses_covered"] = _Finding("prostitution_or_sex")
    vacate = evaluate_reading(federal, rubric, findings).criteria[0]
    assert vacate.met is False
    assert [m.subject for m in vacate.missing] == ["offenses_covered"]


# --- the CLI ------------------------------------------------------------------------


def test_rubric_list_shows_both_kinds(run_cli) -> None:
    r = run_cli("rubric", "--list")
    assert r.code == 0
    assert "polaris-2019     points" in r.out
    assert "federal-10381c3  criteria" in r.out
    data = json.loads(run_cli("rubric", "--list", "--json").out)
    assert [(s["id"], s["kind"]) for s in data["standards"]] == [
        ("polaris-2019", "points"),
        (FEDERAL, "criteria"),
    ]


def test_rubric_standard_shows_each_criterion_with_its_citation(run_cli) -> None:
    r = run_cli("rubric", "--standard", FEDERAL)
    assert r.code == 0
    for cite in ("(A)(i)", "(A)(ii)", "(A)(iii)", "(B)"):
        assert f"34 U.S.C. 10381(c)(3){cite}" in r.out
    assert "needs offenses_covered: nonviolent_felonies or" in r.out


def test_score_json_carries_each_standard_asked_for(run_cli) -> None:
    r = run_cli("score", str(EXAMPLES / "best-practice.yaml"), "--json", "--standard", FEDERAL)
    data = json.loads(r.out)
    assert data["format"] == "drafter/score@2"
    (status,) = data["standards"]
    assert status["id"] == FEDERAL and status["met"] is True
    assert [set(c) >= {"id", "met", "missing", "evidence"} for c in status["criteria"]] == [
        True
    ] * 4
    plain = json.loads(run_cli("score", str(EXAMPLES / "best-practice.yaml"), "--json").out)
    assert plain["standards"] == []


def test_score_says_why_a_draft_requiring_documentation_is_not_met(run_cli, tmp_path: Path) -> None:
    path = _documentation_required(tmp_path)
    r = run_cli("score", str(path), "--standard", FEDERAL, "--standard", FEDERAL)
    assert r.code == 0
    assert r.out.count("Federal 10381(c)(3): NOT MET") == 1
    assert "[not met] 34 U.S.C. 10381(c)(3)(B)  No documentation required" in r.out
    assert "parameter documentation_required: true; meets with false" in r.out
    data = json.loads(run_cli("score", str(path), "--json", "--standard", FEDERAL).out)
    (b,) = [c for c in data["standards"][0]["criteria"] if c["met"] is False]
    assert b["missing"][0]["have"] is True and b["missing"][0]["meet_with"] == [False]


def test_score_says_which_tiers_meet_a_prostitution_only_draft(run_cli, tmp_path: Path) -> None:
    path = _best_with(tmp_path, "all_offenses", "prostitution_or_sex")
    out = " ".join(run_cli("score", str(path), "--standard", FEDERAL).out.split())
    assert (
        "Offenses Covered: Prostitution or sex offenses only; meets with Misdemeanors and "
        "nonviolent felonies or Those, plus listed violent felonies or All offenses"
    ) in out


def test_an_unknown_standard_is_one_error_line(run_cli) -> None:
    r = run_cli("score", str(EXAMPLES / "best-practice.yaml"), "--standard", "federal")
    assert r.code == 2
    assert r.err.count("\n") == 1 and r.err.startswith("drafter: error: ")
    r = run_cli(
        "score", str(EXAMPLES / "best-practice.yaml"), "--rubric", "rubric/federal-10381c3.yaml"
    )
    assert r.code == 2 and "--standard instead of --rubric" in r.err


def test_card_and_advise_report_the_standard(run_cli) -> None:
    r = run_cli("card", str(EXAMPLES / "narrow-f.yaml"), "--standard", FEDERAL)
    assert r.code == 0 and "Federal 10381(c)(3): NOT MET for this draft" in r.out
    md = run_cli(
        "card", str(EXAMPLES / "best-practice.yaml"), "--standard", FEDERAL, "--format", "md"
    )
    assert "| 34 U.S.C. 10381(c)(3)(B) No documentation required | met | - |" in md.out
    r = run_cli("advise", str(EXAMPLES / "narrow-f.yaml"), "--meet", FEDERAL, "--top", "1")
    assert "To meet Federal 10381(c)(3)" in r.out
    assert "Official Documentation: Presumption of eligibility (+5)" in r.out
    data = json.loads(
        run_cli("advise", str(EXAMPLES / "narrow-f.yaml"), "--meet", FEDERAL, "--json").out
    )
    assert data["standards"][0]["met"] is False


def test_the_presumption_tier_defines_documentation_as_broadly_as_a_ii() -> None:
    # (A)(ii) is met by drafter's presumption tier because its definition of
    # official documentation reaches every kind the statute names.
    from drafter.language import load_language

    language = load_language()
    definition = " ".join("".join(language.definitions["official documentation"].parts).split())
    for kind in ("T nonimmigrant status", "Health and Human Services", "agency"):
        assert kind in definition


@pytest.mark.parametrize(
    ("example", "met"),
    [("best-practice", True), ("narrow-f", False), ("strong-b", True)],
)
def test_a_bill_read_back_as_a_statute_gets_the_drafts_status(
    run_cli, tmp_path: Path, example: str, met: bool
) -> None:
    # Both directions agree: the bill a draft builds, read by the reader as a
    # statute, meets the standard exactly when the draft does.
    bill = tmp_path / f"{example}.txt"
    assert run_cli("build", str(EXAMPLES / f"{example}.yaml"), "-o", str(bill)).code == 0
    draft = json.loads(
        run_cli("score", str(EXAMPLES / f"{example}.yaml"), "--json", "--standard", FEDERAL).out
    )["standards"][0]
    r = run_cli("advise", str(bill), "--meet", FEDERAL, "--json")
    assert r.code == 0, r.err
    statute = json.loads(r.out)["standards"][0]
    assert (draft["basis"], statute["basis"]) == ("draft", "statute")
    assert draft["met"] is met and statute["met"] is met
    quoted = [e for c in statute["criteria"] for e in c["evidence"] if e["quote"]]
    assert quoted and all(e["confidence"] in ("clear", "by absence") for e in quoted)


# --- the atlas: whether each jurisdiction's law today meets it ------------------------


def test_the_atlas_says_for_every_state_read_whether_today_law_meets_it(run_cli) -> None:
    rows = json.loads(run_cli("atlas", "--json").out)["jurisdictions"]
    for row in rows:
        if row["status"] == "unknown":
            assert row["standards"] == [], row["name"]
            continue
        (status,) = row["standards"]
        assert status["id"] == FEDERAL and status["met"] in (True, False, None)
        criteria = {c["id"]: c["met"] for c in status["criteria"]}
        if not row["open"] and status["met"] is None:
            # A complete reading is unclear only where (B)'s stand-in needs a person.
            assert criteria["no_documentation_required"] is None, row["name"]
    by_code = {r["code"]: r for r in rows}
    # Missouri's law reaches only minors: (A)(i) fails whatever else it says.
    mo = {c["id"]: c for c in by_code["MO"]["standards"][0]["criteria"]}
    assert mo["vacate_process"]["met"] is False
    assert any(m["subject"] == "coverage" for m in mo["vacate_process"]["missing"])
    # A law for minors only, or no law at all, meets none of the criteria, and each says
    # why (the coverage the rubric credits), not "unclear".
    for row in rows:
        if row["status"] in ("none", "minors_only"):
            (status,) = row["standards"]
            assert status["met"] is False, row["name"]
            for c in status["criteria"]:
                assert c["met"] is False, (row["name"], c["id"])
                coverage = [m for m in c["missing"] if m["subject"] == "coverage"]
                assert len(coverage) == 1 and coverage[0]["have"] == row["status"]
                assert coverage[0]["meet_with"] == ["adults"]
    table = run_cli("atlas").out
    assert "10381(c)(3)" in table.splitlines()[2]
    one = run_cli("atlas", "Nebraska").out
    assert "Federal 10381(c)(3):" in one and '"shall create a rebuttable presumption"' in one


def test_a_yes_no_question_names_a_real_step(tmp_path: Path, rubric: Rubric) -> None:
    text = THIRD.replace("values: [0]", "values: [false]").replace("default: 50", "default: true")
    asked = text.replace(
        "        says: no filing fee",
        "        says: no filing fee\n        asked_on: fees\n        question: Is there a fee?",
    )
    with pytest.raises(UserError) as err:
        load_standard(write(tmp_path, "bad.yaml", asked), rubric)
    assert err.value.line == 31 and "unknown step 'fees'" in err.value.message
    ok = load_standard(write(tmp_path, "ok.yaml", asked.replace("fees\n", "time_limits\n")), rubric)
    assert isinstance(ok, CriteriaStandard)
    (cond,) = ok.criteria[1].requires
    assert (cond.asked_on, cond.question) == ("time_limits", "Is there a fee?")
