"""Guessing room codes: a few free tries, then a doubling wait per wrong code, up to
a minute; a right code clears it; a session waiting is refused with one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.room import Room
from drafter.room.guard import FREE_TRIES, MAX_WAIT, CodeGuard, TooManyGuesses
from drafter.training import default_set_path, load_exercise_set


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_free_tries_then_a_doubling_wait() -> None:
    clock = Clock()
    guard = CodeGuard(clock=clock)
    for _ in range(FREE_TRIES):
        guard.check()
        guard.record(False)
    assert guard.wait_left() == 0
    guard.record(False)
    assert guard.wait_left() == 1
    with pytest.raises(TooManyGuesses, match=r"wait 1 s"):
        guard.check()
    clock.t += 1
    guard.check()
    guard.record(False)
    assert guard.wait_left() == 2
    clock.t += 2
    guard.record(True)
    assert guard.wait_left() == 0 and guard.wrong == 0


@given(st.lists(st.tuples(st.booleans(), st.floats(0, 120)), max_size=60))
def test_the_wait_is_bounded_and_only_follows_wrong_codes(steps: list[tuple[bool, float]]) -> None:
    clock = Clock()
    guard = CodeGuard(clock=clock)
    wrong_in_a_row = 0
    for right, later in steps:
        guard.record(right)
        wrong_in_a_row = 0 if right else wrong_in_a_row + 1
        left = guard.wait_left()
        assert 0 <= left <= MAX_WAIT
        if wrong_in_a_row <= FREE_TRIES:
            assert left == 0
        clock.t += later


def test_a_room_session_that_guesses_is_made_to_wait(tmp_path: Path) -> None:
    from drafter.rubric import load_rubric

    rubric = load_rubric()
    exercise_set = load_exercise_set(default_set_path(rubric), rubric)
    room = Room.open_or_create(tmp_path / "r.room.sqlite", "r", exercise_set, seed=1)
    clock = Clock()
    room.guard = CodeGuard(clock=clock)
    for guess in ["AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"]:
        assert room.role_for(guess) is None
    # Even the right code waits: a guesser cannot tell a right code by its answer.
    with pytest.raises(TooManyGuesses) as refused:
        room.role_for(room.join_code)
    assert refused.value.one_line().startswith("too many wrong codes; wait 1 s")
    clock.t += 1.0
    assert room.role_for(room.join_code) == "trainee"
    assert room.guard.wrong == 0
    room.close()
