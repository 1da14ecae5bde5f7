"""Where the shipped data lives: inside the wheel, or at the top of a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder of shipped data called `name` (rubric, model_language, ...).

    An installed wheel carries it as drafter/_data/NAME; a source checkout (or
    an editable install) keeps it at the repository's top level.
    """
    bundled = _PACKAGE / "_data" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent.parent / name


def default_rubric_path() -> Path:
    return data_dir("rubric") / "polaris-2019.yaml"


def user_data_dir() -> Path:
    """Where autosaves and the recent-drafts list live.

    `DRAFTER_DATA_DIR` overrides the platform's user data dir, so tests and
    served sessions each get a folder of their own.
    """
    import os

    override = os.environ.get("DRAFTER_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir as _platform_dir

    return Path(_platform_dir("drafter", appauthor=False))


def user_cache_dir() -> Path:
    """Where drafter keeps what it can build again (datacache.py).

    `DRAFTER_CACHE_DIR` names it; else a `DRAFTER_DATA_DIR` holds it too (a
    test's or a session's own folder), else the platform's user cache dir.
    """
    import os

    override = os.environ.get("DRAFTER_CACHE_DIR")
    if override:
        return Path(override)
    data = os.environ.get("DRAFTER_DATA_DIR")
    if data:
        return Path(data) / "cache"
    from platformdirs import user_cache_dir as _platform_dir

    return Path(_platform_dir("drafter", appauthor=False))


def shared_dir() -> Path | None:
    """The shared reference folder (statute texts), when this machine has one.

    `DRAFTER_SHARED` names it; otherwise a source checkout looks for `../shared`
    beside the repository (or one level further up, for a nested worktree). An
    installed wheel has none, and checks that need the texts say they were skipped.
    """
    import os

    override = os.environ.get("DRAFTER_SHARED")
    if override:
        return Path(override) if Path(override).is_dir() else None
    # A checkout's ../shared; a worktree nested one level deeper looks one level up too.
    root = _PACKAGE.parent.parent
    for folder in (root.parent, root.parent.parent):
        beside = folder / "shared"
        if (beside / "atlas").is_dir() or (beside / "statutes").is_dir():
            return beside
    return None
