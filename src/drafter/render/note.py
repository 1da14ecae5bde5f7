"""The drafter note after a bill: none, a short line, or the full scores.

A copy for introduction carries nothing of drafter's (`none`); a working copy
carries the line naming the rubric and score, and what is still to settle
(`short`); a copy for staff adds the points each category earns (`full`). The
committee file (render/annotated.py) always keeps the full scores.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from drafter.bill import Bill
from drafter.errors import UserError
from drafter.render.layout import clean, rubric_note

NoteLevel = Literal["none", "short", "full"]
NOTE_LEVELS: tuple[str, ...] = get_args(NoteLevel)


@dataclass(frozen=True, slots=True)
class DrafterNote:
    #: "Prepared with drafter; scored against ...".
    line: str
    #: One line per category the bill earns points in (full notes only).
    points: tuple[str, ...]
    #: What the user still owes before introduction.
    open_items: tuple[str, ...]
    #: The drafter's notes (what a reenactment restates of the section it repeals).
    notes: tuple[str, ...] = ()


def note_level(value: str | None, default: NoteLevel) -> NoteLevel:
    """A checked note level; None gives the format's default."""
    if value is None:
        return default
    for level in get_args(NoteLevel):
        if value == level:
            return level  # type: ignore[no-any-return]
    raise UserError(None, f"unknown note {value!r}; choose one of {', '.join(NOTE_LEVELS)}")


def drafter_note(bill: Bill, level: NoteLevel) -> DrafterNote | None:
    """What the note at `level` says about `bill`, or None for no note."""
    if level == "none":
        return None
    points: tuple[str, ...] = ()
    if level == "full":
        from drafter.render.annotated import category_totals, rows

        totals = category_totals(rows(bill))
        # The coverage gate earns no points of its own: its tier, without "0 / 0".
        points = tuple(
            f"{t.title}: {t.tier_label}" + (f", {t.points} / {t.max}" if t.max else "")
            for t in totals
        )
        if totals:
            points += (f"Points earned in the text: {sum(t.points for t in totals)}",)
    return DrafterNote(
        rubric_note(bill),
        points,
        tuple(clean(w.text) for w in bill.warnings),
        tuple(clean(n) for n in bill.notes),
    )


__all__ = ["NOTE_LEVELS", "DrafterNote", "NoteLevel", "drafter_note", "note_level"]
