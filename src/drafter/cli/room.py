"""`room export`: a training room's answers and summary, to take home."""

from __future__ import annotations

import argparse

from drafter.cli._shared import Subparsers, rubric_of


def register(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    from drafter.render import ROOM_FORMATS

    p = sub.add_parser(
        "room",
        parents=[common],
        help="a training room's results (drafter serve --room)",
        description="What a training room of `drafter serve --room NAME` recorded.",
    )
    rooms = p.add_subparsers(dest="room_command", metavar="COMMAND", required=True)
    e = rooms.add_parser(
        "export",
        parents=[common],
        help="write the room's answers and summary",
        description=(
            "Write a training room's results: CSV has one row per answer (exercise id, "
            "trainee name, tier chosen, correct tier, answered at); Markdown and Word have "
            "the summary per exercise (distribution, correct tier, % right) and per "
            "category, then every answer. The format follows the file's extension "
            f"({ROOM_FORMATS.extensions_text()}); `-o -` writes CSV to standard output."
        ),
    )
    e.add_argument("name", metavar="NAME", help="the room's name, as given to serve --room")
    e.add_argument("-o", "--output", metavar="OUT", required=True, help="the file to write")
    e.add_argument(
        "--format", choices=ROOM_FORMATS.names, help="the format, when the extension does not say"
    )
    e.add_argument("--room-dir", metavar="DIR", help="where the room's file is (as serve's)")
    e.add_argument("--force", action="store_true", help="replace OUT if it exists")
    e.set_defaults(handler=cmd_room_export)


def cmd_room_export(args: argparse.Namespace) -> int:
    from drafter.cli._output import emit
    from drafter.output import refuse_existing
    from drafter.render import ROOM_FORMATS
    from drafter.room import Room, build_report, room_path

    fmt = ROOM_FORMATS.resolve(args.output, args.format)
    refuse_existing(args.output, args.force)
    rubric = rubric_of(args)
    room = Room.open(room_path(args.name, args.room_dir))
    try:
        report = build_report(room, rubric)
    finally:
        room.close()
    emit(
        fmt.render(report),
        args.output,
        fmt.name,
        args.force,
        f"{len(report.answers)} answers from {report.trainees} trainees",
    )
    return 0
