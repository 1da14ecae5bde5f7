"""The bill a draft describes: `build` writes it, `redline` marks it against today's law."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from drafter.cli._output import emit, output_format
from drafter.cli._shared import Subparsers, note_wrote, refuse_overwrite, rubric_of
from drafter.errors import UserError

if TYPE_CHECKING:
    from drafter.bill import Bill
    from drafter.draft import Draft
    from drafter.rubric import Rubric


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "build",
        parents=[common],
        help="assemble a draft's bill and write it out",
        description=(
            "Assemble the bill a draft describes and write it as text, Markdown, Word, "
            "Akoma Ntoso XML, JSON, or an annotated companion for the committee file."
        ),
    )
    p.add_argument("file", metavar="DRAFT", help="a draft file (YAML)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="where to write (.txt .md .docx .xml .json .annotated.md .annotated.docx); "
        "- for stdout",
    )
    p.add_argument("--format", metavar="FMT", help="the format, when the extension does not say")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument("--language", metavar="DIR", help="a model language folder to use instead")
    p.add_argument(
        "--note",
        choices=("none", "short", "full"),
        help="the drafter note after the bill: none (for introduction), short (the score and "
        "what is still to settle) or full (also the points per category); default short "
        "for .txt and .md, none for .docx",
    )
    p.set_defaults(handler=cmd_build)

    p = sub.add_parser(
        "redline",
        parents=[common],
        help="current statute text vs the draft's bill, word by word, in the state's style",
        description=(
            "Compare the current statute's text with the section the draft would enact, word "
            "by word, and mark new and omitted matter in the jurisdiction's convention "
            "(Missouri: new bold, omitted in bold brackets; Texas: underlined, bracketed and "
            "struck). Markdown, Word, or plain text."
        ),
    )
    p.add_argument("old", metavar="OLD", help="the current statute (.txt .md .docx)")
    p.add_argument("file", metavar="DRAFT", help="a draft file (YAML)")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="where to write (.md .txt .docx); - for stdout",
    )
    p.add_argument("--format", metavar="FMT", choices=("md", "txt", "docx"), help="md, txt or docx")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument("--language", metavar="DIR", help="a model language folder to use instead")
    p.set_defaults(handler=cmd_redline)


def _bill(args: argparse.Namespace, draft: Draft, rubric: Rubric) -> Bill:
    """The draft's bill; a problem with no file of its own is the draft's."""
    from drafter.export import build_bill
    from drafter.language import load_language

    try:
        return build_bill(draft, rubric, load_language(args.language))
    except UserError as exc:
        if exc.where is None:
            exc = UserError(args.file, exc.message)
        raise exc from None


def cmd_build(args: argparse.Namespace) -> int:
    from drafter.draft import load_draft
    from drafter.export import export_to, resolve_format
    from drafter.render import check_note

    rubric = rubric_of(args)
    draft = load_draft(args.file, rubric)
    fmt = resolve_format(args.output, args.format)
    check_note(fmt, args.note)
    refuse_overwrite(args.output, args.force)
    bill = _bill(args, draft, rubric)
    for warning in bill.warnings:
        print(f"drafter: warning: {args.file}: {warning}", file=sys.stderr)
    export_to(bill, args.output, fmt, force=args.force, note=args.note)
    if args.output != "-":
        note_wrote(args.output, f"{fmt}; {bill.score_summary}")
    return 0


def cmd_redline(args: argparse.Namespace) -> int:
    from drafter.draft import load_draft
    from drafter.reader import read_statute
    from drafter.redline import redline, render_redline

    rubric = rubric_of(args)
    fmt = output_format(args.output, args.format, ("md", "txt", "docx"))
    refuse_overwrite(args.output, args.force)
    old = read_statute(args.old)
    draft = load_draft(args.file, rubric)
    red = redline(old, _bill(args, draft, rubric))
    emit(render_redline(red, fmt), args.output, fmt, args.force)
    return 0
