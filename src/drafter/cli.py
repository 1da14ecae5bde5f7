"""The `drafter` command: the wizard with no arguments, headless subcommands otherwise.

The headless path imports no textual: `drafter score` must start fast and work
where no terminal UI can.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from drafter import __version__
from drafter.errors import UserError, format_for_cli

EXAMPLES = """\
examples:
  drafter                                          the wizard: start screen
  drafter open examples/best-practice.yaml         open a draft in the wizard
  drafter new --jurisdiction Missouri              a new draft in Missouri's style
  drafter score examples/missouri-2019.yaml        a scorecard: 0, cannot be ranked
  drafter score examples/best-practice.yaml --json the same, machine-readable
  drafter rank examples/*.yaml                     rank drafts by total
  drafter rubric                                   the rubric as a table
  drafter score --rubric my-rubric.yaml DRAFT.yaml score against another rubric

Scores follow the 2019 Polaris / Survivor Reentry Project rubric. The letter-grade
cut-offs are drafter's default reading. drafter informs drafting; it is not legal advice.
"""

Handler = Callable[[argparse.Namespace], int]


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--rubric",
        metavar="PATH",
        help="score against this rubric file instead of the shipped polaris-2019",
    )
    return common


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
    common = _common()

    p = sub.add_parser(
        "score", parents=[common], help="print a draft's scorecard", description="Score a draft."
    )
    p.add_argument("file", metavar="FILE", help="a draft file (YAML)")
    p.add_argument("--json", action="store_true", help="print the scorecard as JSON")
    p.set_defaults(handler=cmd_score)

    p = sub.add_parser(
        "rank",
        parents=[common],
        help="rank drafts by total",
        description="Rank drafts by total; equal totals share a rank.",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="draft files")
    p.add_argument("--json", action="store_true", help="print the ranking as JSON")
    p.set_defaults(handler=cmd_rank)

    p = sub.add_parser(
        "new",
        parents=[common],
        help="open the wizard on a new draft",
        description="Open the wizard on a new draft.",
    )
    p.add_argument("--jurisdiction", metavar="NAME", help="a jurisdiction profile, e.g. Missouri")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser(
        "open",
        parents=[common],
        help="open a draft file in the wizard",
        description="Open a draft file in the wizard.",
    )
    p.add_argument("file", metavar="FILE", help="a draft file (YAML)")
    p.set_defaults(handler=cmd_open)

    p = sub.add_parser(
        "rubric", parents=[common], help="show the rubric", description="Show the rubric."
    )
    p.add_argument("--json", action="store_true", help="print the rubric as JSON")
    p.set_defaults(handler=cmd_rubric)
    return parser


def _rubric(args: argparse.Namespace):  # -> Rubric, imported lazily for startup
    from drafter.rubric import load_rubric

    return load_rubric(args.rubric)


def _write(text: str) -> None:
    sys.stdout.write(text)


def cmd_score(args: argparse.Namespace) -> int:
    from drafter.draft import load_draft
    from drafter.report import card_json, card_text, dumps
    from drafter.scoring import score

    rubric = _rubric(args)
    card = score(rubric, load_draft(args.file, rubric))
    _write(dumps(card_json(card, rubric)) if args.json else card_text(card, rubric))
    return 0


def cmd_rank(args: argparse.Namespace) -> int:
    from drafter.draft import load_draft
    from drafter.report import dumps, ranking_json, ranking_text
    from drafter.scoring import rank, score

    rubric = _rubric(args)
    entries = []
    for file in args.files:
        draft = load_draft(file, rubric)
        entries.append((draft.jurisdiction or Path(file).stem, score(rubric, draft)))
    ranked = rank(entries)
    _write(dumps(ranking_json(ranked, rubric)) if args.json else ranking_text(ranked))
    return 0


def cmd_rubric(args: argparse.Namespace) -> int:
    from drafter.report import dumps, rubric_json, rubric_text

    rubric = _rubric(args)
    _write(dumps(rubric_json(rubric)) if args.json else rubric_text(rubric))
    return 0


def _wizard(args: argparse.Namespace, mode: str) -> int:
    # The only place the CLI reaches the UI, so headless commands never load textual.
    from drafter.tui import run_app

    return run_app(
        mode=mode,
        path=getattr(args, "file", None),
        jurisdiction=getattr(args, "jurisdiction", None),
        rubric_path=getattr(args, "rubric", None),
    )


def cmd_start(args: argparse.Namespace) -> int:
    return _wizard(args, "start")


def cmd_new(args: argparse.Namespace) -> int:
    return _wizard(args, "new")


def cmd_open(args: argparse.Namespace) -> int:
    return _wizard(args, "open")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        args.rubric = None
        handler = cmd_start
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
