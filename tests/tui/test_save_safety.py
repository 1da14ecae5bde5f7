"""Saving from the app: header comments kept, a file changed on disk never
silently overwritten, save/export to a bad place reported, not a crash."""

from __future__ import annotations

import os
from pathlib import Path

from drafter.draft import save_draft
from drafter.tui.app import DrafterApp

SIZE = (120, 40)


def test_header_comments_survive_saving(tmp_path: Path) -> None:
    from drafter.draft import Draft

    path = tmp_path / "d.yaml"
    path.write_text("# Missouri draft for the 2027 session\n# by the clinic\n\nformat: drafter/1\n")
    save_draft(Draft(coverage="adults"), path)
    text = path.read_text()
    assert text.startswith("# Missouri draft for the 2027 session\n# by the clinic\nformat:")


async def test_a_file_changed_on_disk_is_not_silently_overwritten(example) -> None:
    path = example("in-progress")
    app = DrafterApp(mode="open", path=str(path))
    seen: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kw: seen.append(str(message))  # type: ignore[method-assign]
        path.write_text(path.read_text() + "# edited elsewhere\n")
        stamp = path.stat()
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 5_000_000_000))
        await pilot.press("ctrl+s")
        assert "changed on disk" in seen[-1]
        assert path.read_text().endswith("# edited elsewhere\n")
        await pilot.press("ctrl+s")  # asked, and confirmed
        assert seen[-1].startswith("Saved")
        assert not path.read_text().endswith("# edited elsewhere\n")


async def test_save_to_a_full_disk_is_reported_not_a_crash(example, monkeypatch) -> None:
    import errno

    path = example("in-progress")
    app = DrafterApp(mode="open", path=str(path))
    seen: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kw: seen.append(str(message))  # type: ignore[method-assign]

        def full(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("drafter.writing.os.open", full)
        await pilot.press("ctrl+s")
        assert any("disk is full" in line for line in seen), seen
        assert app.is_running


async def test_pasted_text_obeys_the_analyze_limit() -> None:
    from textual.widgets import TextArea

    from drafter.tui.screens.analyze import AnalyzeScreen
    from drafter.yamlio import MAX_FILE_BYTES

    from .conftest import text_of, until

    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, AnalyzeScreen), "the analyze screen")
        app.screen.query_one("#statute-text", TextArea).text = "vacate " * (MAX_FILE_BYTES // 7 + 1)
        app.screen.analyze_pasted()
        await pilot.pause()
        assert "byte limit" in text_of(app, "#analyze-status")
        assert app.screen.reading is None
