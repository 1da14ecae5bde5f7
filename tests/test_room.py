"""The training room's store and API: schema and migrations, join, one answer per
trainee per exercise, reveal and advance only with the facilitator code,
distributions, the report, and no lost answer when a writer is killed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.errors import UserError
from drafter.room import (
    AnswerClosed,
    Room,
    build_report,
    check_room_name,
    clean_name,
    normal_code,
    room_path,
    shown_code,
)
from drafter.room.schema import SCHEMA_VERSION, migrate, version
from drafter.rubric import Rubric
from drafter.training import ExerciseSet, default_set_path, load_exercise_set, seeded_order


@pytest.fixture(scope="module")
def exercise_set() -> ExerciseSet:
    from drafter.rubric import load_rubric

    rubric = load_rubric()
    return load_exercise_set(default_set_path(rubric), rubric)


def make_room(folder: Path, es: ExerciseSet, seed: int = 7) -> Room:
    return Room.open_or_create(folder / "r.room.sqlite", "r", es, seed=seed)


def test_a_new_file_is_migrated_once_and_records_its_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite", isolation_level=None)
    assert version(conn) == 0
    assert migrate(conn) == SCHEMA_VERSION
    assert migrate(conn) == SCHEMA_VERSION  # again: nothing to do, nothing doubled
    rows = conn.execute("SELECT version FROM schema_version").fetchall()
    assert [r[0] for r in rows] == list(range(1, SCHEMA_VERSION + 1))


def test_a_newer_file_is_refused_not_damaged(tmp_path: Path, exercise_set: ExerciseSet) -> None:
    room = make_room(tmp_path, exercise_set)
    room.close()
    conn = sqlite3.connect(tmp_path / "r.room.sqlite", isolation_level=None)
    conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    conn.close()
    with pytest.raises(UserError, match="newer than this drafter"):
        Room.open(tmp_path / "r.room.sqlite")


def test_the_store_is_in_wal_mode_and_private(tmp_path: Path, exercise_set: ExerciseSet) -> None:
    room = make_room(tmp_path, exercise_set)
    assert room._row("PRAGMA journal_mode") == ("wal",)
    assert (room.path.stat().st_mode & 0o777) == 0o600


def test_room_names_name_a_file_and_nothing_else(tmp_path: Path) -> None:
    assert room_path("spring-2026", tmp_path) == tmp_path.resolve() / "spring-2026.room.sqlite"
    for bad in ("../x", "a/b", "", ".hidden", "x" * 41, "a b", "é"):
        with pytest.raises(UserError, match="room name"):
            check_room_name(bad)


def test_no_room_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="there is no room 'nope'"):
        Room.open(room_path("nope", tmp_path))


def test_order_is_seeded_and_kept_on_reopen(tmp_path: Path, exercise_set: ExerciseSet) -> None:
    room = make_room(tmp_path, exercise_set, seed=11)
    ids = [e.id for e in room.exercises()]
    assert ids == [e.id for e in seeded_order(exercise_set.exercises, 11)]
    assert ids != [e.id for e in exercise_set.exercises]
    codes = (room.join_code, room.facilitator_code)
    room.close()
    again = make_room(tmp_path, exercise_set, seed=99)  # an existing room keeps its own
    assert [e.id for e in again.exercises()] == ids
    assert (again.join_code, again.facilitator_code) == codes


def test_another_exercise_set_is_refused(tmp_path: Path, exercise_set: ExerciseSet) -> None:
    make_room(tmp_path, exercise_set).close()
    fewer = ExerciseSet(
        exercise_set.path,
        exercise_set.title,
        "",
        exercise_set.rubric,
        exercise_set.exercises[:3],
    )
    with pytest.raises(UserError, match="another exercise set"):
        make_room(tmp_path, fewer)


def test_codes_give_roles_and_only_the_facilitator_code_moves_the_room(
    tmp_path: Path, exercise_set: ExerciseSet
) -> None:
    room = make_room(tmp_path, exercise_set)
    assert len(room.join_code) == 6 and len(room.facilitator_code) == 12
    assert room.role_for(room.join_code.lower()) == "trainee"
    assert room.role_for(shown_code(room.facilitator_code)) == "facilitator"
    assert room.role_for("") is None and room.role_for("WRONG1") is None
    assert room.facilitate(room.join_code) is None
    assert room.facilitate("") is None
    boss = room.facilitate(room.facilitator_code)
    assert boss is not None
    assert boss.reveal().revealed
    state = boss.advance()
    assert state.position == 1 and not state.revealed


def test_duplicate_names_get_a_suffix_and_a_token_rejoins(
    tmp_path: Path, exercise_set: ExerciseSet
) -> None:
    room = make_room(tmp_path, exercise_set)
    ana = room.join("  Ana  ", token="browser-1")
    assert ana.name == "Ana"
    assert room.join("ana").name == "ana (2)"
    assert room.join("Ana").name == "Ana (3)"
    assert room.join("Ana", token="browser-1") == ana
    assert room.join("Someone else", token="browser-1") == ana
    with pytest.raises(UserError, match="no personal data"):
        room.join("   ")
    with pytest.raises(UserError, match="control characters"):
        room.join("Ana\x1b[2J")
    assert clean_name("x" * 100) == "x" * 40
    assert normal_code(" ab-cd ") == "ABCD"


def test_answers_are_recorded_once_and_only_while_open(
    tmp_path: Path, exercise_set: ExerciseSet
) -> None:
    room = make_room(tmp_path, exercise_set)
    boss = room.facilitate(room.facilitator_code)
    assert boss is not None
    ana = room.join("Ana")
    ex = room.state().exercise
    assert ex is not None
    assert room.record(ana, ex.id, ex.choices[0]) is True
    assert room.record(ana, ex.id, ex.answer) is False  # the first answer stands
    assert room.answer_of(ana, ex.id) == ex.choices[0]
    with pytest.raises(ValueError, match="not a tier"):
        room.record(room.join("Bo"), ex.id, "no_such_tier")
    nxt = room.exercises()[1]
    with pytest.raises(AnswerClosed):
        room.record(ana, nxt.id, nxt.answer)  # not the current one yet
    boss.reveal()
    with pytest.raises(AnswerClosed):
        room.record(room.join("Late"), ex.id, ex.answer)  # revealed: closed
    boss.advance()
    assert room.record(ana, nxt.id, nxt.answer) is True
    assert room.tally(ana) == (0, 1)  # the second is not revealed yet
    boss.reveal()
    assert room.tally(ana) == (1, 2)


def test_advancing_past_the_last_exercise_ends_the_round(
    tmp_path: Path, exercise_set: ExerciseSet
) -> None:
    short = ExerciseSet(
        exercise_set.path, "Short", "", exercise_set.rubric, exercise_set.exercises[:2]
    )
    room = Room.open_or_create(tmp_path / "s.room.sqlite", "s", short, seed=1)
    boss = room.facilitate(room.facilitator_code)
    assert boss is not None
    boss.advance()
    state = boss.advance()
    assert state.finished and state.position == 2
    assert boss.advance().position == 2  # stays over


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    plays=st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 9), st.booleans()), min_size=1, max_size=40
    ),
    names=st.lists(st.sampled_from(["Ana", "ana", "Bo", "Ana (2)", "Cy"]), min_size=1, max_size=8),
)
def test_property_answers_once_distribution_sums_and_names_unique(
    exercise_set: ExerciseSet, plays: list[tuple[int, int, bool]], names: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        room = make_room(Path(tmp), exercise_set, seed=3)
        boss = room.facilitate(room.facilitator_code)
        assert boss is not None
        trainees = [room.join(n) for n in names]
        assert len({t.name.casefold() for t in trainees}) == len(trainees)
        first: dict[tuple[int, str], str] = {}
        for who, pick, move in plays:
            state = room.state()
            assert state.exercise is not None
            ex = state.exercise
            trainee = trainees[who % len(trainees)]
            tier = ex.choices[pick % len(ex.choices)]
            if state.revealed:
                with pytest.raises(AnswerClosed):
                    room.record(trainee, ex.id, tier)
            else:
                recorded = room.record(trainee, ex.id, tier)
                assert recorded == ((trainee.id, ex.id) not in first)
                first.setdefault((trainee.id, ex.id), tier)
            if move:
                if state.revealed:
                    boss.advance()
                else:
                    boss.reveal()
        answers = room.answers()
        assert len(answers) == len(first)
        by_id = {t.id: t.name for t in trainees}
        assert {(a.trainee, a.exercise, a.tier) for a in answers} == {
            (by_id[t], e, tier) for (t, e), tier in first.items()
        }
        report = build_report(room, exercise_set.rubric)
        for result in report.exercises:
            dist = room.distribution(result.id)
            assert sum(dist.values()) == result.answered
            assert result.answered == sum(1 for a in answers if a.exercise == result.id)
            assert list(dist) == list(room.exercises()[result.position].choices)
        assert sum(c.answered for c in report.categories) == len(answers)
        room.close()


def test_report_per_exercise_and_category(tmp_path: Path, exercise_set: ExerciseSet) -> None:
    room = make_room(tmp_path, exercise_set)
    ex = room.state().exercise
    assert ex is not None
    wrong = next(t for t in ex.choices if t != ex.answer)
    for name, tier in (("Ana", ex.answer), ("Bo", ex.answer), ("Cy", wrong), ("Di", wrong)):
        room.record(room.join(name), ex.id, tier)
    rubric: Rubric = exercise_set.rubric
    report = build_report(room, rubric)
    first = report.exercises[0]
    assert (first.answered, first.right, first.percent_right) == (4, 2, 50)
    assert [t.count for t in first.distribution if t.correct] == [2]
    assert report.exercises[1].percent_right is None
    cat = next(c for c in report.categories if c.category == ex.category)
    assert (cat.answered, cat.right, cat.wrong) == (4, 2, 2)
    assert report.review == (cat,)
    assert report.trainees == 4 and len(report.answers) == 4


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from drafter.room import Room
    room = Room.open(Path(sys.argv[1]))
    ex = room.state().exercise
    for i in range(10_000):
        t = room.join(f"t{i}")
        room.record(t, ex.id, ex.answer)
        print(t.name, flush=True)  # told only after the commit
    """
)


