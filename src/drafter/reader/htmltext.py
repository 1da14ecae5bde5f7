"""The text of a statute saved as a web page (.html, .htm): what a browser shows, as lines.

Tags are dropped; scripts, styles and the page's head are left out; entities
are decoded; a block element (a paragraph, a heading, a list item, a table row,
a line break) ends a line, and a paragraph-like block leaves a blank line after
it, so provisions split as they do in a text file. Runs of whitespace inside a
block collapse to one space, as a browser shows them (not inside <pre>).
Offsets in a reading of the page are into this text, not into the HTML.
Standard library only (html.parser).
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from drafter.errors import UserError

#: Elements whose content is never shown as the page's text.
_HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object"}
)
#: Blocks after which a blank line stands (paragraphs, headings, whole lists and tables).
_PARAGRAPHS = frozenset(
    {
        *(f"h{n}" for n in range(1, 7)),
        "p",
        "blockquote",
        "pre",
        "section",
        "article",
        "table",
        "ul",
        "ol",
        "dl",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "figure",
        "form",
        "fieldset",
        "address",
        "center",
    }
)
#: Blocks that end a line.
_LINES = frozenset(
    {"br", "div", "li", "tr", "dd", "dt", "hr", "caption", "figcaption", "legend", "summary",
     "details", "body", "html", "tbody", "thead", "tfoot", "menu", "dir", "option"}
)  # fmt: skip
#: Cells of a row stand apart by a space.
_CELLS = frozenset({"td", "th"})
#: Elements that never have an end tag: they open nothing to hide.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
# HTML's own whitespace (not every Unicode space: a no-break space is text), and &nbsp;.
_SPACE = re.compile(r"[ \t\n\r\f\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")
# A declared character set in the first bytes: <meta charset="..."> or http-equiv's content.
_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
#: What browsers read these labels as (the WHATWG encoding standard).
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252"}  # fmt: skip


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # depth inside hidden elements
        self.pre = 0  # depth inside <pre>
        self.pending = 0  # line breaks owed before the next text (0, 1 or 2)
        self.space = False  # a space owed before the next text on this line
        self.started = False

    def _brk(self, n: int) -> None:
        self.pending = max(self.pending, n)
        self.space = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.hidden = 0  # a head never closed ends where the body opens
        if tag in _HIDDEN and tag not in _VOID:
            self.hidden += 1
            return
        self._open_or_close(tag)
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN:
            self._open_or_close(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and tag not in _VOID:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        self._open_or_close(tag)

    def _open_or_close(self, tag: str) -> None:
        if self.hidden:
            return
        if tag in _PARAGRAPHS:
            self._brk(2)
        elif tag in _LINES:
            self._brk(1)
        elif tag in _CELLS:
            self.space = True

    def handle_data(self, data: str) -> None:
        if self.hidden or not data:
            return
        if self.pre:
            self._emit(data.replace("\r\n", "\n").replace("\r", "\n"))
            return
        text = _SPACE.sub(" ", data)
        if text.startswith(" "):
            self.space = True
            text = text[1:]
        if not text:
            return
        trailing = text.endswith(" ")
        self._emit(text.rstrip(" "))
        self.space = trailing

    def _emit(self, text: str) -> None:
        if self.started and self.pending:
            self.parts.append("\n" * self.pending)
        elif self.started and self.space:
            self.parts.append(" ")
        self.pending = 0
        self.space = False
        self.parts.append(text)
        self.started = True


def html_text(page: str, where: str = "<html>") -> str:
    """The text a browser shows of `page`, one line per block (see the module)."""
    parser = _Text()
    try:
        parser.feed(page)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser gives up on a few malformed pages
        line = parser.getpos()[0]
        raise UserError(
            where, f"cannot read this HTML ({exc}); save the page as text", line
        ) from None
    lines = "".join(parser.parts).split("\n")
    text = _BLANKS.sub("\n\n", "\n".join(line.rstrip() for line in lines)).strip("\n")
    if not text.strip():
        raise UserError(where, "has no text outside its tags; give the page that holds the statute")
    return text + "\n"


def decode_html(raw: bytes, where: str) -> str:
    """An HTML file's bytes as text: by its byte-order mark, else the character
    set its <meta> declares, else UTF-8; refused with one line when that fails."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip
    encoding = next((enc for bom, enc in boms if raw.startswith(bom)), None)
    m = None
    if encoding is None:
        if b"\x00" in raw:
            raise UserError(where, "looks like a binary file, not a web page; save it as HTML")
        m = _CHARSET.search(raw[:4096])
        declared = m.group(1).decode("ascii").casefold() if m else "utf-8"
        try:
            encoding = codecs.lookup(_ALIASES.get(declared, declared)).name
        except LookupError:
            raise UserError(
                where, f"declares the character set {declared!r}, which is not known; "
                "save the page as UTF-8",
            ) from None  # fmt: skip
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        said = f"{encoding} text as it declares" if m is not None else "UTF-8 text"
        raise UserError(
            where,
            f"is not {said} (bad byte at offset {exc.start}); save the page as UTF-8",
            line,
        ) from None
