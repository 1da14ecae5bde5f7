"""Writing a command's document: to stdout for `-` (or no -o), else atomically to a file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.cli._shared import note_wrote, refuse_overwrite, write
from drafter.errors import UserError

if TYPE_CHECKING:
    from drafter.draft import Draft
    from drafter.rubric import Rubric

_SUFFIXES = {".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt", ".docx": "docx"}


def output_format(output: str | None, fmt: str | None, allowed: tuple[str, ...]) -> str:
    """The format --format names, else the one OUT's extension says (txt for stdout)."""
    if fmt:
        return fmt
    if output in (None, "-"):
        return "txt"
    found = _SUFFIXES.get(Path(output).suffix.casefold())
    if found is None or found not in allowed:
        ends = " ".join(f".{a}" for a in allowed)
        raise UserError(
            output, f"cannot tell the format from this name; end it in {ends} or give --format"
        )
    return found


def emit(data: str | bytes, output: str | None, fmt: str, force: bool) -> None:
    from drafter.yamlio import atomic_write

    if output in (None, "-"):
        if isinstance(data, bytes):
            raise UserError(None, f"{fmt} is a binary format; write it to a file with -o FILE")
        write(data)
        return
    refuse_overwrite(output, force)
    atomic_write(output, data, overwrite=force)
    note_wrote(output, fmt)


def save_draft(draft: Draft, path: str, rubric: Rubric, force: bool) -> None:
    from drafter.draft import draft_to_yaml
    from drafter.yamlio import atomic_write

    refuse_overwrite(path, force)
    atomic_write(path, draft_to_yaml(draft, rubric), overwrite=force)
    note_wrote(path)
