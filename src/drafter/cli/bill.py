"""The bill a draft describes: `build` writes it, `redline` marks it against today's law."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from drafter.cli._output import emit
from drafter.cli._shared import Subparsers, add_output_file, or_list, rubric_of
from drafter.errors import UserError
from drafter.output import refuse_existing
from drafter.render import BILL_FORMATS, REDLINE_FORMATS
from drafter.statute_kinds import STATUTE_ENDINGS

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
    add_output_file(p, BILL_FORMATS.extensions_text())
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
        help="current statute text vs the draft's, provision by provision, in the state's style",
        description=(
            "Compare the current statute's text with what the draft makes of it, provision "
            "by provision: each provision kept, replaced at the clause that carries a changed "
            "category, struck, or inserted (never a word diff across unrelated provisions), "
            "new and omitted matter marked in the jurisdiction's convention (Missouri: new "
            "bold, omitted in bold brackets; Texas: underlined, bracketed and struck). "
            "Markdown, Word, or plain text."
        ),
    )
    p.add_argument("old", metavar="OLD", help=f"the current statute ({STATUTE_ENDINGS})")
    p.add_argument("file", metavar="DRAFT", help="a draft file (YAML)")
    add_output_file(p, REDLINE_FORMATS.extensions_text())
    names = REDLINE_FORMATS.names
    p.add_argument("--format", metavar="FMT", choices=names, help=or_list(names))
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument("--language", metavar="DIR", help="a model language folder to use instead")
    p.set_defaults(handler=cmd_redline)


def _bill(args: argparse.Namespace, draft: Draft, rubric: Rubric) -> Bill:
    """The draft's bill; a problem with no file of its own is the draft's."""
    from drafter.assembly import build_bill
    from drafter.language import load_language

    try:
        return build_bill(draft, rubric, load_language(args.language))
    except UserError as exc:
        if exc.where is None:
            exc = UserError(args.file, exc.message)
        raise exc from None


def cmd_build(args: argparse.Namespace) -> int:
    from drafter.draft import load_draft
    from drafter.render import check_note, render_bill
    from drafter.render.standing import summary

    rubric = rubric_of(args)
    draft = load_draft(args.file, rubric)
    fmt = BILL_FORMATS.resolve(args.output, args.format)
    check_note(fmt.name, args.note)
    refuse_existing(args.output, args.force)
    bill = _bill(args, draft, rubric)
    for warning in bill.warnings:
        print(f"drafter: warning: {args.file}: {warning.text}", file=sys.stderr)
    detail = summary(bill.score) if bill.score is not None else ""
    emit(render_bill(bill, fmt.name, args.note), args.output, fmt.name, args.force, detail)
    return 0


def cmd_redline(args: argparse.Namespace) -> int:
    from drafter.amend.bill import build_amending_bill
    from drafter.draft import load_draft
    from drafter.language import load_language
    from drafter.reader import read_statute
    from drafter.redline import aligned

    rubric = rubric_of(args)
    fmt = REDLINE_FORMATS.resolve(args.output, args.format)
    refuse_existing(args.output, args.force)
    old = read_statute(args.old)
    draft = load_draft(args.file, rubric)
    try:
        ab = build_amending_bill(old, draft, rubric, load_language(args.language))
    except UserError as exc:
        raise (UserError(args.old, exc.message) if exc.where is None else exc) from None
    emit(fmt.render(aligned(ab)), args.output, fmt.name, args.force)
    return 0
