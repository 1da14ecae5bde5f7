"""Export the bill: every format, a path, and a confirm step before overwriting."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, RadioButton, RadioSet, Select, Static

from drafter.errors import UserError
from drafter.output import OutputExists
from drafter.tui.core import ExportFormat, export_formats
from drafter.tui.screens.base import DrafterModal
from drafter.tui.screens.dialogs import shown_path, target_path
from drafter.tui.styles import ERROR, MUTED, WARN
from drafter.tui.widgets.note import Note

DEFAULT_FORMAT = "docx"
#: The drafter note choices (`drafter build --note`), as the dialog words them.
NOTES = (
    ("No drafter note (for introduction)", "none"),
    ("Short note: the score, what is still to settle", "short"),
    ("Full note: also the points per category", "full"),
)


class ExportScreen(DrafterModal[Path | None]):
    """Pick a format and a file; returns the exported path (None if cancelled)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    AUTO_FOCUS = "#export-path"

    def on_mount(self) -> None:
        # Focus before the first paint too: keys typed the moment the dialog
        # shows must land in the path, not be lost while focus settles.
        self.query_one("#export-path", Input).focus()

    def __init__(self, initial: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.formats: dict[str, ExportFormat] = {f.name: f for f in export_formats()}
        if self.app.session.current_law is not None:
            # Started from today's law: the amending bill, the redline and the card too.
            from drafter.tui.amending import amend_formats

            self.formats.update({f.name: f for f in amend_formats()})
        default = initial if initial in self.formats else DEFAULT_FORMAT
        self.fmt = default if default in self.formats else next(iter(self.formats))
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static(Content.styled("Export the bill", "bold"), classes="dialog-title")
            with RadioSet(id="formats"):
                for fmt in self.formats.values():
                    label = Content.assemble(
                        (f"{fmt.extension:<16}", "bold"), (fmt.description, MUTED)
                    )
                    yield RadioButton(label, value=fmt.name == self.fmt, name=fmt.name)
            yield Static(Content.styled("Save to", "bold"), classes="dialog-label")
            yield Input(
                shown_path(self.app.suggested_path(self.extension)), id="export-path", compact=True
            )
            note = self.formats[self.fmt].note
            yield Select(
                NOTES,
                value=note or "none",
                allow_blank=False,
                compact=True,
                disabled=note is None,
                id="export-note",
                classes="dialog-label",
                tooltip="The drafter note after the bill (drafter build --note)",
            )
            yield Note(id="export-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel", id="cancel")

    @property
    def extension(self) -> str:
        return self.formats[self.fmt].extension

    def _status(self, text: str, style: str = ERROR) -> None:
        self.query_one("#export-status", Note).say(text, style)

    def _reset_confirm(self) -> None:
        if self._confirm is not None:
            self._confirm = None
            self.query_one("#export", Button).label = "Export"
        self._status("")

    @on(RadioSet.Changed, "#formats")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        new = event.pressed.name or self.fmt
        path_input = self.query_one("#export-path", Input)
        old_suffix = self.extension
        self.fmt = new
        # Each format starts from its own note (a Word copy is for introduction).
        note = self.formats[new].note
        select = self.query_one("#export-note", Select)
        select.disabled = note is None
        select.value = note or "none"
        if path_input.value.endswith(old_suffix):
            # Keep the user's name, change only the extension.
            path_input.value = path_input.value[: -len(old_suffix)] + self.extension
        self._reset_confirm()

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._reset_confirm()

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        try:
            path = target_path(
                self.query_one("#export-path", Input).value,
                self.extension,
                confined=self.app.served,
            )
        except UserError as exc:
            self._status(exc.one_line())
            return
        if self.app.served:
            self._deliver(path)
            return
        force = self._confirm == path
        try:
            self._write(path, force)
        except OutputExists:
            # The output path refused to overwrite: ask, and force on the second press.
            self._confirm = path
            self.query_one("#export", Button).label = "Overwrite"
            self._status(
                f"{path.name} already exists. Press Overwrite to replace it, or change the name.",
                WARN,
            )
            return
        except UserError as exc:
            self._status(exc.one_line())
            return
        self.app.notify(f"Exported {self.app.shown(path)}", markup=False)
        self.dismiss(path)

    def _write(self, path: Path, force: bool) -> None:
        from drafter.tui.amending import export_amending, is_amend_format

        law, draft = self.app.session.current_law, self.app.draft
        assert draft is not None  # the dialog opens only on a draft (check_action)
        if law is not None and is_amend_format(self.fmt):
            export_amending(self.app.engine, draft, law, path, self.fmt, force)
        else:
            self.app.engine.export(draft, path, self.fmt, force=force, note=self._note())

    def _note(self) -> str | None:
        """The note chosen, or None for a format that takes no choice."""
        select = self.query_one("#export-note", Select)
        return None if select.disabled else str(select.value)

    def _deliver(self, path: Path) -> None:
        """A served session: the export reaches the browser as a download."""
        from drafter.tui.served import deliver_export

        try:
            deliver_export(self.app, path.name, self.fmt, self._note(), self._write)
        except UserError as exc:
            self._status(exc.one_line())
            return
        self.app.notify(f"Downloading {path.name}", markup=False)
        self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
