"""The session's autosave, written off the UI thread.

Writes happen in order on one background thread; a burst of keystrokes
coalesces into one write of the latest draft (each job replaces the one not
yet written). Once the app has closed the writer, a job is written at once on
the caller's thread, so the last keys are never dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from drafter.draft import Draft
from drafter.errors import UserError
from drafter.rubric import Rubric
from drafter.tui import storage


@dataclass(frozen=True)
class AutosaveJob:
    """One write of the session's autosave: the draft, its text, where the user is."""

    draft: Draft
    rubric: Rubric
    path: Path | None
    step: str | None
    unsaved: bool
    key: str | None
    text: str

    def write(self) -> None:
        storage.write_autosave(
            self.draft, self.rubric, self.path, self.step, self.unsaved, self.key, self.text
        )


class Autosaver:
    """One writer thread; `failed` hears each failure (called on the writer thread)."""

    def __init__(self, failed: Callable[[Exception], None]) -> None:
        self._failed = failed
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._lock = threading.Lock()
        self._next: AutosaveJob | None = None
        #: Set once `close` has shut the writer thread down.
        self.closed = False

    def submit(self, job: AutosaveJob) -> None:
        """Write `job` soon, replacing any job not written yet."""
        with self._lock:
            first = self._next is None
            self._next = job
        if not first:
            return  # a write is queued already: it takes this job
        if self.closed:
            # A typing pause's timer can fire after the app unmounted and shut
            # the writer thread down: write the last keys here instead.
            self._write()
        else:
            self._pool.submit(self._write)

    def close(self) -> None:
        """Wait for the writes asked for, then stop the writer thread."""
        self._pool.shutdown(wait=True)
        self.closed = True

    def _write(self) -> None:
        with self._lock:
            job, self._next = self._next, None
        if job is None:
            return
        try:
            job.write()
        except (UserError, OSError) as exc:
            if not self.closed:
                self._failed(exc)
            # Closed: the app is gone, with no screen left to say it on.


__all__ = ["AutosaveJob", "Autosaver"]
