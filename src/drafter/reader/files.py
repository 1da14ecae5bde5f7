"""Reading a statute's text from a file: .txt, .md, .docx, or standard input."""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.errors import UserError
from drafter.yamlio import MAX_FILE_BYTES, decode_text, read_text

#: A .docx is a zip; its text is far smaller. Refuse larger files before opening.
MAX_DOCX_BYTES = 10 * 1024 * 1024
#: The document part's uncompressed size limit (guards against zip bombs).
MAX_DOCX_XML_BYTES = 40 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", "")


def read_statute(path: str | Path) -> str:
    """A statute's text from a .txt/.md/.docx file, or "-" for standard input."""
    if str(path) == "-":
        raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise UserError("<stdin>", f"statute text is over the {MAX_FILE_BYTES:,}-byte limit")
        return _not_empty(decode_text(raw, "<stdin>", "statute text"), "<stdin>")
    p = Path(path)
    suffix = p.suffix.casefold()
    if suffix == ".docx":
        return _not_empty(read_docx_text(p), path)
    if suffix in (".doc", ".pdf", ".rtf", ".odt", ".pages"):
        raise UserError(
            path,
            f"cannot read {suffix} files; save the statute as .docx, .txt or .md "
            "(or paste its text into a .txt file)",
        )
    return _not_empty(read_text(p, "statute text file"), path)


def _not_empty(text: str, where: str | Path) -> str:
    if not text.strip():
        raise UserError(where, "is empty; give a file that holds the statute's text")
    return text


def read_docx_text(path: str | Path) -> str:
    """The text of a Word document, one line per paragraph (tables included)."""
    import zipfile

    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise UserError(path, "no such statute file; check the path") from None
    except OSError as exc:
        raise UserError(path, f"cannot read this file: {exc.strerror}") from None
    if p.is_dir():
        raise UserError(path, "is a directory, not a statute file; give the path of a file")
    if size > MAX_DOCX_BYTES:
        raise UserError(
            path, f"Word file is {size:,} bytes, over the {MAX_DOCX_BYTES:,}-byte limit"
        )
    try:
        with zipfile.ZipFile(p) as zf:
            info = zf.getinfo("word/document.xml")
    except (zipfile.BadZipFile, OSError):
        raise UserError(
            path, "is not a Word .docx file; save the statute as .docx or .txt"
        ) from None
    except KeyError:
        raise UserError(
            path, "is a zip file but not a Word document (no word/document.xml)"
        ) from None
    if info.file_size > MAX_DOCX_XML_BYTES:
        raise UserError(path, "the Word document's text part is too large to read safely")
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(p))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile) as exc:
        # A damaged package: missing parts, wrong content types, broken XML.
        raise UserError(path, f"cannot read this Word file ({type(exc).__name__})") from None
    lines = [
        Paragraph(element, document).text  # type: ignore[arg-type]
        for element in document.element.body.iter(qn("w:p"))
    ]
    return "\n".join(lines).strip("\n") + "\n"
