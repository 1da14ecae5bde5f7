"""Writing a file so that nothing is lost: drafter's one door for every write.

`atomic_write` writes a temp file in the target's folder, fsyncs it and
renames it over the target, so a crash or a full disk leaves the old file or
the new one, never half of one. The rules it keeps:

- Only a regular file is ever replaced. A folder, FIFO, device or socket at the
  target is refused, with --force too.
- A symlink is followed: the file it points to is written and the link stays
  a link. A dangling link is refused unless overwriting was asked for
  (--force), which creates the file it points to.
- A replaced file keeps its permission bits; a new file gets 0666 less the
  umask, like any file a program creates.
- A file with other hard links is replaced by a new file under this name; its
  other names keep the old content (the rename is what makes the write atomic).
- The temp file is named `.NAME.drafter-PID-RANDOM.tmp` and removed when the
  write fails; temp files of that naming whose process is gone (a killed
  `drafter build`) are swept by the next write to the same folder.
- A problem the user can fix (no such folder, permission, read-only or full
  disk, over the size drafter reads back) is a UserError with one line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from pathlib import Path

from drafter.errors import UserError

_TEMP = re.compile(r"^\..+\.drafter-(\d+)-[0-9a-f]{8}\.tmp$")

_ERRNO_TEXT = {
    errno.ENOSPC: "the disk is full; free some space and try again",
    errno.EDQUOT: "the disk quota is used up; free some space and try again",
    errno.EROFS: "the file system is read-only; write somewhere else",
    errno.EACCES: "cannot write here: permission denied",
    errno.EPERM: "cannot write here: permission denied",
    errno.EISDIR: "is a directory, not a file; give a file name",
    errno.ENOTDIR: "a part of this path is not a folder",
    errno.ENAMETOOLONG: "the file name is too long",
}


class TargetExists(UserError):
    """The target exists and overwriting was not asked for (the app asks, then forces)."""


def write_error(path: str | Path, exc: OSError) -> UserError:
    """The one-line error for an OSError met while writing `path`."""
    text = _ERRNO_TEXT.get(exc.errno or 0) or f"cannot write this file: {exc.strerror or exc}"
    return UserError(path, text)


def _kind(mode: int) -> str | None:
    """What a non-regular file is, for the refusal; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_destination(path: str | Path, overwrite: bool) -> tuple[Path, int | None]:
    """The file to replace (a symlink followed) and its mode, None when it is new.

    Raises the UserError a write would: callers check before doing any work.
    """
    target = Path(path)
    try:
        link = target.lstat()
    except FileNotFoundError:
        return target, None
    except OSError as exc:
        raise write_error(path, exc) from None
    if stat.S_ISLNK(link.st_mode):
        real = Path(os.path.realpath(target))
        try:
            info = real.stat()
        except FileNotFoundError:
            if not overwrite:
                raise UserError(
                    path,
                    "is a symbolic link to a file that does not exist; use --force to "
                    "create that file, or give another name",
                ) from None
            return real, None
        except OSError as exc:
            raise write_error(path, exc) from None
        target, mode = real, info.st_mode
    else:
        mode = link.st_mode
    kind = _kind(mode)
    if kind is not None:
        raise UserError(path, f"is {kind}, not a regular file; drafter replaces only files")
    if not overwrite:
        raise TargetExists(path, "already exists; use --force to overwrite it")
    return target, stat.S_IMODE(mode)


def sweep_temp_files(folder: Path) -> list[Path]:
    """Remove drafter's own temp files in `folder` whose writing process is gone."""
    removed: list[Path] = []
    try:
        names = [e.name for e in os.scandir(folder) if e.name.startswith(".")]
    except OSError:
        return removed
    for name in names:
        match = _TEMP.match(name)
        if match is None or _alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            (folder / name).unlink()
            removed.append(folder / name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: leave its file alone
    return True


def atomic_write(
    path: str | Path,
    data: str | bytes,
    *,
    overwrite: bool = True,
    max_bytes: int | None = None,
) -> None:
    """Write `data` to `path` atomically, by the rules in this module's docstring.

    `overwrite=False` refuses an existing target. `max_bytes` refuses data
    larger than drafter will read back (drafts, autosaves).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if max_bytes is not None and len(payload) > max_bytes:
        raise UserError(
            path,
            f"would be {len(payload):,} bytes, over the {max_bytes:,}-byte limit drafter "
            "reads back; nothing was written (make the text shorter)",
        )
    target, mode = check_destination(path, overwrite)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        if not folder.is_dir():
            raise UserError(path, f"folder {str(folder)!r} does not exist; create it first")
    except OSError as exc:
        raise write_error(path, exc) from None
    sweep_temp_files(folder)
    tmp = folder / f".{target.name}.drafter-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        # 0666 less the umask for a new file; the old file's bits for a replaced one.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise write_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite and os.path.lexists(target):
            raise TargetExists(path, "already exists; use --force to overwrite it")
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise write_error(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    # Make the rename itself durable; not every platform lets us open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
