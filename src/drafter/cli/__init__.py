"""The `drafter` command: the wizard with no arguments, headless subcommands otherwise.

Each command family is a module here with a `register(sub, common)` that adds its
parsers, each parser beside its handler. To add a command: write the module (see
scorecard.py), then list it in COMMANDS; its place there is its place in `--help`.

The headless path imports no textual: `drafter score` must start fast and work
where no terminal UI can.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from drafter import __version__
from drafter.cli import (
    advise,
    amend,
    app,
    atlas,
    bill,
    reading,
    room,
    scorecard,
    train,
    validate,
)
from drafter.cli._shared import Handler, common_parser
from drafter.errors import UserError, format_for_cli
from drafter.render.standing import NOT_LEGAL_ADVICE
from drafter.textsafe import visible_streams

#: The command modules, in the order `drafter --help` lists them.
COMMANDS: tuple[ModuleType, ...] = (
    scorecard,
    bill,
    amend,
    reading,
    advise,
    atlas,
    validate,
    train,
    app,
    room,
)

EXAMPLES = f"""\
examples:
  drafter                                          the wizard: start screen
  drafter open examples/best-practice.yaml         open a draft in the wizard
  drafter new --jurisdiction Missouri              a new draft in Missouri's style
  drafter score examples/missouri-2019.yaml        a scorecard: 0, cannot be ranked
  drafter score examples/best-practice.yaml --json the same, machine-readable
  drafter rank examples/*.yaml                     rank drafts by total
  drafter build examples/best-practice.yaml -o bill.docx   the bill, for Word
  drafter build examples/strong-b.yaml -o -        the bill as text, on stdout
  drafter atlas                                    today's law in every state, ranked
  drafter atlas Idaho                              one state's reading, with sources
  drafter validate                                 check rubric, language, profiles
  drafter train --text                             practise scoring provisions
  drafter rubric                                   the rubric as a table
  drafter score --rubric my-rubric.yaml DRAFT.yaml score against another rubric

Scores follow the 2019 Polaris / Survivor Reentry Project rubric. The letter-grade
cut-offs are drafter's default reading. {NOT_LEGAL_ADVICE}
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drafter",
        description=(
            "Draft criminal record relief statutes for survivors of human trafficking, "
            "scored on the 2019 Polaris / Survivor Reentry Project rubric."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = common_parser()
    for module in COMMANDS:
        module.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        args.rubric = None
        handler = app.cmd_start
    # Whatever reaches the terminal from here on (output, warnings, error
    # lines) shows control characters from user files as visible pictures.
    with visible_streams():
        try:
            return handler(args)
        except UserError as exc:
            print(format_for_cli(exc), file=sys.stderr)
            return 2
        except BrokenPipeError:
            # `drafter score ... | head` closing the pipe early is not an error.
            sys.stderr.close()
            return 0
        except KeyboardInterrupt:
            return 130
