"""Screenshots of every screen at 80x24 and 120x40, compared with the baselines.

Each also asserts what must show at that size (a picture alone would let a
cut-off footer or a one-row advice list through once it was accepted).

Regenerate after a deliberate change with `pytest tests/tui/test_snapshots.py
--snapshot-update`, then look at the SVGs before committing them.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from drafter.tui.app import DrafterApp

from .conftest import on_screen, screen_text, until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def no_blink(app: DrafterApp) -> None:
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    for widget in app.screen.query(TextArea):
        widget.cursor_blink = False


def steps(*keys: str, shows: tuple[str, ...] = ("^p palette",)):
    """A run_before that presses keys, stops every cursor blinking, and checks
    that each text in `shows` is on screen."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        no_blink(pilot.app)
        await pilot.pause()
        text = "\n".join(screen_text(pilot.app))
        for wanted in shows:
            assert wanted in text, f"{wanted!r} is not on screen:\n{text}"

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_start_screen(snap_compare, size) -> None:
    run_before = steps(shows=("New draft", "Start", "^d New draft", "^q Quit", "^p palette"))
    assert snap_compare(DrafterApp(mode="start"), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_wizard_screen(snap_compare, size, example) -> None:
    app = DrafterApp(mode="open", path=str(example("in-progress")))
    # Offenses Covered, its second tier chosen: the list parameter shows.
    run_before = steps(
        "n", "n", "n", "2", shows=("1-6 Choose", "^e Export", "Fill in for this tier")
    )
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_review_screen(snap_compare, size, example) -> None:
    app = DrafterApp(mode="open", path=str(example("in-progress")))
    assert snap_compare(app, terminal_size=size, run_before=steps("r", shows=("Still to do",)))


@pytest.mark.parametrize("size", SIZES)
def test_review_scrolls_to_the_whole_scorecard(snap_compare, size, example) -> None:
    app = DrafterApp(mode="open", path=str(example("in-progress")))

    async def run_before(pilot: Pilot) -> None:
        await steps("r")(pilot)
        pilot.app.screen.query_one("#review-scroll").scroll_end(animate=False, immediate=True)
        await pilot.pause()
        text = "\n".join(screen_text(pilot.app))
        # The last category's bar is reachable (the total shows in the top bar).
        assert "Conditions" in text and "78 / 100" in text, text

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_advice_screen(snap_compare, size, example) -> None:
    app = DrafterApp(mode="open", path=str(example("missouri-2019")))

    async def run_before(pilot: Pilot) -> None:
        await steps("a", shows=("^e Export", "Target grade"))(pilot)
        rows = [line for line in screen_text(pilot.app) if " / 100 " in line and "+" in line]
        # At least three changes, each with the points it gains.
        assert len([r for r in rows if r.lstrip(" ▊▎▏│").startswith("+")]) >= 3, rows

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_todays_law_screen(snap_compare, size) -> None:
    app = DrafterApp(mode="start")

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("ctrl+g")
        shown = lambda: getattr(pilot.app.focused, "id", None) == "law-show"  # noqa: E731
        await until(pilot, shown, "the Show button in focus")
        # Enter on the focused Show reads the first recorded law, and what it
        # reads comes to the top of the pane once its rows are in (at 80x24 it
        # starts below the fold): wait for that, not for a number of pauses.
        await pilot.press("enter")
        screen = pilot.app.screen
        pane = screen.query_one("#analyze")
        head = screen.query_one("#findings-head")

        def at_top() -> bool:
            top = pane.content_region.y + head.styles.margin.top
            return bool(screen.query("#findings .finding")) and head.region.y == top

        await until(pilot, at_top, "the reading at the top of the pane")
        await steps(shows=("What it reads: Alabama today", "Coverage", "esc Back"))(pilot)
        # Its first line is the pane's first (the title and the forms scrolled away).
        rows = screen_text(pilot.app)
        assert rows[head.region.y].strip().startswith("What it reads: Alabama today"), rows

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_export_dialog(snap_compare, size, example) -> None:
    app = DrafterApp(mode="open", path=str(example("in-progress")))
    assert snap_compare(app, terminal_size=size, run_before=steps("ctrl+e", shows=("Export",)))


@pytest.mark.parametrize("size", SIZES)
def test_documentation_step_asks_about_documentation(snap_compare, size, example) -> None:
    """The standards' yes/no question, on the step where the presumption lives."""
    app = DrafterApp(mode="open", path=str(example("best-practice")))

    async def run_before(pilot: Pilot) -> None:
        await pilot.press("ctrl+p", *"Official Documentation", "enter")
        await until(pilot, lambda: pilot.app.screen.query("#flag-documentation_required"), "it")
        # At 80 columns the score folds behind `s`; the wide one shows it beside the step.
        shows = ("Relief requires official documentation",)
        if size == (120, 40):
            shows += ("Federal 10381(c)(3): met", "4 of 4 criteria met")
        await steps("end", shows=shows)(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_wizard_light_theme_minors_only(snap_compare, example) -> None:
    app = DrafterApp(mode="open", path=str(example("missouri-2019")))

    async def run_before(pilot: Pilot) -> None:
        pilot.app.theme = "textual-light"
        await steps("n")(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_snapshot_paths_are_stable(work: Path) -> None:
    # The snapshots show paths relative to the working folder; keep it so.
    assert Path.cwd() == work


@pytest.mark.parametrize("size", SIZES)
def test_save_as_dialog(snap_compare, size) -> None:
    app = DrafterApp(mode="new", jurisdiction="Texas")

    async def run_before(pilot: Pilot) -> None:
        from drafter.tui.screens.dialogs import SaveAsScreen

        await pilot.press("ctrl+s")  # a new draft has no file yet: save as
        await on_screen(pilot, SaveAsScreen, "the save dialog")
        await steps(shows=("Save the draft as", "texas.yaml", "Save", "Cancel"))(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_discard_question(snap_compare, size, rubric) -> None:
    """The question before an unsaved draft is thrown away; the safe answer has focus."""
    from drafter.draft import Draft
    from drafter.tui import storage

    key = storage.write_autosave(
        Draft(jurisdiction="Missouri", coverage="adults"), rubric, None, None, True
    )
    # Saved two and a half days ago: "2 days ago" holds for half a day either side
    # (a draft saved now reads "just now" for only a minute, on a slow machine too).
    saved = storage.autosaves_dir() / f"{key}.yaml"
    then = round(time.time() - 2.5 * 86400, 3)
    lines = saved.read_text(encoding="utf-8").split("\n")
    lines = [f"saved_at: {then}" if ln.startswith("saved_at:") else ln for ln in lines]
    saved.write_text("\n".join(lines), encoding="utf-8")
    app = DrafterApp(mode="start")

    async def run_before(pilot: Pilot) -> None:
        from drafter.tui.screens.dialogs import ConfirmScreen

        await pilot.press("delete")
        dialog = await on_screen(pilot, ConfirmScreen, "the question")
        assert dialog.focused is dialog.query_one("#confirm-no")
        await steps(
            shows=("Discard this unsaved draft?", "Missouri, autosaved 2 days ago", "Keep it")
        )(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
