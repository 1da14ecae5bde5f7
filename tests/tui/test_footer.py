"""The footer is rebuilt only when the keys it shows change (the wizard's speed)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from drafter.tui.app import DrafterApp

from .conftest import screen_text, total, until


def keys(app: DrafterApp) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


async def test_choosing_tiers_keeps_the_footer_and_a_new_zone_rebuilds_it(example) -> None:
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # Range of Relief: 4, 8 or 10 points
        await until(pilot, lambda: keys(app), "the footer")
        before = keys(app)
        for key in ("1", "3", "2", "1"):
            shown = total(app)
            await pilot.press(key)
            await until(pilot, lambda shown=shown: total(app) != shown, "the score")
            await pilot.pause()
        # Focus moved from card to card; the keys shown are the same widgets.
        assert keys(app) == before
        # Into the form: letters are text there, so the footer shows other keys.
        await pilot.press("tab")
        await until(pilot, lambda: keys(app) != before, "the footer to change")
        text = "\n".join(screen_text(app))
        assert "esc Tiers" in text and "n Next" not in text
