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

They keep the finished lines too: Textual then lays each line over the
widget's background, padding and border and through the app's colour filter,
a line at a time, every time the widget is repainted (a card chosen and
unchosen, the bill preview flipping between two texts: some 0.1 ms a line, the
dearest part of a tier choice's frame). A look shown again, in the same box
and the same colours around it (`frame_key`), is the same lines.

And they keep the heights their texts wrap to: a card chosen and unchosen is
new Content in the same words, and Textual wrapped the whole text again in
every layout pass to find the height it had.

(Textual internals: textual is pinned, and tests/tui/test_onepass.py fails if
a card shown again is drawn again, or drawn other than afresh, or a new theme
is not drawn, or its height is measured again.)
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar, cast

from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget, _RenderCache

# A plain mixin at run time (no widget class of its own in the CSS type names).
if TYPE_CHECKING:
    from textual.visual import RulesMap

    _Base = Widget
else:
    _Base = object

#: Looks kept per widget (a card has two or four; a step change brings new ones).
KEPT = 8

T = TypeVar("T")


class Looks(dict[Hashable, T]):
    """A widget's last few renders, by everything that decides them (at most KEPT)."""

    def kept(self, key: Hashable, draw: Callable[[], T]) -> T:
        """What is kept for `key`, drawn (and kept) if not."""
        found = self.get(key)
        if found is None:
            if len(self) >= KEPT:
                self.clear()
            found = self[key] = draw()
        return found


def frame_key(widget: Widget, crop: Region) -> Hashable | None:
    """All that decides how Textual finishes `widget`'s content lines in `crop`, but the content.

    The box (size, padding, border, outline), the colours under and behind it,
    tint, opacity and hatch, and the app's line filters and ANSI theme: what
    StylesCache.render_widget reads. None when the widget has a border title
    or a hovered link (not kept: drawn as ever).
    """
    if (
        widget._border_title is not None
        or widget._border_subtitle is not None
        or widget.highlight_link_id
    ):
        return None
    styles = widget.styles
    app = widget.app
    return (
        crop,
        widget.region.size,
        widget.content_region.size,
        widget.background_colors,
        styles.padding,
        styles.border,
        styles.outline,
        styles.tint,
        styles.text_opacity,
        styles.hatch if styles.has_rule("hatch") else None,
        widget.opacity,
        tuple(map(id, widget.get_line_filters())),
        id(app.ansi_theme),
        app.native_ansi_color,
    )


class RememberedRenders(_Base):
    """Mixed into a widget that shows Content: its renders, kept by what they show."""

    _renders: Looks[list[Strip]] | None = None
    #: Finished lines (see render_lines), with the content lines they finish.
    _finished: Looks[tuple[list[Strip], list[Strip]]] | None = None
    #: The content lines in the render cache are a kept look (their identity names it).
    _kept_lines = False
    #: Heights of the texts shown, by what decides them (see get_content_height).
    _heights: Looks[int] | None = None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        visual = self._render()
        if not width or not isinstance(visual, Content):
            return super().get_content_height(container, viewport, width)
        # What Content.get_height reads: the words (not their styles), the
        # width and the wrapping rules, as it reads them.
        get_rule = self.styles.get
        key = (
            visual.plain,
            width,
            get_rule("line_pad", 0),
            get_rule("text_overflow", "fold"),
            get_rule("text_wrap", "wrap"),
        )
        if self._heights is None:
            self._heights = Looks()
        rules = cast("RulesMap", self.styles)
        return self._heights.kept(key, lambda: visual.get_height(rules, width))

    def _render_content(self) -> None:
        visual = self._render()
        if not isinstance(visual, Content) or self.text_selection is not None:
            self._kept_lines = False
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
        self._kept_lines = True
        self._render_cache = _RenderCache(self.size, strips)
        self._dirty_regions.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        # What Widget.render_line does first: the content lines, current.
        if self._dirty_regions:
            self._render_content()
        frame = frame_key(self, crop) if self._kept_lines else None
        if frame is None:
            return super().render_lines(crop)
        lines = self._render_cache.lines
        if self._finished is None:
            self._finished = Looks()
        # The content lines by identity, held in the entry so the id is never reused.
        kept_lines, finished = self._finished.kept(
            (id(lines), frame), lambda: (lines, super(RememberedRenders, self).render_lines(crop))
        )
        assert kept_lines is lines
        return finished


class RememberedBox(_Base):
    """Mixed into a container: its own lines (its background and border), kept by look.

    The chosen tier's detail box moves from card to card and changes height
    with each choice: Textual drew every line of it again, blank as they are.
    A container with no keyline draws a blank in its background colour, so
    its lines are decided by its frame (frame_key) and its style alone.
    """

    _boxes: Looks[list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        frame = frame_key(self, crop) if self.is_container else None
        if frame is None or self.styles.keyline[0] != "none":
            return super().render_lines(crop)
        if self._boxes is None:
            self._boxes = Looks()
        return self._boxes.kept(
            (frame, self.visual_style), lambda: super(RememberedBox, self).render_lines(crop)
        )
