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
    join (a room exists only in a served session).
    """

    room: Room | None = None


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


__all__ = ["AdviceState", "Mode", "Served", "Session", "Training"]
