"""User text shown literally: control characters made visible, never obeyed.

A draft sent by someone else may hold ANSI escape sequences (colour, clear
screen, OSC 52 "write the clipboard", OSC 0 "retitle the window"), C1 controls
(U+009B is a one-character CSI) or bidi overrides (U+202E shows a line
reversed, so what a reader sees is not what the text says). Printed raw, they
would be obeyed by the reader's terminal or hide text in an export. drafter
never refuses such text; it makes it visible, the same way everywhere (app,
CLI output, error lines, bills):

- C0 controls and DEL become Unicode control pictures: ESC is "␛";
- C1 controls and bidi controls become "<U+XXXX>" (they have no picture).

Tab and newline are kept: they are layout, not commands.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

#: Bidi embeddings, overrides and isolates (the "Trojan Source" set) and the
#: invisible direction marks: each can make a line read other than it is.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}]")

#: Error lines quote at most this much of what the user gave.
QUOTE_CHARS = 60


def _replacement(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def _picture(match: re.Match[str]) -> str:
    return _replacement(match.group())


def visible(text: str) -> str:
    """`text` with every control character but tab and newline made visible."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_picture, text)


def first_unsafe(text: str) -> str | None:
    """A description of the first character `visible` would change, or None."""
    match = _UNSAFE.search(text)
    if match is None:
        return None
    char = match.group()
    kind = "bidi control" if char in BIDI else "control character"
    return f"{kind} U+{ord(char):04X} (shown as {_replacement(char)})"


def quoted(text: str, limit: int = QUOTE_CHARS) -> str:
    """`text` as an error line quotes it: visible, on one line, cut to `limit` chars."""
    flat = visible(" ".join(str(text).split()))
    if len(flat) > limit:
        flat = flat[: limit - 1] + "\u2026"
    return repr(flat)


def lookalike_hint(value: str, ids: list[str]) -> str:
    """ ", which has a non-ASCII letter (U+0430) where ... has an ASCII one" or "".

    A tier id typed with a Cyrillic "а" or a Greek "ο" looks right and never matches.
    """
    import unicodedata

    odd = [ch for ch in value if not ch.isascii()]
    if not odd:
        return ""
    folded = "".join(c for c in unicodedata.normalize("NFKD", value) if c.isascii())
    close = next((i for i in ids if len(i) == len(value) and _same_shape(value, i)), None)
    name = unicodedata.name(odd[0], "unnamed")
    where = f" where {close!r} has an ASCII one" if close else ""
    if not close and folded in ids:
        where = f" (did you mean {folded!r}?)"
    return f", which has the non-ASCII letter U+{ord(odd[0]):04X} {name}{where}"


def _same_shape(typed: str, known: str) -> bool:
    # Equal wherever the typed text is ASCII: the odd letters are the look-alikes.
    return all(a == b for a, b in zip(typed, known, strict=True) if a.isascii())


def replacement_table() -> dict[int, str]:
    """{code point: its visible form} for every character `visible` changes.

    The app installs it into the terminal toolkit, so every piece of text it
    draws goes through the same rule as the CLI's output.
    """
    codes = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
    codes += [ord(c) for c in BIDI]
    return {code: _replacement(chr(code)) for code in codes}


class VisibleStream:
    """A text stream that writes everything through `visible` (for stdout/stderr).

    A plain wrapper, not an io class: being collected must not close the real
    stream under it.
    """

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        self._inner.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self._inner.flush()

    def isatty(self) -> bool:
        return self._inner.isatty()

    def fileno(self) -> int:
        return self._inner.fileno()

    def close(self) -> None:
        # `drafter score | head`: the CLI closes stderr on a broken pipe.
        self._inner.close()

    def __getattr__(self, name: str) -> Any:
        # encoding, buffer (binary output goes straight through), errors, ...
        return getattr(self._inner, name)


@contextlib.contextmanager
def visible_streams() -> Iterator[None]:
    """While inside, whatever the CLI prints on stdout and stderr is made visible."""
    saved = sys.stdout, sys.stderr
    sys.stdout = VisibleStream(sys.stdout)  # type: ignore[assignment]
    sys.stderr = VisibleStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
