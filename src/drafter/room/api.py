"""A training room: the one way a session reads or writes the room's store.

`Room.open_or_create` (the server, at start) fixes the room's exercises in one
seeded order and its two codes. A session then asks `role_for(code)`: the
join code makes a trainee (`join` with a chosen name), the facilitator code
gives a `Facilitator`, the only object that can reveal or move the room.
Answers are recorded once per trainee per exercise, only while that exercise
is the room's current one and not yet revealed.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from drafter.errors import UserError
from drafter.room.guard import CodeGuard
from drafter.room.identity import (
    FACILITATOR_LENGTH,
    JOIN_LENGTH,
    Role,
    clean_name,
    new_code,
    normal_code,
    now,
    same_code,
    shown_code,
)
from drafter.room.records import Answer, AnswerClosed, RoomExercise, RoomState, Trainee
from drafter.room.store import connect
from drafter.training.exercises import ExerciseSet, choices_for
from drafter.training.session import seeded_order


class Room:
    """A room file, opened by one process (a session or the server)."""

    def __init__(self, path: Path, create: bool = False) -> None:
        self.path = path
        self._conn = connect(path, create)
        #: One connection per process, used from the UI thread and timers alike.
        self._lock = threading.RLock()
        #: This session's wrong codes (see drafter.room.guard).
        self.guard = CodeGuard()

    # -- opening --

    @classmethod
    def open(cls, path: Path) -> Room:
        room = cls(path)
        if room._row("SELECT 1 FROM room") is None:
            raise UserError(path, "this room file holds no room; start it with drafter serve")
        return room

    @classmethod
    def open_or_create(
        cls, path: Path, name: str, exercise_set: ExerciseSet, seed: int | None = None
    ) -> Room:
        """The room at `path`; made with `exercise_set` in `seed`'s order if it is new.

        A room that exists keeps its order, codes, trainees and answers; it
        must be given the same exercises it was made with.
        """
        room = cls(path, create=True)
        if seed is None:
            seed = secrets.randbelow(1_000_000)
        order = seeded_order(exercise_set.exercises, seed)
        with room._write() as conn:
            row = conn.execute("SELECT set_path FROM room").fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO room (id, name, rubric, set_path, set_title, seed, "
                    "facilitator_code, join_code, created_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        name,
                        exercise_set.rubric.id,
                        str(Path(exercise_set.path).resolve()),
                        exercise_set.title,
                        seed,
                        new_code(FACILITATOR_LENGTH),
                        new_code(JOIN_LENGTH),
                        now(),
                    ),
                )
                conn.executemany(
                    "INSERT INTO exercises (position, id, category, answer, choices) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        (
                            i,
                            ex.id,
                            ex.category,
                            ex.answer,
                            " ".join(t.id for t in choices_for(exercise_set.category(ex.category))),
                        )
                        for i, ex in enumerate(order)
                    ],
                )
            else:
                had = {r[0] for r in conn.execute("SELECT id FROM exercises")}
                if had != {ex.id for ex in exercise_set.exercises}:
                    raise UserError(
                        None,
                        f"room {name!r} was made with another exercise set ({row[0]}); give "
                        "that set with --exercises, or a new room name",
                    )
        return room

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- reading --

    def _row(self, sql: str, args: tuple[object, ...] = ()) -> tuple[object, ...] | None:
        with self._lock:
            row: tuple[object, ...] | None = self._conn.execute(sql, args).fetchone()
            return row

    def _rows(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            return list(self._conn.execute(sql, args).fetchall())

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed (and synced) when the block ends."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _info(self, column: str) -> str:
        row = self._row(f"SELECT {column} FROM room")
        assert row is not None
        return str(row[0])

    @property
    def name(self) -> str:
        return self._info("name")

    @property
    def set_path(self) -> str:
        return self._info("set_path")

    @property
    def set_title(self) -> str:
        return self._info("set_title")

    @property
    def rubric_id(self) -> str:
        return self._info("rubric")

    @property
    def seed(self) -> int:
        return int(self._info("seed"))

    @property
    def join_code(self) -> str:
        return self._info("join_code")

    @property
    def facilitator_code(self) -> str:
        return self._info("facilitator_code")

    def exercises(self) -> tuple[RoomExercise, ...]:
        return tuple(
            RoomExercise(int(str(p)), str(i), str(c), str(a), tuple(str(ch).split()))
            for p, i, c, a, ch in self._rows(
                "SELECT position, id, category, answer, choices FROM exercises ORDER BY position"
            )
        )

    def state(self) -> RoomState:
        row = self._row(
            "SELECT r.position, r.revealed, (SELECT count(*) FROM exercises), "
            "e.id, e.category, e.answer, e.choices "
            "FROM room r LEFT JOIN exercises e ON e.position = r.position"
        )
        assert row is not None
        position, revealed, total, ex_id, cat, answer, choices = row
        exercise = None
        if ex_id is not None:
            exercise = RoomExercise(
                int(str(position)), str(ex_id), str(cat), str(answer), tuple(str(choices).split())
            )
        return RoomState(int(str(position)), int(str(total)), bool(revealed), exercise)

    def role_for(self, raw_code: str) -> Role | None:
        """Who a code makes its holder, or None for a wrong code (compared in constant time).

        Raises TooManyGuesses while this session waits after wrong codes.
        """
        self.guard.check()
        code = normal_code(raw_code)
        row = self._row("SELECT facilitator_code, join_code FROM room")
        assert row is not None
        role: Role | None = None
        if same_code(code, str(row[1])):
            role = "trainee"
        if same_code(code, str(row[0])):
            role = "facilitator"
        self.guard.record(role is not None)
        return role

    def facilitate(self, raw_code: str) -> Facilitator | None:
        """The facilitator's controls, for the facilitator code only."""
        return Facilitator(self) if self.role_for(raw_code) == "facilitator" else None

    def trainees(self) -> tuple[Trainee, ...]:
        return tuple(
            Trainee(int(str(i)), str(n))
            for i, n in self._rows("SELECT id, name FROM trainees ORDER BY id")
        )

    def distribution(self, exercise_id: str) -> dict[str, int]:
        """How many chose each tier of `exercise_id` (every choice listed, lowest first)."""
        row = self._row("SELECT choices FROM exercises WHERE id = ?", (exercise_id,))
        if row is None:
            raise KeyError(exercise_id)
        counts = {tier: 0 for tier in str(row[0]).split()}
        for tier, n in self._rows(
            "SELECT tier, count(*) FROM answers WHERE exercise = ? GROUP BY tier", (exercise_id,)
        ):
            counts[str(tier)] = int(str(n))
        return counts

    def answer_of(self, trainee: Trainee, exercise_id: str) -> str | None:
        row = self._row(
            "SELECT tier FROM answers WHERE trainee = ? AND exercise = ?",
            (trainee.id, exercise_id),
        )
        return None if row is None else str(row[0])

    def answers(self) -> tuple[Answer, ...]:
        """Every answer, in the room's order of exercises, then as they came."""
        return tuple(
            Answer(str(e), str(n), str(t), str(c), str(at))
            for e, n, t, c, at in self._rows(
                "SELECT a.exercise, t.name, a.tier, e.answer, a.answered_at "
                "FROM answers a JOIN trainees t ON t.id = a.trainee "
                "JOIN exercises e ON e.id = a.exercise "
                "ORDER BY e.position, a.answered_at, t.id"
            )
        )

    def tally(self, trainee: Trainee) -> tuple[int, int]:
        """(right, answered) over the exercises revealed so far: a trainee's running tally."""
        row = self._row(
            "SELECT coalesce(sum(a.tier = e.answer), 0), count(*) FROM answers a "
            "JOIN exercises e ON e.id = a.exercise, room r "
            "WHERE a.trainee = ? AND (e.position < r.position "
            "OR (e.position = r.position AND r.revealed))",
            (trainee.id,),
        )
        assert row is not None
        return int(str(row[0])), int(str(row[1]))

    # -- writing --

    def join(self, raw_name: str, token: str | None = None) -> Trainee:
        """Join as `raw_name`; a name taken already gets a suffix: "Ana (2)".

        `token` (the browser's own resume code) makes a rejoin from the same
        browser the same trainee, with the same answers.
        """
        name = clean_name(raw_name)
        key = None
        if token:
            key = hashlib.sha256(f"drafter-room-trainee:{token}".encode()).hexdigest()
        with self._write() as conn:
            if key is not None:
                row = conn.execute("SELECT id, name FROM trainees WHERE token = ?", (key,))
                found = row.fetchone()
                if found is not None:
                    return Trainee(int(found[0]), str(found[1]))
            taken = {
                str(r[0]).casefold() for r in conn.execute("SELECT name FROM trainees").fetchall()
            }
            chosen, n = name, 1
            while chosen.casefold() in taken:
                n += 1
                chosen = f"{name} ({n})"
            cur = conn.execute(
                "INSERT INTO trainees (name, token, joined_at) VALUES (?, ?, ?)",
                (chosen, key, now()),
            )
            return Trainee(int(cur.lastrowid or 0), chosen)

    def record(self, trainee: Trainee, exercise_id: str, tier: str) -> bool:
        """Record `trainee`'s answer; False if they had answered it already (kept as it was).

        Raises AnswerClosed when `exercise_id` is not open: not the room's
        current exercise, or already revealed. Committed before it returns.
        """
        with self._write() as conn:
            row = conn.execute(
                "SELECT e.id, e.choices, r.revealed FROM room r "
                "JOIN exercises e ON e.position = r.position"
            ).fetchone()
            if row is None or row[0] != exercise_id or row[2]:
                raise AnswerClosed(exercise_id)
            if tier not in str(row[1]).split():
                raise ValueError(f"{tier!r} is not a tier to choose for {exercise_id}")
            cur = conn.execute(
                "INSERT OR IGNORE INTO answers (trainee, exercise, tier, answered_at) "
                "VALUES (?, ?, ?, ?)",
                (trainee.id, exercise_id, tier, now()),
            )
            return cur.rowcount == 1


class Facilitator:
    """What only the facilitator code opens: reveal the answer, move the room."""

    def __init__(self, room: Room) -> None:
        self.room = room

    def _set(self, update: Callable[[sqlite3.Connection, RoomState], object]) -> RoomState:
        with self.room._write() as conn:
            update(conn, self.room.state())
        return self.room.state()

    def reveal(self) -> RoomState:
        """Show the room the correct tier of the current exercise (answers close)."""
        return self._set(lambda conn, s: conn.execute("UPDATE room SET revealed = 1"))

    def advance(self) -> RoomState:
        """Move the room to the next exercise (after the last: the round is over)."""

        def step(conn: sqlite3.Connection, state: RoomState) -> None:
            if not state.finished:
                conn.execute("UPDATE room SET position = position + 1, revealed = 0")

        return self._set(step)


__all__ = [
    "Answer",
    "AnswerClosed",
    "Facilitator",
    "Role",
    "Room",
    "RoomExercise",
    "RoomState",
    "Trainee",
    "clean_name",
    "normal_code",
    "shown_code",
]
