"""Text from a file never drives the terminal: the app draws control characters,
C1 controls and bidi overrides as visible pictures (tests/hostile/ok/*)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from conftest import ROOT
from drafter.textsafe import first_unsafe
from drafter.tui import textguard
from drafter.tui.app import DrafterApp
from drafter.tui.screens.review import ReviewScreen

from .conftest import until

HOSTILE_OK = ROOT / "tests" / "hostile" / "ok"


def drawn(app: DrafterApp) -> str:
    """Every character the screen's cells hold, as the terminal would get them."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("osc.yaml", "\u241b]52;c;aGFja2Vk"),
        ("ansi.yaml", "\u241b[31mRed State"),
        ("bidi.yaml", "Main<U+202E>etatS"),
        ("c1.yaml", "C1<U+009B>2JState"),
    ],
)
async def test_opened_draft_draws_escapes_as_pictures(name: str, shown: str) -> None:
    app = DrafterApp(mode="open", path=str(HOSTILE_OK / name))
    assert textguard.installed()
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "/ 100" in drawn(app), "the wizard")
        for screen_text in (drawn(app),):
            assert first_unsafe(screen_text) is None, first_unsafe(screen_text)
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
        await until(pilot, lambda: shown in drawn(app), f"{shown!r} on the review screen")
        assert first_unsafe(drawn(app)) is None


async def test_typed_or_pasted_escapes_are_drawn_visible(work: Path) -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+o")
        field = app.screen.query_one("#open-path", Input)
        field.value = "\x1b]0;pwned\x07 \u202eabc \x9b2J.yaml"
        await until(pilot, lambda: "pwned" in drawn(app), "the typed path")
        assert first_unsafe(drawn(app)) is None
        assert "\u241b]0;pwned" in drawn(app)
        # The field keeps what was typed; only the drawing changes.
        assert field.value.startswith("\x1b]0;")
