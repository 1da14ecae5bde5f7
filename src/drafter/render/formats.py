"""Format registries: for each kind of document, the formats it can be written in.

One registry per document type (the bill, the scorecard, the redline) names
each format once: its extension and other spellings, what it is, whether it
is binary, and the function that renders it. Commands, the app's export dialog
and the help texts all read their lists from here, so a new format is one
entry. Renderers are imported only when used: the score path never loads
python-docx or lxml.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from drafter.errors import UserError

D = TypeVar("D")


@dataclass(frozen=True)
class Format(Generic[D]):
    name: str
    #: The file name ending, with its dot: ".docx", ".annotated.md".
    extension: str
    description: str
    #: The renderer: the document, and for a format with a `note`, the note level.
    render: Callable[..., str | bytes]
    #: True when the renderer returns bytes (it cannot go to stdout).
    binary: bool = False
    #: Other endings people use for the same format: ".markdown", ".akn".
    aliases: tuple[str, ...] = ()
    #: The drafter note it carries when none is asked for (render/note.py), or
    #: None when the format takes no choice of note.
    note: str | None = None

    @property
    def extensions(self) -> tuple[str, ...]:
        return (self.extension, *self.aliases)


class Formats(Generic[D]):
    """The formats one kind of document can be written in, in the order offered."""

    def __init__(self, document: str, formats: tuple[Format[D], ...], default: str) -> None:
        self.document = document
        self._formats = {f.name: f for f in formats}
        #: What `-` (stdout) gets when --format does not say.
        self.default = default
        assert default in self._formats

    def __iter__(self) -> Iterator[Format[D]]:
        return iter(self._formats.values())

    def __contains__(self, name: object) -> bool:
        return name in self._formats

    def __getitem__(self, name: str) -> Format[D]:
        return self._formats[name]

    def __len__(self) -> int:
        return len(self._formats)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._formats)

    def extensions_text(self) -> str:
        """`.txt .md .docx`: the main endings, for help texts and errors."""
        return " ".join(f.extension for f in self)

    def get(self, name: str) -> Format[D]:
        """The format called `name`, or a UserError listing the choices."""
        found = self._formats.get(name)
        if found is None:
            raise UserError(
                None, f"unknown format {name!r} for a {self.document}; choose one of {self}"
            )
        return found

    def for_path(self, path: str | Path) -> Format[D]:
        """The format a file name asks for, from its (possibly double) extension."""
        name = Path(path).name.casefold()
        endings = sorted(
            ((ext, f) for f in self for ext in f.extensions), key=lambda e: len(e[0]), reverse=True
        )
        # Longest first, so "bill.annotated.md" is the companion, not plain Markdown.
        for ext, fmt in endings:
            if name.endswith(ext) and len(name) > len(ext):
                return fmt
        known = ", ".join(f"{f.extension} ({f.description})" for f in self)
        raise UserError(
            path,
            f"cannot tell the format from this name; end it in {known}, or give --format",
        )

    def resolve(self, path: str | Path | None, name: str | None) -> Format[D]:
        """--format when given, else the default for stdout, else the file's extension."""
        if name is not None:
            return self.get(name)
        if path is None or str(path) == "-":
            return self[self.default]
        return self.for_path(path)

    def render(self, document: D, name: str) -> str | bytes:
        return self.get(name).render(document)

    def __str__(self) -> str:
        return ", ".join(self._formats)

    def __repr__(self) -> str:
        return f"Formats({self.document!r}, {self.names})"
