"""Text widgets that keep their last few renders: a look shown again is not drawn again.

A tier card flips between two looks as tiers are chosen (the filled mark and
its colours, or the empty one), the tier note between the notes of the tiers,
the score panel between a few totals: each time Textual wrapped and styled the
whole text again, line by line (a card of legal text is some 2 ms), and left
the lines it made for the garbage collector. These keep the lines of the last
few looks, by everything that decides them: the text with its styles, the
size, the widget's own style (its classes, focus and hover are in it), the
rules that lay text out, and the theme (the text's tones come from its
colours).

(Textual internals: textual is pinned, and tests/tui/test_onepass.py fails if
a card shown again is drawn again, or drawn other than afresh, or a new theme
is not drawn.)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget, _RenderCache

# A plain mixin at run time (no widget class of its own in the CSS type names).
if TYPE_CHECKING:
    _Base = Widget
else:
    _Base = object

#: Looks kept per widget (a card has two or four; a step change brings new ones).
KEPT = 8


class Looks(dict[Hashable, list[Strip]]):
    """A widget's last few renders, by everything that decides them (at most KEPT)."""

    def kept(self, key: Hashable, draw: Callable[[], list[Strip]]) -> list[Strip]:
        """The lines kept for `key`, drawn (and kept) if not."""
        strips = self.get(key)
        if strips is None:
            if len(self) >= KEPT:
                self.clear()
            strips = self[key] = draw()
        return strips


class RememberedRenders(_Base):
    """Mixed into a widget that shows Content: its renders, kept by what they show."""

    _renders: Looks | None = None

    def _render_content(self) -> None:
        visual = self._render()
        if not isinstance(visual, Content) or self.text_selection is not None:
            super()._render_content()
            return
        width, height = self.size
        style = self.visual_style
        rules = self.styles
        key = (
            visual.plain,
            tuple(visual.spans),
            width,
            height,
            style,
            rules.text_align,
            rules.text_overflow,
            rules.text_wrap,
            rules.line_pad,
            rules.content_align,
            self.app.theme,
        )
        if self._renders is None:
            self._renders = Looks()
        strips = self._renders.kept(
            key, lambda: Visual.to_strips(self, visual, width, height, style)
        )
        self._render_cache = _RenderCache(self.size, strips)
        self._dirty_regions.clear()
