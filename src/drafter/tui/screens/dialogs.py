"""Small dialogs: save as (with an overwrite check), a confirm, and the shared path rules."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from drafter.errors import UserError
from drafter.tui.screens.base import DrafterModal
from drafter.tui.styles import ERROR, WARN
from drafter.tui.widgets.note import Note


def target_path(raw: str, suffix: str, confined: bool = False) -> Path:
    """The path the user means: `~` expanded, relative to here, suffix added.

    Raises UserError when it cannot be written (empty, a folder, no such folder).
    `confined` (a served session) refuses any path outside the working folder.
    """
    text = raw.strip()
    if not text:
        raise UserError(None, "give a file name")
    if confined:
        from drafter.tui.served import confined_path

        path = Path.cwd() / confined_path(text)
    else:
        path = Path(text).expanduser()
    if not path.is_absolute():
        path = Path.cwd() / path
    if path.is_dir():
        raise UserError(None, f"{text} is a folder; add a file name")
    if suffix and not path.name.endswith(suffix):
        path = path.with_name(path.name + suffix)
    if not path.parent.is_dir():
        raise UserError(None, f"the folder of {text} does not exist; create it first")
    return path


def shown_path(path: Path) -> str:
    """A path as a person would type it: relative when it is under here."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class SaveAsScreen(DrafterModal[Path | None]):
    """Ask where to save the draft; never overwrite without asking."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    AUTO_FOCUS = "#save-path"

    def on_mount(self) -> None:
        # Focus before the first paint too: keys typed the moment the dialog
        # shows must land in the path, not be lost while focus settles.
        self.query_one("#save-path", Input).focus()

    def __init__(self, suggested: Path) -> None:
        super().__init__(classes="dialog-screen")
        self.suggested = suggested
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="save-dialog"):
            yield Static(Content.styled("Save the draft as", "bold"), classes="dialog-title")
            yield Static(
                Content("A draft file is small YAML you can keep in git and open again."),
                classes="dialog-help",
            )
            yield Input(shown_path(self.suggested), id="save-path", compact=True)
            yield Note(id="save-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def _status(self, text: str, error: bool = True) -> None:
        self.query_one("#save-status", Note).say(text, ERROR if error else WARN)

    @on(Input.Changed, "#save-path")
    def _edited(self) -> None:
        # A new name cancels a pending "overwrite?" question.
        if self._confirm is not None:
            self._confirm = None
            self.query_one("#save", Button).label = "Save"
        self._status("")

    @on(Input.Submitted, "#save-path")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        try:
            path = target_path(
                self.query_one("#save-path", Input).value, ".yaml", confined=self.app.served
            )
        except UserError as exc:
            self._status(exc.one_line())
            return
        if path.exists() and path != self.app.path and self._confirm != path:
            self._confirm = path
            self.query_one("#save", Button).label = "Overwrite"
            self._status(f"{path.name} already exists. Press Overwrite to replace it.", False)
            return
        try:
            self.app.save_to(path)
        except UserError as exc:
            self._status(exc.one_line())
            return
        self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(DrafterModal[bool]):
    """Ask before something that cannot be undone; the safe answer has focus."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "keep", "Keep")]
    AUTO_FOCUS = "#confirm-no"

    def __init__(self, title: str, text: str, yes: str, no: str = "Keep it") -> None:
        super().__init__(classes="dialog-screen")
        self._title, self._text, self._yes, self._no = title, text, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Static(Content.styled(self._title, "bold"), classes="dialog-title")
            yield Static(Content(self._text), classes="dialog-help", id="confirm-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._yes, id="confirm-yes", variant="error")
                yield Button(self._no, id="confirm-no", variant="primary")

    @on(Button.Pressed, "#confirm-yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_keep(self) -> None:
        self.dismiss(False)
