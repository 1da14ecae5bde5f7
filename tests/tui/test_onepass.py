"""What a tier choice costs the screen: one layout, only what changed repainted.

These count Textual's passes (not time): a choice that moves the detail and
scrolls its card into view repaints the centre, never the whole screen, and
the startup heap is frozen while the wizard runs and given back when it ends.
They rely on Textual internals (widgets/onepass.py): if a new Textual changes
them, these fail rather than the wizard silently slowing down.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from textual._compositor import Compositor
from textual.geometry import Region
from textual.visual import Visual

from drafter.tui import heap
from drafter.tui.app import DrafterApp
from drafter.tui.screens.wizard import WizardScreen
from drafter.tui.widgets.outline import Outline
from drafter.tui.widgets.tiers import TierCard

from .conftest import choose, total, until


def visible(card, centre) -> bool:
    """The card's top row is inside the centre's viewport."""
    top = card.virtual_region_with_margin.y
    return centre.scroll_y <= top < centre.scroll_y + centre.scrollable_content_region.height


async def test_a_choice_that_scrolls_repaints_only_the_centre(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    full: list[int] = []
    layouts: list[int] = []
    render_full, reflow = Compositor.render_full_update, Compositor.reflow

    def counted(self, simplify: bool = False):
        full.append(1)
        return render_full(self, simplify)

    def counted_reflow(self, parent, size):
        layouts.append(1)
        return reflow(self, parent, size)

    arranged: list[int] = []
    arrange = Compositor._arrange_root

    def counted_arrange(self, *args, **kwargs):
        arranged.append(1)
        return arrange(self, *args, **kwargs)

    monkeypatch.setattr(Compositor, "render_full_update", counted)
    monkeypatch.setattr(Compositor, "reflow", counted_reflow)
    monkeypatch.setattr(Compositor, "_arrange_root", counted_arrange)
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
            layouts.clear()
            arranged.clear()
            scrolled = centre.scroll_y
            await pilot.press(key)
            await until(pilot, lambda b=before: total(app) != b, "the new score")
            await pilot.pause()
            assert centre.scroll_y != scrolled, "the choice should bring its card into view"
            assert visible(screen.pane.cards[card], centre)
            assert full == [], "a tier choice repainted the whole screen"
            # The scroll was worked out ahead (widgets/reveal.py): one layout.
            assert layouts == [1], f"{len(layouts)} layout passes for one choice"
            # The card repainted out of view leaves the layout's map standing
            # (onepass.OnePassCompositor): the screen is arranged once.
            assert arranged == [1], f"the screen arranged {len(arranged)} times"


async def test_a_step_change_arranges_the_screen_only_in_its_layout_passes(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fields shown on the new step made Textual drop its map of the screen;
    # the layout pass after makes a whole one (onepass.OnePassCompositor).
    arranged: list[str] = []
    arrange, reflow = Compositor._arrange_root, Compositor.reflow
    in_reflow = [False]

    def counted_arrange(self, *args, **kwargs):
        arranged.append("layout" if in_reflow[0] else "again")
        return arrange(self, *args, **kwargs)

    def counted_reflow(self, parent, size):
        in_reflow[0] = True
        try:
            return reflow(self, parent, size)
        finally:
            in_reflow[0] = False

    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        monkeypatch.setattr(Compositor, "_arrange_root", counted_arrange)
        monkeypatch.setattr(Compositor, "reflow", counted_reflow)
        for key in "nnpp":
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
        assert "layout" in arranged
        assert "again" not in arranged, f"arranged outside a layout pass: {arranged}"


async def test_a_choice_draws_the_centre_scrollbar_in_its_own_frame(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The scrollbar moves with the choice's scroll; it is drawn in the frame
    # that draws the choice, not in a frame of its own just after.
    frames: list[set[object]] = []
    update_widgets = Compositor.update_widgets

    def counted(self, widgets):
        if widgets:
            frames.append(set(widgets))
        return update_widgets(self, widgets)

    monkeypatch.setattr(Compositor, "update_widgets", counted)
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        bar = screen.pane.centre.vertical_scrollbar
        for key in ("3", "1", "3"):
            before, moved = total(app), bar.position
            frames.clear()
            await pilot.press(key)
            await until(pilot, lambda b=before: total(app) != b, "the new score")
            await pilot.pause()
            assert bar.position != moved, "the choice should scroll the centre"
            assert len(frames) == 1, f"{len(frames)} frames for one choice"
            assert bar in frames[0], "the scrollbar was not drawn with the choice"


async def test_an_answer_redraws_only_its_row_of_the_outline(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows: list[int] = []
    render_line = Outline.render_line

    def counted(self, y: int):
        rows.append(y)
        return render_line(self, y)

    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        outline = app.screen.query_one(Outline)
        shown = [str(o.prompt) for o in outline.options]
        monkeypatch.setattr(Outline, "render_line", counted)
        await pilot.press("1")  # Range of Relief: 10 points to 4
        await until(pilot, lambda: str(outline.get_option_at_index(1).prompt) != shown[1])
        await pilot.pause()
        now = [str(o.prompt) for o in outline.options]
        assert now[1].split() == ["●", "Range", "4"]
        assert now[:1] + now[2:] == shown[:1] + shown[2:]
        assert set(rows) == {1}, f"outline rows redrawn: {sorted(set(rows))}"
        assert outline.render_line(1).text.split() == ["●", "Range", "4"]

        # Back and forth, a row's look shown again is not rendered again.
        from textual.widgets import OptionList

        rendered: list[object] = []
        option_render = OptionList._get_option_render

        def counted_render(self, option, style):
            rendered.append(option.id)
            return option_render(self, option, style)

        for key in "31":
            await choose(pilot, key)
            monkeypatch.setattr(OptionList, "_get_option_render", counted_render)
        assert outline.render_line(1).text.split() == ["●", "Range", "4"]
        assert rendered == [], f"rows rendered again: {rendered}"


async def test_a_card_shown_again_is_not_drawn_again_until_a_restyle(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str | None] = []
    to_strips = Visual.to_strips

    def counted(cls, widget, visual, *args, **kwargs):
        if isinstance(widget, TierCard):
            drawn.append(widget.id)
        return to_strips(widget, visual, *args, **kwargs)

    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # Range of Relief: tiers 1 and 3 give 4 and 10
        await pilot.pause()
        for key in "131":
            await choose(pilot, key)
            if key == "3":
                # Each look of both cards drawn once by now: from here on, count.
                monkeypatch.setattr(Visual, "to_strips", classmethod(counted))
        card = app.screen.query_one("#tier-1", TierCard)
        assert card.has_class("-chosen")
        assert drawn == [], f"drawn again: {drawn}"
        # What the card shows is what drawing it afresh shows.
        kept = [list(line) for line in card._render_cache.lines]
        card._renders = None
        card._render_content()
        assert [list(line) for line in card._render_cache.lines] == kept
        assert drawn == ["tier-1"]
        # A new theme draws it again, in the theme's colours.
        drawn.clear()
        app.action_toggle_dark()
        await until(pilot, lambda: "tier-1" in drawn, "the card drawn in the new theme")


async def test_a_look_shown_again_is_not_finished_again_until_a_restyle(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual lays each line of a repainted widget over its background and
    # border and through the colour filter; the cards, the score and the bill
    # keep what that made of each look (rendermemo.frame_key).
    from textual._styles_cache import StylesCache
    from textual.widget import Widget

    from drafter.tui.widgets.onepass import OnePassVertical
    from drafter.tui.widgets.preview import BillPreview
    from drafter.tui.widgets.scorepanel import ScorePanel
    from drafter.tui.widgets.topbar import BarText

    kept = (TierCard, BillPreview, ScorePanel, BarText, OnePassVertical)
    finished: list[str | None] = []
    render_widget = StylesCache.render_widget

    def counted(self, widget, crop):
        if isinstance(widget, kept):
            finished.append(widget.id)
        return render_widget(self, widget, crop)

    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # Range of Relief: tiers 1 and 3 give 4 and 10
        await pilot.pause()
        for i, key in enumerate("13131"):
            await choose(pilot, key)
            if i == 2:
                # Each look finished once by now (both scrolls): from here on, count.
                monkeypatch.setattr(StylesCache, "render_widget", counted)
        assert finished == [], f"finished again: {finished}"
        # What each shows is what finishing it afresh shows.
        screen = app.screen
        widgets = [
            *screen.query(TierCard),
            screen.query_one(BillPreview),
            screen.query_one(ScorePanel),
            *screen.query(BarText),
            screen.query_one("#chosen-detail"),
        ]
        for widget in widgets:
            if not widget.display or not widget.region:
                continue
            crop = Region(0, 0, widget.region.width, widget.region.height)
            memo = [list(line) for line in widget.render_lines(crop)]
            widget._styles_cache.clear()
            afresh = [list(line) for line in Widget.render_lines(widget, crop)]
            assert memo == afresh, f"{widget.id} shows other lines than it would draw"
        # A new theme finishes them again, in the theme's colours.
        finished.clear()
        app.action_toggle_dark()
        await until(
            pilot,
            lambda: {"tier-1", "preview", "score", "total", "chosen-detail"} <= set(finished),
            "a redraw",
        )


async def test_a_card_shown_again_is_not_measured_again(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Chosen or not, a card shows the same words: the height they wrap to is
    # kept (rendermemo.RememberedRenders.get_content_height).
    from textual.content import Content

    measured: list[str] = []
    get_height = Content.get_height

    def counted(self, rules, width):
        measured.append(self.plain)
        return get_height(self, rules, width)

    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # Range of Relief: tiers 1 and 3 give 4 and 10
        await pilot.pause()
        cards = list(app.screen.query(TierCard))
        for i, key in enumerate("1313"):
            await choose(pilot, key)
            if i == 1:
                monkeypatch.setattr(Content, "get_height", counted)
        words = {card.content.plain.replace("●", "○") for card in cards if card.display}
        again = [plain for plain in measured if plain.replace("●", "○") in words]
        assert again == [], f"cards measured again: {len(again)}"
        assert cards[0].has_class("-chosen") is False and cards[2].has_class("-chosen")
        # A new width measures them afresh.
        await pilot.resize_terminal(100, 40)
        await until(pilot, lambda: bool(measured), "the cards measured at the new width")


async def test_a_scrollbar_shown_again_is_not_drawn_again(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.scrollbar import ScrollBar

    from drafter.tui.widgets.preview import BillPreview
    from drafter.tui.widgets.scrollbars import RememberedScrollBar

    drawn: list[str] = []
    render = ScrollBar.render

    def counted(self):
        drawn.append(self.parent.id)
        return render(self)

    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # Range of Relief: both bars move with each choice
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        bars = [
            screen.pane.centre.vertical_scrollbar,
            screen.query_one(BillPreview).vertical_scrollbar,
        ]
        assert all(isinstance(bar, RememberedScrollBar) and bar.display for bar in bars)
        places = []
        for i, key in enumerate("1313"):
            await choose(pilot, key)
            places.append([(bar.window_virtual_size, bar.position) for bar in bars])
            if i == 2:
                # Each look of both bars drawn once by now: from here on, count.
                monkeypatch.setattr(ScrollBar, "render", counted)
        assert places[1] == places[3] != places[2], "the bars did not move back and forth"
        assert drawn == [], f"drawn again: {drawn}"

        # What each shows is what drawing it afresh shows, before and after a scroll.
        def fresh(bar) -> bool:
            region = bar.size.region
            kept = [list(line) for line in bar.render_lines(region)]
            bar._renders = None
            bar.refresh()
            return [list(line) for line in bar.render_lines(region)] == kept

        assert all(fresh(bar) for bar in bars)
        assert sorted(drawn) == ["centre", "preview"]
        screen.pane.centre.scroll_end(animate=False)
        await until(pilot, lambda: bars[0].position != places[3][0][1], "the scroll")
        await pilot.pause()
        assert fresh(bars[0])


async def test_the_startup_heap_is_frozen_while_the_wizard_runs(example, work: Path) -> None:
    gc.unfreeze()
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    # Frozen as the app is made, before it loads its data (heap.freeze_startup).
    assert gc.get_freeze_count() > 0
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: gc.get_freeze_count() > 0, "the frozen heap")
    # The app's widgets are the collector's again once it has closed.
    assert gc.get_freeze_count() == 0


async def test_full_collections_wait_for_a_pause_in_the_input(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter.tui.screens import wizard

    before = gc.get_threshold()
    frozen: list[int] = []
    full: list[int] = []
    freeze = wizard.freeze_startup

    def counted_freeze() -> None:
        freeze()
        frozen.append(1)

    def seen(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    monkeypatch.setattr(wizard, "freeze_startup", counted_freeze)
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        # The wizard's widgets frozen (which starts the collector's counts afresh).
        await until(pilot, lambda: bool(frozen), "the wizard's heap frozen")
        # Python's own count never sets one off while the user types.
        assert gc.get_threshold()[:2] == before[:2]
        assert gc.get_threshold()[2] > 10**9
        # As many younger collections as Python would run a full one after.
        for _ in range(heap.FULL_AFTER):
            gc.collect(1)
        assert not heap.collect_in_pause(time.monotonic()), "collected with a key just pressed"
        gc.callbacks.append(seen)
        try:
            await pilot.press("n")
            await until(pilot, lambda: bool(full), "a full collection in the pause", tries=500)
        finally:
            gc.callbacks.remove(seen)
    assert gc.get_threshold() == before


@pytest.mark.parametrize("mode", ["open", "start"])
async def test_collections_are_held_until_the_first_screen_is_drawn(
    example, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter.tui.screens.start import StartScreen

    built: list[bool] = []
    first = WizardScreen if mode == "open" else StartScreen
    compose = first.compose

    def spied(self):
        built.append(gc.isenabled())
        yield from compose(self)

    monkeypatch.setattr(first, "compose", spied)
    path = str(example("strong-b")) if mode == "open" else None
    app = DrafterApp(mode=mode, path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, gc.isenabled, "collections given back")
        assert isinstance(app.screen, first)
    assert built == [False], "the first screen was built with the collector running"
    assert gc.isenabled()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_tab_in_the_first_moment_enters_the_held_back_form(example, size) -> None:
    # The coverage step's long form mounts the moment after the first frame;
    # a Tab pressed before then waits for it, and its field is in view.
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=size) as pilot:
        await pilot.press("tab")
        await until(pilot, lambda: getattr(app.focused, "id", None) == "about-jurisdiction")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WizardScreen)
        field, centre = app.focused, screen.pane.centre
        assert field is not None and field.region.y >= centre.region.y
        assert field.region.bottom <= centre.region.bottom


async def test_a_choice_restyles_each_card_it_changes_once(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Focus moves with a choice by key and restyles both cards; their class
    # changes ride on that restyle (tiers.TierCard.show), not one of their own.
    from textual.css.stylesheet import Stylesheet

    restyled: list[str | None] = []
    apply = Stylesheet.apply

    def counted(self, node, *args, **kwargs):
        if isinstance(node, TierCard):
            restyled.append(node.id)
        return apply(self, node, *args, **kwargs)

    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # Range of Relief, tier 2 chosen and focused
        await pilot.pause()
        monkeypatch.setattr(Stylesheet, "apply", counted)
        for key, now, was in (("1", "tier-1", "tier-2"), ("3", "tier-3", "tier-1")):
            restyled.clear()
            await choose(pilot, key)
            assert sorted(restyled) == sorted([now, was]), f"cards restyled: {restyled}"
            assert app.screen.focused is app.screen.query_one(f"#{now}")

        # Chosen from the outline, focus stays there: the class restyles the cards.
        def looks() -> list[object]:
            return [(c.has_class("-chosen"), c.styles.background) for c in cards]

        cards = [app.screen.query_one(f"#tier-{i}", TierCard) for i in (1, 3)]
        app.screen.set_focus(app.screen.query_one(Outline))
        await pilot.pause()
        await choose(pilot, "1")
        before = looks()
        assert [chosen for chosen, _ in before] == [True, False]
        assert before[0][1] != before[1][1], "the chosen card looks like the other"
        for card in cards:
            card.update_node_styles()
        assert looks() == before, "a card's look is not its classes' and focus's"


async def test_a_scorecard_shown_again_is_not_written_out_again(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter.tui.widgets import scorepanel

    written: list[int] = []
    score_content = scorepanel.score_content

    def counted(view, width=0):
        written.append(1)
        return score_content(view, width)

    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        panel = app.screen.query_one(scorepanel.ScorePanel)
        for i, key in enumerate("1313"):
            await choose(pilot, key)
            if i == 1:
                monkeypatch.setattr(scorepanel, "score_content", counted)
        assert written == [], "the score panel's text was written out again"
        assert panel.content == score_content(app.view, panel.content_region.width)
