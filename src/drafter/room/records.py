"""What a room's store hands out: trainees, exercises, the room's state, answers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Trainee:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class RoomExercise:
    position: int
    id: str
    category: str
    #: The tier the provision earns.
    answer: str
    #: The tiers to choose from, lowest first.
    choices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoomState:
    #: 0-based; equal to `total` once the room has done every exercise.
    position: int
    total: int
    revealed: bool
    #: The exercise on screen, or None when the round is over.
    exercise: RoomExercise | None

    @property
    def finished(self) -> bool:
        return self.exercise is None


@dataclass(frozen=True, slots=True)
class Answer:
    exercise: str
    trainee: str
    tier: str
    correct_tier: str
    answered_at: str

    @property
    def correct(self) -> bool:
        return self.tier == self.correct_tier


class AnswerClosed(Exception):
    """The exercise is not open for answers (the room moved on, or it was revealed)."""


__all__ = ["Answer", "AnswerClosed", "RoomExercise", "RoomState", "Trainee"]
