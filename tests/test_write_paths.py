"""Every write path: only regular files replaced, links by a rule, modes kept,
temp files never left behind, and each problem one line with exit code 2."""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES
from drafter.errors import UserError
from drafter.writing import atomic_write, sweep_temp_files

GOOD = EXAMPLES / "best-practice.yaml"


def _one_line_refusal(result, words: str) -> None:
    assert result.code == 2, result
    # Warnings about the draft may come first; the error is one line, the last.
    lines = [line for line in result.err.splitlines() if not line.startswith("drafter: warning")]
    assert len(lines) == 1 and lines[0].startswith("drafter: error: "), result.err
    assert words in lines[0], lines[0]
    assert "Traceback" not in result.err


def test_output_to_a_directory_is_refused_even_with_force(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "out.md"
    folder.mkdir()
    for force in ([], ["--force"]):
        result = run_cli("build", str(GOOD), "-o", str(folder), *force)
        _one_line_refusal(result, "is a directory")


def test_fifo_and_device_are_never_replaced(run_cli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    _one_line_refusal(run_cli("build", str(GOOD), "-o", str(fifo), "--force"), "FIFO")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    with pytest.raises(UserError, match="is a device"):
        atomic_write("/dev/null", "x")


def test_dangling_symlink_needs_force_and_then_creates_its_target(run_cli, tmp_path: Path) -> None:
    link = tmp_path / "bill.md"
    link.symlink_to(tmp_path / "real.md")
    _one_line_refusal(run_cli("build", str(GOOD), "-o", str(link)), "symbolic link")
    assert not (tmp_path / "real.md").exists()
    assert run_cli("build", str(GOOD), "-o", str(link), "--force").code == 0
    assert link.is_symlink() and "AN ACT" in (tmp_path / "real.md").read_text()


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_hard_link_other_name_keeps_the_old_content(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("old")
    other = tmp_path / "b.txt"
    os.link(first, other)
    atomic_write(first, "new")
    assert first.read_text() == "new" and other.read_text() == "old"


def test_mode_is_kept_and_new_files_honour_the_umask(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("old")
    kept.chmod(0o640)
    atomic_write(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_read_only_folder_is_one_line(run_cli, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _one_line_refusal(run_cli("build", str(GOOD), "-o", str(folder / "b.md")), "permission")
    finally:
        folder.chmod(0o755)


def test_permission_denied_is_one_line_even_as_root(run_cli, tmp_path, monkeypatch) -> None:
    # The test above cannot run as root (root writes anyway); this one fakes the
    # refusal a read-only folder gives anyone else, so CI checks the message.
    real_open = os.open
    folder = tmp_path / "ro"
    folder.mkdir()

    def denied(path, *args, **kwargs):
        if str(path).startswith(str(folder)):
            raise OSError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    _one_line_refusal(run_cli("build", str(GOOD), "-o", str(folder / "b.md")), "permission")
    assert list(folder.iterdir()) == []


def test_full_disk_is_one_line_and_leaves_no_temp_file(run_cli, tmp_path, monkeypatch) -> None:
    real_fsync = os.fsync

    def full(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    _one_line_refusal(run_cli("build", str(GOOD), "-o", str(tmp_path / "b.md")), "disk is full")
    assert list(tmp_path.iterdir()) == []


def test_read_only_file_system_is_one_line(tmp_path: Path, monkeypatch) -> None:
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(UserError, match="read-only"):
        atomic_write(tmp_path / "x.txt", "x")


def test_a_killed_write_leaves_no_temp_file_after_the_next_run(run_cli, tmp_path: Path) -> None:
    # A `drafter build` killed mid-write: its temp file, its process gone.
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".b.md.drafter-{dead.pid}-0a1b2c3d.tmp"
    stale.write_text("half a bill")
    assert run_cli("build", str(GOOD), "-o", str(tmp_path / "b.md")).code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md"]


def test_live_process_temp_files_are_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / f".x.drafter-{os.getpid()}-0a1b2c3d.tmp"
    mine.write_text("")
    other = tmp_path / ".notes.tmp"
    other.write_text("")
    assert sweep_temp_files(tmp_path) == []


def test_writer_refuses_what_the_reader_would(tmp_path: Path) -> None:
    from drafter.yamlio import MAX_FILE_BYTES

    with pytest.raises(UserError, match="limit drafter reads back"):
        atomic_write(tmp_path / "big.yaml", "x" * (MAX_FILE_BYTES + 1), max_bytes=MAX_FILE_BYTES)
    assert list(tmp_path.iterdir()) == []


# --- bounded reads -----------------------------------------------------------


def test_reads_are_bounded_on_bytes_read_not_claimed_size(run_cli) -> None:
    _one_line_refusal(run_cli("score", "/dev/zero"), "limit")


def test_rank_profile_lookup_reads_only_a_head(run_cli, tmp_path: Path) -> None:
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    _one_line_refusal(run_cli("rank", str(link)), "limit")


def _docx(tmp_path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    path = tmp_path / "statute.docx"
    path.write_bytes(buffer.getvalue())
    return path


def test_docx_problems_are_one_line(run_cli, tmp_path: Path) -> None:
    # Encrypted (the OLE wrapper Word uses for a password-protected file).
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    _one_line_refusal(run_cli("analyze", str(path)), "password")
    # An unsupported compression method.
    bz = _docx(tmp_path, {"word/document.xml": b"<x/>"}, zipfile.ZIP_BZIP2)
    _one_line_refusal(run_cli("analyze", str(bz)), "compression method")
    # A zip bomb in a part other than document.xml.
    bomb = _docx(tmp_path, {"word/document.xml": b"<x/>", "word/styles.xml": b"\0" * 80_000_000})
    _one_line_refusal(run_cli("analyze", str(bomb)), "unpacks to far more")
