"""Markdown: the bill for a README, an issue, an email or a web page.

Labels stay literal (never Markdown list numbering, which would renumber them),
in bold; the enacting clause is in italics. Statute text is escaped so that
brackets, asterisks or angle brackets in it print as themselves.
"""

from __future__ import annotations

import re

from drafter.bill import Bill
from drafter.render.layout import Block, clean, layout
from drafter.render.note import NoteLevel, drafter_note

# Characters that can start inline markup anywhere in a line.
_INLINE = re.compile(r"([\\`*~<>|])")
# An underscore inside a word (TRAFFICKING_STATUTE) never makes emphasis, so only
# one at a word's edge is escaped; the raw Markdown stays readable.
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
# An ampersand only matters when it would read as an entity (&amp; &#38;).
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# "](" and "][" would close a link; "[" alone is harmless (e.g. [COURT]).
_LINK = re.compile(r"\](?=[(\[])")
# What makes a line a heading, quote, list item or rule at its start, and a
# link reference definition ("[x]: url"; a bare "[COURT] ..." is left alone).
_LINE_START = re.compile(r"^([#>+=-]|\[(?=[^\]]*\]:))")
_ORDERED = re.compile(r"^(\d+)([.)])")

#: Indent per subdivision level: non-breaking spaces, because leading spaces
#: would make a code block and nested lists would renumber the labels.
_NBSP_INDENT = "\u00a0" * 4


def escape_inline(text: str) -> str:
    """`text` as Markdown that renders as itself in the middle of a line."""
    text = clean(text)
    text = _INLINE.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LINK.sub(r"]\\", text)


def escape(text: str) -> str:
    """`text` as Markdown that renders as itself at the start of a paragraph."""
    text = _LINE_START.sub(r"\\\1", escape_inline(text))
    # "1. text" would start an ordered list; escape its dot, not the digit.
    return _ORDERED.sub(r"\1\\\2", text)


def _paragraph(block: Block) -> str:
    if block.kind == "title":
        return f"**{escape(block.text)}**"
    if block.kind == "enacting":
        return f"*{escape(block.text)}*"
    if block.kind == "bill_section":
        return f"**{escape_inline(block.label)}** {escape(block.text)}".rstrip()
    if block.kind == "heading":
        parts = [f"**{escape_inline(block.heading)}**"]
        if block.label:
            parts.append(f"**{escape_inline(block.label)}**")
        if block.text:
            parts.append(escape(block.text))
        return " ".join(parts)
    indent = _NBSP_INDENT * block.level
    if block.kind == "tail":
        return f"{indent}{escape(block.text)}"
    parts = []
    if block.label:
        parts.append(f"**{escape_inline(block.label)}**")
    if block.heading:
        parts.append(f"*{escape_inline(block.heading)}.*")
    if block.text:
        parts.append(escape(block.text))
    return indent + " ".join(parts)


def render_markdown(bill: Bill, note: NoteLevel = "short") -> str:
    """The bill as Markdown, then the drafter note (the rubric, scores, open items)."""
    paragraphs = [p for p in (_paragraph(b) for b in layout(bill)) if p.strip()]
    out = "\n\n".join(paragraphs)
    said = drafter_note(bill, note)
    if said is None:
        return out + "\n"
    parts = [f"*{escape(said.line)}*"]
    if said.points:
        parts.append("\n".join(f"- {escape(line)}" for line in said.points))
    if said.open_items:
        parts.append("**Still to settle before introduction:**")
        parts.append("\n".join(f"- {escape(w)}" for w in said.open_items))
    if said.notes:
        parts.append("**Drafter's notes:**")
        parts.append("\n".join(f"- {escape(n)}" for n in said.notes))
    return out + "\n\n---\n\n" + "\n\n".join(parts) + "\n"
