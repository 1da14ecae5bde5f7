"""User text shown literally: control characters made visible, never obeyed.

A draft sent by someone else may hold ANSI escape sequences or other control
characters in its text fields. Printed raw, they would recolour or clear the
reader's terminal (or hide text in an export); shown as Unicode control
pictures ("␛[31m") they are plain, visible characters.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def visible(text: str) -> str:
    """`text` with every control character but tab and newline made visible."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_picture, text)
