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
from drafter.tui.session import Served

from .conftest import text_of

SIZE = (120, 40)


async def test_served_export_is_a_download(example, work: Path, monkeypatch) -> None:
    app = DrafterApp(mode="open", path=str(example("in-progress")), served=Served())
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
    app = DrafterApp(mode="open", path=str(example("in-progress")), served=Served())
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
    app = DrafterApp(mode="start", served=Served())
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
    app = DrafterApp(mode="new", served=Served())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SaveAsScreen)
        app.screen.query_one("#save-path", Input).value = "../../escape.yaml"
        await pilot.press("enter")
        assert isinstance(app.screen, SaveAsScreen)
        assert "cannot leave it" in text_of(app, "#save-status")


OUTSIDE = ["{outside}/missouri.yaml", "{outside}/no-such.yaml", "{outside}", "../missouri.yaml"]


async def test_served_jurisdiction_path_is_confined_without_an_oracle(
    work: Path, tmp_path: Path
) -> None:
    from conftest import ROOT

    outside = tmp_path / "outside"
    outside.mkdir()
    missouri = (ROOT / "jurisdictions" / "missouri.yaml").read_bytes()
    for place in (outside / "missouri.yaml", tmp_path / "missouri.yaml", work / "mine.yaml"):
        place.write_bytes(missouri)
    app = DrafterApp(mode="new", served=Served())
    async with app.run_test(size=SIZE):
        notes = []
        for typed in OUTSIDE:
            name = typed.format(outside=outside)
            app.set_jurisdiction(name + (".yaml" if not name.endswith(".yaml") else ""))
            assert app.engine.profile.is_generic, name
            note = app.engine.profile_note or ""
            assert "outside this session's folder" in note, note
            assert str(work) not in note
            notes.append(note.replace(str(outside), "OUT"))
        # The same refusal whether the file outside exists, is a folder or is missing.
        assert notes[0].replace("missouri", "X") == notes[1].replace("no-such", "X")
        # Inside the session's folder a profile file loads, named as typed.
        app.set_jurisdiction("mine.yaml")
        assert app.engine.profile.name == "Missouri" and app.engine.profile_note is None
        app.set_jurisdiction("gone.yaml")
        assert (app.engine.profile_note or "").startswith("gone.yaml: ")


async def test_served_draft_naming_an_outside_profile_is_confined(
    work: Path, tmp_path: Path
) -> None:
    from conftest import ROOT

    profile = tmp_path / "elsewhere.yaml"
    profile.write_bytes((ROOT / "jurisdictions" / "missouri.yaml").read_bytes())
    draft = f"format: drafter/1\njurisdiction: '{profile}'\ncoverage: adults\n"
    (work / "d.yaml").write_text(draft)
    app = DrafterApp(mode="start", served=Served())
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#open-path", Input).value = "d.yaml"
        await pilot.press("ctrl+o", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert app.engine.profile.is_generic
        assert "outside this session's folder" in (app.engine.profile_note or "")


async def test_served_messages_never_show_the_server_folder(example, work: Path) -> None:
    example("in-progress")
    app = DrafterApp(mode="start", served=Served())
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one("#open-path", Input)
        for typed in ("missing.yaml", "sub/missing.yaml", "."):
            field.value = typed
            await pilot.press("ctrl+o", "enter")
            await pilot.pause()
            assert str(work) not in text_of(app, "#open-status"), typed
        field.value = "in-progress.yaml"
        await pilot.press("enter")
        await pilot.pause()
        seen: list[str] = []

        def spy(message: str, title: str = "", **kw: object) -> None:
            seen.append(f"{title}|{message}")

        app.notify = spy  # type: ignore[method-assign]
        app.save_to(work / "in-progress.yaml")
        app.save_to(work / "in-progress.yaml")
        # The first save says where the work lives and for how long; then just the name.
        assert seen[0].startswith("Saved in-progress.yaml|Your drafts and autosave are kept")
        assert "7 days" in seen[0] and seen[1] == "|Saved in-progress.yaml"
        assert all(str(work) not in line for line in seen)
