"""The app as a browser session of `drafter serve`: downloads, and only its own folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from drafter.tui.app import DrafterApp
from drafter.tui.screens.dialogs import SaveAsScreen
from drafter.tui.screens.export import ExportScreen
from drafter.tui.screens.start import StartScreen
from drafter.tui.screens.wizard import WizardScreen

from .conftest import text_of

SIZE = (120, 40)


async def test_served_export_is_a_download(example, work: Path, monkeypatch) -> None:
    app = DrafterApp(mode="open", path=str(example("in-progress")))
    app.served = True
    sent: list[tuple[bytes, dict]] = []

    def spy(path_or_file, **kwargs):
        sent.append((path_or_file.read(), kwargs))
        return "key"

    monkeypatch.setattr(app, "deliver_binary", spy)
    before = set(work.iterdir())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
    assert len(sent) == 1
    data, kwargs = sent[0]
    assert kwargs["save_filename"] == "in-progress.docx"
    assert data[:2] == b"PK"  # a .docx is a zip
    # Nothing written on the server.
    assert set(work.iterdir()) == before


async def test_served_export_refuses_a_path_outside(example, monkeypatch) -> None:
    app = DrafterApp(mode="open", path=str(example("in-progress")))
    app.served = True
    monkeypatch.setattr(app, "deliver_binary", lambda *a, **k: pytest.fail("delivered"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        app.screen.query_one("#export-path", Input).value = "/tmp/bill"
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        assert "outside this session's folder" in text_of(app, "#export-status")


REFUSED = [
    ("/etc/passwd", "outside this session's folder"),
    ("../x", "'..' cannot leave it"),
    ("~/.ssh/id_rsa", "outside this session's folder"),
]


async def test_served_open_is_confined(example) -> None:
    example("in-progress")
    app = DrafterApp(mode="start")
    app.served = True
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("ctrl+o", *"/etc/pa")
        # While typing: the refusal, never whether the file exists.
        assert "outside this session's folder" in text_of(app, "#open-status")
        field = app.screen.query_one("#open-path", Input)
        for typed, why in REFUSED:
            field.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            status = text_of(app, "#open-status")
            assert why in status and "No such file" not in status, typed
        # Inside the folder, even by way of "..", a draft opens.
        field.value = "sub/../in-progress.yaml"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)


async def test_served_save_as_is_confined(example) -> None:
    app = DrafterApp(mode="new")
    app.served = True
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SaveAsScreen)
        app.screen.query_one("#save-path", Input).value = "../../escape.yaml"
        await pilot.press("enter")
        assert isinstance(app.screen, SaveAsScreen)
        assert "cannot leave it" in text_of(app, "#save-status")
