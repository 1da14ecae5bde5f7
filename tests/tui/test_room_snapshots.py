"""Screenshots of the training room at 80x24 and 120x40: joining on the start
screen, a trainee's exercise after the reveal, and the facilitator's live view;
each asserts what must show at that size. The room's codes are fixed here (they
are random in a real room) so the pictures are the same each run.

Regenerate after a deliberate change with `pytest tests/tui/test_room_snapshots.py
--snapshot-update`, then look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from drafter.room import Room, room_path
from drafter.rubric import load_rubric
from drafter.training import default_set_path, load_exercise_set
from drafter.tui.app import DrafterApp
from drafter.tui.screens.facilitator import FacilitatorScreen
from drafter.tui.screens.room import RoomTraineeScreen
from drafter.tui.session import Served

from .conftest import screen_text, until
from .test_room import FOLLOWS, join
from .test_snapshots import SIZES, steps

CODES = {6: "K7M2QX", 12: "F4CL7T9RH2WD"}


@pytest.fixture
def room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Room:
    import drafter.room.api as api

    # Codes of the lengths the room uses, the same each run.
    monkeypatch.setattr(api, "new_code", lambda n: CODES.get(n, "Q" * n))
    # A served session is told its resume code by drafter.served; one fixed code here.
    monkeypatch.setenv("DRAFTER_RESUME_CODE", "M99AR0AAPC1FS8X33HGCAW6Z7")
    rubric = load_rubric()
    es = load_exercise_set(default_set_path(rubric), rubric)
    return Room.open_or_create(room_path("cohort", tmp_path / "rooms"), "cohort", es, seed=5)


def served_app(room: Room) -> DrafterApp:
    return DrafterApp(mode="start", served=Served(room=Room.open(room.path)))


def showing(pilot: Pilot, text: str) -> bool:
    return text in "\n".join(screen_text(pilot.app))


@pytest.mark.parametrize("size", SIZES)
def test_join_box_on_the_start_screen(snap_compare, size, room: Room) -> None:
    shows = ("Join the training room", "no personal data is needed")
    assert snap_compare(served_app(room), terminal_size=size, run_before=steps(shows=shows))


@pytest.mark.parametrize("size", SIZES)
def test_trainee_after_the_reveal(snap_compare, size, room: Room) -> None:
    ex = room.state().exercise
    assert ex is not None
    boss = room.facilitate(room.facilitator_code)
    assert boss is not None

    async def run_before(pilot: Pilot) -> None:
        await join(pilot, "Ana", room.join_code)
        await until(pilot, lambda: isinstance(pilot.app.screen, RoomTraineeScreen), "the room")
        await pilot.press(str(ex.choices.index(ex.answer) + 1))
        await until(pilot, lambda: showing(pilot, "Answer recorded"), "recorded")
        boss.reveal()
        await until(pilot, lambda: showing(pilot, "Correct"), "the reveal", tries=FOLLOWS)
        await steps(shows=("you are Ana", "Correct:", "Decisive words"))(pilot)

    assert snap_compare(served_app(room), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_facilitator_with_answers_revealed(snap_compare, size, room: Room) -> None:
    ex = room.state().exercise
    assert ex is not None
    wrong = next(t for t in ex.choices if t != ex.answer)

    async def run_before(pilot: Pilot) -> None:
        await join(pilot, "", room.facilitator_code)
        await until(pilot, lambda: isinstance(pilot.app.screen, FacilitatorScreen), "facilitator")
        for name, tier in (("Ana", ex.answer), ("Bo", wrong), ("Cy", ex.answer)):
            room.record(room.join(name), ex.id, tier)
        await until(pilot, lambda: showing(pilot, "3 of 3 answered"), "counted", tries=FOLLOWS)
        await pilot.press("r")
        await until(pilot, lambda: showing(pilot, "Correct tier"), "the reveal")
        await steps(shows=("3 of 3 answered", "2 of 3 right", "K7M2QX"))(pilot)

    assert snap_compare(served_app(room), terminal_size=size, run_before=run_before)
