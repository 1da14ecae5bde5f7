"""The outline on the left: every step, its points, a mark on open ones."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from drafter.tui.core import COVERAGE, DraftView, Step

OPEN_MARK = "○"
DONE_MARK = "●"


def step_prompt(step: Step, view: DraftView) -> Content:
    """`● Range          10` or `○ Nexus           –`."""
    if step.id == COVERAGE:
        cov = view.draft.coverage
        value = {"adults": "any age", "minors_only": "minors"}.get(cov, cov)
        return Content.assemble((DONE_MARK, "$success"), " ", (f"{step.short:<14}", ""), value)
    cat = view.card.category(step.id)
    if cat.open:
        return Content.assemble(
            (OPEN_MARK, "$warning"), " ", f"{step.short:<15}", (f"{'–':>3}", "$text-muted")
        )
    style = "" if view.card.rankable else "$text-muted"
    return Content.assemble(
        (DONE_MARK, "$success"), " ", f"{step.short:<15}", (f"{cat.points:>3}", style)
    )


class Outline(OptionList):
    """Click or arrow to a step; the current one is highlighted."""

    DEFAULT_CSS = """
    Outline { width: 26; }
    """

    def __init__(self, steps: Sequence[Step], **kwargs) -> None:
        super().__init__(*[Option(s.short, id=s.id) for s in steps], **kwargs)
        self.steps = tuple(steps)

    def show(self, view: DraftView) -> None:
        for index, step in enumerate(self.steps):
            self.replace_option_prompt_at_index(index, step_prompt(step, view))
