"""The words for where a score stands, written once for every output.

The grade, "cannot be ranked" and "provisional" are phrased here and nowhere
else: the command line, the documents and the app all ask these functions.
`marked` adds the asterisk the 2019 report cards put on a state they could
not rank, for tables and summaries in the report's layout.
"""

from __future__ import annotations

from typing import Protocol

#: The one disclaimer every document and report ends with.
NOT_LEGAL_ADVICE = "drafter informs drafting; it is not legal advice."
#: What a score that is gated by coverage gets instead of a grade.
UNRANKED = "cannot be ranked"


class HasStanding(Protocol):
    """A Scorecard, or the Standing a Bill carries."""

    @property
    def total(self) -> int: ...
    @property
    def max(self) -> int: ...
    @property
    def grade(self) -> str | None: ...
    @property
    def rankable(self) -> bool: ...
    @property
    def provisional(self) -> bool: ...


def score_text(card: HasStanding) -> str:
    """`NN / 100`."""
    return f"{card.total} / {card.max}"


def grade_text(grade: str | None, provisional: bool = False) -> str:
    """A grade as shown: "B", "B (provisional)", "-" when there is none."""
    shown = grade or "-"
    return f"{shown} (provisional)" if provisional else shown


def standing_text(card: HasStanding, *, marked: bool = False) -> str:
    """The grade (provisional while categories are open), or "cannot be ranked"."""
    if not card.rankable:
        return f"* {UNRANKED}" if marked else UNRANKED
    return grade_text(card.grade, card.provisional)


def summary(card: HasStanding) -> str:
    """ "89 / 100, B" or "0 / 100, * cannot be ranked": a bill's score line."""
    return f"{score_text(card)}, {standing_text(card, marked=True)}"


__all__ = [
    "NOT_LEGAL_ADVICE",
    "UNRANKED",
    "HasStanding",
    "grade_text",
    "score_text",
    "standing_text",
    "summary",
]
