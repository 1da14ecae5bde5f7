"""Review: the whole bill, the scorecard, and what is left, each linked to its step."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from drafter.tui.core import DraftView
from drafter.tui.screens.base import DrafterScreen
from drafter.tui.styles import MARK_OPEN, MUTED
from drafter.tui.widgets.keysfooter import KeysFooter
from drafter.tui.widgets.preview import BillPreview
from drafter.tui.widgets.scorepanel import score_content
from drafter.tui.widgets.topbar import TopBar


class ReviewScreen(DrafterScreen[None]):
    """Everything at once before export; any warning jumps back to its step."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,b", "back", "Back to wizard"),
        Binding("tab", "app.focus_next", "Next pane", show=False),
    ]
    # Textual declares it an instance attribute, so no ClassVar here.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (110, "-wide"),
    ]

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with Horizontal(id="review-body"):
            with Vertical(id="review-left"):
                # Outside the scroll, so the heading stays while the list is in view.
                yield Static(id="todo-title", markup=False, classes="pane-title")
                with VerticalScroll(id="review-scroll"):
                    yield OptionList(id="todo", markup=False)
                    with Horizontal(id="review-buttons"):
                        yield Button("◀ Back", id="back", compact=True)
                        yield Button("Export…", id="export", variant="primary", compact=True)
                        yield Button("Save", id="save", compact=True)
                    yield Static(Content.styled("Scorecard", "bold"), classes="pane-title")
                    yield Static(id="review-score", markup=False)
                    yield Static(id="review-notes", markup=False)
            with Vertical(id="review-right"):
                yield Static(Content.styled("The bill", "bold"), classes="pane-title")
                yield BillPreview(id="review-bill")
        yield KeysFooter()

    #: Enter on the first to-do item goes to the step that fixes it.
    AUTO_FOCUS = "#todo"

    def on_mount(self) -> None:
        self.watch(self.app, "view", self._show_view, init=True)

    def _show_view(self, view: DraftView | None) -> None:
        if view is None:
            return
        self.query_one(TopBar).show(view, self.app.path, self.app.unsaved, "· review")
        self.query_one("#review-score", Static).update(score_content(view))
        # The scorecard's own notes: provisional, cannot be ranked, default cut-offs.
        notes = [n.text for n in view.card.notes if n.kind != "unrankable"]
        self.query_one("#review-notes", Static).update(Content.styled("\n".join(notes), MUTED))
        self.query_one(BillPreview).show(view)
        todo = self.query_one("#todo", OptionList)
        n = len(view.warnings)
        self.query_one("#todo-title", Static).update(
            Content.assemble(
                ("Still to do", "bold"),
                (
                    f"  {n} item{'s' if n != 1 else ''}, Enter or click to fix" if n else "",
                    MUTED,
                ),
            )
        )
        todo.clear_options()
        if view.warnings:
            todo.add_options(
                Option(Content.assemble(("○ ", MARK_OPEN), w.text), id=f"w{i}")
                for i, w in enumerate(view.warnings)
            )
            todo.highlighted = 0
        else:
            todo.add_option(
                Option(
                    Content("Nothing left: every category answered and every detail filled."),
                    disabled=True,
                )
            )
        self._warnings = view.warnings

    @on(OptionList.OptionSelected, "#todo")
    def _fix(self, event: OptionList.OptionSelected) -> None:
        warning = self._warnings[event.option_index]
        if warning.step is not None:
            self.app.goto(warning.step)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.app.pop_screen()

    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        self.app.action_export()

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.app.action_save()
