"""The live bill: render_text of the assembled bill, shown literally."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from drafter.tui.core import DraftView


class BillPreview(VerticalScroll):
    """Scrollable bill text. User text in it (a court's name) is never markup."""

    def compose(self) -> ComposeResult:
        yield Static(id="bill-text", markup=False)

    def show(self, view: DraftView) -> None:
        text = self.query_one("#bill-text", Static)
        if view.bill_error:
            text.update(Content.styled(f"No bill: {view.bill_error}", "$text-warning"))
        else:
            text.update(Content(view.bill_text))
