"""The session's autosave: written off the UI thread, its key, the note on leaving.

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
from drafter.textsafe import visible
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


def take_autosave_key(
    old_key: str | None, resume_key: str | None, path: Path | None
) -> tuple[str, bool]:
    """The autosave key a session's draft writes (see storage: a KEY and its lock).

    The draft left behind (`old_key`) is let go, so the start screen can offer
    it: leaving a draft, starting a new one or resuming another never discards
    one. A draft resumed from `resume_key` goes on writing it, unless another
    drafter window holds it: then it goes on as a copy under a new key, and the
    second value says so.
    """
    storage.release(old_key)
    if resume_key and storage.claim(resume_key):
        return resume_key, False
    key = storage.new_key(path)
    storage.claim(key)
    return key, bool(resume_key)


def leaving_note(
    draft: Draft | None, path: Path | None, key: str | None, unsaved: bool, served: bool
) -> str | None:
    """The one line said on quitting with unsaved changes (where, how to resume).

    A draft with nothing unsaved needs no autosave: its file holds it all, so
    its autosave is discarded here.
    """
    if draft is None or key is None:
        return None
    kept = storage.autosave_file(key)
    if not unsaved:
        storage.discard_autosave(key)
        return None
    if served or not kept.is_file():
        return None  # served: the start screen says where work lives
    home = Path.home()
    shown = f"~/{kept.relative_to(home)}" if kept.is_relative_to(home) else str(kept)
    if path is not None:
        what = f"your unsaved changes to {visible(path.name)} are"
    else:
        what = f"your unsaved draft ({visible(draft.jurisdiction or 'untitled')}) is"
    return f"drafter: {what} kept in {shown}; run drafter and choose it under Resume to go on."


__all__ = ["AutosaveJob", "Autosaver", "leaving_note", "take_autosave_key"]
