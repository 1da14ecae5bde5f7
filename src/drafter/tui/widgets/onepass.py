"""Containers and text that need one layout pass per change, not two.

After a layout pass Textual hands every widget its new size; a widget whose
content height changed (a longer tier note, the chosen card's fields moving)
then asks for a second, full layout pass, which finds the same geometry: the
pass that just ran measured that content already. In the wizard's centre
every tier choice changes heights, so each key paid for two layouts and two
repaints of most of the screen.

These classes take their new size without asking again, as Textual does
itself after a scroll. A scrollable one still updates its scrollbars, and a
scrollbar that appears or goes asks for the layout it needs.

The centre's scroll box saves two more repaints a tier choice would cost:
Textual repaints a container whose children move (the chosen tier's detail
moves under its card), though the box looks the same; and the first scroll
after a layout pass (bringing the chosen card into view) repaints the whole
screen, outline, score and bill included, since Textual keeps no map of what
was visible then to compare with. Both go through the one layout pass, which
repaints only what moved. Its scrollbar is drawn in the frame that draws the
change, not in one of its own after it. (They rely on Textual internals: textual is pinned,
and tests/tui/test_onepass.py fails if these stop saving the repaints.)
"""

from __future__ import annotations

from typing import Self

from textual._compositor import Compositor, ReflowResult
from textual.containers import Vertical, VerticalScroll
from textual.dom import NoScreen
from textual.geometry import Region, Size
from textual.widget import Widget
from textual.widgets import Static

from drafter.tui.widgets.rendermemo import RememberedBox, RememberedRenders
from drafter.tui.widgets.scrollbars import RememberedScrollBars


class OnePassCompositor(Compositor):
    """Textual's compositor, that arranges the screen once per layout pass, not twice.

    A repaint of a widget out of view (a card chosen or unchosen while
    scrolled off, a field shown on a new step) made Textual drop its map of
    the whole screen, in case the widget was new; the layout pass that came
    next made a whole map again but left it marked dropped, and the first
    question of where a widget is (the tier note resized under a long card)
    arranged every widget once more. A layout pass's map is whole; a widget
    the map already holds is not new: its place from the layout pass stands
    (Textual's own find_widget answers from it).
    """

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        result = super().reflow(parent, size)
        # Every widget arranged, visible or not, as full_map would arrange them.
        self._full_map_invalidated = False
        return result

    def update_widgets(self, widgets: set[Widget]) -> None:
        known = not self._full_map_invalidated and widgets <= self._full_map.keys()
        if known:
            # Textual's check is skipped while the flag is set.
            self._full_map_invalidated = True
        try:
            super().update_widgets(widgets)
        finally:
            if known:
                self._full_map_invalidated = False


class OnePassVertical(RememberedBox, Vertical):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class OnePassScroll(RememberedScrollBars, VerticalScroll):
    #: A layout pass ran since the last scroll (see _refresh_scroll).
    _laid_out = False

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        self._laid_out = True
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def _refresh_scroll(self) -> None:
        # The first scroll after a layout pass repaints the whole screen in
        # Textual (it has no map of what was visible to compare with); a
        # layout of this container instead repaints only what moved.
        if self._laid_out:
            self._laid_out = False
            self.refresh(repaint=False, layout=True)
        else:
            super()._refresh_scroll()

    def _scroll_update(self, virtual_size: Size) -> None:
        super()._scroll_update(virtual_size)
        self._bar_in_this_frame()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._bar_in_this_frame()

    def _bar_in_this_frame(self) -> None:
        """Hand the scrollbar's repaint to the screen now, for the frame this change is in.

        A scrollbar asks for its repaint through a message of its own, which
        reaches the screen after the frame that draws the change: the bar
        then cost a frame of its own, a few milliseconds after the rest.
        """
        bar = self._vertical_scrollbar
        if bar is None or not bar._repaint_required or not bar.display:
            return
        try:
            screen = self.screen
        except NoScreen:
            return
        bar._repaint_required = False
        screen._dirty_widgets.add(bar)
        screen.check_idle()

    def expect_height(self, height: int) -> None:
        """Take `height` as the content's height now, ahead of the layout that finds it.

        Its scrollbar is redrawn with the change it goes with (a scroll made
        ahead of the layout), not in a frame of its own after the layout; if
        the layout finds another height, it sets that as usual.
        """
        size = Size(self.virtual_size.width, height)
        if size != self.virtual_size:
            self.set_reactive(OnePassScroll.virtual_size, size)
            self._scroll_update(size)

    #: Set while a child moves (see move_quietly).
    _moving = False

    def move_quietly(self, child: Widget, after: Widget) -> None:
        """Move `child` after `after`: a layout pass, no repaint of this box itself.

        Textual repaints a container whose children move; its own background
        and scrollbars look the same after, and what moved is repainted anyway.
        """
        self._moving = True
        try:
            self.move_child(child, after=after)
        finally:
            self._moving = False

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        if self._moving:
            repaint = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


class OnePassStatic(RememberedRenders, Static):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)
