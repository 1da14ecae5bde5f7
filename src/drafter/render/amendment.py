"""The amending bill as a document: text, Markdown, Word and Akoma Ntoso.

drafter.amend decides what changes; this module prints it in the state's
convention (Missouri: new matter bold, omitted matter in bold brackets; Texas:
underlined, and bracketed and struck; New York: underlined, and bracketed).
Plain text cannot show type, so it prints NEW MATTER IN CAPITALS and omitted
matter [in brackets], and says so at the top. The committee companion lists
each changed provision with its category, its tier before and after, and the
points.
"""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass

from drafter.amend.bill import AmendingBill
from drafter.amend.model import Piece, Restated, joined
from drafter.redline import Run
from drafter.render.layout import bill_section_label, clean, rubric_note, xml_safe
from drafter.render.redline import docx_run, legend, md_run
from drafter.render.standing import standing_text
from drafter.textsafe import visible

PLAIN_NOTE = (
    "This plain-text copy cannot show type styles: NEW MATTER IS PRINTED IN CAPITALS "
    "and matter to be omitted is printed [in brackets]."
)


@dataclass(frozen=True, slots=True)
class _Line:
    """One paragraph of the bill: kind, indent level, and its pieces."""

    kind: str  # title, enacting, bill_section, clause, heading, provision
    pieces: tuple[Piece, ...]
    level: int = 0


def _plain(text: str) -> tuple[Piece, ...]:
    return (Piece("equal", clean(text)),)


def lines(ab: AmendingBill) -> list[_Line]:
    """The bill in reading order."""
    frame = ab.frame
    out = [_Line("title", _plain(t)) for t in frame.title]
    out.append(_Line("enacting", _plain(frame.enacting_clause)))
    sections = [s for s in frame.sections if s.key != "enact"]
    for i, part in enumerate(ab.parts, start=1):
        label = bill_section_label(ab.style, i)
        out.append(_Line("bill_section", _plain(f"{label} {part.clause}")))
        restated = list(part.restated)
        if part.heading_line:
            first = restated[0] if restated and ab.style.first_subsection_inline else None
            if first is not None and first.path and len(first.path) == 1:
                out.append(_Line("provision", (Piece("equal", part.heading_line), *first.pieces)))
                restated = restated[1:]
            else:
                out.append(_Line("heading", _plain(part.heading_line)))
        for r in restated:
            out.append(_Line("provision", r.pieces, r.level))
    for i, section in enumerate(sections, start=len(ab.parts) + 1):
        out.append(
            _Line("bill_section", _plain(f"{bill_section_label(ab.style, i)} {section.text}"))
        )
    return out


def _runs(pieces: tuple[Piece, ...]) -> list[Run]:
    return [Run(p.kind, visible(p.text)) for p in pieces]


# --- text and Markdown --------------------------------------------------------------


#: A new label alone ("(c)" after the struck "[(d)]"): capitals would make it another label.
#: (A bare word is not a label: the article put back before a noun, "[such] A person".)
_LABEL_ONLY = re.compile(r"\([0-9a-z]{1,5}(?:-\d+)?\)|[0-9a-z]{1,5}(?:-\d+)?\.")


#: The labels a new provision opens with ("(e)", "(a-1)", "3."): kept as printed.
_LEADING_LABELS = re.compile(r"(?:\([0-9a-z]{1,5}(?:-\d+)?\))+\s|[0-9]{1,3}\.\s")


def _txt(piece: Piece) -> str:
    text = visible(piece.text)
    if piece.kind == "insert":
        if _LABEL_ONLY.fullmatch(text):
            return text
        # Capitals for the words, not the label: "(e) IN THIS SECTION", not "(E)".
        lead = _LEADING_LABELS.match(text)
        cut = lead.end() if lead else 0
        return text[:cut] + text[cut:].upper()
    if piece.kind == "delete":
        return f"[{text}]"
    return text


def amendment_text(ab: AmendingBill, width: int = 72) -> str:
    out = [*textwrap.wrap(PLAIN_NOTE, width, break_on_hyphens=False), ""]
    for line in lines(ab):
        pad = "    " * line.level
        text = joined(_txt(p) for p in line.pieces)
        out.extend(
            textwrap.wrap(
                text,
                width,
                initial_indent=pad,
                subsequent_indent=pad,
                break_on_hyphens=False,
                break_long_words=False,
            )
            or [""]
        )
        out.append("")
    out.append("-" * 40)
    for text in _notes(ab):
        out.extend(textwrap.wrap(text, width, break_on_hyphens=False))
    return "\n".join(out) + "\n"


