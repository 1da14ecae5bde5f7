"""Nothing lost: every unsaved draft is offered on the start screen, a new
draft never discards one, discarding asks, quitting says where the work is,
and two windows never write one autosave. Real keys throughout."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest
from textual.widgets import OptionList

from drafter.draft import Draft
from drafter.rubric import Rubric
from drafter.tui import storage
from drafter.tui.app import DrafterApp
from drafter.tui.screens.dialogs import ConfirmScreen
from drafter.tui.screens.start import StartScreen
from drafter.tui.screens.wizard import WizardScreen

from .conftest import on_screen, screen_text, total, until

SIZE = (120, 40)


def autosave_files(data_dir: Path) -> list[Path]:
    folder = data_dir / "autosaves"
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


def unsaved_list(app: DrafterApp) -> list[str]:
    """The start screen's unsaved drafts, one string per row."""
    box = app.screen.query_one("#unsaved", OptionList)
    return [str(box.get_option_at_index(i).prompt) for i in range(box.option_count)]


async def test_a_new_draft_never_discards_the_one_before(data_dir: Path) -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+d")  # a new draft, generic
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        await pilot.press("n", "2")  # Range of relief: a change, so unsaved work
        await until(pilot, lambda: total(app) == "8 / 100", "the score")
        # Back to the start screen by the palette, and a second new draft.
        await pilot.press("ctrl+p", *"New, open", "enter")
        await until(pilot, lambda: isinstance(app.screen, StartScreen), "the start screen")
        assert any("Untitled draft" in row for row in unsaved_list(app))
        await pilot.press("ctrl+d")
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        await pilot.press("n", "3")
        await until(pilot, lambda: total(app) == "10 / 100", "the score")
    assert len(autosave_files(data_dir)) == 2
    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        rows = unsaved_list(app)
        assert len(rows) == 2, rows
        assert "2 unsaved drafts, newest first" in "\n".join(screen_text(app))
        # Newest first: the 10-point draft, then the 8-point one.
        assert "10 / 100" in rows[0] and "8 / 100" in rows[1]
        await pilot.press("down", "enter")  # the list has focus: resume the older one
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        assert total(app) == "8 / 100"


async def test_discarding_an_unsaved_draft_asks_first(rubric: Rubric, data_dir: Path) -> None:
    for name in ("Missouri", "Texas"):
        storage.write_autosave(
            Draft(jurisdiction=name, coverage="adults"), rubric, None, None, True
        )
    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        assert len(unsaved_list(app)) == 2
        await pilot.press("delete")
        # Keys wait for the question to show with its focus (on "Keep it"): pressed
        # before that, Shift+Tab would land on "Keep it" and the discard step keep.
        dialog = await on_screen(pilot, ConfirmScreen, "the question")
        assert dialog.focused is dialog.query_one("#confirm-no")
        assert "Discard this unsaved draft?" in "\n".join(screen_text(app))
        await pilot.press("enter")  # focus starts on "Keep it": Enter keeps
        await until(pilot, lambda: isinstance(app.screen, StartScreen), "the start screen")
        assert len(unsaved_list(app)) == 2 and len(autosave_files(data_dir)) == 2
        newest = unsaved_list(app)[0].split()[0]
        await pilot.press("delete")
        await on_screen(pilot, ConfirmScreen, "the question")
        await pilot.press("shift+tab", "enter")  # to Discard, and press it
        await until(pilot, lambda: len(autosave_files(data_dir)) == 1, "the discard")
        rows = unsaved_list(app)
        assert len(rows) == 1 and newest not in rows[0]
        # The last one goes by the button, and the box goes with it.
        await pilot.click("#discard")
        await on_screen(pilot, ConfirmScreen, "the question")
        await pilot.click("#confirm-yes")
        await until(pilot, lambda: not app.screen.query("#resume-box"), "the box to go")
        assert autosave_files(data_dir) == []
        await until(pilot, lambda: app.screen.focused is app.screen.query_one("#new"), "focus")


async def test_quitting_with_unsaved_changes_says_where_the_work_is(data_dir: Path) -> None:
    app = DrafterApp(mode="new", jurisdiction="Missouri")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "2")
        await until(pilot, lambda: total(app) == "8 / 100", "the score")
        await pilot.press("ctrl+q")
    note = app.exit_note
    assert note is not None and "\n" not in note
    (kept,) = autosave_files(data_dir)
    assert note.startswith("drafter: your unsaved draft (Missouri) is kept in ")
    assert str(kept) in note and "choose it under Resume" in note


async def test_quitting_a_saved_draft_says_nothing_and_keeps_no_autosave(
    data_dir: Path, example
) -> None:
    path = example("in-progress")
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "1")
        await until(pilot, lambda: app.unsaved, "a change")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not app.unsaved, "the save")
        await pilot.press("ctrl+q")
    assert app.exit_note is None
    assert autosave_files(data_dir) == []
    # Changed and not saved: the line names the file the changes belong to.
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "2")
        await until(pilot, lambda: app.unsaved, "a change")
        await pilot.press("ctrl+q")
    assert app.exit_note is not None
    assert app.exit_note.startswith(
        "drafter: your unsaved changes to in-progress.yaml are kept in "
    )


async def test_the_exit_note_reaches_the_terminal(monkeypatch, capsys) -> None:
    from drafter import tui

    def run(self) -> None:
        self.exit_note = "drafter: your unsaved draft (Texas) is kept in X; run drafter"

    monkeypatch.setattr(DrafterApp, "run", run)
    assert tui.run_app("new") == 0
    assert capsys.readouterr().err == (
        "drafter: your unsaved draft (Texas) is kept in X; run drafter\n"
    )


@pytest.mark.skipif(not hasattr(fcntl, "flock"), reason="no flock on this platform")
async def test_a_draft_open_in_another_window_resumes_as_a_copy(
    rubric: Rubric, data_dir: Path
) -> None:
    key = storage.write_autosave(
        Draft(jurisdiction="Texas", coverage="adults"), rubric, None, None, True, key="1-2-abc-1-x"
    )
    before = storage.autosave_file(key).read_text()
    # Another drafter window holds the draft's lock (a lock of its own file open).
    other = os.open(data_dir / "autosaves" / f"{key}.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(other, fcntl.LOCK_EX)
    seen: list[str] = []
    try:
        app = DrafterApp(mode="start")
        async with app.run_test(size=SIZE) as pilot:
            app.notify = lambda message, **kw: seen.append(str(message))  # type: ignore[method-assign]
            assert "open in another drafter window" in unsaved_list(app)[0]
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
            assert any("goes on with a copy" in line for line in seen), seen
            await pilot.press("n", "2")
            await until(pilot, lambda: len(autosave_files(data_dir)) == 2, "the copy's autosave")
        assert storage.autosave_file(key).read_text() == before
    finally:
        os.close(other)


async def test_a_resumed_draft_goes_on_in_its_own_autosave(rubric: Rubric, data_dir: Path) -> None:
    key = storage.write_autosave(
        Draft(jurisdiction="Texas", coverage="adults"), rubric, None, None, True
    )
    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        await pilot.press("n", "2")
        kept = storage.autosave_file(key)
        await until(pilot, lambda: "range_of_relief" in kept.read_text(), "the autosave")
        assert autosave_files(data_dir) == [storage.autosave_file(key)]
        # While this window has it, another window cannot take its lock.
        probe = os.open(data_dir / "autosaves" / f"{key}.lock", os.O_RDONLY)
        try:
            with pytest.raises(OSError):
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(probe)
