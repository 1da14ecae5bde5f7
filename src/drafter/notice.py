"""Notices: what a result wants the user to know, as data a front door can act on.

A scorecard's notes and a bill's warnings are records, not sentences to parse:
`kind` says what happened, `subject` names what it is about (a category id, a
parameter, a bill field, a coverage), and `text` is the plain sentence the
command line and the documents print. The app reads `kind` and `subject` to
link a notice to the step that settles it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NoticeKind = Literal[
    # A scorecard's notes.
    "unrankable",  # subject: the coverage that gates the score
    "incomplete",  # subject: None (the open categories are on the card)
    "provisional",  # subject: the grade
    "default_cutoffs",  # subject: the rubric id
    # A bill's warnings.
    "unfilled_parameter",  # subject: the parameter's name
    "unset_field",  # subject: a bill field (section, chapter, code) or a profile's field
    "open_category",  # subject: the category id
    "generic_style",  # subject: the jurisdiction the draft names
    "contradiction",  # subject: the category whose tier defeats another's (judicial_discretion)
    # An amendment's warnings (drafter amend).
    "excerpt",  # subject: the section number (the current text leaves parts out)
    "outside_reference",  # subject: the old label of a provision struck or renumbered
    "internal_reference",  # subject: the label of a struck provision a reference still names
    "unplaced_change",  # subject: the category id (a change with no words to make)
    "kept_words",  # subject: the category id (words that could not be struck alone)
    "reading_differs",  # subject: the category id (the draft keeps the reader's lesser reading)
    "generic_amending_form",  # subject: the jurisdiction (no sourced amending clause)
]


@dataclass(frozen=True, slots=True)
class Notice:
    kind: NoticeKind
    subject: str | None
    text: str

    def to_json(self) -> dict[str, str | None]:
        return {"kind": self.kind, "subject": self.subject, "text": self.text}

    def __str__(self) -> str:
        return self.text
