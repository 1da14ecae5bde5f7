"""Plain text: the bill as a drafting office would paste it, wrapped at a width.

Speed matters here: the benchmark assembles and renders every combination of
tiers (233,280 bills), so this renderer walks the tree directly (no Block
objects) and wraps with `str.rfind` per line rather than textwrap per word.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafter.bill import Bill, Node, Style
from drafter.render.layout import (
    Numbering,
    bill_section_label,
    clean,
    node_heading,
    statute_heading,
)
from drafter.render.note import NoteLevel, drafter_note

#: Spaces per subdivision level.
INDENT = 4
#: However deep the indent, leave at least this much room for words.
MIN_MEASURE = 24


def _wrap(out: list[str], text: str, first: str, rest: str, width: int) -> None:
    """Greedy wrap of one paragraph (already one line) with a hanging indent.

    A word longer than the line is kept whole (a citation or URL must not be
    split) and overflows.
    """
    prefix = first
    room = max(width - len(prefix), MIN_MEASURE)
    start = 0
    end = len(text)
    while end - start > room:
        cut = text.rfind(" ", start, start + room + 1)
        if cut <= start:
            cut = text.find(" ", start + room)
            if cut < 0:
                break
        out.append(prefix + text[start:cut])
        start = cut + 1
        prefix = rest
        room = max(width - len(prefix), MIN_MEASURE)
    out.append(prefix + text[start:])


def _labelled(
    out: list[str], label: str, heading: str, text: str, indent: str, width: int, hang: bool
) -> None:
    line = " ".join(p for p in (label, f"{heading}." if heading else "", text) if p)
    if not line:
        return
    rest = indent + " " * (len(label) + 1) if hang and label else indent
    _wrap(out, line, indent, rest, width)


def _nodes(
    out: list[str],
    nodes: Sequence[Node],
    level: int,
    style: Style,
    numbering: Numbering,
    width: int,
) -> None:
    indent = " " * (INDENT * level)
    for node in nodes:
        if level == 0:
            out.append("")
        _labelled(
            out,
            numbering.label(node.key),
            node_heading(style, node),
            numbering.text(node.text),
            indent,
            width,
            True,
        )
        if node.children:
            _nodes(out, node.children, level + 1, style, numbering, width)
        if node.tail:
            # The tail closes the node's own text, so it hangs with that text.
            label = numbering.label(node.key)
            hang = indent + " " * (len(label) + 1) if label else indent
            _wrap(out, numbering.text(node.tail), hang, hang, width)


def render_text(bill: Bill, width: int = 72, note: NoteLevel = "short") -> str:
    """The bill as plain text wrapped at `width`, with the drafter note after it."""
    style = bill.style
    numbering = Numbering(bill)
    out: list[str] = []
    for line in bill.title:
        line = clean(line)
        if line:
            _wrap(out, line, "", "", width)
    if bill.enacting_clause:
        out.append("")
        _wrap(out, clean(bill.enacting_clause), "", "", width)
    for i, section in enumerate(bill.sections, start=1):
        out.append("")
        _labelled(
            out, bill_section_label(style, i), "", numbering.text(section.text), "", width, False
        )
        statute = section.statute
        if statute is None:
            continue
        out.append("")
        head = statute_heading(style, statute)
        body = statute.body
        if style.first_subsection_inline and body:
            # Missouri: "610.132. Heading. — 1. As used in this section ..."
            first = body[0]
            parts = [p for p in (head, numbering.label(first.key), numbering.text(first.text)) if p]
            _wrap(out, " ".join(parts), "", "", width)
            if first.children:
                _nodes(out, first.children, 1, style, numbering, width)
            if first.tail:
                _wrap(out, numbering.text(first.tail), "", "", width)
            body = body[1:]
        else:
            _wrap(out, head, "", "", width)
        _nodes(out, body, 0, style, numbering, width)
    out.append("")
    said = drafter_note(bill, note)
    if said is not None:
        out.append("-" * min(width, 40))
        _wrap(out, said.line, "", "", width)
        for line in said.points:
            _wrap(out, line, "  ", "    ", width)
        if said.open_items:
            out.append("Still to settle before introduction:")
            for item in said.open_items:
                _wrap(out, item, "- ", "  ", width)
        if said.notes:
            out.append("Drafter's notes:")
            for item in said.notes:
                _wrap(out, item, "- ", "  ", width)
        out.append("")
    return "\n".join(out)
