"""What a screen tells the app, as Textual messages the app handles.

A screen posts one of these and goes on; the message bubbles from the
screen to the app, whose handler does the app's part (the session, the
screen stack). So a screen needs no knowledge of how the app opens a draft,
and the app's own methods stay its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from drafter.draft import Draft
    from drafter.law import Law
    from drafter.tui.amending import CurrentLaw


@dataclass(frozen=True)
class Opening:
    """A draft to open, and what the session starts with beside it."""

    draft: Draft
    #: Its file (None until it is saved).
    path: Path | None = None
    #: The step the wizard opens at (the first when None or unknown).
    step: str | None = None
    #: What the file held, when it is not `draft` itself (a resumed autosave).
    saved_yaml: str | None = None
    #: The autosave the draft was resumed from (see `DrafterApp.open_session`).
    resume_key: str | None = None
    #: The statute text the draft was read from, and its recorded law.
    current_law: CurrentLaw | None = None
    todays_law: Law | None = None


class OpenDraft(Message):
    """Make the opening's draft the session's draft and show the wizard on it."""

    def __init__(self, opening: Opening) -> None:
        super().__init__()
        self.opening = opening
