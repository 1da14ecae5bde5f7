"""The room store's schema: every table, in numbered migrations, in this one module.

A room file starts empty; `migrate` brings it to `SCHEMA_VERSION` by running,
in order and each in its own transaction, the migrations it has not had yet
(the `schema_version` table records the last one run). To change the schema,
append a migration: never edit one that has shipped, since room files made by
an older drafter have already run it.
"""

from __future__ import annotations

import sqlite3

#: Migration n (1-based) is MIGRATIONS[n - 1].
MIGRATIONS: tuple[str, ...] = (
    # 1: the room, its exercises in the order the room sees them, who joined,
    # and one answer per trainee per exercise.
    """
    CREATE TABLE room (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        rubric TEXT NOT NULL,
        set_path TEXT NOT NULL,
        set_title TEXT NOT NULL,
        seed INTEGER NOT NULL,
        facilitator_code TEXT NOT NULL,
        join_code TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0,
        revealed INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE exercises (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        category TEXT NOT NULL,
        -- the tier the provision earns, and the tiers to choose from (lowest first)
        answer TEXT NOT NULL,
        choices TEXT NOT NULL
    );
    CREATE TABLE trainees (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        token TEXT UNIQUE,
        joined_at TEXT NOT NULL
    );
    CREATE TABLE answers (
        trainee INTEGER NOT NULL REFERENCES trainees (id),
        exercise TEXT NOT NULL REFERENCES exercises (id),
        tier TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (trainee, exercise)
    );
    CREATE INDEX answers_by_exercise ON answers (exercise, tier);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    """The migration a room file has had (0 for a new file)."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if has is None:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> int:
    """Run the migrations `conn` lacks; returns the version it is at.

    `conn` is in autocommit mode (isolation_level None). Each migration and
    its version row commit together, under an exclusive lock, so two
    processes opening one new file never both run a migration.
    """
    conn.execute("BEGIN EXCLUSIVE")
    try:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        at = version(conn)
        if at > SCHEMA_VERSION:
            raise ValueError(
                f"the room file is at schema {at}, newer than this drafter knows "
                f"({SCHEMA_VERSION}); use a newer drafter"
            )
        for number in range(at + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[number - 1].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return SCHEMA_VERSION


__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate", "version"]
