"""A draft from the start screen to an exported bill with the mouse alone:
every step is a click on a real widget where it is drawn (no key is pressed),
at 80x24 and 120x40. Every wait is on an effect."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import RadioButton

from drafter.tui.app import DrafterApp
from drafter.tui.screens.export import ExportScreen
from drafter.tui.screens.review import ReviewScreen
from drafter.tui.screens.start import StartScreen
from drafter.tui.screens.wizard import WizardScreen
from drafter.tui.widgets.tiers import TierCard

from .conftest import holds, on_screen, until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def under_pointer(app: DrafterApp, widget: Widget) -> tuple[int, int] | None:
    """A point (x, y) on screen where a click reaches `widget`, if one is in view."""
    region = widget.region
    for y in range(region.y, region.bottom):
        for x in (region.x + 2, region.x + region.width // 2):
            try:
                hit, _ = app.screen.get_widget_at(x, y)
            except Exception:  # off the screen
                continue
            if hit is widget or widget in hit.ancestors:
                return x, y
    return None


async def click(pilot, widget: Widget, what: str) -> None:
    """Click `widget` where it shows (a test fails plainly when it is out of view)."""
    point = under_pointer(pilot.app, widget)
    assert point is not None, f"{what} is not in view to click"
    x, y = point
    await pilot.click(offset=(x, y))


async def settled(pilot, layout, tries: int = 100) -> None:
    """Let the app run until `layout()` (where things are) is the same three times running."""
    seen = [layout()]
    for _ in range(tries):
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        seen.append(layout())
        if len(seen) >= 3 and seen[-1] == seen[-2] == seen[-3]:
            return
    raise AssertionError(f"the layout never settled: {seen[-2:]}")


def best_card_in_view(app: DrafterApp) -> TierCard:
    """The tier worth the most points among the cards a click can reach."""
    screen = app.screen
    assert isinstance(screen, WizardScreen)
    step = screen.current
    shown = [c for c in screen.query(TierCard) if c.display and under_pointer(app, c)]
    assert shown, "no tier card in view"

    def worth(card: TierCard) -> int:
        choice = step.choices[card.index]
        if step.id == "coverage":
            return int(choice.id == "adults")
        return choice.points or 0

    return max(shown, key=worth)


@pytest.mark.parametrize("size", SIZES)
async def test_a_mouse_only_walk_from_start_to_a_word_bill(size, work: Path) -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=size) as pilot:
        start = await on_screen(pilot, StartScreen, "the start screen")
        await click(pilot, start.query_one("#new"), "Start")
        wizard = await on_screen(pilot, WizardScreen, "the wizard")
        assert isinstance(wizard, WizardScreen)
        steps = app.engine.steps
        chosen = 0
        for index in range(len(steps)):
            await until(pilot, lambda i=index: wizard.step == i, f"step {index + 1}")
            # A person clicks what is drawn: wait until the new step's cards stay put.
            await settled(pilot, lambda: [c.region for c in wizard.query(TierCard)])
            card = best_card_in_view(app)
            choice = wizard.current.choices[card.index].id
            await click(pilot, card, f"the tier {choice}")
            step_id = steps[index].id
            held = lambda s=step_id, c=choice: holds(app, s, c)  # noqa: E731
            await until(pilot, held, f"the tier {choice} at {step_id}")
            chosen += 1
            await click(pilot, wizard.query_one("#next-button"), "Next")
        assert chosen == len(steps)
        # Next on the last step is Review.
        review = await on_screen(pilot, ReviewScreen, "the review")
        assert app.view is not None and app.view.card.total > 0
        await click(pilot, review.query_one("#export"), "Export…")
        dialog = await on_screen(pilot, ExportScreen, "the export dialog")
        assert isinstance(dialog, ExportScreen)
        docx = next(b for b in dialog.query(RadioButton) if b.name == "docx")
        await click(pilot, docx, "the .docx format")
        await until(pilot, lambda: dialog.fmt == "docx", "the .docx format chosen")
        path = dialog.query_one("#export-path").value  # type: ignore[attr-defined]
        assert path.endswith(".docx")
        await click(pilot, dialog.query_one("#export"), "Export")
        target = work / path
        await until(pilot, target.is_file, "the .docx")
    with zipfile.ZipFile(target) as bill:
        assert "relief" in bill.read("word/document.xml").decode("utf-8").casefold()
