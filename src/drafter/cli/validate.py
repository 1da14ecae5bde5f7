"""`validate`: the rubric, model language, profiles and any files given, checked."""

from __future__ import annotations

import argparse
import sys

from drafter.cli._shared import Subparsers, rubric_of, write
from drafter.errors import format_for_cli


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "validate",
        parents=[common],
        help="check the rubric, model language, jurisdictions and draft files",
        description=(
            "Check the shipped (or given) rubric, model language and jurisdiction profiles: "
            "every tier has language, every placeholder is declared, every cross-reference "
            "resolves, and every tier's signals read back from its own language only. "
            "Draft files given as arguments are checked too."
        ),
    )
    p.add_argument(
        "files",
        metavar="FILE",
        nargs="*",
        help="draft files, exercise sets or lessons files to check as well",
    )
    p.add_argument("--language", metavar="DIR", help="a model language folder to check")
    p.add_argument("--signals", metavar="PATH", help="a signals file to check")
    p.set_defaults(handler=cmd_validate)


def cmd_validate(args: argparse.Namespace) -> int:
    from drafter.checks import check_all
    from drafter.render.text import render_text

    rubric = rubric_of(args)
    problems, summary = check_all(
        rubric, args.language, args.signals, args.files, rubric_path=args.rubric, render=render_text
    )
    for problem in problems:
        print(format_for_cli(problem), file=sys.stderr)
    if problems:
        return 2
    write(summary)
    return 0
