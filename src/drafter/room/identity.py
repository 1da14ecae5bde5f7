"""Who is in a room: its two codes and the names trainees choose.

Codes are Crockford base32 (no I, L, O, U: easy to read off a projector),
compared in constant time. A name is the trainee's own choice: no personal
data is asked for; it is kept printable so it can be shown and exported as is.
"""

from __future__ import annotations

import hmac
import secrets
import unicodedata
from datetime import UTC, datetime
from typing import Literal

from drafter.errors import UserError

Role = Literal["facilitator", "trainee"]
#: Crockford base32 without look-alikes: easy to read off a projector.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
JOIN_LENGTH, FACILITATOR_LENGTH = 6, 12
MAX_NAME = 40


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_code(length: int) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normal_code(raw: str) -> str:
    """A code as typed (any case, spaces or dashes) in the form it is kept."""
    return "".join(ch for ch in raw.upper() if ch not in " -\t")


def shown_code(code: str) -> str:
    """`ABCD-EFGH-JKMN`: groups of four (the join code stays as it is)."""
    if len(code) <= JOIN_LENGTH:
        return code
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def same_code(a: str, b: str) -> bool:
    """Compare codes in constant time (no timing hint to a guesser)."""
    return hmac.compare_digest(a.encode(), b.encode())


def clean_name(raw: str) -> str:
    """A trainee's chosen name: spaces squashed, at most MAX_NAME, printable only."""
    name = " ".join(raw.split())
    if not name:
        raise UserError(None, "type a name to join with (any name: no personal data is needed)")
    if any(unicodedata.category(ch)[0] == "C" for ch in name):
        raise UserError(None, "a name may not hold control characters; type letters and digits")
    return name[:MAX_NAME].rstrip()


__all__ = [
    "ALPHABET",
    "FACILITATOR_LENGTH",
    "JOIN_LENGTH",
    "MAX_NAME",
    "Role",
    "clean_name",
    "new_code",
    "normal_code",
    "now",
    "same_code",
    "shown_code",
]
