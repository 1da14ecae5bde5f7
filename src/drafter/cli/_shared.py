"""What every command module shares: the --rubric flag, the rubric it names, stdout.

Command modules import textual, docx and lxml lazily inside their handlers, so
`drafter score` loads neither the UI nor the export stack.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias

from drafter.errors import UserError
from drafter.statute_kinds import STATUTE_ENDINGS

if TYPE_CHECKING:
    from drafter.criteria import CriteriaStandard
    from drafter.rubric import Rubric

Handler = Callable[[argparse.Namespace], int]
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

#: The SOURCE argument of the commands that start from a law.
SOURCE_HELP = (
    f"a draft file (.yaml), a statute's text ({STATUTE_ENDINGS}, or - for standard input), "
    "or a jurisdiction profile (name such as Missouri, or its .yaml file) whose current "
    "law is recorded"
)


def or_list(names: tuple[str, ...]) -> str:
    """ "md or txt", "md, txt or docx": a --format help from a registry's names."""
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else "".join(names)


def add_output_file(p: argparse.ArgumentParser, extensions: str) -> None:
    """The required -o OUT of a command that writes a document (`-` for stdout)."""
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help=f"where to write ({extensions}); - for stdout",
    )


def common_parser() -> argparse.ArgumentParser:
    """The flags every command takes (a parent parser)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--rubric",
        metavar="PATH",
        help="score against this rubric file instead of the shipped polaris-2019",
    )
    return common


def rubric_of(args: argparse.Namespace) -> Rubric:
    from drafter.rubric import load_rubric

    return load_rubric(args.rubric)


def add_standard_flag(p: argparse.ArgumentParser, flag: str = "--standard") -> None:
    """The repeatable flag that names criteria standards to report beside the score."""
    p.add_argument(
        flag,
        metavar="ID",
        action="append",
        default=[],
        help="also report this criteria standard (an id from `drafter rubric --list`, "
        "e.g. federal-10381c3, or a file); repeatable",
    )


def standards_of(names: list[str], rubric: Rubric) -> list[CriteriaStandard]:
    from drafter.standards import criteria_standards

    return criteria_standards(names, rubric)


def write(text: str) -> None:
    sys.stdout.write(text)


def note_wrote(path: str, detail: str | None = None) -> None:
    """The one line on stderr that says a file was written."""
    suffix = f" ({detail})" if detail else ""
    print(f"drafter: wrote {path}{suffix}", file=sys.stderr)


def unknown_categories(rubric: Rubric, wanted: list[str] | None) -> None:
    """Refuse --category ids the rubric does not have."""
    unknown = sorted(set(wanted or ()) - set(rubric.category_ids))
    if unknown:
        raise UserError(
            None, f"unknown category {unknown[0]!r}; one of: {', '.join(rubric.category_ids)}"
        )
