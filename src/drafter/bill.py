"""The Bill: a tree of nodes that every renderer draws from.

bill -> bill sections (Section A., SECTION 1.) -> the enacted statute section ->
subsections -> paragraphs -> subparagraphs. Nodes carry stable keys; labels such
as (a) or 1. are assigned from the jurisdiction's ladder when rendering, and a
`{ref:KEY}` in text becomes "subsection (e)" then. Pure data, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.notice import Notice
    from drafter.page import PageSpec
    from drafter.scoring import Standing


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which rubric tier a provision earns (for the annotated companion)."""

    category: str
    category_title: str
    tier: str
    tier_label: str
    #: Points under the draft's coverage (0 when minors only).
    points: int
    max: int
    note: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Basis:
    """Why a frame provision is in every bill, and the law that inspired it."""

    name: str
    note: str
    source: str


@dataclass(frozen=True, slots=True)
class Node:
    """A subdivision of statute text: its own text, then its children.

    When a node has children its text is the lead-in ("The court shall:") and
    `tail` (rare) follows them.
    """

    key: str
    text: str = ""
    heading: str | None = None
    children: tuple[Node, ...] = ()
    tail: str = ""
    provenance: tuple[Provenance, ...] = ()
    #: Why a provision that earns no tier is there (the frame's provisions).
    basis: tuple[Basis, ...] = ()


@dataclass(frozen=True, slots=True)
class StatuteSection:
    """The section of law the bill enacts, as it will read in the code."""

    number: str
    heading: str
    body: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class BillSection:
    """A section of the bill itself: an instruction, maybe followed by statute text."""

    key: str
    text: str
    statute: StatuteSection | None = None


@dataclass(frozen=True, slots=True)
class Style:
    """The numbering and labelling conventions a renderer needs."""

    #: Label pattern per level: "({a})", "{1}.", "({A})", "({i})", "({I})".
    ladder: tuple[str, ...] = ("({a})", "({1})", "({A})", "({i})")
    #: What a reference calls each level: subsection, paragraph, ...
    level_names: tuple[str, ...] = ("subsection", "paragraph", "subparagraph", "clause")
    #: Appended to a cross-reference, e.g. " of this section".
    ref_suffix: str = ""
    #: True: "subsection (a)(2)"; False: "subdivision (2) of subsection 1".
    ref_joined: bool = True
    #: Bill-section labels: "letters" (Section A.), "numbers" (SECTION 1.).
    bill_section_labels: str = "numbers"
    #: Pattern for the first and later bill-section labels.
    bill_section_format: str = "SECTION {label}."
    later_bill_section_format: str | None = None
    #: Pattern for the enacted section's first line: {number}, {heading}.
    section_heading_format: str = "Sec. {number}. {heading}."
    #: Missouri puts subsection 1 on the section's heading line.
    first_subsection_inline: bool = False
    #: Texas prints the enacted section's heading in capitals (Art. 1.01. HEADING.).
    heading_caps: bool = False
    #: Whether subdivisions print their own headings ("(b) Motion. A person ...").
    #: Federal-style codes do; Missouri, Texas and New York statutes do not, so
    #: there the heading is kept out of the law's text (txt, md, docx, AKN) and
    #: shown only in the JSON tree and the annotated companion.
    subdivision_headings: bool = True
    #: The definitions subsection's lead-in, for the assembler to use as its text.
    definitions_lead: str = "In this section:"
    #: How new and deleted text are marked in a redline.
    inserted: str = "underline"
    deleted: str = "brackets"


@dataclass(frozen=True, slots=True)
class Bill:
    jurisdiction: str
    #: AKN country code like "us-mo" (or "us" for the generic profile).
    country: str
    style: Style
    #: Lines of the title block (e.g. "A BILL TO BE ENTITLED", "AN ACT", "relating to ...").
    title: tuple[str, ...]
    enacting_clause: str
    sections: tuple[BillSection, ...]
    rubric_id: str
    rubric_title: str
    #: The draft's total and grade on the whole rubric (render/standing.py words it).
    score: Standing | None = None
    #: What the user still owes: unfilled parameters, unset fields, open categories.
    warnings: tuple[Notice, ...] = ()
    #: Drafter's notes for the committee file (what a reenactment restates).
    notes: tuple[str, ...] = ()
    #: Tiers earned by the absence of language, so the companion's table can
    #: total the printed score.
    silent: tuple[Provenance, ...] = ()
    #: Short name for file metadata, e.g. "Criminal record relief for survivors ...".
    short_title: str = ""
    date: str = ""
    #: How the bill sits on the page (the profile's `page:` block); None: the default.
    page: PageSpec | None = None

    @property
    def statute(self) -> StatuteSection | None:
        for section in self.sections:
            if section.statute is not None:
                return section.statute
        return None


