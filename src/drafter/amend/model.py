"""What an amendment is: per provision of today's law, keep, replace, strike or insert.

Pure records. The planner (drafter.amend.plan) fills them; render/amendment.py
words them. A restated provision is a run of pieces: words kept, words struck
and words added, so every renderer marks them in the state's convention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from drafter.notice import Notice

#: What happens to a provision of today's law.
Action = Literal["keep", "replace", "strike", "insert"]
#: A piece of restated text: kept as it stands, struck, or added.
PieceKind = Literal["equal", "delete", "insert"]


@dataclass(frozen=True, slots=True)
class Piece:
    kind: PieceKind
    text: str


@dataclass(frozen=True, slots=True)
class Restated:
    """One provision as the amending bill restates it (or as it stands, when kept)."""

    #: Its own label as printed ("1.", "(a)", "(a-1)"); "" for unlabelled text.
    label: str
    #: Its labels from the top ("1.", "(i)"), without the section number.
    path: tuple[str, ...]
    action: Action
    pieces: tuple[Piece, ...]
    #: The categories whose change edits it.
    categories: tuple[str, ...] = ()
    #: Its path before renumbering, when its label changes (drafter.amend.renumber).
    old_path: tuple[str, ...] | None = None

    @property
    def level(self) -> int:
        return max(len(self.path) - 1, 0)

    @property
    def old_text(self) -> str:
        """The provision as it stands today (label included)."""
        return joined(p.text for p in self.pieces if p.kind != "insert")

    @property
    def new_text(self) -> str:
        """The provision as the bill would leave it."""
        return joined(p.text for p in self.pieces if p.kind != "delete")

    @property
    def changed(self) -> bool:
        """Whether the bill restates it changed: its own words, its label, or a
        reference in it to a renumbered provision."""
        return self.action != "keep" or any(p.kind != "equal" for p in self.pieces)

    @property
    def old_path_or_path(self) -> tuple[str, ...]:
        """Its path in today's text (a new provision: its own)."""
        return self.old_path or self.path

    @property
    def old_label(self) -> str:
        """Its label as today's text prints it."""
        return self.old_path[-1] if self.old_path else self.label


_BEFORE_MARK = re.compile(r" (?=[,.;:)])")


def joined(parts: Iterable[str]) -> str:
    """Pieces of text as one line: single spaces, none before a mark of punctuation."""
    return _BEFORE_MARK.sub("", " ".join(" ".join(parts).split()))


@dataclass(frozen=True, slots=True)
class Change:
    """One category the draft changes, and where (for the committee companion)."""

    category: str
    title: str
    old_tier: str | None
    new_tier: str
    old_label: str
    new_label: str
    old_points: int
    new_points: int
    #: How the change is made: replace (words struck and new ones added), strike
    #: (words struck, nothing added: a tier earned by silence), insert (new words only).
    action: Action
    #: The labels of the provisions it touches ("1.", "(a-1)").
    provisions: tuple[str, ...]


@dataclass(frozen=True)
class Amendment:
    """Today's section and what a draft does to it, provision by provision."""

    #: The section's number ("610.131", "440.10"), "" when the text does not say.
    number: str
    heading: str
    provisions: tuple[Restated, ...]
    changes: tuple[Change, ...]
    #: True when the current text leaves parts out ("..."): only what is present is amended.
    excerpt: bool
    warnings: tuple[Notice, ...] = ()

    @property
    def changed(self) -> tuple[Restated, ...]:
        return tuple(p for p in self.provisions if p.changed)

    def provision(self, label_path: tuple[str, ...]) -> Restated | None:
        return next((p for p in self.provisions if p.path == label_path), None)
