"""The app's front doors: the start screen (no command), `new`, `open`, and `serve`.

The only place the CLI reaches drafter.tui, so headless commands never load textual.
"""

from __future__ import annotations

import argparse

from drafter.cli._shared import Subparsers


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
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
        "serve",
        parents=[common],
        help="serve the app to browsers (training rooms)",
        description=(
            "Serve drafter to web browsers with textual-serve. Each browser tab is its own "
            "session with its own drafts and autosave; exports arrive as downloads. Binds "
            "to loopback unless told otherwise."
        ),
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to bind (default 8000)")
    p.add_argument(
        "--max-sessions",
        type=int,
        default=30,
        metavar="N",
        help="browser sessions at once; one more is refused with a message (default 30)",
    )
    p.add_argument(
        "--room",
        metavar="NAME",
        help="run a facilitator-paced training room NAME (letters, digits, - or _): "
        "prints a join code for trainees and a facilitator code; answers are kept "
        "for `drafter room export`",
    )
    p.add_argument(
        "--exercises",
        metavar="SET",
        help="the room's exercise set (YAML); default: the set shipped for the rubric",
    )
    p.add_argument(
        "--room-dir",
        metavar="DIR",
        help="where the room's file lives (default: the rooms folder of drafter's data folder)",
    )
    p.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="the room's order of exercises (the same seed, the same order; default: random)",
    )
    p.set_defaults(handler=cmd_serve)


def _wizard(args: argparse.Namespace, mode: str) -> int:
    from drafter.tui import run_app

    return run_app(
        mode=mode,
        path=getattr(args, "file", None),
        jurisdiction=getattr(args, "jurisdiction", None),
        rubric_path=getattr(args, "rubric", None),
    )


def cmd_start(args: argparse.Namespace) -> int:
    """`drafter` with no command: the start screen."""
    return _wizard(args, "start")


def cmd_new(args: argparse.Namespace) -> int:
    return _wizard(args, "new")


def cmd_open(args: argparse.Namespace) -> int:
    return _wizard(args, "open")


def cmd_serve(args: argparse.Namespace) -> int:
    from drafter.serve import serve

    return serve(
        args.host,
        args.port,
        args.rubric,
        max_sessions=args.max_sessions,
        room=args.room,
        exercises=args.exercises,
        room_dir=args.room_dir,
        seed=args.seed,
    )
