"""Errors a user can cause, and how they are shown.

Only these become exit code 2 with a one-line message. Anything else is a bug
and keeps its traceback, so it gets reported and fixed.
"""

from __future__ import annotations

from pathlib import Path

from drafter.textsafe import visible


class UserError(Exception):
    """A problem with something the user gave us: a file, a flag, a value.

    `where` is the file (or other source) the problem is in, `line` the 1-based
    line when known, and `message` says what is wrong and how to fix it.
    """

    def __init__(self, where: str | Path | None, message: str, line: int | None = None) -> None:
        self.where = str(where) if where is not None else None
        self.line = line
        self.message = message
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """`FILE[:LINE]: message`, on one line whatever the message held."""
        text = visible(" ".join(self.message.split()))
        if self.where is None:
            return text
        where = visible(self.where).replace("\n", "\u2424").replace("\t", "\u2409")
        place = where if self.line is None else f"{where}:{self.line}"
        return f"{place}: {text}"

    def __str__(self) -> str:
        return self.one_line()


def format_for_cli(error: UserError) -> str:
    """The exact line the CLI prints on stderr."""
    return f"drafter: error: {error.one_line()}"
