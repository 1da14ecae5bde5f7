"""A yes/no question a criteria standard asks of the draft (documentation_required)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from drafter.tui.core import Question
from drafter.tui.styles import MUTED

if TYPE_CHECKING:
    from textual.widgets import Checkbox


class FlagField(Vertical):
    """The standard it is for, then a checkbox: checked is "yes"."""

    class Changed(Message):
        """The user answered: the parameter's new value (None: back to the default)."""

        def __init__(self, field: FlagField, name: str, value: bool | None) -> None:
            super().__init__()
            self.field = field
            self.name = name
            self.value = value

        @property
        def control(self) -> FlagField:
            return self.field

    def __init__(self, question: Question, value: object) -> None:
        super().__init__(classes="param-field flag-field", id=f"flag-field-{question.name}")
        self.question = question
        self.initial = value if isinstance(value, bool) else question.default

    def compose(self) -> ComposeResult:
        q = self.question
        yield Static(
            Content.assemble(
                (f"For {q.standard}", "bold"),
                ("  a yes/no fact the standard reads; it adds no text", MUTED),
            ),
            classes="param-prompt",
        )
        # Imported here: most steps ask no yes/no question.
        from textual.widgets import Checkbox

        yield Checkbox(Content(q.text), self.initial, id=f"flag-{q.name}", compact=True)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        q = self.question
        # The default is kept out of the draft file: a draft says only what differs.
        value = None if event.value == q.default else event.value
        self.post_message(self.Changed(self, q.name, value))
