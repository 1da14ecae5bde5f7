"""Autosaved drafts and the recent-drafts list, in user_data_dir().

Autosaves are per draft: `autosaves/KEY.yaml`, one file per draft a session
works on. The rule that keeps two drafter windows on one data folder from ever
overwriting each other's work:

- KEY is new for every draft a window opens (the process's start time, pid and
  a random part, then a count), so starting or opening a draft never reuses,
  and so never replaces, another draft's autosave;
- a window writes a KEY only while it holds `autosaves/KEY.lock` (an exclusive
  `flock`, which the kernel lets go when the process dies, so a killed window
  leaves no stale lock). Resuming takes over the autosave's KEY only when its
  lock is free; a draft still open in another window resumes as a copy under
  a new KEY.

An `autosave.yaml` left by an older drafter is moved in once.

Every file is written atomically, so a killed terminal leaves the old file or
the new one. A damaged file is never silently dropped and overwritten: it is
renamed to NAME.bad and reported (`set_aside`), and the start screen goes on.
A draft too large to read back is refused when written, and the app says so.

The API for the start screen: `list_autosaves` (every autosaved draft, newest
first, and what was set aside), `read_autosave` (the newest), `load_autosave`,
`discard_autosave`; the app gets a KEY per draft from `new_key`, holds it with
`claim` (and `release`), and writes with `write_autosave`.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.draft import DRAFT_FORMAT, Draft, draft_from_doc, draft_to_yaml, load_draft
from drafter.errors import UserError
from drafter.paths import user_data_dir
from drafter.rubric import Rubric
from drafter.yamlio import (
    MAX_FILE_BYTES,
    YamlDoc,
    atomic_write,
    dump_yaml,
    load_yaml,
)

AUTOSAVE_FORMAT = "drafter-autosave/1"
RECENT_FORMAT = "drafter-recent/1"
MAX_RECENT = 8
#: Autosaves listed at most (the oldest beyond this are still on disk).
MAX_AUTOSAVES = 20

#: This process's part of every autosave name it writes.
_PROCESS = f"{int(time.time())}-{os.getpid()}-{secrets.token_hex(3)}"
#: Counts the drafts this process opens, so each gets a KEY of its own.
_SESSIONS = itertools.count(1)

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: names alone keep windows apart
    fcntl = None  # type: ignore[assignment]

#: The lock files this process holds, by KEY (open, flock'ed).
_HELD: dict[str, int] = {}


def autosaves_dir() -> Path:
    return user_data_dir() / "autosaves"


def legacy_autosave_path() -> Path:
    """Where drafter kept its one autosave before autosaves were per draft."""
    return user_data_dir() / "autosave.yaml"


def recent_path() -> Path:
    return user_data_dir() / "recent.yaml"


def _ensure_dir(folder: Path | None = None) -> Path:
    folder = folder or user_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            folder, f"cannot use this data folder ({exc.strerror or exc}); set DRAFTER_DATA_DIR"
        ) from None
    return folder


def disk_stamp(path: Path | None) -> tuple[int, int] | None:
    """(mtime in ns, size) of a file, to tell when someone else changed it."""
    if path is None:
        return None
    try:
        info = Path(path).stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


@dataclass(frozen=True)
class Autosave:
    draft: Draft
    #: The draft file the session was editing; None when it had none, or when
    #: that file is gone or is not a draft (a save then asks where).
    path: Path | None
    #: The step the user was on.
    step: str | None
    saved_at: float
    #: True when the session held changes its draft file does not have.
    unsaved: bool
    #: The name of its file in autosaves/ (without .yaml).
    key: str = ""
    #: The draft file it named, when that is missing or not a draft.
    lost_path: Path | None = None
    #: Open in another drafter window right now (its lock is held elsewhere).
    in_use: bool = False


@dataclass(frozen=True)
class Autosaves:
    """What `list_autosaves` found: the drafts, and files it set aside."""

    drafts: list[Autosave] = field(default_factory=list)
    #: One line per damaged file: what, where, and its new .bad name.
    set_aside: list[str] = field(default_factory=list)


def new_key(path: Path | None) -> str:
    """A KEY no other draft has: this process, a count, and the file (or untitled)."""
    n = next(_SESSIONS)
    if path is None:
        return f"{_PROCESS}-{n}-untitled"
    digest = hashlib.sha256(str(Path(path).resolve()).encode()).hexdigest()[:12]
    return f"{_PROCESS}-{n}-{digest}"


def _lock_path(key: str) -> Path:
    return autosaves_dir() / f"{Path(key).name}.lock"


def claim(key: str) -> bool:
    """Hold KEY's lock for this process; False when another window holds it."""
    if key in _HELD:
        return True
    if fcntl is None:
        return True
    try:
        folder = _ensure_dir(autosaves_dir())
        fd = os.open(folder / f"{Path(key).name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except (OSError, UserError):
        return True  # no lock to be had: the KEY is still this window's own name
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    _HELD[key] = fd
    return True


def release(key: str | None) -> None:
    """Let go of KEY's lock (the window has left that draft, or is closing)."""
    fd = _HELD.pop(key, None) if key else None
    if fd is None:
        return
    with contextlib.suppress(OSError):
        _lock_path(key or "").unlink()
    with contextlib.suppress(OSError):
        os.close(fd)


def _held_elsewhere(key: str) -> bool:
    """Whether another process holds KEY's lock (its window has the draft open)."""
    if fcntl is None or key in _HELD:
        return False
    where = _lock_path(key)
    try:
        fd = os.open(where, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def write_autosave(
    draft: Draft,
    rubric: Rubric,
    path: Path | None,
    step: str | None,
    unsaved: bool,
    key: str | None = None,
    draft_text: str | None = None,
) -> str:
    """Record the session (after every change); returns the key written.

    `draft_text` is the draft's file text when the caller has it already
    (`draft_to_yaml`): it is nested under `draft:` as it is, not dumped again.
    """
    folder = _ensure_dir(autosaves_dir())
    head: dict[str, Any] = {
        "format": AUTOSAVE_FORMAT,
        "saved_at": round(time.time(), 3),
        # Absolute: the session may be resumed from another working folder.
        "path": str(Path(path).resolve()) if path else None,
        "step": step,
        "unsaved": unsaved,
    }
    text = draft_text if draft_text is not None else draft_to_yaml(draft, rubric)
    # A block-style YAML mapping indented as a whole is the same mapping, one level down.
    body = dump_yaml(head) + "draft:\n" + "".join(f"  {line}" for line in text.splitlines(True))
    key = key or new_key(path)
    atomic_write(folder / f"{key}.yaml", body, max_bytes=MAX_FILE_BYTES)
    return key


def _set_aside(where: Path, why: str) -> str:
    """Rename a damaged file to NAME.bad; the line that says so (where, what, why)."""
    bad = where.with_name(where.name + ".bad")
    try:
        name = str(where.relative_to(user_data_dir()))
    except ValueError:
        name = where.name
    try:
        os.replace(where, bad)
    except OSError as exc:
        return (
            f"{name} in drafter's data folder is damaged ({why}) and could not be "
            f"set aside: {exc.strerror or exc}"
        )
    return f"{name} in drafter's data folder was damaged ({why}); set aside as {bad.name}"


def _migrate_legacy() -> None:
    old = legacy_autosave_path()
    if not old.is_file():
        return
    with contextlib.suppress(OSError, UserError):
        folder = _ensure_dir(autosaves_dir())
        os.replace(old, folder / f"legacy-{int(old.stat().st_mtime)}.yaml")


def _read_one(where: Path, rubric: Rubric) -> Autosave:
    """One autosave file; raises UserError when it is damaged."""
    doc = load_yaml(where, "autosave")
    data = doc.data
    if not isinstance(data, dict) or data.get("format") != AUTOSAVE_FORMAT:
        raise UserError(where, f"not a {AUTOSAVE_FORMAT} file")
    raw = data.get("draft")
    if not isinstance(raw, dict) or raw.get("format") != DRAFT_FORMAT:
        raise UserError(where, "holds no draft")
    draft = draft_from_doc(YamlDoc(str(where), raw, {}), rubric)
    path_text, step, saved_at = data.get("path"), data.get("step"), data.get("saved_at")
    path = Path(path_text) if isinstance(path_text, str) and path_text else None
    lost = None
    if path is not None and not _is_draft_file(path, rubric):
        path, lost = None, path
    return Autosave(
        draft=draft,
        path=path,
        step=step if isinstance(step, str) else None,
        saved_at=float(saved_at) if isinstance(saved_at, (int, float)) else 0.0,
        unsaved=bool(data.get("unsaved", True)),
        key=where.stem,
        lost_path=lost,
        in_use=_held_elsewhere(where.stem),
    )


def _is_draft_file(path: Path, rubric: Rubric) -> bool:
    try:
        load_draft(path, rubric)
    except UserError:
        return False
    return True


def list_autosaves(rubric: Rubric) -> Autosaves:
    """Every autosaved draft, newest first; damaged files set aside and reported."""
    _migrate_legacy()
    folder = autosaves_dir()
    if not folder.is_dir():
        return Autosaves()
    found: list[Autosave] = []
    problems: list[str] = []
    for where in sorted(folder.glob("*.yaml")):
        try:
            found.append(_read_one(where, rubric))
        except UserError as exc:
            problems.append(_set_aside(where, exc.message))
    found.sort(key=lambda a: a.saved_at, reverse=True)
    return Autosaves(found[:MAX_AUTOSAVES], problems)


def read_autosave(rubric: Rubric) -> Autosave | None:
    """The newest autosaved draft, or None when there is none."""
    drafts = list_autosaves(rubric).drafts
    return drafts[0] if drafts else None


def load_autosave(key: str, rubric: Rubric) -> Autosave | None:
    """The autosave called `key`, or None when it is gone or damaged (then set aside)."""
    where = autosaves_dir() / f"{Path(key).name}.yaml"
    if not where.is_file():
        return None
    try:
        return _read_one(where, rubric)
    except UserError as exc:
        _set_aside(where, exc.message)
        return None


def discard_autosave(key: str) -> None:
    """Delete one autosave (the user chose to throw the unsaved draft away)."""
    with contextlib.suppress(OSError):
        (autosaves_dir() / f"{Path(key).name}.yaml").unlink()
    if key in _HELD:
        release(key)
    elif not _held_elsewhere(key):
        with contextlib.suppress(OSError):
            _lock_path(key).unlink()


def autosave_file(key: str) -> Path:
    """Where the autosave called KEY is kept."""
    return autosaves_dir() / f"{Path(key).name}.yaml"


def read_recent() -> list[Path]:
    """Recently opened or saved draft files, newest first (a damaged list is set aside)."""
    return read_recent_checked()[0]


def read_recent_checked() -> tuple[list[Path], str | None]:
    """The recent list, and a line saying it was damaged and set aside, if it was."""
    where = recent_path()
    if not where.is_file():
        return [], None
    try:
        data = load_yaml(where, "recent drafts list").data
        if not isinstance(data, dict) or not isinstance(data.get("files"), list):
            raise UserError(where, "not a recent drafts list")
    except UserError as exc:
        return [], _set_aside(where, exc.message)
    return [Path(p) for p in data["files"] if isinstance(p, str) and p][:MAX_RECENT], None


def add_recent(path: Path) -> None:
    """Put a draft file at the top of the recent list."""
    path = Path(path).resolve()
    files = [p for p in read_recent() if p != path]
    files.insert(0, path)
    data = {"format": RECENT_FORMAT, "files": [str(p) for p in files[:MAX_RECENT]]}
    with contextlib.suppress(UserError, OSError):
        _ensure_dir()
        atomic_write(recent_path(), dump_yaml(data), max_bytes=MAX_FILE_BYTES)


def ago(then: float, now: float | None = None) -> str:
    """'just now', '5 min ago', '3 h ago', '2 days ago'."""
    seconds = max(0.0, (now if now is not None else time.time()) - then)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    days = int(seconds // 86400)
    return f"{days} day{'s' if days != 1 else ''} ago"
