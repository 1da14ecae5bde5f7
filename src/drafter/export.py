"""Building and writing a bill: one path shared by the CLI and the app."""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.bill import Bill
from drafter.draft import Draft
from drafter.errors import UserError
from drafter.language import Language
from drafter.rubric import Rubric
from drafter.yamlio import atomic_write


def build_bill(draft: Draft, rubric: Rubric, language: Language) -> Bill:
    """Assemble a draft's bill in its jurisdiction's form (generic when it has none)."""
    from dataclasses import replace

    from drafter.assembly import assemble
    from drafter.jurisdiction import profile_for

    profile, note = profile_for(draft.jurisdiction)
    bill = assemble(draft, rubric, language, profile)
    if note is not None:
        bill = replace(bill, warnings=(note, *bill.warnings))
    return bill


def resolve_format(path: str | Path, fmt: str | None) -> str:
    """The format named by --format, else by the file's extension."""
    from drafter.render import FORMATS, format_for_path

    if fmt is not None:
        if fmt not in FORMATS:
            raise UserError(None, f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    if str(path) == "-":
        return "txt"
    found = format_for_path(path)
    if found is None:
        raise UserError(
            path,
            "cannot tell the format from this extension; use .txt .md .docx .xml .json "
            "(or .annotated.md / .annotated.docx), or give --format",
        )
    return found


def render_bill(bill: Bill, fmt: str, note: str | None = None) -> str | bytes:
    from drafter.render import render

    return render(bill, fmt, note)


def export_to(
    bill: Bill,
    path: str | Path,
    fmt: str | None = None,
    force: bool = False,
    note: str | None = None,
) -> str:
    """Render and write atomically; refuses to overwrite unless `force`. Returns the format.

    `note` is the drafter note (none, short, full); None gives the format's default.
    """
    fmt = resolve_format(path, fmt)
    target = Path(path)
    if str(path) != "-" and target.exists() and not force:
        raise UserError(path, "already exists; use --force to overwrite it")
    data = render_bill(bill, fmt, note)
    if str(path) == "-":
        if isinstance(data, bytes):
            raise UserError(None, f"{fmt} is a binary format; write it to a file with -o FILE")
        sys.stdout.write(data)
        return fmt
    atomic_write(target, data, overwrite=force)
    return fmt
