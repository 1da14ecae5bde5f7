"""Fixtures for the wizard's tests: a private data dir, a scratch cwd, helpers.

Every test gets its own DRAFTER_DATA_DIR (autosaves/ and recent.yaml live
there) and runs in a scratch folder, so nothing touches the user's files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from conftest import EXAMPLES
from drafter.tui.app import DrafterApp
from drafter.tui.widgets.preview import BillPreview


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(folder))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return folder


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return tmp_path / "work"


@pytest.fixture
def example(work: Path):
    """Copy an example draft into the scratch folder and return its path."""

    def copy(name: str) -> Path:
        target = work / f"{name}.yaml"
        shutil.copy(EXAMPLES / f"{name}.yaml", target)
        return target

    return copy


def text_of(app: DrafterApp, selector: str) -> str:
    """The plain text a Static shows."""
    widget = app.screen.query_one(selector, Static)
    return str(widget.render())


def screen_text(app: DrafterApp) -> list[str]:
    """The screen as the user sees it, a string per row (for what must show)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def total(app: DrafterApp) -> str:
    """The score as the top bar shows it: exactly `NN / 100`."""
    return text_of(app, "#total")


def preview(app: DrafterApp) -> str:
    """The bill text the wizard or review screen shows."""
    return app.screen.query_one(BillPreview).text


async def settles(pilot, ok, tries: int = 100) -> bool:
    """Let the app run until `ok()` holds; whether it did (an effect, not a time)."""
    for _ in range(tries):
        if ok():
            return True
        await pilot.pause(0.02)
    return bool(ok())


async def until(pilot, ok, what: str = "the condition", tries: int = 100) -> None:
    """Let the app run until `ok()` holds (fields mount a moment after a choice)."""
    if not await settles(pilot, ok, tries):
        raise AssertionError(f"timed out waiting for {what}")


async def choose(pilot, key: str) -> None:
    """Press a key that changes the score (a tier's number) and wait until the top bar
    shows the new score and the frame after it is drawn."""
    app = pilot.app
    shown = total(app)
    await pilot.press(key)
    await until(pilot, lambda: total(app) != shown, "the new score")
    await pilot.pause()


async def on_screen(pilot, kind: type, what: str = "the screen"):
    """Wait until a screen of `kind` is current, composed and has its first focus.

    A pushed screen is current before it has composed: a key pressed in that
    moment finds nothing focused (Enter does nothing, Shift+Tab focuses the last
    widget and the screen's own first focus is then skipped). A person presses
    keys once the screen shows; a test waits for the same thing.
    """
    app = pilot.app

    def ready() -> bool:
        screen = app.screen
        return isinstance(screen, kind) and screen.is_mounted and screen.focused is not None

    await until(pilot, ready, what)
    return app.screen


def holds(app: DrafterApp, step_id: str, choice: str) -> bool:
    """Whether the draft has `choice` on the step `step_id` (coverage or a category)."""
    draft = app.draft
    if draft is None:
        return False
    return (draft.coverage if step_id == "coverage" else draft.choices.get(step_id)) == choice
