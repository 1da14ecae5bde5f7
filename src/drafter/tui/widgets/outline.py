"""The outline on the left: every step, its points, a mark on open ones."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.tui.core import COVERAGE, DraftView, Step
from drafter.tui.keys import LETTER_COMMANDS
from drafter.tui.styles import ERROR, MARK_GOOD, MARK_OPEN, MUTED
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
                self.replace_option_prompt_at_index(index, prompt)
