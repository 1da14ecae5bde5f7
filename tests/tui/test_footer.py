"""The footer is rebuilt only when the keys it shows change (the wizard's speed)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from drafter.tui.app import DrafterApp

from .conftest import choose, screen_text, until


def keys(app: DrafterApp) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


async def test_choosing_tiers_keeps_the_footer_and_a_new_zone_rebuilds_it(example) -> None:
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # Range of Relief: 4, 8 or 10 points
        await until(pilot, lambda: keys(app), "the footer")
        before = keys(app)
        for key in ("1", "3", "2", "1"):
            await choose(pilot, key)
        # Focus moved from card to card; the keys shown are the same widgets.
        assert keys(app) == before
        # Into the form: letters are text there, so the footer shows other keys.
        await pilot.press("tab")
        await until(pilot, lambda: keys(app) != before, "the footer to change")
        text = "\n".join(screen_text(app))
        assert "esc Tiers" in text and "n Next" not in text


async def test_a_tier_choice_works_out_the_footer_keys_only_as_textual_signals(
    example, monkeypatch
) -> None:
    # Textual signals a focus move twice (as focus moves, and after the frame);
    # the wizard added none of its own (each walked every binding again).
    from drafter.tui.widgets.keysfooter import KeysFooter

    worked: list[int] = []
    keys_shown = KeysFooter._keys_shown

    def counted(self, screen):
        worked.append(1)
        return keys_shown(self, screen)

    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: keys(app), "the footer")
        monkeypatch.setattr(KeysFooter, "_keys_shown", counted)
        for key in ("1", "3"):
            worked.clear()
            await choose(pilot, key)
            assert len(worked) <= 2, f"the footer's keys worked out {len(worked)} times"
