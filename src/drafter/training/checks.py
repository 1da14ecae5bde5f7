"""`drafter validate` on training files: exercise sets and lessons."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import UserError
from drafter.rubric import Rubric
from drafter.training.exercises import FORMAT_PREFIX, default_set_path, load_exercise_set
from drafter.yamlio import load_yaml


def check_file(path: str | Path, rubric: Rubric) -> str | None:
    """Check `path` if it is an exercise set or a lessons file; None if it is neither.

    Returns a one-line description of what was checked (for `drafter validate`).
    """
    try:
        doc = load_yaml(path)
    except UserError:
        return None
    fmt = doc.data.get("format") if isinstance(doc.data, dict) else None
    if not isinstance(fmt, str):
        return None
    if fmt.startswith(FORMAT_PREFIX):
        es = load_exercise_set(path, rubric)
        return f"exercise set {Path(path).name}: {len(es.exercises)} exercises"
    if fmt.startswith("drafter-lessons/"):
        from drafter.lessons import check_lessons_file

        n = check_lessons_file(path, rubric)
        return f"lessons {Path(path).name}: {n} categories"
    return None


def check_shipped(rubric: Rubric) -> tuple[list[UserError], str]:
    """Check the exercise set and lessons shipped for `rubric`, if there are any."""
    from drafter.lessons import check_lessons_file, default_lessons_path

    problems: list[UserError] = []
    done: list[str] = []
    path = default_set_path(rubric)
    if path.is_file():
        try:
            es = load_exercise_set(path, rubric)
            done.append(f"{path.name} ({len(es.exercises)} exercises)")
        except UserError as exc:
            problems.append(exc)
    lessons = default_lessons_path(rubric)
    if lessons.is_file():
        try:
            check_lessons_file(lessons, rubric)
            done.append(f"{lessons.name}")
        except UserError as exc:
            problems.append(exc)
    summary = f"ok: training: {', '.join(done)}\n" if done and not problems else ""
    return problems, summary
