"""What a tier choice costs the screen: one layout, only what changed repainted.

These count Textual's passes (not time): a choice that moves the detail and
scrolls its card into view repaints the centre, never the whole screen, and
the startup heap is frozen while the wizard runs and given back when it ends.
They rely on Textual internals (widgets/onepass.py): if a new Textual changes
them, these fail rather than the wizard silently slowing down.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual._compositor import Compositor

from drafter.tui.app import DrafterApp
from drafter.tui.screens.wizard import WizardScreen

from .conftest import total, until


def visible(card, centre) -> bool:
    """The card's top row is inside the centre's viewport."""
    top = card.virtual_region_with_margin.y
    return centre.scroll_y <= top < centre.scroll_y + centre.scrollable_content_region.height


async def test_a_choice_that_scrolls_repaints_only_the_centre(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    full: list[int] = []
    render_full = Compositor.render_full_update

    def counted(self, simplify: bool = False):
        full.append(1)
        return render_full(self, simplify)

    monkeypatch.setattr(Compositor, "render_full_update", counted)
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # Range of Relief: tier 3's card is below the fold
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        centre = screen.pane.centre
        for key, card in (("3", 2), ("1", 0), ("3", 2)):
            before = total(app)
            full.clear()
            scrolled = centre.scroll_y
            await pilot.press(key)
            await until(pilot, lambda b=before: total(app) != b, "the new score")
            await pilot.pause()
            assert centre.scroll_y != scrolled, "the choice should bring its card into view"
            assert visible(screen.pane.cards[card], centre)
            assert full == [], "a tier choice repainted the whole screen"


async def test_the_startup_heap_is_frozen_while_the_wizard_runs(example, work: Path) -> None:
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: gc.get_freeze_count() > 0, "the frozen heap")
    # The app's widgets are the collector's again once it has closed.
    assert gc.get_freeze_count() == 0
