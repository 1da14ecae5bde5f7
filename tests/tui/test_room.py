"""The training room in the app: joining on the start screen, a trainee's screen and
the facilitator's view, driven with real keys (Pilot); two apps share one store."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from drafter.room import Room, room_path
from drafter.room.guard import FREE_TRIES, CodeGuard
from drafter.rubric import load_rubric
from drafter.training import default_set_path, load_exercise_set
from drafter.tui.app import DrafterApp
from drafter.tui.screens.facilitator import FacilitatorScreen
from drafter.tui.screens.room import RoomTraineeScreen
from drafter.tui.screens.start import StartScreen
from drafter.tui.session import Served

from .conftest import on_screen, text_of, until

SIZE = (120, 40)


@pytest.fixture
def room(tmp_path: Path) -> Room:
    rubric = load_rubric()
    es = load_exercise_set(default_set_path(rubric), rubric)
    return Room.open_or_create(room_path("pilot", tmp_path / "rooms"), "pilot", es, seed=5)


def served_app(room: Room) -> DrafterApp:
    # Each session process opens the room's file itself.
    return DrafterApp(mode="start", served=Served(room=Room.open(room.path)))


#: The room's screens follow the store on a timer: waits for what it shows are
#: generous (a loaded machine runs timers late), and end as soon as it shows.
FOLLOWS = 1000


async def join(pilot, name: str, code: str) -> None:
    start = await on_screen(pilot, StartScreen, "the start screen")
    await until(pilot, lambda: start.focused is start.query_one("#room-name", Input), "name")
    await pilot.press(*name, "enter", *code, "enter")
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def test_wrong_code_is_refused_and_nothing_is_joined(room: Room) -> None:
    app = served_app(room)
    async with app.run_test(size=SIZE) as pilot:
        assert "no personal data is needed" in text_of(app, "#room-privacy")
        await join(pilot, "Ana", "ZZZZZZ")
        refused = lambda: "not this room's" in text_of(app, "#room-status")  # noqa: E731
        await until(pilot, refused, "the refusal")
        assert isinstance(app.screen, StartScreen)
    assert room.trainees() == ()


async def test_a_session_typing_wrong_codes_is_made_to_wait(room: Room) -> None:
    app = served_app(room)
    assert app.session.room is not None
    app.session.room.guard = CodeGuard(clock=lambda: 50.0)  # time stands still: the wait never ends
    async with app.run_test(size=SIZE) as pilot:
        await join(pilot, "Ana", "ZZZZZZ")
        for _ in range(FREE_TRIES):
            assert "not this room's" in text_of(app, "#room-status")
            assert "Wait" not in text_of(app, "#room-status")
            await pilot.press("enter")
            await pilot.pause()
        assert "not this room's" in text_of(app, "#room-status")
        assert "Wait 1 s before the next try" in text_of(app, "#room-status")
        await pilot.press("enter")
        await pilot.pause()
        assert "too many wrong codes; wait 1 s" in text_of(app, "#room-status")
        code = app.screen.query_one("#room-code", Input)
        code.value = ""
        await pilot.press(*room.join_code, "enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert "wait" in text_of(app, "#room-status")
    assert room.trainees() == ()


async def test_trainee_answers_once_and_sees_the_reveal(room: Room) -> None:
    app = served_app(room)
    boss = room.facilitate(room.facilitator_code)
    assert boss is not None
    ex = room.state().exercise
    assert ex is not None
    pick = ex.choices.index(ex.answer) + 1
    async with app.run_test(size=SIZE) as pilot:
        await join(pilot, "Ana", room.join_code.lower())
        await until(pilot, lambda: isinstance(app.screen, RoomTraineeScreen), "the room")
        assert "you are Ana" in text_of(app, "#train-title")
        assert "Exercise 1 of 55" in text_of(app, "#ex-head")
        await pilot.press(str(pick))
        await until(pilot, lambda: "Answer recorded" in text_of(app, "#ex-prompt"), "recorded")
        other = (pick % len(ex.choices)) + 1
        await pilot.press(str(other))  # a second answer is not taken
        await pilot.pause()
        assert room.distribution(ex.id)[ex.answer] == 1
        assert sum(room.distribution(ex.id).values()) == 1
        boss.reveal()
        # The screen follows the store on its timer: wait for what it shows.
        shown = lambda: "Correct" in text_of(app, "#ex-feedback")  # noqa: E731
        await until(pilot, shown, "the reveal", tries=FOLLOWS)
        assert "1 of 1 right so far" in text_of(app, "#ex-head")
        boss.advance()
        moved = lambda: "Exercise 2 of 55" in text_of(app, "#ex-head")  # noqa: E731
        await until(pilot, moved, "the next exercise", tries=FOLLOWS)
        assert "Which tier" in text_of(app, "#ex-prompt")


async def test_facilitator_sees_answers_live_reveals_and_moves_the_room(room: Room) -> None:
    app = served_app(room)
    ex = room.state().exercise
    assert ex is not None
    wrong = next(t for t in ex.choices if t != ex.answer)
    async with app.run_test(size=SIZE) as pilot:
        await join(pilot, "", room.facilitator_code)
        await until(pilot, lambda: isinstance(app.screen, FacilitatorScreen), "the facilitator")
        assert "0 of 0 answered" in text_of(app, "#fac-count")
        for name, tier in (("Ana", ex.answer), ("Bo", wrong), ("Cy", ex.answer)):
            room.record(room.join(name), ex.id, tier)
        counted = lambda: "3 of 3 answered" in text_of(app, "#fac-count")  # noqa: E731
        await until(pilot, counted, "the answers counted", tries=FOLLOWS)
        bars = text_of(app, "#fac-bars")
        assert "✓" not in bars and "█" in bars
        await pilot.press("r")
        await until(pilot, lambda: "Correct tier" in text_of(app, "#fac-answer"), "the reveal")
        assert room.state().revealed
        assert "2 of 3 right" in text_of(app, "#fac-answer")
        assert "✓" in text_of(app, "#fac-bars")
        await pilot.press("s")
        await until(pilot, lambda: "Where the room" in text_of(app, "#fac-summary"), "summary")
        summary = text_of(app, "#fac-summary")
        assert "Where the room went wrong" in summary and "2 of 3 right (67%)" in summary
        await pilot.press("f")
        await until(pilot, lambda: app.screen.has_class("-present"), "presenter mode")
        await pilot.press("n")
        await until(pilot, lambda: room.state().position == 1, "the room moved on")
        assert not room.state().revealed
        hidden = lambda: "hidden until reveal" in text_of(app, "#fac-bars")  # noqa: E731
        await until(pilot, hidden, "the next exercise's bars", tries=FOLLOWS)
        # Presenter mode: the next exercise's answers stay hidden until reveal.
        assert "hidden until reveal" in text_of(app, "#fac-bars")


async def test_trainee_keys_cannot_move_the_room(room: Room) -> None:
    app = served_app(room)
    async with app.run_test(size=SIZE) as pilot:
        await join(pilot, "Ana", room.join_code)
        await pilot.press("r", "n", "s", "f", "ctrl+r", "ctrl+down")
        await pilot.pause()
        assert room.state().position == 0 and not room.state().revealed


async def test_a_session_whose_room_file_is_gone_still_starts_and_says_so(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The server started with a room, and its file was deleted afterwards: the
    # session must open (not end with an error) and tell the trainee why no room
    # is offered, without naming the server's folder.
    from drafter.tui import run_app

    path = room.path
    path.unlink()
    seen: dict[str, str] = {}

    def fake_run(self: DrafterApp) -> None:
        seen["note"] = self.session.served.room_note if self.session.served else ""
        seen["room"] = repr(self.session.room)

    monkeypatch.setattr(DrafterApp, "run", fake_run)
    assert run_app(mode="start", served=True, room_file=str(path)) == 0
    assert seen["room"] == "None"
    assert "cannot be opened now" in seen["note"]
    assert str(path.parent) not in seen["note"]

    app = DrafterApp(mode="start", served=Served(room=None, room_note=seen["note"]))
    async with app.run_test(size=SIZE) as pilot:
        start = await on_screen(pilot, StartScreen, "the start screen")
        assert "cannot join it" in text_of(start, "#room-note")
        assert not start.query("#room-name")
