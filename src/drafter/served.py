"""One browser session of `drafter serve`: its own workspace, the app in served mode.

Run by textual-serve as `python -m drafter.served` for each connection.

Work survives the tab. Each session works in a workspace in the server's data
folder (`served/work/` under the server's user data dir), named by a hash of
its resume code: the page keeps the code in the browser and sends it with the
websocket, so a reloaded tab (or a new one) resumes the same drafts and
autosave; a code typed as `?resume=CODE` on another machine does too. Only the
exact code opens a workspace (its folder name is a hash, never the code), and
a code is 125 random bits. Workspaces unused for `KEEP_DAYS` are deleted when
the server next starts.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import secrets
import shutil
import threading
import time
from pathlib import Path

from drafter.paths import user_data_dir

#: How long a workspace nobody opens is kept.
KEEP_DAYS = 7
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
_CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{25}$")


def new_code() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(25))


def normal_code(raw: str | None) -> str | None:
    """A resume code as typed (any case, dashes, spaces), or None if it is not one."""
    if not raw:
        return None
    code = re.sub(r"[\s-]", "", raw).upper()
    return code if _CODE.match(code) else None


def shown_code(code: str) -> str:
    """`ABCDE-FGHJK-...`: five groups of five, easy to copy down."""
    return "-".join(code[i : i + 5] for i in range(0, len(code), 5))


def served_root() -> Path:
    return user_data_dir() / "served"


def workspace(code: str, root: Path | None = None) -> Path:
    """The folder a code opens: a hash of it, so the folder names reveal no code."""
    digest = hashlib.sha256(f"drafter-workspace:{code}".encode()).hexdigest()[:40]
    return (root or served_root()) / "work" / digest


def sweep_stale_sessions(root: Path | None = None, now: float | None = None) -> list[Path]:
    """Delete workspaces unused for KEEP_DAYS (called when the server starts)."""
    root = root or served_root()
    limit = (now or time.time()) - KEEP_DAYS * 86400
    removed: list[Path] = []
    work = root / "work"
    candidates = sorted(work.iterdir()) if work.is_dir() else []
    for folder in candidates:
        try:
            if folder.is_dir() and not folder.is_symlink() and folder.stat().st_mtime < limit:
                shutil.rmtree(folder)
                removed.append(folder)
        except OSError:
            continue
    return removed


def _watch_parent(parent: int) -> None:
    """End the session when the server that started it is gone (killed, crashed).

    The autosave is on disk after every change, so the work is kept.
    """
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="drafter.served")
    parser.add_argument("--rubric", default=None)
    args = parser.parse_args(argv)
    code = normal_code(os.environ.get("DRAFTER_RESUME")) or new_code()
    # The room's store, fixed by the server (never typed by a user); not passed on.
    room_file = os.environ.pop("DRAFTER_ROOM_FILE", None)
    folder = workspace(code)
    drafts = folder / "drafts"
    drafts.mkdir(parents=True, exist_ok=True)
    os.utime(folder)  # in use: the sweep keeps it another KEEP_DAYS
    os.environ["DRAFTER_DATA_DIR"] = str(folder / "data")
    os.environ["DRAFTER_RESUME_CODE"] = code
    os.chdir(drafts)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    from drafter.tui import run_app

    return run_app(mode="start", rubric_path=args.rubric, served=True, room_file=room_file)


if __name__ == "__main__":
    raise SystemExit(main())
