"""Renderers: one Bill tree to text, Markdown, Word, Akoma Ntoso XML and JSON.

Each format lives in its own module and is imported only when used, so the
score path never loads python-docx or lxml. Every export names the rubric the
bill was scored against, outside the statute text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from drafter.bill import Bill
from drafter.errors import UserError

if TYPE_CHECKING:
    from drafter.render.note import NoteLevel


class Format(NamedTuple):
    render: Callable[[Bill], str | bytes]
    #: True when the renderer returns bytes (write the file in binary mode).
    binary: bool
    extension: str
    description: str
    #: The renderer's drafter note when none is asked for, or None when the
    #: format takes no choice of note (`--note`; render/note.py).
    note: NoteLevel | None = None


def _txt(bill: Bill, note: NoteLevel = "short") -> str:
    from drafter.render.text import render_text

    return render_text(bill, note=note)


def _md(bill: Bill, note: NoteLevel = "short") -> str:
    from drafter.render.markdown import render_markdown

    return render_markdown(bill, note=note)


def _docx(bill: Bill, note: NoteLevel = "none") -> bytes:
    from drafter.render.docx import render_docx

    return render_docx(bill, note=note)


def _xml(bill: Bill) -> bytes:
    from drafter.render.akn import render_akn

    return render_akn(bill)


def _json(bill: Bill) -> str:
    from drafter.render.json_tree import render_json

    return render_json(bill)


def _annotated_md(bill: Bill) -> str:
    from drafter.render.annotated import render_annotated_markdown

    return render_annotated_markdown(bill)


def _annotated_docx(bill: Bill) -> bytes:
    from drafter.render.annotated import render_annotated_docx

    return render_annotated_docx(bill)


FORMATS: dict[str, Format] = {
    "txt": Format(_txt, False, ".txt", "plain text, wrapped at 72 columns", "short"),
    "md": Format(_md, False, ".md", "Markdown", "short"),
    "docx": Format(_docx, True, ".docx", "Word, with line numbers", "none"),
    "xml": Format(_xml, True, ".xml", "Akoma Ntoso 3.0 XML"),
    "json": Format(_json, False, ".json", "the bill tree as JSON"),
    "annotated.md": Format(
        _annotated_md, False, ".annotated.md", "committee-file companion, Markdown"
    ),
    "annotated.docx": Format(
        _annotated_docx, True, ".annotated.docx", "committee-file companion, Word"
    ),
}

# Other spellings of an extension people use for the same format.
_EXTENSIONS: dict[str, str] = {
    ".annotated.md": "annotated.md",
    ".annotated.markdown": "annotated.md",
    ".annotated.docx": "annotated.docx",
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".xml": "xml",
    ".akn": "xml",
    ".json": "json",
}


def format_for_path(path: str | Path) -> str:
    """The format a file name asks for, from its (possibly double) extension."""
    name = Path(path).name.casefold()
    # Longest first, so "bill.annotated.md" is the companion, not plain Markdown.
    for ext in sorted(_EXTENSIONS, key=len, reverse=True):
        if name.endswith(ext) and len(name) > len(ext):
            return _EXTENSIONS[ext]
    known = ", ".join(f"{f.extension} ({f.description})" for f in FORMATS.values())
    raise UserError(path, f"cannot tell the export format from this name; end it in {known}")


def note_formats() -> tuple[str, ...]:
    """The formats that take a choice of drafter note."""
    return tuple(name for name, spec in FORMATS.items() if spec.note is not None)


def _spec(fmt: str) -> Format:
    spec = FORMATS.get(fmt)
    if spec is None:
        raise UserError(None, f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return spec


def check_note(fmt: str, note: str | None) -> None:
    """Refuse a note choice for a format that takes none (before any work is done)."""
    if note is not None and _spec(fmt).note is None:
        raise UserError(
            None,
            f"--note applies to {', '.join(note_formats())}; the {fmt} format "
            "has a fixed note (leave --note out)",
        )


def render(bill: Bill, fmt: str, note: str | None = None) -> str | bytes:
    """Render `bill` in format `fmt` (a key of FORMATS), with the drafter note asked for."""
    from drafter.render.note import note_level

    check_note(fmt, note)
    spec = _spec(fmt)
    if spec.note is None:
        return spec.render(bill)
    return spec.render(bill, note_level(note, spec.note))  # type: ignore[call-arg]


__all__ = ["FORMATS", "Format", "check_note", "format_for_path", "note_formats", "render"]
