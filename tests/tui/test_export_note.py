"""The export dialog's drafter-note choice: each format's default, and the file it writes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from drafter.tui.app import DrafterApp
from drafter.tui.screens.export import ExportScreen

from .conftest import until

SIZE = (120, 40)


async def test_note_follows_the_format_and_reaches_the_file(work: Path, example) -> None:
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        note = dialog.query_one("#export-note", Select)
        # Word opens the dialog: a copy for introduction carries no drafter note.
        assert (note.value, note.disabled) == ("none", False)
        await pilot.click("#formats RadioButton", offset=(2, 0))  # .txt
        await until(pilot, lambda: note.value == "short", "the text format's short note")
        buttons = list(dialog.query("#formats RadioButton"))
        companion = next(b for b in buttons if b.name == "annotated.md")
        await pilot.click(companion, offset=(2, 0))
        await until(pilot, lambda: note.disabled, "the companion's fixed note")
        await pilot.click("#formats RadioButton", offset=(2, 0))  # back to .txt
        await until(pilot, lambda: not note.disabled)
        # Open the list and take the last choice (full), as a person would.
        await pilot.click("#export-note")
        await pilot.press("end", "enter")
        await until(pilot, lambda: note.value == "full", "the full note")
        await pilot.click("#export")
        await until(pilot, lambda: (work / "strong-b.txt").exists(), "the export")
    text = (work / "strong-b.txt").read_text()
    assert "Prepared with drafter; scored against" in text
    assert "Points earned in the text:" in text
