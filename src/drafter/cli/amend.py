"""`drafter amend SOURCE DRAFT`: the bill that amends today's section in place."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafter.cli._output import emit
from drafter.cli._shared import Subparsers, add_output_file, or_list, rubric_of
from drafter.errors import UserError
from drafter.output import refuse_existing
from drafter.render import AMEND_FORMATS
from drafter.statute_kinds import STATUTE_ENDINGS


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "amend",
        parents=[common],
        help="the bill that amends today's statute in place, in the state's form",
        description=(
            "Amend today's statute in place: keep each provision whose category the draft "
            "leaves as it is, strike and replace the clauses that carry a changed category, "
            "insert what the statute does not address (labelled so nothing is renumbered), "
            "and write the amending bill in the state's form (Missouri repeals and reenacts; "
            "Texas amends and adds subsections; New York amends paragraphs), new and omitted "
            "matter marked in its convention. SOURCE is the statute's text file, or a "
            "jurisdiction whose current text is in the shared atlas (../shared/atlas)."
        ),
    )
    p.add_argument(
        "source", metavar="SOURCE", help=f"today's statute ({STATUTE_ENDINGS}) or a state"
    )
    p.add_argument("file", metavar="DRAFT", help="a draft file (YAML)")
    add_output_file(p, AMEND_FORMATS.extensions_text())
    names = AMEND_FORMATS.names
    p.add_argument("--format", metavar="FMT", choices=names, help=or_list(names))
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    p.add_argument("--language", metavar="DIR", help="a model language folder to use instead")
    p.set_defaults(handler=cmd_amend)


def current_text(source: str) -> tuple[str, str, str | None]:
    """(text, where it came from, the jurisdiction SOURCE names, if it names one)."""
    from drafter.jurisdiction import load_profile
    from drafter.reader import read_statute

    if source == "-" or Path(source).is_file():
        return read_statute(source), source, None
    try:
        profile = load_profile(source)
    except UserError:
        raise UserError(
            source,
            "no such file, and not a jurisdiction; give the statute's text file "
            f"({STATUTE_ENDINGS}) or a state's name",
        ) from None
    from drafter.amend.source import atlas_text

    path = atlas_text(profile)
    if path is not None:
        return read_statute(path), str(path), profile.name
    raise UserError(
        source,
        f"no current text of {profile.name}'s statute here (drafter ships no statute texts): "
        "give the statute's text file as SOURCE",
    )


def cmd_amend(args: argparse.Namespace) -> int:
    from drafter.amend.bill import build_amending_bill
    from drafter.draft import load_draft
    from drafter.language import load_language
    from drafter.render.standing import summary

    rubric = rubric_of(args)
    fmt = AMEND_FORMATS.resolve(args.output, args.format)
    refuse_existing(args.output, args.force)
    draft = load_draft(args.file, rubric)
    text, where, named = current_text(args.source)
    if named and not draft.jurisdiction:
        draft = draft.model_copy(update={"jurisdiction": named})
    try:
        ab = build_amending_bill(text, draft, rubric, load_language(args.language))
    except UserError as exc:
        raise (UserError(where, exc.message) if exc.where is None else exc) from None
    for warning in ab.warnings:
        print(f"drafter: warning: {args.file}: {warning.text}", file=sys.stderr)
    detail = summary(ab.frame.score) if ab.frame.score is not None else ""
    emit(AMEND_FORMATS.get(fmt.name).render(ab), args.output, fmt.name, args.force, detail)
    return 0