# --- numbering --------------------------------------------------------------

_ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]  # fmt: skip


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _alpha(n: int) -> str:
    # a..z, then aa, bb, ... as drafting manuals do.
    letter = chr(ord("a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


_COUNTER = re.compile(r"\{(a|A|1|i|I)\}")


def counter(kind: str, n: int) -> str:
    if kind == "1":
        return str(n)
    if kind == "a":
        return _alpha(n)
    if kind == "A":
        return _alpha(n).upper()
    if kind == "i":
        return _roman(n)
    if kind == "I":
        return _roman(n).upper()
    raise ValueError(f"unknown counter {kind!r}")


@lru_cache(maxsize=1024)
def label_for(pattern: str, n: int) -> str:
    """`label_for("({a})", 3)` -> "(c)".

    Cached: a handful of patterns and small numbers recur in every bill, and
    renderers number hundreds of thousands of bills in a benchmark run.
    """
    return _COUNTER.sub(lambda m: counter(m.group(1), n), pattern)


def ref_label(label: str) -> str:
    """The form a label takes inside a cross-reference: "(c)" stays, "3." -> "3"."""
    return label[:-1] if label.endswith(".") else label


@dataclass(frozen=True, slots=True)
class Numbered:
    """Where a node sits: its printed label, its depth, its chain of labels."""

    label: str
    level: int
    path: tuple[str, ...]
    #: The level of each label in `path` (a lone, unlabelled node leaves a gap).
    levels: tuple[int, ...] = ()


def number(body: Sequence[Node], style: Style) -> dict[str, Numbered]:
    """Assign labels to every node from the style's ladder.

    A lone child gets no label (drafting convention: no (a) without a (b)).
    """
    out: dict[str, Numbered] = {}

    def walk(
        nodes: Sequence[Node], level: int, path: tuple[str, ...], levels: tuple[int, ...]
    ) -> None:
        pattern = style.ladder[min(level, len(style.ladder) - 1)]
        lone = len(nodes) == 1
        for i, node in enumerate(nodes, start=1):
            label = "" if lone else label_for(pattern, i)
            if label:
                here, here_levels = (*path, label), (*levels, level)
            else:
                here, here_levels = path, levels
            out[node.key] = Numbered(label, level, here, here_levels)
            walk(node.children, level + 1, here, here_levels)

    walk(body, 0, (), ())
    return out


_REF = re.compile(r"\{ref:([a-z0-9_.]+)\}")


def resolve_refs(text: str, labels: dict[str, Numbered], style: Style) -> str:
    """Replace `{ref:KEY}` markers with "subsection (e)" in the style's words."""

    def sub(match: re.Match[str]) -> str:
        key = match.group(1)
        where = labels.get(key)
        if where is None:
            raise KeyError(f"cross-reference to unknown provision {key!r}")
        if not where.path:
            return "this section"
        names = style.level_names
        # A lone node has no label, so path positions and levels can differ.
        levels = where.levels or tuple(range(len(where.path)))
        if style.ref_joined:
            # "subsection (a)(2)": the chain is named by its outermost level.
            name = names[min(levels[0], len(names) - 1)]
            return f"{name} {''.join(ref_label(p) for p in where.path)}{style.ref_suffix}"
        parts = [
            f"{names[min(level, len(names) - 1)]} {ref_label(label)}"
            for level, label in zip(levels, where.path, strict=True)
        ]
        return " of ".join(reversed(parts)) + style.ref_suffix

    return _REF.sub(sub, text)


def reference_words(bill: Bill) -> Callable[[str], str | None]:
    """Each provision key's words as `bill` cites it ("subsection (f)"), None if absent."""
    labels: dict[str, Numbered] = {}
    for section in bill.sections:
        if section.statute is not None:
            labels.update(number(section.statute.body, bill.style))

    def words(key: str) -> str | None:
        if key not in labels:
            return None
        return resolve_refs(f"{{ref:{key}}}", labels, bill.style)

    return words


def refs_in(text: str) -> list[str]:
    return _REF.findall(text)


def walk(nodes: Sequence[Node]) -> Iterator[Node]:
    """Every node, depth first, in reading order."""
    for node in nodes:
        yield node
        yield from walk(node.children)
