"""One browser session of `drafter serve`: a private folder, the app in served mode.

Run by textual-serve as `python -m drafter.served` for each connection.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="drafter.served")
    parser.add_argument("--rubric", default=None)
    args = parser.parse_args(argv)
    # A fresh folder per session: its autosave, recent list and drafts live
    # here and nowhere else, and it goes when the session ends.
    session = Path(tempfile.mkdtemp(prefix="drafter-session-"))
    os.environ["DRAFTER_DATA_DIR"] = str(session / "data")
    drafts = session / "drafts"
    drafts.mkdir()
    os.chdir(drafts)
    try:
        from drafter.tui import run_app

        return run_app(mode="start", rubric_path=args.rubric, served=True)
    finally:
        shutil.rmtree(session, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
