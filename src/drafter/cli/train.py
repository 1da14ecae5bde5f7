"""`train`: practise scoring provisions, in the app, as a text quiz, or as printed lessons."""

from __future__ import annotations

import argparse
import sys

from drafter.cli._shared import Subparsers, rubric_of, unknown_categories, write
from drafter.errors import UserError


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "train",
        parents=[common],
        help="practise scoring provisions with an exercise set",
        description=(
            "Practise scoring provisions: read each provision of an exercise set, pick the "
            "tier it earns, and get feedback quoting the decisive words; a summary per "
            "category ends the session. Exercise sets are YAML files a trainer can write "
            "(see exercises/README.md)."
        ),
    )
    p.add_argument(
        "file",
        metavar="SET",
        nargs="?",
        help="an exercise set (YAML); default: the set shipped for the rubric",
    )
    p.add_argument(
        "--text",
        action="store_true",
        help="a plain terminal quiz (type the tier's number) instead of the app",
    )
    p.add_argument(
        "--category",
        metavar="ID",
        action="append",
        help="only this category's exercises (repeatable); ids as in `drafter rubric`",
    )
    p.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="shuffle the exercises in the order seed N gives (the same N, the same order)",
    )
    p.add_argument(
        "--lessons",
        action="store_true",
        help="print the lessons as plain text (each tier's wording, what changes) and stop",
    )
    p.add_argument(
        "--present",
        action="store_true",
        help="the facilitator view for a projector: one category at a time, large, "
        "high contrast (n/p move)",
    )
    p.set_defaults(handler=cmd_train)


def cmd_train(args: argparse.Namespace) -> int:
    from drafter.training import Session, default_set_path, load_exercise_set, run_text_quiz

    rubric = rubric_of(args)
    if args.lessons:
        from drafter.language import load_language
        from drafter.lessons import build_lessons, lesson_text

        unknown_categories(rubric, args.category)
        wanted = set(args.category or rubric.category_ids)
        lessons = build_lessons(rubric, load_language())
        write("\n".join(lesson_text(x) for x in lessons if x.category in wanted))
        return 0
    if args.present:
        from drafter.tui import run_app

        unknown_categories(rubric, args.category)
        return run_app(mode="present", rubric_path=args.rubric, categories=args.category)
    path = args.file
    if path is None:
        path = default_set_path(rubric)
        if not path.is_file():
            raise UserError(
                None,
                f"no exercise set ships for rubric {rubric.id!r}; give one: drafter train SET.yaml",
            )
    session = Session(load_exercise_set(path, rubric), categories=args.category, seed=args.seed)
    if not args.text:
        from drafter.tui import run_app

        return run_app(
            mode="train",
            path=str(path),
            rubric_path=args.rubric,
            categories=args.category,
            seed=args.seed,
        )
    return run_text_quiz(session, echo=not sys.stdin.isatty())
