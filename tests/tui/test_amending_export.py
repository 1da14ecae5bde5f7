"""After "Start from today's law": the export dialog offers the amending bill, redline and card."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, RadioButton

from drafter.tui.app import DrafterApp
from drafter.tui.commands import DrafterCommands
from drafter.tui.screens.analyze import AnalyzeScreen
from drafter.tui.screens.export import ExportScreen
from drafter.tui.screens.wizard import WizardScreen
from drafter.tui.session import Served

from .conftest import until

# A Texas-style text of our own words (tests/amend_fixtures).
STATUTE = Path(__file__).resolve().parents[1] / "amend_fixtures" / "texas-style.txt"
SIZE = (120, 40)


async def _start_from_the_statute(pilot) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press("ctrl+g")
    await until(pilot, lambda: isinstance(app.screen, AnalyzeScreen), "the analyze screen")
    path = app.screen.query_one("#statute-path", Input)
    path.value = str(STATUTE)
    path.focus()
    await pilot.press("enter")
    await until(pilot, lambda: app.screen.reading is not None, "the reading")
    await pilot.press("ctrl+g")
    await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")


async def test_export_offers_and_writes_the_amending_bill(work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        await _start_from_the_statute(pilot)
        assert app.session.current_law is not None and "411.0728" in app.session.current_law.text
        # Raise the range of relief, as a user would in the wizard.
        assert app.draft is not None
        draft = app.draft.model_copy(update={"jurisdiction": "Texas"})
        app.draft = draft.choose("range_of_relief", "vacatur")
        await pilot.press("ctrl+e")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        dialog = app.screen
        names = [b.name for b in dialog.query("#formats RadioButton").results(RadioButton)]
        assert {"amend:docx", "redline:md", "card:md"} <= set(names)
        button = next(
            b for b in dialog.query("#formats RadioButton").results(RadioButton)
            if b.name == "amend:md"
        )  # fmt: skip
        button.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(button, offset=(2, 0))
        await until(pilot, lambda: dialog.fmt == "amend:md", "the amending bill format")
        target = work / "texas.amend.md"
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export")
        await until(pilot, lambda: target.exists(), "the export")
    text = target.read_text(encoding="utf-8")
    assert "411.0728, Code of Criminal Procedure, is amended by amending Subsection (b)" in text


async def test_the_palette_offers_it_only_after_todays_law(example) -> None:  # type: ignore[no-untyped-def]
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        labels = [c[0] for c in DrafterCommands(app.screen)._commands()]
        assert not any("amending bill" in label for label in labels)
        app.session.current_law = None
    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        await _start_from_the_statute(pilot)
        labels = [c[0] for c in DrafterCommands(app.screen)._commands()]
        assert "Export the amending bill, redline or card…" in labels


async def test_served_session_downloads_the_amending_bill(work: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """In a browser session the amending bill reaches the browser as a download, as the
    bill does, and nothing is written on the server."""
    work.mkdir(parents=True, exist_ok=True)
    app = DrafterApp(mode="start", served=Served())
    sent: list[tuple[bytes, dict]] = []

    def spy(path_or_file, **kwargs):  # type: ignore[no-untyped-def]
        sent.append((path_or_file.read(), kwargs))
        return "key"

    monkeypatch.setattr(app, "deliver_binary", spy)
    monkeypatch.chdir(STATUTE.parent)  # a served session reads only inside its folder
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, AnalyzeScreen), "the analyze screen")
        path = app.screen.query_one("#statute-path", Input)
        path.value = STATUTE.name
        path.focus()
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.reading is not None, "the reading")
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        assert app.draft is not None
        draft = app.draft.model_copy(update={"jurisdiction": "Texas"})
        app.draft = draft.choose("range_of_relief", "vacatur")
        before = set(STATUTE.parent.iterdir())
        app.action_export_amending()
        await until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export dialog")
        await until(pilot, lambda: bool(app.screen.query("#export-path")), "the dialog's fields")
        assert app.screen.fmt == "amend:docx"
        await pilot.click("#export")
        await until(pilot, lambda: bool(sent), "the download")
    data, kwargs = sent[0]
    assert kwargs["save_filename"].endswith(".amend.docx")
    assert data[:2] == b"PK"
    assert set(STATUTE.parent.iterdir()) == before