def amendment_markdown(ab: AmendingBill) -> str:
    from drafter.render.markdown import escape

    nbsp = "\u00a0" * 4
    out = []
    for line in lines(ab):
        if line.kind == "title":
            out.append(f"**{escape(line.pieces[0].text)}**")
        elif line.kind == "enacting":
            out.append(f"*{escape(line.pieces[0].text)}*")
        else:
            runs = " ".join(md_run(r, ab.style) for r in _runs(line.pieces))
            out.append(nbsp * line.level + runs)
    out.append("---")
    out.extend(f"*{escape(t)}*" for t in _notes(ab))
    return "\n\n".join(out) + "\n"


def _notes(ab: AmendingBill, page_says: bool = False) -> list[str]:
    """The notes after the bill; `page_says`: the page prints the state's own
    explanation of its marks (Word), so the legend is not repeated."""
    out = [] if page_says else [legend(ab.style)]
    out.append(f"Amending clause: {ab.form_source}.")
    out.extend(f"Warning: {w.text}." for w in ab.warnings)
    out.append(rubric_note(ab.frame))
    return out


# --- Word ---------------------------------------------------------------------------


def amendment_docx(ab: AmendingBill, line_numbers: bool = True) -> bytes:
    from docx.shared import Inches, Pt

    from drafter.page import PageSpec
    from drafter.render import docx_styles as st
    from drafter.render.docx import new_document
    from drafter.render.docx_page import add_furniture, set_line_numbers, set_margins

    page = ab.frame.page or PageSpec()
    document = new_document(page)
    levels = max([len(ab.style.ladder)] + [r.level + 1 for r in ab.restated])
    st.add_bill_styles(document, page, ab.style, levels)
    props = document.core_properties
    props.title = xml_safe(
        f"Amending {ab.amendment.number or 'the section'}: {ab.frame.jurisdiction}"
    )[:255]
    props.author = "drafter"
    props.comments = xml_safe(rubric_note(ab.frame))[:255]
    for head in page.header_block:
        if head.center:
            document.add_paragraph(xml_safe(head.center), st.HEADER_CENTERED)
        else:
            document.add_paragraph(xml_safe(f"{head.left}\t{head.right}"), st.HEADER)
    for line in lines(ab):
        para = document.add_paragraph()
        para.paragraph_format.left_indent = Inches(0.5 * line.level)
        if line.kind in ("title", "enacting"):
            run = para.add_run(xml_safe(line.pieces[0].text))
            run.bold = line.kind == "title"
            run.italic = line.kind == "enacting"
            continue
        for i, r in enumerate(_runs(line.pieces)):
            lead = " " if i and r.text[:1] not in ",.;:)" else ""
            docx_run(para, Run(r.kind, xml_safe(r.text)), ab.style, lead)
    for text in _notes(ab, page_says=bool(page.explanation)):
        para = document.add_paragraph()
        run = para.add_run(xml_safe(text))
        run.italic = True
        run.font.size = Pt(10)
    set_margins(document, page)
    set_line_numbers(document, page.line_numbers if line_numbers else "none")
    add_furniture(document, page)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- the committee companion --------------------------------------------------------


def amendment_companion(ab: AmendingBill) -> str:
    """Each changed provision with its category, tier before and after, and points."""
    from drafter.render.markdown import escape

    out = [
        f"# What the bill changes in {escape(ab.amendment.number or 'the section')} "
        f"({escape(ab.frame.jurisdiction)})",
        f"Today's law as read: {standing_text(ab.before)}. With the bill: "
        + (standing_text(ab.frame.score) if ab.frame.score is not None else "not scored")
        + ".",
    ]
    if ab.today is not None:
        out.append(escape(ab.today.said()))
    rows = [
        "| Provision | Category | Today | Proposed | Points | How |",
        "|---|---|---|---|---|---|",
    ]
    for c in ab.amendment.changes:
        where = ", ".join(c.provisions) or "-"
        points = f"{c.old_points} → {c.new_points}" if c.category != "coverage" else "gate"
        rows.append(
            f"| {escape(where)} | {escape(c.title)} | {escape(c.old_label)} | "
            f"{escape(c.new_label)} | {points} | {c.action} |"
        )
    out.append("\n".join(rows))
    kept = [r.label.rstrip(".") for r in ab.amendment.provisions if not r.changed and r.path]
    if kept:
        out.append(f"Kept word for word: {escape(', '.join(kept))}.")
    out.extend(f"- {escape(w.text)}" for w in ab.warnings)
    out.append(f"*{escape(rubric_note(ab.frame))}*")
    return "\n\n".join(out) + "\n"


def restated_text(r: Restated) -> str:
    return joined(p.text for p in r.pieces if p.kind != "delete")
