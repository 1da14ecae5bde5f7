"""Round trip: the analyzer reads back exactly the tiers a bill was assembled from.

bench/round_trip.py runs the same check over every one of the 233,280
combinations (or a covering sample); here a 3-wise covering sample puts every
combination of tiers of every three categories (5,918 of them) in about 200
bills, and a property test draws whole combinations at random, across every
profile.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from covering import combinations_covered, combinations_total, covering
from drafter.assembly import assemble
from drafter.draft import Draft
from drafter.jurisdiction import list_profiles
from drafter.language import load_language
from drafter.reader import analyze
from drafter.render.text import render_text
from drafter.rubric import load_rubric

RUBRIC = load_rubric()
LANGUAGE = load_language()
PROFILES = list_profiles()

full_choices = st.fixed_dictionaries(
    {c.id: st.sampled_from([t.id for t in c.statute_tiers]) for c in RUBRIC.categories}
)


@settings(max_examples=100, deadline=None)
@given(
    choices=full_choices,
    coverage=st.sampled_from(["adults", "minors_only"]),
    profile=st.sampled_from(PROFILES),
)
def test_the_analyzer_reads_back_every_chosen_tier(choices, coverage, profile) -> None:
    bill = assemble(Draft(coverage=coverage, choices=choices), RUBRIC, LANGUAGE, profile)
    analysis = analyze(render_text(bill), RUBRIC)
    assert analysis.relief_statute
    assert analysis.coverage.tier == coverage
    for f in analysis.findings:
        assert f.confidence in ("clear", "by absence"), (f.category, f)
        assert f.tier == choices[f.category], (f.category, f.evidence)
    # ... and the draft it implies scores as the one the bill came from.
    from drafter.scoring import score

    implied = analysis.draft(RUBRIC)
    assert (
        score(RUBRIC, implied).total
        == score(RUBRIC, Draft(coverage=coverage, choices=choices)).total
    )


def test_every_profile_and_both_coverages_at_the_extremes() -> None:
    top = {c.id: c.statute_tiers[-1].id for c in RUBRIC.categories}
    bottom = {c.id: c.statute_tiers[0].id for c in RUBRIC.categories}
    for profile in PROFILES:
        for coverage in ("adults", "minors_only"):
            for choices in (top, bottom):
                bill = assemble(
                    Draft(coverage=coverage, choices=choices), RUBRIC, LANGUAGE, profile
                )
                tiers = analyze(render_text(bill), RUBRIC).tiers()
                assert tiers == {"coverage": coverage, **choices}, (profile.id, coverage)


def _reads_back(choices: dict[str, str], coverage: str, profile: object) -> list[str]:
    bill = assemble(Draft(coverage=coverage, choices=choices), RUBRIC, LANGUAGE, profile)  # type: ignore[arg-type]
    analysis = analyze(render_text(bill), RUBRIC)
    wrong = [] if analysis.coverage.tier == coverage else [f"coverage: {analysis.coverage.tier}"]
    for f in analysis.findings:
        if f.tier != choices[f.category] or f.confidence not in ("clear", "by absence"):
            wrong.append(f"{f.category}: {f.tier} ({f.confidence}), chose {choices[f.category]}")
    return wrong


def test_every_three_categories_meet_in_every_combination_of_their_tiers() -> None:
    ids = [c.id for c in RUBRIC.categories]
    levels = [[t.id for t in c.statute_tiers] for c in RUBRIC.categories]
    rows = covering(levels, t=3)
    assert combinations_covered(rows, 3) == combinations_total(levels, 3)
    failures = []
    for i, row in enumerate(rows):
        choices = dict(zip(ids, row, strict=True))
        coverage = "adults" if i % 2 == 0 else "minors_only"
        profile = PROFILES[i % len(PROFILES)]
        wrong = _reads_back(choices, coverage, profile)
        if wrong:
            failures.append(f"{profile.id} {choices}: {wrong}")
    assert not failures, failures[:3]
