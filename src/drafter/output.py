"""Writing a document where the user asked: the one output path.

Every command that writes (build, card, redline, analyze --save, baseline
--save) and the app's export dialog come here, so each rule is kept once:
nothing is overwritten unless asked (`force`), `-` means standard output (text
only), files are written atomically (drafter.writing.atomic_write: temp file,
fsync, rename), and an operating-system failure is a one-line UserError, not a
traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.errors import UserError
from drafter.writing import TargetExists, atomic_write, check_destination

STDOUT = "-"


#: The target exists and overwriting was not asked for (the app asks, then forces).
OutputExists = TargetExists


def to_stdout(path: str | Path | None) -> bool:
    return path is None or str(path) == STDOUT


def refuse_existing(path: str | Path | None, force: bool) -> None:
    """Refuse an existing target early, before any work is spent on the document."""
    if not to_stdout(path):
        # The writer's own rules, checked before the work: only regular files are
        # replaced, a dangling link needs force (see drafter.writing).
        check_destination(Path(str(path)), overwrite=force)


def write_output(data: str | bytes, path: str | Path | None, *, fmt: str, force: bool) -> bool:
    """Write `data` to `path` (stdout for `-` or None). True when a file was written."""
    if to_stdout(path):
        if isinstance(data, bytes):
            raise UserError(None, f"{fmt} is a binary format; write it to a file with -o FILE")
        sys.stdout.write(data)
        return False
    assert path is not None
    refuse_existing(path, force)
    atomic_write(path, data, overwrite=force)  # its OSErrors are one-line UserErrors
    return True


__all__ = ["STDOUT", "OutputExists", "refuse_existing", "to_stdout", "write_output"]
