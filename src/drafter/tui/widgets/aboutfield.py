"""A fact about the bill kept on the draft itself: jurisdiction, section, chapter, code."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from drafter.tui.widgets.note import Note

ABOUT_FIELDS = {
    "jurisdiction": (
        "Jurisdiction",
        "e.g. Missouri (blank: a generic draft)",
        "The state or territory the bill is for, as the draft is titled. A name "
        "drafter has a profile for (see the start screen) also sets the drafting style.",
    ),
    "section": (
        "Section number",
        "e.g. 610.131 (blank shows [SECTION])",
        "The number of the new section of law the bill enacts.",
    ),
    "chapter": (
        "Chapter",
        "e.g. 610 (blank shows [CHAPTER])",
        "The chapter the new section goes in, where the bill's title names it.",
    ),
    "code": (
        "Code",
        "e.g. the Code of Criminal Procedure (blank shows [CODE])",
        "The code or compilation the section is added to, where the drafting style "
        "does not name it already.",
    ),
}


class AboutField(Vertical):
    """A fact about the bill kept on the draft itself (not a parameter)."""

    class Changed(Message):
        """The user typed a new value (None when cleared)."""

        def __init__(self, kind: str, value: str | None) -> None:
            super().__init__()
            self.kind = kind
            self.value = value

    def __init__(self, kind: str, value: str | None) -> None:
        super().__init__(classes="param-field")
        self.kind = kind
        self.value = value or ""

    def compose(self) -> ComposeResult:
        prompt, placeholder, help_text = ABOUT_FIELDS[self.kind]
        yield Static(Content.styled(prompt, "bold"), classes="param-prompt")
        yield Input(self.value, placeholder=placeholder, id=f"about-{self.kind}", compact=True)
        yield Static(Content(help_text), classes="param-help")
        if self.kind == "jurisdiction":
            yield Note(id="profile-note")

    def holds(self, value: str | None) -> bool:
        """Whether the field shows just `value` (as it would be built with it)."""
        return self.query_one(Input).value == (value or "")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.kind, event.value.strip() or None))
