"""Reading a statute's text from a file: .txt, .md, .docx, .html, or standard input."""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.errors import UserError
from drafter.statute_kinds import HTML_SUFFIXES
from drafter.yamlio import MAX_FILE_BYTES, decode_text, read_bounded, read_text

#: A saved web page carries its markup, scripts and styles: far more than its text.
MAX_HTML_BYTES = 8 * 1024 * 1024
#: A .docx is a zip; its text is far smaller. Refuse larger files before opening.
MAX_DOCX_BYTES = 10 * 1024 * 1024
#: The document part's uncompressed size limit (guards against zip bombs).
MAX_DOCX_XML_BYTES = 40 * 1024 * 1024


def is_html(path: str | Path) -> bool:
    """Whether the statute at `path` is read from a web page's text."""
    return str(path) != "-" and Path(path).suffix.casefold() in HTML_SUFFIXES


def read_statute(path: str | Path) -> str:
    """A statute's text from a .txt/.md/.docx/.html file, or "-" for standard input.

    Of a web page, the text a browser shows: offsets into what is returned are
    not offsets into the HTML."""
    if str(path) == "-":
        raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise UserError("<stdin>", f"statute text is over the {MAX_FILE_BYTES:,}-byte limit")
        return _not_empty(decode_text(raw, "<stdin>", "statute text"), "<stdin>")
    p = Path(path)
    suffix = p.suffix.casefold()
    if suffix == ".docx":
        return _not_empty(read_docx_text(p), path)
    if suffix in HTML_SUFFIXES:
        from drafter.reader.htmltext import decode_html, html_text

        page = decode_html(read_bounded(p, "web page", MAX_HTML_BYTES), str(path))
        return html_text(page, str(path))
    if suffix in (".doc", ".pdf", ".rtf", ".odt", ".pages"):
        raise UserError(
            path,
            f"cannot read {suffix} files; save the statute as .docx, .html, .txt or .md "
            "(or paste its text into a .txt file)",
        )
    return _not_empty(read_text(p, "statute text file"), path)


#: All the parts of a .docx together, uncompressed: python-docx opens every one.
MAX_DOCX_TOTAL_BYTES = 60 * 1024 * 1024
#: A part that grows more than this many times when uncompressed is a zip bomb,
#: not a document (Word's XML compresses perhaps 10:1).
MAX_DOCX_RATIO = 200


def check_docx_parts(parts: list, path: str | Path) -> None:  # list[zipfile.ZipInfo]
    """Refuse a .docx whose parts are encrypted, oddly compressed, or a zip bomb."""
    import zipfile

    total = 0
    for part in parts:
        if part.flag_bits & 0x1:
            raise UserError(
                path, "this Word file is encrypted; remove the password and save it again"
            )
        if part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UserError(
                path,
                f"a part of this Word file uses compression method {part.compress_type}, "
                "which Word does not write; open and re-save it in Word",
            )
        total += part.file_size
        ratio = part.file_size / max(part.compress_size, 1)
        if total > MAX_DOCX_TOTAL_BYTES or (part.file_size > 1_000_000 and ratio > MAX_DOCX_RATIO):
            raise UserError(path, "this Word file unpacks to far more than a statute; refused")


def _not_empty(text: str, where: str | Path) -> str:
    if not text.strip():
        raise UserError(where, "is empty; give a file that holds the statute's text")
    return text


def read_docx_text(path: str | Path) -> str:
    """The text of a Word document, one line per paragraph (tables included)."""
    import io
    import zipfile

    raw = read_bounded(path, "statute file", MAX_DOCX_BYTES)
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UserError(
            path,
            "is a password-protected Word file or an old .doc file; remove the password "
            "and save it as .docx, or save the statute as .txt",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            parts = zf.infolist()
            info = zf.getinfo("word/document.xml")
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UserError(
            path, "is not a Word .docx file; save the statute as .docx or .txt"
        ) from None
    except KeyError:
        raise UserError(
            path, "is a zip file but not a Word document (no word/document.xml)"
        ) from None
    check_docx_parts(parts, path)
    if info.file_size > MAX_DOCX_XML_BYTES:
        raise UserError(path, "the Word document's text part is too large to read safely")
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile) as exc:
        # A damaged package: missing parts, wrong content types, broken XML.
        raise UserError(path, f"cannot read this Word file ({type(exc).__name__})") from None
    body = document.element.body
    if body is None:
        raise UserError(path, "this Word file has no document body; open and re-save it in Word")
    lines = [
        Paragraph(element, document).text  # type: ignore[arg-type]
        for element in body.iter(qn("w:p"))
    ]
    return "\n".join(lines).strip("\n") + "\n"
