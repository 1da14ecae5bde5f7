"""The layout every renderer shares: labels, headings, resolved text, the rubric note.

The Bill is walked once into a flat list of `Block`s (one per printed
paragraph) so the text, Markdown and Word renderers agree on every label and
every sentence; the tree-shaped exports (Akoma Ntoso, JSON) use the same
helpers on the tree itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from drafter.bill import Bill, Node, Numbered, StatuteSection, Style, number, resolve_refs
from drafter.render.standing import summary

BlockKind = Literal["title", "enacting", "bill_section", "heading", "node", "tail"]


@dataclass(frozen=True, slots=True)
class Block:
    """One printed paragraph of the bill.

    `heading` is a subdivision's own heading, or for kind "heading" the
    statute's heading line; `label` and `text` then hold the first subsection
    when the style puts it on that line (Missouri).
    """

    kind: BlockKind
    text: str
    level: int = 0
    label: str = ""
    heading: str = ""
    key: str = ""


def clean(text: str) -> str:
    """One line of text: runs of whitespace (newlines included) become one space."""
    return " ".join(text.split())


def letters(n: int) -> str:
    """Bill-section letters: A..Z, then AA, AB, ... (spreadsheet style)."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


def bill_section_label(style: Style, index: int) -> str:
    """The label of the `index`th (1-based) bill section: "Section A.", "§ 2."."""
    label = letters(index) if style.bill_section_labels == "letters" else str(index)
    pattern = style.bill_section_format
    if index > 1 and style.later_bill_section_format:
        pattern = style.later_bill_section_format
    return pattern.replace("{label}", label)


def statute_heading(style: Style, statute: StatuteSection) -> str:
    """The enacted section's first line: "610.132. Vacatur. —", "Art. 1.01. HEADING."."""
    # The pattern supplies the closing period; don't double one the user typed.
    heading = clean(statute.heading).removesuffix(".")
    if style.heading_caps:
        heading = heading.upper()
    # str.replace, not str.format: a brace in user text must not break the pattern.
    line = style.section_heading_format.replace("{number}", clean(statute.number))
    line = line.replace("{heading}", heading)
    if not heading:
        # No heading: drop the empty slot's punctuation ("Sec. 1. ." -> "Sec. 1.").
        line = re.sub(r"\s+[.:—-]+(?=\s|$)", "", line).strip()
    return line


def node_heading(style: Style, node: Node) -> str:
    """A subdivision's printed heading, or "" when the style prints none."""
    if not style.subdivision_headings or not node.heading:
        return ""
    return clean(node.heading).removesuffix(".")


def rubric_name(bill: Bill) -> str:
    """ "Title (id)", or whichever of the two the bill has."""
    if bill.rubric_id and bill.rubric_title:
        return f"{bill.rubric_title} ({bill.rubric_id})"
    return bill.rubric_title or bill.rubric_id or "an unnamed rubric"


def score_line(bill: Bill) -> str:
    """ "89 / 100, B", or "" for a bill that carries no score."""
    return clean(summary(bill.score)) if bill.score is not None else ""


def rubric_note(bill: Bill) -> str:
    """The line every export carries, outside the statute text."""
    score = f": {score_line(bill)}" if bill.score is not None else ""
    return f"Prepared with drafter; scored against {rubric_name(bill)}{score}."


class Numbering:
    """Labels and reference resolution for one bill (computed once per render)."""

    __slots__ = ("labels", "style")

    def __init__(self, bill: Bill) -> None:
        self.style = bill.style
        self.labels: dict[str, Numbered] = {}
        for section in bill.sections:
            if section.statute is not None:
                self.labels.update(number(section.statute.body, bill.style))

    def label(self, key: str) -> str:
        where = self.labels.get(key)
        return where.label if where is not None else ""

    def text(self, text: str) -> str:
        """Clean text with every `{ref:KEY}` resolved ("subsection (e)")."""
        if "{ref:" in text:
            text = resolve_refs(text, self.labels, self.style)
        return clean(text)


def statute_blocks(
    statute: StatuteSection, style: Style, numbering: Numbering, out: list[Block]
) -> None:
    """The statute heading line and every subdivision, in reading order."""
    body = statute.body
    head = statute_heading(style, statute)
    rest: Sequence[Node] = body
    if style.first_subsection_inline and body:
        first = body[0]
        out.append(
            Block(
                "heading",
                numbering.text(first.text),
                0,
                numbering.label(first.key),
                head,
                first.key,
            )
        )
        _node_children(first, 0, style, numbering, out)
        rest = body[1:]
    else:
        out.append(Block("heading", "", 0, "", head))
    for node in rest:
        _node_blocks(node, 0, style, numbering, out)


def _node_blocks(
    node: Node, level: int, style: Style, numbering: Numbering, out: list[Block]
) -> None:
    out.append(
        Block(
            "node",
            numbering.text(node.text),
            level,
            numbering.label(node.key),
            node_heading(style, node),
            node.key,
        )
    )
    _node_children(node, level, style, numbering, out)


def _node_children(
    node: Node, level: int, style: Style, numbering: Numbering, out: list[Block]
) -> None:
    for child in node.children:
        _node_blocks(child, level + 1, style, numbering, out)
    if node.tail:
        out.append(Block("tail", numbering.text(node.tail), level, "", "", node.key))


def layout(bill: Bill, numbering: Numbering | None = None) -> list[Block]:
    """The bill as printed paragraphs, title block to last bill section."""
    numbering = numbering or Numbering(bill)
    style = bill.style
    out: list[Block] = [Block("title", clean(line)) for line in bill.title if line.strip()]
    enacting = clean(bill.enacting_clause)
    if enacting:
        out.append(Block("enacting", enacting))
    for i, section in enumerate(bill.sections, start=1):
        out.append(
            Block(
                "bill_section",
                numbering.text(section.text),
                0,
                bill_section_label(style, i),
                "",
                section.key,
            )
        )
        if section.statute is not None:
            statute_blocks(section.statute, style, numbering, out)
    return out


def block_plain(block: Block) -> str:
    """A block as one line of plain text: heading, label, heading, text, space-joined.

    The Word export writes exactly this as each paragraph's text (with a tab
    after the label), so tests can compare formats paragraph by paragraph.
    """
    parts = [block.heading if block.kind == "heading" else "", block.label]
    if block.kind != "heading" and block.heading:
        parts.append(f"{block.heading}.")
    parts.append(block.text)
    return " ".join(p for p in parts if p)


# XML 1.0 allows tab, newline, carriage return and everything from U+0020 on,
# except surrogates and U+FFFE/U+FFFF. Anything else (a pasted form feed, say)
# would make lxml refuse the document, so it is dropped.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _XML_BAD.sub("", text)


def slug(text: str, fallback: str = "bill") -> str:
    """A URI-safe name: lower case letters, digits and hyphens."""
    out = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return out[:60].strip("-") or fallback
