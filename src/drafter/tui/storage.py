"""The autosaved session and the recent-drafts list, in user_data_dir().

Both are small YAML files written atomically, so a killed terminal leaves the
old file or the new one, never half of one. A damaged file is treated as absent
(the user can still start fresh) rather than blocking the start screen.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.draft import DRAFT_FORMAT, Draft, draft_from_doc, draft_to_yaml
from drafter.errors import UserError
from drafter.paths import user_data_dir
from drafter.rubric import Rubric
from drafter.yamlio import YamlDoc, atomic_write, dump_yaml, load_yaml, parse_yaml

AUTOSAVE_FORMAT = "drafter-autosave/1"
RECENT_FORMAT = "drafter-recent/1"
MAX_RECENT = 8


def autosave_path() -> Path:
    return user_data_dir() / "autosave.yaml"


def recent_path() -> Path:
    return user_data_dir() / "recent.yaml"


def _ensure_dir() -> Path:
    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class Autosave:
    draft: Draft
    #: The draft file the session was editing, if it had one.
    path: Path | None
    #: The step the user was on.
    step: str | None
    saved_at: float
    #: True when the session held changes its draft file does not have.
    unsaved: bool


def write_autosave(
    draft: Draft, rubric: Rubric, path: Path | None, step: str | None, unsaved: bool
) -> None:
    """Record the session; called after every change."""
    _ensure_dir()
    draft_data = parse_yaml(draft_to_yaml(draft, rubric), "<draft>").data
    data: dict[str, Any] = {
        "format": AUTOSAVE_FORMAT,
        "saved_at": round(time.time(), 3),
        "path": str(path) if path else None,
        "step": step,
        "unsaved": unsaved,
        "draft": draft_data,
    }
    atomic_write(autosave_path(), dump_yaml(data))


def read_autosave(rubric: Rubric) -> Autosave | None:
    """The autosaved session, or None when there is none (or it is unreadable)."""
    where = autosave_path()
    if not where.is_file():
        return None
    try:
        doc = load_yaml(where, "autosave")
        data = doc.data
        if not isinstance(data, dict) or data.get("format") != AUTOSAVE_FORMAT:
            return None
        raw = data.get("draft")
        if not isinstance(raw, dict) or raw.get("format") != DRAFT_FORMAT:
            return None
        draft = draft_from_doc(YamlDoc(str(where), raw, {}), rubric)
    except UserError:
        return None
    path = data.get("path")
    step = data.get("step")
    saved_at = data.get("saved_at")
    return Autosave(
        draft=draft,
        path=Path(path) if isinstance(path, str) and path else None,
        step=step if isinstance(step, str) else None,
        saved_at=float(saved_at) if isinstance(saved_at, (int, float)) else 0.0,
        unsaved=bool(data.get("unsaved", True)),
    )


def clear_autosave() -> None:
    with contextlib.suppress(OSError):
        autosave_path().unlink()


def read_recent() -> list[Path]:
    """Recently opened or saved draft files, newest first."""
    where = recent_path()
    if not where.is_file():
        return []
    try:
        data = load_yaml(where, "recent drafts list").data
    except UserError:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        return []
    return [Path(p) for p in data["files"] if isinstance(p, str) and p][:MAX_RECENT]


def add_recent(path: Path) -> None:
    """Put a draft file at the top of the recent list."""
    path = Path(path).resolve()
    files = [p for p in read_recent() if p != path]
    files.insert(0, path)
    _ensure_dir()
    data = {"format": RECENT_FORMAT, "files": [str(p) for p in files[:MAX_RECENT]]}
    with contextlib.suppress(UserError, OSError):
        atomic_write(recent_path(), dump_yaml(data))


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
