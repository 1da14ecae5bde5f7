"""A redline as a document: Markdown, plain text or Word, in the state's convention.

drafter.redline compares the texts; this module marks new and omitted matter
the way the jurisdiction's style says (bold, underlined, bracketed, struck).
"""

from __future__ import annotations

import io
import textwrap

from drafter.amend.model import joined
from drafter.bill import Style
from drafter.redline import Redline, Run
from drafter.textsafe import visible

# --- the convention, in words -------------------------------------------------------

_INSERTED_WORDS = {
    "bold": "in bold type",
    "underline": "underlined",
    "italic": "in italics",
    "underline_italic": "underlined and in italics",
    "bold_italic": "in bold italics",
    "capitals": "in CAPITALS",
}
_DELETED_WORDS = {
    "bracket_bold": "in bold brackets [thus]",
    "bracket_strike": "in brackets and struck through [thus]",
    "brackets": "in brackets [thus]",
    "strike": "struck through",
    "capitals_brackets": "in capitals in brackets [THUS]",
}


def legend(style: Style, plain: bool = False) -> str:
    new = _INSERTED_WORDS.get(style.inserted, style.inserted)
    old = _DELETED_WORDS.get(style.deleted, style.deleted)
    text = f"Explanation: matter {new} is new; matter {old} is current law to be omitted."
    if plain:
        text += (
            " This plain-text copy cannot show type styles: new matter is marked {+thus+} "
            "and omitted matter " + ("[-thus-]." if style.deleted == "strike" else "[thus].")
        )
    return text


# --- Markdown and text ----------------------------------------------------------------


def md_run(run: Run, style: Style) -> str:
    from drafter.render.markdown import escape_inline

    text = escape_inline(visible(_cased(run, style)))
    if run.kind == "insert":
        return {
            "bold": f"**{text}**",
            "underline": f"<u>{text}</u>",
            "italic": f"*{text}*",
            "underline_italic": f"<u>*{text}*</u>",
            "bold_italic": f"***{text}***",
            "capitals": text,
        }.get(style.inserted, f"**{text}**")
    if run.kind == "delete":
        return {
            "bracket_bold": f"**\\[{text}\\]**",
            "bracket_strike": f"\\[~~{text}~~\\]",
            "brackets": f"\\[{text}\\]",
            "strike": f"~~{text}~~",
            "capitals_brackets": f"\\[{text}\\]",
        }.get(style.deleted, f"\\[{text}\\]")
    return text


#: Conventions that mark matter by printing it in capitals (the letters are the mark).
_CAPITALS = {("insert", "capitals"), ("delete", "capitals_brackets")}


def _cased(run: Run, style: Style) -> str:
    mark = style.inserted if run.kind == "insert" else style.deleted
    return run.text.upper() if (run.kind, mark) in _CAPITALS else run.text


def _txt_run(run: Run, style: Style) -> str:
    text = visible(_cased(run, style))
    if run.kind == "insert":
        return "{+" + text + "+}"
    if run.kind == "delete":
        return f"[-{text}-]" if style.deleted == "strike" else f"[{text}]"
    return text


def redline_markdown(red: Redline) -> str:
    from drafter.render.markdown import escape

    nbsp = "\u00a0" * 4
    out = []
    for kind, line in red.before:
        if kind == "title":
            out.append(f"**{escape(line)}**")
        elif kind == "enacting":
            out.append(f"*{escape(line)}*")
        else:
            out.append(escape(line))
    for para in red.paragraphs:
        out.append(nbsp * para.level + joined(md_run(r, red.style) for r in para.runs))
    out.extend(escape(line) for line in red.after)
    out.append("---")
    out.append(f"*{escape(legend(red.style))}*")
    out.append(f"*{escape(red.note)}*")
    return "\n\n".join(out) + "\n"


def redline_text(red: Redline, width: int = 72) -> str:
    out: list[str] = []
    for _, line in red.before:
        out.extend(textwrap.wrap(line, width, break_on_hyphens=False) or [""])
        out.append("")
    for para in red.paragraphs:
        pad = "    " * para.level
        # (no space before a mark of punctuation after a struck run: "information],")
        line = joined(_txt_run(r, red.style) for r in para.runs)
        out.extend(
            textwrap.wrap(
                line,
                width,
                initial_indent=pad,
                subsequent_indent=pad,
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
        out.append("")
    for line in red.after:
        out.extend(textwrap.wrap(line, width, break_on_hyphens=False))
        out.append("")
    out.append("-" * 40)
    out.extend(textwrap.wrap(legend(red.style, plain=True), width, break_on_hyphens=False))
    out.extend(textwrap.wrap(red.note, width, break_on_hyphens=False))
    return "\n".join(out) + "\n"


# --- Word ------------------------------------------------------------------------------


def redline_docx(red: Redline) -> bytes:
    from docx.shared import Inches, Pt

    from drafter.render.docx import new_document
    from drafter.render.layout import xml_safe

    document = new_document()
    props = document.core_properties
    props.title = xml_safe(f"Redline: {red.jurisdiction}")[:255]
    props.author = "drafter"
    props.comments = xml_safe(red.note)[:255]
    for kind, line in red.before:
        para = document.add_paragraph()
        run = para.add_run(xml_safe(line))
        run.bold = kind == "title"
        run.italic = kind == "enacting"
    for p in red.paragraphs:
        para = document.add_paragraph()
        para.paragraph_format.left_indent = Inches(0.5 * p.level)
        for i, r in enumerate(p.runs):
            docx_run(para, r, red.style, lead=" " if i else "")
    for line in red.after:
        document.add_paragraph(xml_safe(line))
    for text in (legend(red.style), red.note):
        para = document.add_paragraph()
        run = para.add_run(xml_safe(text))
        run.italic = True
        run.font.size = Pt(10)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_run(paragraph, run: Run, style: Style, lead: str) -> None:  # type: ignore[no-untyped-def]
    from drafter.render.layout import xml_safe

    text = xml_safe(_cased(run, style))
    if lead:
        paragraph.add_run(lead)
    if run.kind == "equal":
        paragraph.add_run(text)
        return
    if run.kind == "insert":
        r = paragraph.add_run(text)
        r.bold = style.inserted in ("bold", "bold_italic")
        r.underline = style.inserted in ("underline", "underline_italic")
        r.italic = style.inserted in ("italic", "underline_italic", "bold_italic")
        return
    deleted = style.deleted
    if deleted == "strike":
        r = paragraph.add_run(text)
        r.font.strike = True
        return
    for piece in ("[", text, "]"):
        r = paragraph.add_run(piece)
        r.bold = deleted == "bracket_bold"
        if piece not in ("[", "]"):
            r.font.strike = deleted == "bracket_strike"


def render_redline(red: Redline, fmt: str) -> str | bytes:
    if fmt == "md":
        return redline_markdown(red)
    if fmt == "docx":
        return redline_docx(red)
    return redline_text(red)
