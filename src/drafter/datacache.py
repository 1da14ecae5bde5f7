"""The shipped data as loaded and checked, kept between runs for a fast start.

Every wizard start loads the rubric, the model language, the generic profile
and the standards: some twenty YAML files parsed and validated, with FILE:LINE
errors, for the same result each time until a file changes. `cached` keeps that
result pickled in drafter's cache folder under a key made of drafter's,
Python's and pydantic's versions and the size and modification time of every
file it came from and every drafter module (the classes the pickle holds).
A changed file is a new key: loaded and checked afresh, its errors said as
ever. A file changed in the last seconds is not trusted to show its change
in its time yet (a second edit may keep size and time): nothing is kept
until it settles. A cache that cannot be read or written is passed over.

Unpickling runs code, so a cache is read only where no one but the user could
have written it: the folder and the file owned by the user, neither writable by
group or others (a cache folder pointed at a shared /tmp is rebuilt, not trusted).
The folder is made private (0700).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar, cast

from drafter import __version__
from drafter.paths import user_cache_dir

T = TypeVar("T")

_PACKAGE = Path(__file__).resolve().parent
#: What a damaged pickle, or one of classes since changed, raises as it loads.
_UNREADABLE = (
    pickle.UnpicklingError,
    EOFError,
    ImportError,
    AttributeError,
    TypeError,
    ValueError,
    IndexError,
    KeyError,
)
#: A file changed this recently (seconds) may change again in the same tick.
SETTLING = 2.0


def _stats(files: Iterable[Path]) -> list[tuple[str, int, int]]:
    out = []
    for path in files:
        st = os.stat(path)
        out.append((str(path), st.st_size, st.st_mtime_ns))
    return out


def _modules() -> list[Path]:
    found = []
    for folder, dirs, names in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found += [Path(folder, n) for n in names if n.endswith(".py")]
    return sorted(found)


def cached(name: str, build: Callable[[], T], files: Iterable[Path]) -> T:
    """What `build()` returns, from the cache while none of `files` has changed.

    `files` are every file `build` reads; an error in one is raised by `build`
    (nothing is kept). Any failure to read or write the cache only costs the build.
    """
    import pydantic

    try:
        stats = _stats([*files, *_modules()])
    except OSError:
        return build()
    key = (pydantic.VERSION, stats)
    value = read(name, key)
    if value is not None:
        return cast("T", value)
    value = build()
    newest = max((mtime for _, _, mtime in stats), default=0)
    if time.time_ns() - newest > SETTLING * 1e9:
        keep(name, key, value)
    return value


def read(name: str, key: object) -> object | None:
    """What `keep(name, key, ...)` kept, or None: none yet, or not one this drafter
    can read, or in a folder someone else could have written."""
    folder, _, path = _where(name, key)
    try:
        if _private(folder) and _private(path):
            return pickle.loads(path.read_bytes())
    except (OSError, *_UNREADABLE):
        pass
    return None


def keep(name: str, key: object, value: object) -> None:
    """Keep `value` for `read(name, key)` (in place of any kept under another key)."""
    _keep(*_where(name, key), value)


def _where(name: str, key: object) -> tuple[Path, str, Path]:
    """The cache folder, the names of `name`'s files in it, and the one for `key` (any
    value with a repr that says it all, taken with drafter's and Python's versions)."""
    versions = (__version__, sys.version)
    digest = hashlib.blake2b(repr((versions, key)).encode(), digest_size=16).hexdigest()
    # Named for this drafter's place too: two checkouts keep a cache each.
    place = hashlib.blake2b(str(_PACKAGE).encode(), digest_size=4).hexdigest()
    folder, named = user_cache_dir(), f"{name}-{place}"
    return folder, named, folder / f"{named}-{digest}.pickle"


def _private(path: Path) -> bool:
    """Whether only this user could have written `path` (always so where there are no
    POSIX owners)."""
    if not hasattr(os, "getuid"):
        return True
    st = os.stat(path)
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _keep(folder: Path, name: str, path: Path, value: object) -> None:
    """Write the cache atomically, and drop the ones for older keys."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return  # a shared folder: a pickle there could be swapped, so none is kept
        tmp.write_bytes(data)
        os.replace(tmp, path)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        # No cache is only a slower start; a half-written one is not left behind.
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
