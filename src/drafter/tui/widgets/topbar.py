"""The bar across the top: whose draft this is, and its score, always in view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from drafter.render.standing import standing_text
from drafter.tui.core import DraftView
from drafter.tui.styles import MUTED, WARN
from drafter.tui.widgets.rendermemo import RememberedRenders
from drafter.tui.widgets.util import set_content

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp


def grade_text(view: DraftView) -> str:
    """The grade, "provisional" while categories are open, or "cannot be ranked"."""
    return standing_text(view.card)


class BarText(RememberedRenders, Static):
    """A text of the bar, its looks kept (the score flips as tiers are compared)."""


class TopBar(Horizontal):
    """`drafter · Missouri · missouri.yaml (unsaved)` ... `73 / 100  C`."""

    def compose(self) -> ComposeResult:
        yield BarText(id="title", markup=False)
        yield BarText(id="total", markup=False)
        yield BarText(id="grade", markup=False)

    def on_mount(self) -> None:
        # Room for "100 / 100" and its padding.
        rubric = cast("DrafterApp", self.app).engine.rubric
        self.query_one("#total").styles.width = 2 * len(str(rubric.total)) + 5

    def show(self, view: DraftView, path: Path | None, unsaved: bool, where: str = "") -> None:
        name = view.draft.jurisdiction or "Untitled draft"
        parts: list[str | tuple[str, str]] = [("drafter", "bold"), "  ", name]
        parts.append(("  " + (path.name if path else "not saved yet"), MUTED))
        if path and unsaved:
            parts.append((" • unsaved", WARN))
        if where:
            parts.append(("  " + where, MUTED))
        set_content(self.query_one("#title", Static), Content.assemble(*parts))
        # The exact score contract: "NN / 100".
        total = self.query_one("#total", Static)
        # A fixed width (see show_max), so a new score never needs a layout pass.
        set_content(total, Content(f"{view.card.total} / {view.card.max}"), layout=False)
        grade = self.query_one("#grade", Static)
        set_content(grade, Content(grade_text(view)))
        grade.set_class(not view.card.rankable, "-unranked")
