"""Redlines: the current statute against the section a draft would make of it.

`aligned` (what `drafter redline` prints) compares provision by provision:
drafter.amend decides per provision of today's text whether it is kept,
replaced at the clause that carries a changed category, struck, renumbered or
inserted, so words are never matched across unrelated provisions. The runs
are then marked in the jurisdiction's convention (drafter.render.redline):
Missouri prints new matter in bold and omitted matter in bold brackets, Texas
underlines new matter and brackets and strikes omitted matter, New York
underlines and brackets (Markdown and Word show it; plain text marks new
matter {+thus+} and omitted matter [thus]).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from drafter.bill import Style

if TYPE_CHECKING:
    from drafter.amend.bill import AmendingBill

Kind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True, slots=True)
class Run:
    kind: Kind
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: tuple[Run, ...]
    level: int = 0


@dataclass(frozen=True)
class Redline:
    """The redlined statute section, with the bill around it."""

    #: (kind, text) lines before the statute: "title", "enacting", "bill_section".
    before: tuple[tuple[str, str], ...]
    paragraphs: tuple[Paragraph, ...]
    after: tuple[str, ...]
    style: Style
    jurisdiction: str
    note: str
    inserted_words: int
    deleted_words: int


def aligned(ab: AmendingBill) -> Redline:
    """Today's section against the proposed one, provision by provision, all of it."""
    from drafter.render.layout import bill_section_label, rubric_note

    frame = ab.frame
    before: list[tuple[str, str]] = [("title", line) for line in frame.title]
    before.append(("enacting", frame.enacting_clause))
    # Every amending instruction, the repeal and renumbering ones too (the text below
    # shows all of today's section against all of the proposed one).
    before.extend(
        ("bill_section", f"{bill_section_label(frame.style, k)} {part.clause}")
        for k, part in enumerate(ab.parts, start=1)
    )
    paragraphs: list[Paragraph] = []
    inserted = deleted = 0
    for i, r in enumerate(ab.amendment.provisions):
        runs = [Run(p.kind, p.text) for p in r.pieces]
        if i == 0 and ab.parts[0].heading_line:
            runs.insert(0, Run("equal", ab.parts[0].heading_line))
        for run in runs:
            n = len(run.text.split())
            inserted += n if run.kind == "insert" else 0
            deleted += n if run.kind == "delete" else 0
        paragraphs.append(Paragraph(tuple(runs), r.level))
    closing = [s for s in frame.sections if s.key != "enact"]
    after = tuple(
        f"{bill_section_label(frame.style, i)} {s.text}"
        for i, s in enumerate(closing, start=len(ab.parts) + 1)
    )
    return Redline(
        tuple(before),
        tuple(paragraphs),
        after,
        frame.style,
        frame.jurisdiction,
        rubric_note(frame),
        inserted,
        deleted,
    )


def iter_runs(red: Redline) -> Iterator[Run]:
    for para in red.paragraphs:
        yield from para.runs


__all__ = [
    "Paragraph",
    "Redline",
    "Run",
    "aligned",
    "iter_runs",
]
