"""Redlines: the current statute against the section a draft would enact.

`aligned` (what `drafter redline` prints) compares provision by provision:
drafter.amend decides per provision of today's text whether it is kept,
replaced at the clause that carries a changed category, struck or inserted,
so words are never matched across unrelated provisions. `redline` below is the
older word-by-word comparison of the two texts as wholes.

The words of the current text and of the assembled section are compared with
`difflib.SequenceMatcher(None, a, b, autojunk=False)` (autojunk would ignore
"the" and "shall"; drafter.worddiff keeps it near-linear), then marked in the
jurisdiction's convention: Missouri prints new matter in bold and omitted matter
in bold brackets, Texas underlines new matter and brackets and strikes omitted
matter, New York underlines and brackets (Markdown and Word show it; plain text
marks new matter {+thus+} and omitted matter [thus]).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from drafter.bill import Bill, Style
from drafter.worddiff import segments

if TYPE_CHECKING:
    from drafter.amend.bill import AmendingBill

Kind = Literal["equal", "insert", "delete"]
_BREAK = "\n"
#: An unchanged run this short between two changes is folded into them, so the
#: redline reads as phrases replaced rather than a confetti of shared "the"s.
_SHORT_EQUAL = 2


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


# --- the texts ----------------------------------------------------------------------


def old_paragraphs(text: str) -> list[str]:
    """Paragraphs of the current statute: blank-line separated, or one per line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)", "", text)
    if re.search(r"\n[ \t]*\n", text):
        chunks = re.split(r"\n[ \t]*\n", text)
        return [" ".join(c.split()) for c in chunks if c.strip()]
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _statute_blocks(
    bill: Bill,
) -> tuple[list[tuple[str, str]], list[tuple[str, int]], list[str]]:
    """The bill as lines before the statute, the statute's paragraphs, lines after."""
    from drafter.render.layout import block_plain, layout

    before: list[tuple[str, str]] = []
    statute: list[tuple[str, int]] = []
    after: list[str] = []
    where = "before"
    for block in layout(bill):
        if block.kind == "bill_section":
            line = block_plain(block)
            if where == "before":
                before.append(("bill_section", line))
                if block.key == "enact":
                    where = "statute"
            else:
                where = "after"
                after.append(line)
            continue
        if block.kind in ("title", "enacting"):
            before.append((block.kind, block.text))
        elif where == "statute":
            statute.append((block_plain(block), block.level))
        elif where == "after":
            after.append(block_plain(block))
    return before, statute, after


def _tokens(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for i, para in enumerate(paragraphs):
        if i:
            out.append(_BREAK)
        out.extend(para.split())
    return out


def redline(old_text: str, bill: Bill) -> Redline:
    """Compare the current text with the section the bill enacts."""
    before, statute, after = _statute_blocks(bill)
    new_paras = [text for text, _ in statute]
    levels = [level for _, level in statute]
    a = _tokens(old_paragraphs(old_text))
    b = _tokens(new_paras)

    paragraphs: list[Paragraph] = []
    runs: list[Run] = []
    new_index = 0
    inserted = deleted = 0

    # Words gather in a list and join once per run: growing a string word by
    # word made a long unchanged (or deleted) run quadratic.
    words: list[str] = []
    kinds: list[Kind] = []

    def flush() -> None:
        if words:
            runs.append(Run(kinds[0], " ".join(words)))
            words.clear()
            kinds.clear()

    def push(kind: Kind, word: str) -> None:
        if kinds and kinds[0] != kind:
            flush()
        kinds[:1] = [kind]
        words.append(word)

    def close() -> None:
        flush()
        if runs:
            level = levels[min(new_index, len(levels) - 1)] if levels else 0
            paragraphs.append(Paragraph(tuple(runs), level))
            runs.clear()

    for old, new, same in segments(a, b, _SHORT_EQUAL, _BREAK):
        if same:
            for word in new:
                if word == _BREAK:
                    close()
                    new_index += 1
                else:
                    push("equal", word)
            continue
        for word in old:
            if word == _BREAK:
                close()
            else:
                deleted += 1
                push("delete", word)
        for word in new:
            if word == _BREAK:
                close()
                new_index += 1
            else:
                inserted += 1
                push("insert", word)
    close()
    from drafter.render.layout import rubric_note

    return Redline(
        tuple(before),
        tuple(paragraphs),
        tuple(after),
        bill.style,
        bill.jurisdiction,
        rubric_note(bill),
        inserted,
        deleted,
    )


def aligned(ab: AmendingBill) -> Redline:
    """Today's section against the proposed one, provision by provision, all of it."""
    from drafter.render.layout import bill_section_label, rubric_note

    frame = ab.frame
    before: list[tuple[str, str]] = [("title", line) for line in frame.title]
    before.append(("enacting", frame.enacting_clause))
    before.append(("bill_section", f"{bill_section_label(frame.style, 1)} {ab.clause}"))
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
    "old_paragraphs",
    "redline",
]
