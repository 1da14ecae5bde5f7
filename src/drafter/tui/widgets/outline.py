"""The outline on the left: every step, its points, a mark on open ones."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.tui.core import COVERAGE, DraftView, Step
from drafter.tui.keys import LETTER_COMMANDS
from drafter.tui.styles import ERROR, MARK_GOOD, MARK_OPEN, MUTED
from drafter.tui.widgets.rendermemo import Looks
from drafter.tui.widgets.util import same_content

OPEN_MARK = "○"
DONE_MARK = "●"


def step_prompt(step: Step, view: DraftView) -> Content:
    """`● Range          10` or `○ Nexus           –`."""
    if step.id == COVERAGE:
        cov = view.draft.coverage
        value = {"adults": "any age", "minors_only": "minors"}.get(cov, cov)
        style = ERROR if cov != "adults" else ""
        return Content.assemble(
            (DONE_MARK, MARK_GOOD), " ", f"{step.short:<10}", (f"{value:>8}", style)
        )
    cat = view.card.category(step.id)
    if cat.open:
        return Content.assemble(
            (OPEN_MARK, MARK_OPEN), " ", f"{step.short:<15}", (f"{'–':>3}", MUTED)
        )
    style = "" if view.card.rankable else MUTED
    return Content.assemble(
        (DONE_MARK, MARK_GOOD), " ", f"{step.short:<15}", (f"{cat.points:>3}", style)
    )


class Outline(OptionList):
    """Click or arrow to a step; the current one is highlighted.

    Nothing to type here, so letters and digits are commands (see tui.keys).
    """

    BINDINGS: ClassVar[list[BindingType]] = [*LETTER_COMMANDS]

    class Jump(Message):
        """The user moved to a step in the outline (arrow keys, Enter or a click)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, steps: Sequence[Step], **kwargs) -> None:
        super().__init__(*[Option(s.short, id=s.id) for s in steps], **kwargs)
        self.steps = tuple(steps)
        #: The rows' renders by look (see _get_option_render).
        self._looks: Looks[list[Strip]] = Looks()

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        """A row as Textual renders it, its last few looks kept.

        An answer flips a row's points between a few values as tiers are
        compared, and Textual styled the row's text afresh each time, looking
        up every span's tone in the CSS. A look is the row, its text and
        styles, the row's style, its padding and width, and the theme.
        """
        prompt = option.prompt
        if not isinstance(prompt, Content):
            return super()._get_option_render(option, style)
        key = (
            option,
            prompt.plain,
            tuple(prompt.spans),
            style,
            self.get_component_styles("option-list--option").padding,
            self.scrollable_content_region.width,
            self.app.theme,
        )
        return self._looks.kept(key, lambda: super(Outline, self)._get_option_render(option, style))

    # Only the user's own moves jump; highlights the screen sets do not post.
    def _jump(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Jump(self.highlighted))

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self._jump()

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self._jump()

    def action_first(self) -> None:
        super().action_first()
        if self.has_focus:
            self._jump()

    def action_last(self) -> None:
        super().action_last()
        self._jump()

    def action_page_down(self) -> None:
        super().action_page_down()
        self._jump()

    def action_page_up(self) -> None:
        super().action_page_up()
        self._jump()

    def show(self, view: DraftView) -> None:
        for index, step in enumerate(self.steps):
            prompt = step_prompt(step, view)
            if not same_content(self.get_option_at_index(index).prompt, prompt):
                self._redraw_row(index, prompt)

    def _redraw_row(self, index: int, prompt: Content) -> None:
        """Give row `index` a new prompt of the same height, repainting that row alone.

        Textual's replace_option_prompt_at_index drops every row's rendering
        and repaints the whole list, blank rows below included; an answer
        changes one row's points. (Textual internals: textual is pinned, and
        tests/tui/test_onepass.py checks only the row is redrawn.)
        """
        option = self.get_option_at_index(index)
        line = self._index_to_line.get(index)
        if line is None or prompt.cell_length > self.scrollable_content_region.width:
            self.replace_option_prompt_at_index(index, prompt)  # its height may change
            return
        option._set_prompt(prompt)
        cache = self._option_render_cache
        for key in [key for key in tuple(cache.keys()) if key[0] is option]:
            cache.discard(key)
        row = line - round(self.scroll_offset.y)
        self.refresh(Region(0, row, self.scrollable_content_region.width, self._heights[index]))
