"""A command's document, written through drafter.output (stdout for `-`, else atomically)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.cli._shared import note_wrote
from drafter.output import write_output

if TYPE_CHECKING:
    from drafter.draft import Draft
    from drafter.rubric import Rubric


def emit(data: str | bytes, output: str | None, fmt: str, force: bool, detail: str = "") -> None:
    """Write the document; say on stderr what was written when it went to a file."""
    if write_output(data, output, fmt=fmt, force=force):
        assert output is not None
        note_wrote(output, f"{fmt}; {detail}" if detail else fmt)


def save_draft(draft: Draft, path: str, rubric: Rubric, force: bool) -> None:
    from drafter.draft import draft_to_yaml

    if write_output(draft_to_yaml(draft, rubric), path, fmt="yaml", force=force):
        note_wrote(path)
