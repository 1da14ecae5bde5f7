"""Scoring: a pure function (rubric, draft) -> Scorecard."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from drafter.draft import Draft
from drafter.notice import Notice
from drafter.rubric import Coverage, Rubric


@dataclass(frozen=True, slots=True)
class CategoryScore:
    id: str
    title: str
    short: str
    #: The chosen tier id, or None while the category is open.
    tier: str | None
    tier_label: str | None
    #: What the category earns under the draft's coverage.
    points: int
    max: int
    #: What the chosen tier would earn once the law covers adults.
    potential: int
    #: Points still to be had: max minus points.
    available: int

    @property
    def open(self) -> bool:
        return self.tier is None


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a total stands: what the grade phrase is written from (render/standing.py)."""

    total: int
    max: int
    #: The letter grade, or None when the draft cannot be ranked.
    grade: str | None
    rankable: bool
    #: True when the grade is the grade of an incomplete draft's total so far.
    provisional: bool


@dataclass(frozen=True, slots=True)
class Scorecard:
    rubric_id: str
    rubric_title: str
    jurisdiction: str | None
    coverage: Coverage
    total: int
    max: int
    #: The letter grade, or None when the draft cannot be ranked.
    grade: str | None
    rankable: bool
    #: Why the draft cannot be ranked (None when it can).
    reason: str | None
    complete: bool
    open: tuple[str, ...]
    categories: tuple[CategoryScore, ...]
    notes: tuple[Notice, ...]

    @property
    def provisional(self) -> bool:
        """A grade shown for an incomplete draft is the grade of its total so far."""
        return self.rankable and not self.complete

    @property
    def standing(self) -> Standing:
        return Standing(self.total, self.max, self.grade, self.rankable, self.provisional)

    @property
    def potential_total(self) -> int:
        return sum(c.potential for c in self.categories)

    def category(self, category_id: str) -> CategoryScore:
        for c in self.categories:
            if c.id == category_id:
                return c
        raise KeyError(category_id)


def score(rubric: Rubric, draft: Draft) -> Scorecard:
    """Score a draft. Pure: the same inputs always give the same card."""
    rule = rubric.coverage[draft.coverage]
    counts = rule.rankable
    cats: list[CategoryScore] = []
    open_ids: list[str] = []
    for cat in rubric.categories:
        tier_id = draft.choices.get(cat.id)
        tier = cat.tier(tier_id) if tier_id is not None else None
        if tier is None:
            open_ids.append(cat.id)
        potential = tier.points if tier is not None else 0
        points = potential if counts else 0
        cats.append(
            CategoryScore(
                id=cat.id,
                title=cat.title,
                short=cat.short,
                tier=tier.id if tier else None,
                tier_label=tier.label if tier else None,
                points=points,
                max=cat.max,
                potential=potential,
                available=cat.max - points,
            )
        )
    total = sum(c.points for c in cats)
    grade = rubric.grade_for(total) if counts else None
    complete = not open_ids
    notes: list[Notice] = []
    if not counts:
        notes.append(Notice("unrankable", draft.coverage, f"Cannot be ranked: {rule.reason}."))
    if open_ids:
        notes.append(
            Notice(
                "incomplete",
                None,
                f"Incomplete: {len(open_ids)} of {len(cats)} categories are open "
                "and earn 0 until answered.",
            )
        )
        if counts:
            notes.append(
                Notice(
                    "provisional",
                    grade,
                    "The grade is provisional: it is the grade of the total so far.",
                )
            )
    if rubric.grades.default_reading and counts:
        notes.append(
            Notice(
                "default_cutoffs",
                rubric.id,
                "Grade cut-offs are drafter's default reading, not the report's.",
            )
        )
    return Scorecard(
        rubric_id=rubric.id,
        rubric_title=rubric.title,
        jurisdiction=draft.jurisdiction,
        coverage=draft.coverage,
        total=total,
        max=rubric.total,
        grade=grade,
        rankable=counts,
        reason=None if counts else rule.reason,
        complete=complete,
        open=tuple(open_ids),
        categories=tuple(cats),
        notes=tuple(notes),
    )


@dataclass(frozen=True, slots=True)
class Ranked:
    """One entry of a ranking: `rank` is None for entries that cannot be ranked."""

    name: str
    card: Scorecard
    rank: int | None
    tied: bool


def rank(entries: Sequence[tuple[str, Scorecard]]) -> list[Ranked]:
    """Standard competition ranking by total (1, 2, 2, 4); unranked entries last.

    Within equal totals, and among the unranked, the input order is kept.
    """
    rankable = [(n, c) for n, c in entries if c.rankable]
    unranked = [(n, c) for n, c in entries if not c.rankable]
    rankable.sort(key=lambda nc: -nc[1].total)
    counts: dict[int, int] = {}
    for _, c in rankable:
        counts[c.total] = counts.get(c.total, 0) + 1
    out: list[Ranked] = []
    previous: int | None = None
    current_rank = 0
    for position, (name, card) in enumerate(rankable, start=1):
        if card.total != previous:
            current_rank = position
            previous = card.total
        out.append(Ranked(name, card, current_rank, counts[card.total] > 1))
    out.extend(Ranked(n, c, None, False) for n, c in unranked)
    return out
