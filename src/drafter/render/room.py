"""A training room's results to take home (`drafter room export`).

- CSV: one row per answer (exercise id, trainee name, tier chosen, correct
  tier, answered at), for a spreadsheet;
- Markdown and Word: the summary per exercise (the distribution over the
  tiers, the correct tier, % right) and per category, then every answer.

A trainee's name is theirs to choose, so it is written as data: a CSV cell
that a spreadsheet would run as a formula is quoted with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from drafter.room.report import ExerciseResult, RoomReport

CSV_HEADER = ("exercise_id", "trainee", "tier_chosen", "correct_tier", "answered_at")


def _cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs (OWASP CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render_csv(report: RoomReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for a in report.answers:
        writer.writerow([a.exercise, _cell(a.trainee), a.tier, a.correct_tier, a.answered_at])
    return out.getvalue()


def _percent(value: int | None) -> str:
    return "no answers" if value is None else f"{value}%"


def _distribution(result: ExerciseResult) -> str:
    return ", ".join(f"{t.label} {t.count}" for t in result.distribution)


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def render_markdown(report: RoomReport) -> str:
    lines = [
        f"# Training room {report.room}: {_md_escape(report.title)}",
        "",
        f"{report.trainees} trainees, {len(report.answers)} answers, "
        f"{len(report.exercises)} exercises, scored on {report.rubric}.",
        "",
        "## By category",
        "",
        "| Category | Exercises | Answers | Right | % right |",
        "|---|---:|---:|---:|---:|",
    ]
    for c in report.categories:
        lines.append(
            f"| {c.title} | {c.exercises} | {c.answered} | {c.right} | "
            f"{_percent(c.percent_right)} |"
        )
    if report.review:
        worst = "; ".join(c.title for c in report.review)
        lines += ["", f"Where the room went wrong most: {worst}."]
    lines += [
        "",
        "## By exercise",
        "",
        "| # | Exercise | Category | Correct tier | Answers | % right | Distribution |",
        "|---:|---|---|---|---:|---:|---|",
    ]
    for r in report.exercises:
        lines.append(
            f"| {r.position + 1} | {r.id} | {r.category_title} | {r.correct_label} | "
            f"{r.answered} | {_percent(r.percent_right)} | {_distribution(r)} |"
        )
    lines += [
        "",
        "## Every answer",
        "",
        "| Exercise | Trainee | Chosen | Correct | Answered at |",
        "|---|---|---|---|---|",
    ]
    for a in report.answers:
        lines.append(
            f"| {a.exercise} | {_md_escape(a.trainee)} | {a.tier} | {a.correct_tier} | "
            f"{a.answered_at} |"
        )
    return "\n".join(lines) + "\n"


def render_docx(report: RoomReport) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(f"Training room {report.room}: {report.title}", level=1)
    document.add_paragraph(
        f"{report.trainees} trainees, {len(report.answers)} answers, "
        f"{len(report.exercises)} exercises, scored on {report.rubric}."
    )

    def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
        grid = document.add_table(rows=1, cols=len(header))
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            for cell, text in zip(grid.add_row().cells, row, strict=True):
                cell.text = text

    document.add_heading("By category", level=2)
    table(
        ("Category", "Exercises", "Answers", "Right", "% right"),
        [
            (c.title, str(c.exercises), str(c.answered), str(c.right), _percent(c.percent_right))
            for c in report.categories
        ],
    )
    if report.review:
        document.add_paragraph(
            "Where the room went wrong most: " + "; ".join(c.title for c in report.review) + "."
        )
    document.add_heading("By exercise", level=2)
    table(
        ("#", "Exercise", "Correct tier", "Answers", "% right", "Distribution"),
        [
            (
                str(r.position + 1),
                r.id,
                r.correct_label,
                str(r.answered),
                _percent(r.percent_right),
                _distribution(r),
            )
            for r in report.exercises
        ],
    )
    document.add_heading("Every answer", level=2)
    table(
        ("Exercise", "Trainee", "Chosen", "Correct", "Answered at"),
        [(a.exercise, a.trainee, a.tier, a.correct_tier, a.answered_at) for a in report.answers],
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


__all__ = ["CSV_HEADER", "render_csv", "render_docx", "render_markdown"]
