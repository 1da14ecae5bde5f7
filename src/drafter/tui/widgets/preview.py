"""The live bill: render_text of the assembled bill, wrapped to the pane.

A line-API widget: the text arrives already wrapped by the renderer, so only
the visible lines are drawn and a change never relayouts a page of text.
Every line is plain text (a court's name with `[bold]` in it stays literal).
"""

from __future__ import annotations

import re
import textwrap
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from drafter.tui.core import DraftView
from drafter.tui.widgets.rendermemo import Looks, frame_key
from drafter.tui.widgets.scrollbars import RememberedScrollBars

#: Narrower than this and the text is wrapped at this width anyway (scrolls).
MIN_WIDTH = 40


class BillPreview(RememberedScrollBars, ScrollView, can_focus=True):
    """Scrollable bill text; the current step's provision is highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"bill-preview--focus", "bill-preview--note"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._view: DraftView | None = None
        self._lines: list[str] = []
        self._note = False
        self._width = 0
        self._focus_words: list[str] = []
        self._focus: range = range(0)
        #: The plain, note and highlighted line styles, worked out once a draw.
        self._styles: tuple[Style, Style, Style] | None = None
        #: The finished lines of the last few looks (see render_lines).
        self._finished: Looks[list[Strip]] = Looks()

    @property
    def text(self) -> str:
        """Everything the pane shows, as plain text."""
        return "\n".join(self._lines)

    def show(self, view: DraftView, focus: str = "") -> None:
        """Draw the view's bill.

        `focus` is text the bill contains (the current step's provision): it
        is highlighted and scrolled into view, so the user sees their change.
        """
        self._view = view
        self._focus_words = focus.split()[:8]
        self._draw()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Textual's ScrollView compares the layout's virtual size (the pane's
        # own) with the bill's length, which always differ, and so redraws the
        # scrollbar after every layout, in a frame of its own. The bill's length
        # is set in _draw; only a new size of the pane changes anything here.
        if size == self.outer_size and container_size == self.container_size:
            return False
        return super()._size_updated(size, virtual_size, container_size, layout)

    def on_resize(self) -> None:
        if self._wrap_width() != self._width:
            self._draw()

    def _wrap_width(self) -> int:
        width = self.scrollable_content_region.width
        return max(MIN_WIDTH, width - 1) if width > 0 else 72

    def _draw(self) -> None:
        view = self._view
        if view is None:
            return
        self._width = self._wrap_width()
        if view.bill is None:
            self._note = True
            self._lines = textwrap.wrap(f"No bill: {view.bill_error}", self._width)
        else:
            self._note = False
            self._lines = view.bill_text(self._width).split("\n")
        self._focus = self._find_focus()
        size = Size(self._width, len(self._lines))
        if self.virtual_size != size:
            # The pane's own size is fixed by its container: a longer or
            # shorter bill changes only the scrollbar, never the layout (and a
            # scrollbar that appears or goes asks for one itself).
            self.set_reactive(BillPreview.virtual_size, size)
            self._scroll_update(size)
        self.refresh()
        self._styles = None
        if self._focus:
            if self.outer_size:
                self._reveal(now=True)  # scrolled with the new text, in the same frame
            else:
                self.call_after_refresh(self._reveal)  # its height is not known yet

    def line_of(self, words: list[str]) -> int | None:
        """The line where `words` begin, however the renderer wrapped them."""
        if not words:
            return None
        text = "\n".join(self._lines)
        # The words in order, whole, with any run of spaces or line breaks between.
        found = re.search(r"(?<!\S)" + r"\s+".join(map(re.escape, words)) + r"(?!\S)", text)
        return text.count("\n", 0, found.start()) if found else None

    def _find_focus(self) -> range:
        if not self._focus_words:
            return range(0)
        start = self.line_of(self._focus_words)
        if start is None:
            return range(0)
        end = start + 1
        while end < len(self._lines) and self._lines[end].strip():
            end += 1
        return range(start, end)

    def _reveal(self, now: bool = False) -> None:
        top, height = round(self.scroll_offset.y), self.scrollable_content_region.height
        first, last = self._focus.start, self._focus.stop
        if first < top or last > top + height:
            self.scroll_to(y=max(0, first - 1), animate=False, immediate=now)

    def notify_style_update(self) -> None:
        self._styles = None
        super().notify_style_update()

    def _line_styles(self) -> tuple[Style, Style, Style]:
        # Each style walks every ancestor's styles: once a draw (or restyle), not a line.
        if self._styles is None:
            plain = self.rich_style
            self._styles = (
                plain,
                plain + self.get_component_rich_style("bill-preview--note"),
                plain + self.get_component_rich_style("bill-preview--focus"),
            )
        return self._styles

    def render_lines(self, crop: Region) -> list[Strip]:
        # Choosing back and forth between tiers flips the bill between a few
        # texts, and each flip had Textual finish every visible line again
        # (rendermemo.py): a look shown again is the lines it was.
        frame = frame_key(self, crop)
        if frame is None:
            return super().render_lines(crop)
        top = round(self.scroll_offset.y)
        rows = range(top + crop.y, top + crop.bottom)
        lines, focus = self._lines, self._focus
        shown = tuple((lines[i], i in focus) if i < len(lines) else None for i in rows)
        key = (
            shown,
            self._note,
            round(self.scroll_offset.x),
            self.scrollable_content_region.width,
            self._line_styles(),
            frame,
        )
        return self._finished.kept(key, lambda: super(BillPreview, self).render_lines(crop))

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        plain, note, focus = self._line_styles()
        if index >= len(self._lines):
            return Strip.blank(width, plain)
        style = note if self._note else focus if index in self._focus else plain
        line = self._lines[index]
        strip = Strip([Segment(line, style)], len(line))
        return strip.crop_extend(
            round(self.scroll_offset.x), round(self.scroll_offset.x) + width, style
        )
