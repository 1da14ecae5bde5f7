"""One trainee's pass through an exercise set: score each answer, tally per category.

Pure: no terminal. The text quiz and the app both run a `Session`.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from drafter.errors import UserError
from drafter.rubric import Category, Tier
from drafter.training.exercises import Exercise, ExerciseSet, choices_for, did_you_mean


@dataclass(frozen=True, slots=True)
class TierRef:
    id: str
    points: int
    label: str

    @classmethod
    def of(cls, tier: Tier) -> TierRef:
        return cls(tier.id, tier.points, tier.label)

    def describe(self) -> str:
        unit = "point" if self.points == 1 else "points"
        return f"{self.label} ({self.points} {unit})"


@dataclass(frozen=True, slots=True)
class Feedback:
    exercise: Exercise
    correct: bool
    expected: TierRef
    chosen: TierRef
    #: The decisive words of the provision, quoted back.
    decisive: tuple[str, ...]
    explanation: str

    @property
    def quote(self) -> str:
        return " ... ".join(f'"{d}"' for d in self.decisive)


@dataclass(frozen=True, slots=True)
class CategoryScore:
    category: str
    title: str
    correct: int
    answered: int
    #: Exercises of this category in the session (answered or not).
    total: int


@dataclass(frozen=True, slots=True)
class Summary:
    correct: int
    answered: int
    total: int
    #: Per category, in the rubric's order (only categories the session has).
    categories: tuple[CategoryScore, ...]
    #: Categories with at least one wrong answer: where to review.
    review: tuple[str, ...]
    #: Ids of the exercises answered wrongly.
    missed: tuple[str, ...]

    @property
    def finished(self) -> bool:
        return self.answered == self.total


def seeded_order(exercises: Sequence[Exercise], seed: int | None) -> tuple[Exercise, ...]:
    """`exercises` shuffled by `seed` (the same seed, the same order), or as given for None.

    A trainer who gives the seed again gets the room's order again.
    """
    out = list(exercises)
    if seed is not None:
        random.Random(seed).shuffle(out)
    return tuple(out)


@dataclass
class Session:
    """One trainee's pass through an exercise set, in the set's order.

    `answer` scores the current exercise and moves on; `skip` moves on without
    scoring. `categories` limits the session to some categories; `seed`
    shuffles the order (reproducibly: see `seeded_order`).
    """

    exercise_set: ExerciseSet
    categories: Iterable[str] | None = None
    seed: int | None = None
    exercises: tuple[Exercise, ...] = field(init=False)
    position: int = field(init=False, default=0)
    results: list[Feedback] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        wanted = None if self.categories is None else set(self.categories)
        if wanted is not None:
            unknown = sorted(c for c in wanted if self.exercise_set.rubric.category(c) is None)
            if unknown:
                raise UserError(
                    None,
                    f"unknown category {unknown[0]!r}; "
                    + did_you_mean(unknown[0], self.exercise_set.rubric.category_ids)
                    + "one of: "
                    + ", ".join(self.exercise_set.rubric.category_ids),
                )
        self.exercises = seeded_order(
            [e for e in self.exercise_set.exercises if wanted is None or e.category in wanted],
            self.seed,
        )
        if not self.exercises:
            raise UserError(
                self.exercise_set.path,
                "has no exercises in the chosen categories: "
                + ", ".join(sorted(wanted or ()))
                + "; choose others",
            )

    @property
    def total(self) -> int:
        return len(self.exercises)

    @property
    def done(self) -> bool:
        return self.position >= len(self.exercises)

    @property
    def current(self) -> Exercise | None:
        return None if self.done else self.exercises[self.position]

    def category(self, exercise: Exercise | None = None) -> Category:
        ex = exercise or self._current()
        return self.exercise_set.category(ex.category)

    def choices(self, exercise: Exercise | None = None) -> tuple[TierRef, ...]:
        """The tiers to pick from for `exercise` (the current one by default)."""
        return tuple(TierRef.of(t) for t in choices_for(self.category(exercise)))

    def _current(self) -> Exercise:
        if self.done:
            raise IndexError("the session is over: every exercise has been shown")
        return self.exercises[self.position]

    def answer(self, choice: str | int) -> Feedback:
        """Score `choice` (a tier id, or its points) for the current exercise."""
        ex = self._current()
        cat = self.category(ex)
        tier = cat.tier_by_points(choice) if isinstance(choice, int) else cat.tier(choice)
        if tier is None or tier.no_statute:
            raise ValueError(f"{choice!r} is not a tier to choose in {cat.id}")
        expected = cat.tier(ex.answer)
        assert expected is not None
        feedback = Feedback(
            exercise=ex,
            correct=tier.id == expected.id,
            expected=TierRef.of(expected),
            chosen=TierRef.of(tier),
            decisive=ex.decisive,
            explanation=ex.explanation,
        )
        self.results.append(feedback)
        self.position += 1
        return feedback

    def skip(self) -> None:
        self._current()
        self.position += 1

    def summary(self) -> Summary:
        by_cat: dict[str, list[int]] = {}
        for ex in self.exercises:
            by_cat.setdefault(ex.category, [0, 0, 0])[2] += 1
        for fb in self.results:
            counts = by_cat[fb.exercise.category]
            counts[1] += 1
            counts[0] += fb.correct
        rubric = self.exercise_set.rubric
        cats = tuple(
            CategoryScore(c.id, c.title, *by_cat[c.id]) for c in rubric.categories if c.id in by_cat
        )
        return Summary(
            correct=sum(c.correct for c in cats),
            answered=len(self.results),
            total=len(self.exercises),
            categories=cats,
            review=tuple(c.category for c in cats if c.correct < c.answered),
            missed=tuple(fb.exercise.id for fb in self.results if not fb.correct),
        )
