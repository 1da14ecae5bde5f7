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

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._view: DraftView | None = None
        self._width = 0
        self._text = ""
        self._focus_words: list[str] = []

    def show(self, view: DraftView, focus: str = "") -> None:
        """Draw the view's bill, wrapped to fit the pane.

        `focus` is text the bill contains (the current step's provision): the
        pane scrolls to it, so the change the user just made is in view.
        """
        self._view = view
        self._focus_words = focus.split()[:8]
        self._draw()

    def on_resize(self) -> None:
        if self.content_size.width != self._width:
            self._draw()

    def _draw(self) -> None:
        view = self._view
        if view is None:
            return
        text = self.query_one("#bill-text", Static)
        # One column spare for the scroll bar.
        self._width = self.content_size.width
        width = (self._width - 1) if self._width > 20 else 72
        if view.bill is None:
            text.update(Content.styled(f"No bill: {view.bill_error}", "$text-warning"))
        else:
            self._text = view.bill_text(width)
            text.update(Content(self._text))
            if self._focus_words:
                self.call_after_refresh(self._reveal)

    def line_of(self, words: list[str]) -> int | None:
        """The line of the rendered bill where `words` begin (None if absent)."""
        flat: list[str] = []
        line_at: list[int] = []
        for i, line in enumerate(self._text.split("\n")):
            for word in line.split():
                flat.append(word)
                line_at.append(i)
        n = len(words)
        for j in range(len(flat) - n + 1):
            if flat[j : j + n] == words:
                return line_at[j]
        return None

    def _reveal(self) -> None:
        line = self.line_of(self._focus_words)
        if line is None:
            return
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if not (top <= line < top + height - 1):
            self.scroll_to(y=max(0, line - 1), animate=False)
