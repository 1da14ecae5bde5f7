"""Where the shared reference material is: real statute texts are read from it, never copied.

The repository's tests and benches read real law from the project's shared
folder (`statutes/` with our readings in labels.yaml, `atlas/statutes/` with
current law of many states, unlabeled). It sits beside the repository root
(`../shared`; CI's clone has a copy there), beside the main checkout when the
repository is a git worktree, or where DRAFTER_SHARED points.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
MISSING = (
    "the shared reference folder (../shared beside the repository, or DRAFTER_SHARED) "
    "is absent: real statutes are read from it, never copied into the repository"
)


def _candidates() -> list[Path]:
    out = []
    if os.environ.get("DRAFTER_SHARED"):
        out.append(Path(os.environ["DRAFTER_SHARED"]))
    out.append(ROOT.parent / "shared")
    git = ROOT / ".git"
    if git.is_file():  # a worktree: ".git" names the main checkout's git folder
        line = git.read_text(encoding="utf-8").strip()
        if line.startswith("gitdir:"):
            gitdir = Path(line.split(":", 1)[1].strip())
            if gitdir.parent.name == "worktrees":
                out.append(gitdir.parent.parent.parent.parent / "shared")
    return out


def shared_dir() -> Path | None:
    """The shared folder, or None when it is not there."""
    for path in _candidates():
        if (path / "statutes" / "labels.yaml").is_file():
            return path
    return None


SHARED = shared_dir()
STATUTES = SHARED / "statutes" if SHARED else None
ATLAS = SHARED / "atlas" / "statutes" if SHARED else None


def require_shared() -> Path:
    """The shared folder; skip the test when it is absent (fail under CI=true)."""
    import pytest

    if SHARED is None:
        if IN_CI:
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    return SHARED
