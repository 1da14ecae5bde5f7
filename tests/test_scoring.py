"""Scoring: every tier, both gates, incomplete drafts, ranking ties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.draft import Draft
from drafter.rubric import Rubric, load_rubric
from drafter.scoring import rank, score

RUBRIC = load_rubric()
TOP = {c.id: max(c.tiers, key=lambda t: t.points).id for c in RUBRIC.categories}


def every_tier() -> list[tuple[str, str, int]]:
    return [(c.id, t.id, t.points) for c in RUBRIC.categories for t in c.statute_tiers]


@pytest.mark.parametrize(("category", "tier", "points"), every_tier())
def test_every_tier_earns_its_points(rubric: Rubric, category: str, tier: str, points: int) -> None:
    draft = Draft(coverage="adults", choices={**TOP, category: tier})
    card = score(rubric, draft)
    cat = card.category(category)
    assert cat.points == points
    assert cat.tier == tier
    assert cat.available == cat.max - points
    assert card.total == 100 - (cat.max - points)


def test_best_practice_is_100_and_an_a(rubric: Rubric) -> None:
    card = score(rubric, Draft(coverage="adults", choices=TOP))
    assert (card.total, card.grade, card.rankable, card.complete) == (100, "A", True, True)
    assert card.open == ()


def test_minors_only_scores_zero_but_reports_potential(rubric: Rubric) -> None:
    card = score(rubric, Draft(coverage="minors_only", choices=TOP))
    assert card.total == 0
    assert card.grade is None
    assert not card.rankable
    assert "minors" in (card.reason or "")
    assert all(c.points == 0 for c in card.categories)
    assert [c.potential for c in card.categories] == [c.max for c in card.categories]
    assert card.potential_total == 100


def test_no_statute_scores_zero_with_its_reason(rubric: Rubric) -> None:
    card = score(rubric, Draft(coverage="none"))
    assert (card.total, card.grade, card.rankable) == (0, None, False)
    assert card.reason == "no trafficking-specific statute"


def test_coverage_change_keeps_choices(rubric: Rubric) -> None:
    draft = Draft(coverage="adults", choices=TOP)
    back = draft.with_coverage("minors_only", rubric).with_coverage("adults", rubric)
    assert back.choices == TOP
    assert score(rubric, back).total == 100


def test_leaving_coverage_none_clears_only_the_no_statute_tiers(rubric: Rubric) -> None:
    no_statute = {c.id: t.id for c in rubric.categories for t in c.tiers if t.no_statute}
    assert no_statute, "the rubric has no-statute tiers"
    kept = {"nexus_to_trafficking": TOP["nexus_to_trafficking"]}
    draft = Draft(coverage="none", choices={**no_statute, **kept})
    assert draft.with_coverage("none", rubric).choices == {**no_statute, **kept}
    for coverage in ("adults", "minors_only"):
        assert draft.with_coverage(coverage, rubric).choices == kept


def test_incomplete_draft_is_provisional_and_lists_open(rubric: Rubric) -> None:
    choices = {k: v for k, v in TOP.items() if k not in {"hearing_requirement", "time_limits"}}
    card = score(rubric, Draft(coverage="adults", choices=choices))
    assert card.total == 87
    assert card.grade == "B"
    assert card.provisional
    assert not card.complete
    assert card.open == ("time_limits", "hearing_requirement")
    assert [n.kind for n in card.notes] == ["incomplete", "provisional", "default_cutoffs"]
    assert "provisional" in card.notes[1].text


def test_complete_means_every_category_answered_whatever_the_coverage(rubric: Rubric) -> None:
    assert score(rubric, Draft(coverage="minors_only", choices=TOP)).complete
    assert not score(rubric, Draft(coverage="minors_only")).complete


choices_strategy = st.fixed_dictionaries(
    {},
    optional={c.id: st.sampled_from([t.id for t in c.statute_tiers]) for c in RUBRIC.categories},
)


@given(choices=choices_strategy, coverage=st.sampled_from(["adults", "minors_only", "none"]))
def test_score_invariants(choices: dict[str, str], coverage: str) -> None:
    card = score(RUBRIC, Draft(coverage=coverage, choices=choices))
    assert card.total == sum(c.points for c in card.categories)
    assert 0 <= card.total <= card.max
    for c in card.categories:
        assert c.points + c.available == c.max
        assert c.potential <= c.max
        assert (c.tier is None) == (c.id in card.open)
    assert card.rankable == (coverage == "adults")
    assert (card.grade is None) == (coverage != "adults")
    if coverage == "adults":
        assert card.total == card.potential_total


def _card(total_from: dict[str, str], coverage: str = "adults"):
    return score(RUBRIC, Draft(coverage=coverage, choices=total_from))


def test_rank_competition_ranking_with_ties() -> None:
    a = _card(TOP)  # 100
    b = _card({**TOP, "additional_conditions": "restrictive"})  # 98
    c = _card({**TOP, "confidentiality": "none"})  # 95
    d = _card({**TOP, "burden_of_proof": "silent"})  # 95
    e = _card({**TOP, "time_limits": "explicit_limit"})  # 92
    mo = _card(TOP, "minors_only")
    out = rank([("mo", mo), ("e", e), ("c", c), ("a", a), ("d", d), ("b", b)])
    assert [(r.name, r.rank, r.tied) for r in out] == [
        ("a", 1, False),
        ("b", 2, False),
        ("c", 3, True),
        ("d", 3, True),
        ("e", 5, False),
        ("mo", None, False),
    ]