def test_a_killed_writer_loses_no_recorded_answer(
    tmp_path: Path, exercise_set: ExerciseSet
) -> None:
    make_room(tmp_path, exercise_set).close()
    path = tmp_path / "r.room.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    told = []
    for line in proc.stdout:
        told.append(line.strip())
        if len(told) == 40:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    told += [line.strip() for line in proc.stdout]
    room = Room.open(path)
    recorded = {a.trainee for a in room.answers()}
    assert set(told) <= recorded
    assert len(recorded) >= 40


def test_serve_room_flags_are_checked_before_serving(run_cli, tmp_path: Path) -> None:
    bad = run_cli("serve", "--room", "../etc", "--room-dir", str(tmp_path), "--port", "1")
    assert bad.code == 2 and bad.err.startswith("drafter: error: room name '../etc'")
    assert bad.err.count("\n") == 1
    alone = run_cli("serve", "--room-dir", str(tmp_path), "--port", "1")
    assert alone.code == 2 and "go with --room NAME" in alone.err
    missing = run_cli("serve", "--room", "r", "--exercises", str(tmp_path / "no.yaml"))
    assert missing.code == 2 and missing.err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # nothing made for a room that could not open


def test_room_export_formats_and_no_overwrite(
    run_cli, tmp_path: Path, exercise_set: ExerciseSet
) -> None:
    room = make_room(tmp_path, exercise_set)
    ex = room.state().exercise
    assert ex is not None
    room.record(room.join("=HYPERLINK()"), ex.id, ex.answer)
    room.record(room.join("Bo"), ex.id, ex.choices[0])
    room.close()
    rooms = ["--room-dir", str(tmp_path)]
    out = tmp_path / "out.csv"
    done = run_cli("room", "export", "r", "-o", str(out), *rooms)
    assert done.code == 0 and "2 answers from 2 trainees" in done.err
    lines = out.read_text().splitlines()
    assert lines[0] == "exercise_id,trainee,tier_chosen,correct_tier,answered_at"
    assert lines[1].startswith(f"{ex.id},'=HYPERLINK(),{ex.answer},{ex.answer},")
    again = run_cli("room", "export", "r", "-o", str(out), *rooms)
    assert again.code == 2 and "--force" in again.err
    assert run_cli("room", "export", "r", "-o", str(out), "--force", *rooms).code == 0
    md = tmp_path / "out.md"
    assert run_cli("room", "export", "r", "-o", str(md), *rooms).code == 0
    text = md.read_text()
    assert "## By category" in text and "## By exercise" in text
    assert "| 1 of" not in text and "50%" in text
    docx = tmp_path / "out.docx"
    assert run_cli("room", "export", "r", "-o", str(docx), *rooms).code == 0
    assert docx.read_bytes()[:2] == b"PK"
    none = run_cli("room", "export", "nope", "-o", str(tmp_path / "x.csv"), *rooms)
    assert none.code == 2 and "there is no room 'nope'" in none.err
