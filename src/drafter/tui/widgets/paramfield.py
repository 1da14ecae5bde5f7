"""An input for one model-language parameter, checked as the user types."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Static

from drafter.tui.core import ParamSpec
from drafter.tui.params import ParamError, format_value, parse_value
from drafter.tui.styles import MUTED
from drafter.tui.widgets.note import Note

if TYPE_CHECKING:
    from textual.widgets import TextArea

#: How a list field reads what is typed (shown beside its prompt).
LIST_HINT = "one item per line; commas stay inside an item"


class ParamValidator(Validator):
    def __init__(self, ptype: str) -> None:
        super().__init__()
        self.ptype = ptype

    def validate(self, value: str) -> ValidationResult:
        try:
            parse_value(self.ptype, value)
        except ParamError as exc:
            return self.failure(f"Give {exc}.")
        return self.success()


class ParamField(Vertical):
    """Prompt, input (a text area for lists), then help or the error."""

    class Changed(Message):
        """A valid new value (None when cleared)."""

        def __init__(self, field: ParamField, name: str, value: Any) -> None:
            super().__init__()
            self.field = field
            self.name = name
            self.value = value

        @property
        def control(self) -> ParamField:
            return self.field

    def __init__(self, spec: ParamSpec, value: Any, default: Any = None, **kwargs) -> None:
        super().__init__(classes="param-field", **kwargs)
        self.spec = spec
        self.initial = value
        self.default = default
        #: The error line, mounted the first time a value is wrong: most fields
        #: never need one, and the coverage step shows a dozen fields at once.
        self._error: Note | None = None

    def compose(self) -> ComposeResult:
        spec = self.spec
        kind = {"number": "whole number", "list": LIST_HINT}.get(spec.type, "")
        yield Static(
            Content.assemble((spec.prompt, "bold"), (f"  {kind}" if kind else "", MUTED)),
            classes="param-prompt",
        )
        shown = format_value(spec.type, self.initial)
        if self.default not in (None, "", []):
            default = self.default
            # One line however many items: the field itself takes one per line.
            if isinstance(default, list):
                shown_default = " · ".join(str(v) for v in default)
            else:
                shown_default = format_value(spec.type, default)
            placeholder = f"blank uses: {shown_default}"
        else:
            placeholder = f"blank shows [{spec.placeholder}]"
        if spec.type == "list":
            # Imported here: the first screen has no list field, and the text
            # area is the largest module a field would load.
            from textual.widgets import TextArea

            area = TextArea(
                shown,
                id=f"param-{spec.name}",
                soft_wrap=True,
                show_line_numbers=False,
                compact=True,
                placeholder=placeholder,
            )
            yield area
        else:
            yield Input(
                shown,
                placeholder=placeholder,
                id=f"param-{spec.name}",
                validators=[ParamValidator(spec.type)],
                validate_on=["changed"],
                compact=True,
            )
        yield Static(Content(spec.help), classes="param-help", markup=False)

    def holds(self, value: Any) -> bool:
        """Whether the field shows just `value` (as it would be built with it), not an error."""
        if self.has_class("-invalid"):
            return False
        widget = self.query_one(f"#param-{self.spec.name}")
        text = widget.value if isinstance(widget, Input) else getattr(widget, "text", None)
        return text == format_value(self.spec.type, value)

    def _report(self, raw: str) -> None:
        try:
            value = parse_value(self.spec.type, raw)
        except ParamError as exc:
            if self._error is None:
                self._error = Note(classes="param-error")
                self.mount(self._error)
            self._error.say(f"Give {exc}.")
            self.add_class("-invalid")
            return
        if self._error is not None:
            self._error.say("")
        self.remove_class("-invalid")
        self.post_message(self.Changed(self, self.spec.name, value))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._report(event.value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._report(event.text_area.text)
