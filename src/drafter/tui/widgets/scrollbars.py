"""Scrollbars that keep the lines of their last few looks.

Choosing a tier moves both scrollbars on the wizard's screen (the centre's,
as the chosen card comes into view, and the bill's, as the bill changes
length): Textual draws a scrollbar as a Rich renderable, through the console,
line by line, some 0.1 ms a line, the dearest part of a tier choice's frame.
Choosing back and forth shows the same few looks again: these keep their
lines, by everything that decides them (the bar's size and place, its colours
and the parent's state behind them, what part is drawn, the theme's filters).

(Textual internals: textual is pinned, and tests/tui/test_onepass.py fails if
a look shown again is drawn again, or drawn other than afresh.)
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget

from drafter.tui.widgets.rendermemo import Looks


class RememberedScrollBar(ScrollBar):
    _renders: Looks[list[Strip]] | None = None

    def _look(self, crop: Region) -> Hashable:
        parent = self.parent
        assert isinstance(parent, Widget)
        styles = parent.styles
        return (
            crop,
            self.size,
            self.window_virtual_size,
            self.window_size,
            self.position,
            self.thickness,
            self.vertical,
            self.grabbed is not None,
            self.mouse_over,
            styles.scrollbar_background,
            styles.scrollbar_color,
            styles.scrollbar_background_hover,
            styles.scrollbar_color_hover,
            styles.scrollbar_background_active,
            styles.scrollbar_color_active,
            self.screen.styles.scrollbar_color,
            parent.background_colors,
            self.background_colors,
            self.visual_style,
            self.opacity,
            self.app.theme,
            tuple(map(id, self.get_line_filters())),
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        key = self._look(crop)
        if self._renders is None:
            self._renders = Looks()
        return self._renders.kept(key, lambda: super(RememberedScrollBar, self).render_lines(crop))


# A plain mixin at run time (no widget class of its own in the CSS type names).
if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object


class RememberedScrollBars(_Base):
    """Mixed into a scrolling widget: its vertical scrollbar keeps its looks."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        # Textual's own, with the scrollbar class swapped.
        if self._vertical_scrollbar is not None:
            return self._vertical_scrollbar
        self._vertical_scrollbar = bar = RememberedScrollBar(
            vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
        )
        bar.display = False
        self.app._start_widget(self, bar)
        return bar
