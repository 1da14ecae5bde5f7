"""What a room did: per exercise (distribution, correct tier, % right) and per category.

Built from the store and the rubric (for titles and labels); the facilitator's
view and `drafter room export` both show it.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.room.api import Answer, Room, RoomExercise
from drafter.rubric import Rubric


@dataclass(frozen=True, slots=True)
class TierCount:
    tier: str
    label: str
    points: int
    count: int
    correct: bool


@dataclass(frozen=True, slots=True)
class ExerciseResult:
    position: int
    id: str
    category: str
    category_title: str
    correct_tier: str
    correct_label: str
    #: Every tier to choose from, lowest first, with how many chose it.
    distribution: tuple[TierCount, ...]

    @property
    def answered(self) -> int:
        return sum(t.count for t in self.distribution)

    @property
    def right(self) -> int:
        return sum(t.count for t in self.distribution if t.correct)

    @property
    def percent_right(self) -> int | None:
        """Whole percent right, or None when no one answered."""
        return None if not self.answered else round(100 * self.right / self.answered)


@dataclass(frozen=True, slots=True)
class CategoryResult:
    category: str
    title: str
    exercises: int
    answered: int
    right: int

    @property
    def wrong(self) -> int:
        return self.answered - self.right

    @property
    def percent_right(self) -> int | None:
        return None if not self.answered else round(100 * self.right / self.answered)


@dataclass(frozen=True, slots=True)
class RoomReport:
    room: str
    title: str
    rubric: str
    trainees: int
    answers: tuple[Answer, ...]
    exercises: tuple[ExerciseResult, ...]
    #: In the rubric's order; only categories the room had.
    categories: tuple[CategoryResult, ...]

    @property
    def review(self) -> tuple[CategoryResult, ...]:
        """Where the room went wrong most: categories with wrong answers, worst first."""
        wrong = [c for c in self.categories if c.wrong]
        return tuple(sorted(wrong, key=lambda c: (c.percent_right or 0, -c.wrong)))


def exercise_result(room: Room, rubric: Rubric, ex: RoomExercise) -> ExerciseResult:
    cat = rubric.category(ex.category)
    if cat is None:
        raise KeyError(ex.category)
    counts = room.distribution(ex.id)
    rows = []
    for tier_id, n in counts.items():
        tier = cat.tier(tier_id)
        rows.append(
            TierCount(
                tier_id,
                tier.label if tier else tier_id,
                tier.points if tier else 0,
                n,
                tier_id == ex.answer,
            )
        )
    answer = cat.tier(ex.answer)
    return ExerciseResult(
        ex.position,
        ex.id,
        ex.category,
        cat.title,
        ex.answer,
        answer.label if answer else ex.answer,
        tuple(rows),
    )


def build_report(room: Room, rubric: Rubric) -> RoomReport:
    results = tuple(exercise_result(room, rubric, ex) for ex in room.exercises())
    cats = []
    for cat in rubric.categories:
        mine = [r for r in results if r.category == cat.id]
        if mine:
            cats.append(
                CategoryResult(
                    cat.id,
                    cat.title,
                    len(mine),
                    sum(r.answered for r in mine),
                    sum(r.right for r in mine),
                )
            )
    return RoomReport(
        room=room.name,
        title=room.set_title,
        rubric=rubric.short_title,
        trainees=len(room.trainees()),
        answers=room.answers(),
        exercises=results,
        categories=tuple(cats),
    )


__all__ = [
    "CategoryResult",
    "ExerciseResult",
    "RoomReport",
    "TierCount",
    "build_report",
    "exercise_result",
]
