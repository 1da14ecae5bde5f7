"""The training room: one shared store of answers for `drafter serve --room`.

Core-side (no textual): `schema` (the tables, in numbered migrations), `store`
(where the file lives; SQLite in WAL mode), `identity` (codes and names),
`api` (the room: join, record, reveal, advance, distributions) and `report`
(what the room did, for the facilitator's view and `drafter room export`).
"""

from __future__ import annotations

from drafter.room.api import (
    Answer,
    AnswerClosed,
    Facilitator,
    Room,
    RoomExercise,
    RoomState,
    Trainee,
)
from drafter.room.identity import Role, clean_name, normal_code, shown_code
from drafter.room.report import RoomReport, build_report
from drafter.room.store import check_room_name, default_room_dir, room_path

__all__ = [
    "Answer",
    "AnswerClosed",
    "Facilitator",
    "Role",
    "Room",
    "RoomExercise",
    "RoomReport",
    "RoomState",
    "Trainee",
    "build_report",
    "check_room_name",
    "clean_name",
    "default_room_dir",
    "normal_code",
    "room_path",
    "shown_code",
]
