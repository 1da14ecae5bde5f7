"""The advisor: from where a law stands, the changes that raise its grade.

Pure. Given a rubric and a draft (a state's current law, or any draft):

- when the law covers only minors, or there is no statute, the first advice
  is coverage itself: nothing else earns a point until relief reaches adults;
- every single change (one category raised to a better tier), with the points
  and grade it gains, best first, and the model language that makes it;
- the smallest set of changes that reaches a target grade. Ties are broken by
  the fewest points beyond the target, then by the card's category order
  (changes to earlier categories first). Locked categories are never proposed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from drafter.draft import Draft
from drafter.errors import UserError
from drafter.rubric import COVERAGE, COVERAGES, Coverage, Rubric
from drafter.scoring import Scorecard, score

if TYPE_CHECKING:
    from drafter.language import Language

ADVICE_FORMAT = "drafter/advice@1"


@dataclass(frozen=True, slots=True)
class Change:
    """One change to a draft: a category (or coverage) moved to another tier."""

    category: str
    title: str
    from_tier: str | None
    from_label: str | None
    to_tier: str
    to_label: str
    #: Points the change adds to the total it is measured against.
    gain: int
    #: The total and grade after the change (alone, or after the plan's earlier steps).
    total: int
    grade: str | None
    #: The model language that makes the change (placeholders filled or shown).
    language: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "title": self.title,
            "from": self.from_tier,
            "to": self.to_tier,
            "to_label": self.to_label,
            "gain": self.gain,
            "total": self.total,
            "grade": self.grade,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Plan:
    """The fewest changes that reach a target grade."""

    target: str
    target_min: int
    reachable: bool
    changes: tuple[Change, ...]
    total: int
    grade: str | None
    #: The best total the unlocked categories allow (when unreachable, how close).
    best_total: int

    @property
    def beyond(self) -> int:
        return self.total - self.target_min

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "target_min": self.target_min,
            "reachable": self.reachable,
            "changes": [c.to_json() for c in self.changes],
            "total": self.total,
            "grade": self.grade,
            "beyond": self.beyond if self.reachable else None,
            "best_total": self.best_total,
        }


@dataclass(frozen=True)
class Advice:
    baseline: Scorecard
    #: The baseline with relief extended to adults (the baseline itself when it already is).
    covered: Scorecard
    #: The coverage change, when the baseline covers only minors or has no statute.
    coverage: Change | None
    #: Every single-category change, best first, measured on `covered`.
    changes: tuple[Change, ...]
    plan: Plan | None
    locked: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": ADVICE_FORMAT,
            "rubric": self.baseline.rubric_id,
            "jurisdiction": self.baseline.jurisdiction,
            "baseline": {
                "coverage": self.baseline.coverage,
                "total": self.baseline.total,
                "grade": self.baseline.grade,
                "rankable": self.baseline.rankable,
            },
            "locked": list(self.locked),
            "coverage": self.coverage.to_json() if self.coverage else None,
            "changes": [c.to_json() for c in self.changes],
            "plan": self.plan.to_json() if self.plan else None,
        }


def target_min(rubric: Rubric, grade: str) -> tuple[str, int]:
    """The band a target grade names, and its lowest total."""
    for band in rubric.grades.bands:
        if band.grade.casefold() == grade.strip().casefold():
            return band.grade, band.min
    grades = ", ".join(b.grade for b in rubric.grades.bands)
    raise UserError(None, f"unknown target grade {grade!r}; choose one of {grades}")


def check_locks(rubric: Rubric, locks: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for raw in locks:
        for lock in (p.strip() for p in raw.split(",")):
            if not lock:
                continue
            if lock != COVERAGE and rubric.category(lock) is None:
                ids = ", ".join((COVERAGE, *rubric.category_ids))
                raise UserError(None, f"cannot lock {lock!r}: no such category; choose from {ids}")
            if lock not in out:
                out.append(lock)
    return tuple(out)


def advise(
    rubric: Rubric,
    draft: Draft,
    *,
    target: str | None = None,
    locks: Iterable[str] = (),
    language: Language | None = None,
    parameters: Mapping[str, Any] | None = None,
) -> Advice:
    """The advice for a draft; `language` (drafter.language.Language) adds model text."""
    locked = check_locks(rubric, locks)
    base_card = score(rubric, draft)
    params = dict(parameters or {})

    def preview(category: str, tier: str) -> str:
        if language is None:
            return ""
        return str(language.preview(category, tier, params))

    coverage_change: Change | None = None
    work = draft
    if draft.coverage != "adults" and COVERAGE not in locked:
        # Relief reaching adults: "no statute" answers become open.
        work = draft.with_coverage("adults", rubric)
        covered_card = score(rubric, work)
        rule = rubric.coverage["adults"]
        coverage_change = Change(
            category=COVERAGE,
            title="Coverage",
            from_tier=draft.coverage,
            from_label=rubric.coverage[draft.coverage].label,
            to_tier="adults",
            to_label=rule.label,
            gain=covered_card.total - base_card.total,
            total=covered_card.total,
            grade=covered_card.grade,
            language=preview(COVERAGE, "adults"),
        )
    covered_card = score(rubric, work)

    singles: list[tuple[tuple[int, int, int], Change]] = []
    if covered_card.rankable:
        for index, cat in enumerate(rubric.categories):
            if cat.id in locked:
                continue
            current = covered_card.categories[index]
            for tier in cat.statute_tiers:
                if tier.points <= current.points:
                    continue
                gain = tier.points - current.points
                total = covered_card.total + gain
                singles.append(
                    (
                        (-gain, index, -tier.points),
                        Change(
                            category=cat.id,
                            title=cat.title,
                            from_tier=current.tier,
                            from_label=current.tier_label,
                            to_tier=tier.id,
                            to_label=tier.label,
                            gain=gain,
                            total=total,
                            grade=rubric.grade_for(total),
                            language=preview(cat.id, tier.id),
                        ),
                    )
                )
    singles.sort(key=lambda kc: kc[0])
    changes = tuple(c for _, c in singles)

    plan = None
    if target is not None:
        plan = _plan(rubric, base_card, covered_card, coverage_change, changes, target, locked)
    return Advice(base_card, covered_card, coverage_change, changes, plan, locked)


def _plan(
    rubric: Rubric,
    base: Scorecard,
    covered: Scorecard,
    coverage_change: Change | None,
    changes: tuple[Change, ...],
    target: str,
    locked: tuple[str, ...],
) -> Plan:
    grade, minimum = target_min(rubric, target)
    order = {c.id: i for i, c in enumerate(rubric.categories)}
    options: dict[str, list[Change]] = {}
    for change in changes:
        options.setdefault(change.category, []).append(change)
    best_total = covered.total + sum(max(c.gain for c in opts) for opts in options.values())

    if not covered.rankable:
        # Coverage is locked (or cannot change): nothing counts.
        return Plan(grade, minimum, False, (), base.total, base.grade, base.total)
    if base.rankable and base.total >= minimum:
        return Plan(grade, minimum, True, (), base.total, base.grade, best_total)

    needed = minimum - covered.total
    # Dynamic programme over the categories in card order. State: points gained
    # so far -> the best way to gain them, compared by (number of changes, the
    # changes' (category index, -gain) in card order). The final choice then
    # minimizes (changes, points beyond the target, that same card-order key).
    State = tuple[int, tuple[tuple[int, int], ...], tuple[Change, ...]]
    states: dict[int, State] = {0: (0, (), ())}
    for cat in rubric.categories:
        opts = options.get(cat.id, [])
        if not opts:
            continue
        grown = dict(states)
        for gained, (count, key, path) in states.items():
            for change in opts:
                cand: State = (
                    count + 1,
                    (*key, (order[cat.id], -change.gain)),
                    (*path, change),
                )
                total = gained + change.gain
                old = grown.get(total)
                if old is None or cand[:2] < old[:2]:
                    grown[total] = cand
        states = grown
    feasible = [
        (count, gained - needed, key, path)
        for gained, (count, key, path) in states.items()
        if gained >= needed
    ]
    if not feasible:
        return Plan(grade, minimum, False, (), covered.total, covered.grade, best_total)
    _, _, _, path = min(feasible, key=lambda f: (f[0], f[1], f[2]))
    steps: list[Change] = []
    running = covered.total
    if coverage_change is not None:
        steps.append(coverage_change)
    for change in path:
        running += change.gain
        steps.append(replace(change, total=running, grade=rubric.grade_for(running)))
    return Plan(grade, minimum, True, tuple(steps), running, rubric.grade_for(running), best_total)


def _coverage(value: str) -> Coverage:
    if value not in COVERAGES:
        raise ValueError(f"not a coverage: {value!r}")
    return value


def apply(rubric: Rubric, draft: Draft, changes: Iterable[Change]) -> Draft:
    """The draft with the changes made (what "apply" does in the wizard)."""
    for change in changes:
        if change.category == COVERAGE:
            draft = draft.with_coverage(_coverage(change.to_tier), rubric)
        else:
            draft = draft.choose(change.category, change.to_tier)
    return draft


__all__ = [
    "ADVICE_FORMAT",
    "Advice",
    "Change",
    "Plan",
    "advise",
    "apply",
    "check_locks",
    "target_min",
]
