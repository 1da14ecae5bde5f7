"""Where a room's file lives, and opening it: SQLite in WAL mode, one file per room.

Every session process of `drafter serve --room` opens the same file. WAL lets
the facilitator's view read while trainees write; each answer is its own
transaction, committed (and synced: `synchronous=FULL`) before the trainee is
told it is recorded, so a crash or restart of the server loses none.

The file's place is decided by the server alone, from the room's name (a
short id, checked here) and `--room-dir`: nothing a browser user types is
ever part of it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from drafter.errors import UserError
from drafter.paths import user_data_dir
from drafter.room.schema import migrate

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
SUFFIX = ".room.sqlite"
#: How long a writer waits for another process's transaction (milliseconds).
BUSY_MS = 10_000


def check_room_name(name: str) -> str:
    """A room's name: letters, digits, '-' and '_', up to 40 (it names a file)."""
    if not _NAME.match(name):
        raise UserError(
            None,
            f"room name {name!r} is not one drafter can use; give letters, digits, '-' or '_' "
            "(up to 40, starting with a letter or digit), e.g. spring-cohort",
        )
    return name


def default_room_dir() -> Path:
    """The server's data folder for rooms (outside every session's own folder)."""
    return user_data_dir() / "rooms"


def room_path(name: str, room_dir: str | Path | None = None) -> Path:
    """The file of room `name`: ROOM_DIR/NAME.room.sqlite."""
    folder = Path(room_dir).expanduser() if room_dir else default_room_dir()
    return folder.resolve() / f"{check_room_name(name)}{SUFFIX}"


def connect(path: Path, create: bool) -> sqlite3.Connection:
    """Open the room file at `path` (making it when `create`), migrated to the schema."""
    if not create and not path.is_file():
        raise UserError(
            None,
            f"there is no room {path.name.removesuffix(SUFFIX)!r} in {path.parent}; "
            "give the name `drafter serve --room` used (and its --room-dir, if any)",
        )
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # The file holds the room's codes: only the server's user reads it.
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            os.close(fd)
        except OSError as exc:
            raise UserError(None, f"cannot make the room file {path}: {exc.strerror}") from None
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except (sqlite3.DatabaseError, ValueError) as exc:
        raise UserError(path, f"cannot use this room file: {exc}") from None
    return conn


__all__ = ["SUFFIX", "check_room_name", "connect", "default_room_dir", "room_path"]
