"""What the app keeps beside the Draft, typed and in one place.

The Draft itself is the app's (`DrafterApp.draft`, changed only through
`set_draft`). The rest lives here: how the app was opened (its `Mode`, whether
it is a served browser session and the training room it offers) and, for the
draft open now, its file, what that file held when last opened or saved, where
the user is, and what the advice view was set to. Nothing here imports
textual: the app, its screens and the tests read the same plain objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.tui import storage

if TYPE_CHECKING:
    from drafter.law import Law
    from drafter.room import Room
    from drafter.tui.amending import CurrentLaw


class Mode(StrEnum):
    """What the app opens: the wizard ("start", "new", "open") or training."""

    START = "start"
    NEW = "new"
    OPEN = "open"
    #: Score the provisions of an exercise set.
    TRAIN = "train"
    #: The lessons, one per category.
    LESSONS = "lessons"
    #: The lessons large and high-contrast, for a projector.
    PRESENT = "present"

    @property
    def training(self) -> bool:
        """A mode that opens training rather than a draft."""
        return self in (Mode.TRAIN, Mode.LESSONS, Mode.PRESENT)


@dataclass(frozen=True)
class Served:
    """A browser session of `drafter serve`.

    Its paths stay inside the session's own folder, exports reach the user as
    downloads, and no message shows the server's folders. `room` is the
    training room of `drafter serve --room`, which the start screen offers to
    join (a room exists only in a served session). `room_note` says why the
    server's room is not offered (its file is gone or cannot be read), so the
    session still starts and the user knows to ask whoever runs the room.
    """

    room: Room | None = None
    room_note: str | None = None


@dataclass(frozen=True)
class Training:
    """What a training mode opens: the exercise set (else the rubric's own),
    the categories it keeps to (else all) and the seed that shuffles its order."""

    path: str | Path | None = None
    categories: Sequence[str] | None = None
    seed: int | None = None


@dataclass
class AdviceState:
    """What the user set on the advice view; kept between visits."""

    target: str = "B"
    locks: list[str] = field(default_factory=list)


@dataclass
class Session:
    """The app's session: how it was opened, and the draft open now beside its Draft."""

    mode: Mode = Mode.START
    #: A browser session of `drafter serve` (None on a terminal).
    served: Served | None = None
    #: The draft's file (None until it is saved).
    path: Path | None = None
    #: The draft file's text as last opened or saved, to tell unsaved changes.
    saved_yaml: str | None = None
    #: The wizard step the user is on, so a resumed session opens there.
    step_id: str | None = None
    #: The statute text the session started from ("Start from today's law"),
    #: which the amending bill, the redline and the card export against.
    current_law: CurrentLaw | None = None
    #: The recorded law (a profile's reading) the session started from, which
    #: the advisor reads its open and arguable calls from.
    todays_law: Law | None = None
    #: (mtime, size) of the draft file as last opened or saved here.
    disk_stamp: tuple[int, int] | None = None
    #: The changed-on-disk stamp the user already agreed to replace.
    overwrite_ok: tuple[int, int] | None = None
    #: The key of the draft's own autosave (see storage: a KEY and its lock).
    autosave_key: str | None = None
    #: The advice view's target and locks (kept from one draft to the next).
    advice: AdviceState = field(default_factory=AdviceState)

    @property
    def room(self) -> Room | None:
        """The training room of `drafter serve --room` (served sessions only)."""
        return self.served.room if self.served else None

    def open_file(
        self,
        path: Path | None,
        saved_yaml: str | None,
        current_law: CurrentLaw | None = None,
        todays_law: Law | None = None,
    ) -> None:
        """A draft is opened: its file (None until saved), the text that file holds
        (None when there is none), and the statute and recorded law it started from."""
        self.path = path
        self.saved_yaml = saved_yaml
        self.current_law = current_law
        self.todays_law = todays_law
        self.disk_stamp = storage.disk_stamp(path)
        self.overwrite_ok = None
        if path is not None:
            storage.add_recent(path)

    def saved_to(self, path: Path, text: str) -> None:
        """The draft was written to `path` as `text`: that is its file now."""
        self.path = path
        self.saved_yaml = text
        self.disk_stamp = storage.disk_stamp(path)
        storage.add_recent(path)

    def ask_before_replacing(self) -> bool:
        """Whether the draft's file changed on disk since it was opened or saved
        here (someone else wrote it) and the user has not been asked yet: asking
        once lets the next save replace it."""
        stamp = storage.disk_stamp(self.path)
        if stamp is None or stamp in (self.disk_stamp, self.overwrite_ok):
            return False
        self.overwrite_ok = stamp
        return True

    def suggested_path(self, suffix: str, jurisdiction: str | None) -> Path:
        """A file name next to the draft's file (or here), else named for the jurisdiction."""
        if self.path is not None:
            stem = self.path.name.removesuffix(".yaml").removesuffix(".yml")
            return self.path.with_name(stem + suffix)
        name = jurisdiction or "draft"
        slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") or "draft"
        return Path.cwd() / f"{slug}{suffix}"


__all__ = ["AdviceState", "Mode", "Served", "Session", "Training"]
