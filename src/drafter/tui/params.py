"""Reading and showing parameter values as the user types them.

Pure functions, so the rules are tested without a terminal: a number is a
whole number; a list is one item per line (a comma is part of its item:
"robbery under Section 29.02, Penal Code" is one offense).
"""

from __future__ import annotations

import re
from typing import Any

#: Line ends as a text area or a paste may hold them; nothing else splits a list.
_LINES = re.compile(r"\r\n|\r|\n")


class ParamError(ValueError):
    """A typed value that cannot be used; the message says how to fix it."""


def parse_value(ptype: str, raw: str) -> Any:
    """The value to store for what the user typed (None for empty)."""
    text = raw.strip()
    if not text:
        return None
    if ptype == "number":
        if not re.fullmatch(r"\d+", text):
            raise ParamError("a whole number, like 30")
        return int(text)
    if ptype == "list":
        items = [item.strip() for item in _LINES.split(raw)]
        items = [item for item in items if item]
        return items or None
    return text


def format_value(ptype: str, value: Any) -> str:
    """What an input shows for a stored value."""
    if value is None:
        return ""
    if ptype == "list" and isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)
