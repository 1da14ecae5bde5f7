"""The atlas in words and as JSON: every jurisdiction in a table, or one jurisdiction's reading."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from drafter.atlas import Row, status_counts
from drafter.criteria_eval import StandardStatus
from drafter.render.standards import met_word, standards_text
from drafter.render.standing import grade_text, score_text
from drafter.rubric import Rubric

#: profile id -> each criteria standard's status for that jurisdiction's law today.
Standings = Mapping[str, tuple[StandardStatus, ...]]

ATLAS_FORMAT = "drafter/atlas@1"
#: Shown for a call with no quote: a tier read from silence, or from a description.
NO_QUOTE = "(no words quoted: read from silence or the source)"

STATUS_LABELS = {
    "adults": "adults",
    "minors_only": "minors only",
    "none": "none",
    "unknown": "unknown",
}


def _score(row: Row) -> str:
    card = row.card
    if card is None:
        return "-"
    if card.rankable and not row.read:
        return "not read"
    return score_text(card)


def _grade(row: Row) -> str:
    card = row.card
    if card is None or card.grade is None or not row.read:
        return "-"
    return grade_text(card.grade, card.provisional)


def _rank(row: Row) -> str:
    if row.rank is None:
        return "*"
    return f"{row.rank}{'=' if row.tied else ''}"


def _standing_cells(statuses: tuple[StandardStatus, ...], count: int) -> str:
    cells = [met_word(s.met) for s in statuses] or ["-"] * count
    return "".join(f"{c:<11} " for c in cells)


def _column_head(status: StandardStatus) -> str:
    # "Federal 10381(c)(3)" is too wide for a column; its citation's last part is not.
    return status.citation.split(" ")[-1]


def atlas_text(rows: list[Row], rubric: Rubric, standings: Standings | None = None) -> str:
    """The table of every jurisdiction, two lines each: the scores, then the sources.

    With `standings`, a column per criteria standard says whether the law today
    meets it (met, not met, unclear while a category it needs is open).
    """
    standings = standings or {}
    heads = next((s for s in standings.values() if s), ())
    head_cells = "".join(f"{_column_head(s):<11} " for s in heads)
    lines = [
        f"Today's law in every jurisdiction, read against {rubric.short_title} ({rubric.id})",
        "",
        f"{'RANK':<5} {'JURISDICTION':<24} {'CODE':<4} {'STATUS':<11} {'SCORE':>9}  "
        f"{'GRADE':<16} {head_cells}CITATION",
    ]
    for row in rows:
        p, law = row.profile, row.law
        cites = "; ".join(law.citations) or "-"
        cells = _standing_cells(standings.get(p.id, ()), len(heads))
        lines.append(
            f"{_rank(row):<5} {p.name:<24} {p.code or '':<4} "
            f"{STATUS_LABELS[law.status]:<11} {_score(row):>9}  {_grade(row):<16} {cells}{cites}"
        )
        detail = [f"source: {law.source or '-'}"]
        if law.latest_amendment:
            detail.append(f"latest amendment shown: {law.latest_amendment}")
        if row.unranked:
            detail.append(f"not ranked: {row.unranked}")
        lines.append(f"{'':<5} {'; '.join(detail)}")
    counts = status_counts(rows)
    lines += [
        "",
        "Status: "
        + ", ".join(f"{STATUS_LABELS[s]} {counts[s]}" for s in STATUS_LABELS if s in counts),
        "Ranked: the states and DC whose every category is read; equal totals share a rank "
        "(=). * not ranked.",
        "Scores are drafter's reading of each text, not the report's; a provisional grade "
        "counts only the categories read.",
    ]
    if rubric.grades.default_reading:
        lines.append("Grade cut-offs are drafter's default reading.")
    for st in heads:
        lines.append(
            f"{_column_head(st)}: whether today's law meets {st.citation} by our reading "
            "(unclear while a category it needs is open); see docs/standards.md."
        )
    lines.append("drafter atlas STATE shows a jurisdiction's reading with its sources.")
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), 96, initial_indent=indent, subsequent_indent=indent
    )


def state_text(row: Row, rubric: Rubric, standings: Standings | None = None) -> str:
    """One jurisdiction: status, citations, sources, its score and every category's reading."""
    p, law = row.profile, row.law
    lines = [f"{p.name} ({p.code})" if p.code else p.name, ""]
    lines.append(f"Status: {STATUS_LABELS[law.status]}")
    if law.status_note:
        lines += _wrap(law.status_note, "  ")
    lines.append(f"Citations: {'; '.join(law.citations) or '-'}")
    lines.append(f"Official source: {law.source or '-'}")
    if law.latest_amendment:
        lines.append(f"Latest amendment shown: {law.latest_amendment}")
    if law.text is not None:
        where = ", ".join(law.text.files) or law.text.page or "-"
        lines.append(f"Read from: {where} ({law.text.version})")
    if law.read_on:
        lines.append(f"Read on: {law.read_on.isoformat()}")
    card = row.card
    if card is not None:
        lines.append("")
        lines.append(f"SCORE  {_score(row)}   {_grade(row)}   rank {_rank(row)}")
        if row.unranked:
            lines.append(f"       not ranked: {row.unranked}")
    lines.append("")
    # A reason shared by many open categories (the status note, the unread
    # reason) is printed once; later categories point back to it.
    said: dict[str, str] = {}
    if law.status_note:
        said[law.status_note] = "    (see the status note above)"
    for cat in rubric.categories:
        reading = row.reading(cat.id)
        if reading.tier is None:
            reason = reading.open or "not read"
            lines.append(f"{cat.title}: open")
            if reason in said:
                lines.append(said[reason])
            else:
                lines += _wrap(reason, "    ")
                said[reason] = f"    (the same reason as {cat.title} above)"
            continue
        tier = cat.tier(reading.tier)
        label = tier.label if tier else reading.tier
        points = f"{tier.points}/{cat.max}" if tier else "?"
        lines.append(f"{cat.title}: {label}  {points}  ({reading.confidence})")
        quote = f'"{reading.quote}"' if reading.quote else NO_QUOTE
        lines += _wrap(f"{reading.pinpoint}: {quote}", "    ")
        lines += _wrap(reading.why or "", "    ")
        if reading.other:
            others = ", ".join(_tier_name(rubric, cat.id, t) for t in reading.other)
            lines += _wrap(f"Also defensible: {others}", "    ")
        if reading.analyzer:
            lines += _wrap(f"Analyzer: {reading.analyzer}", "    ")
    forms = _forms(row)
    if forms:
        lines += ["", "Drafting forms:"]
        for name, text, source in forms:
            lines += _wrap(f"{name}: {text} [{source}]", "  ")
    if p.generic_style:
        lines.append("  (no sourced bill structure: bills draft in the generic style)")
    if law.notes:
        lines += ["", *_wrap(law.notes, "")]
    statuses = (standings or {}).get(p.id, ())
    return "\n".join(lines) + "\n" + standards_text(statuses, rubric)


def _tier_name(rubric: Rubric, category: str, tier_id: str) -> str:
    cat = rubric.category(category)
    tier = cat.tier(tier_id) if cat is not None else None
    return f"{tier.label} ({tier.points})" if tier else tier_id


def _forms(row: Row) -> list[tuple[str, str, str]]:
    f = row.profile.forms
    out = []
    for name, form in (
        ("enacting clause", f.enacting_clause),
        ("code", f.code_name),
        ("section form", f.section_form),
        ("amending clause", f.amending_clause),
        ("prosecutor", f.prosecutor),
    ):
        if form is not None:
            out.append((name, form.text, form.source))
    if f.marking is not None:
        out.append(
            ("new / deleted text", f"{f.marking.inserted} / {f.marking.deleted}", f.marking.source)
        )
    return out


def row_json(row: Row, rubric: Rubric | None = None) -> dict[str, Any]:
    """A row as JSON; with the rubric, every category's reading and the forms too."""
    p, law, card = row.profile, row.law, row.card
    data: dict[str, Any] = {
        "id": p.id,
        "name": p.name,
        "code": p.code,
        "kind": p.kind,
        "status": law.status,
        "status_note": law.status_note,
        "citations": list(law.citations),
        "source": law.source,
        "latest_amendment": law.latest_amendment,
        "total": card.total if card is not None and (row.read or not card.rankable) else None,
        "max": card.max if card is not None else None,
        "grade": card.grade if card is not None and row.read else None,
        "provisional": bool(card is not None and card.provisional),
        "rank": row.rank,
        "tied": row.tied,
        "unranked": row.unranked,
        "open": list(row.open) if card is not None else None,
        "read_on": law.read_on.isoformat() if law.read_on else None,
        "text": law.text.model_dump(mode="json") if law.text else None,
    }
    if rubric is not None:
        data["reading"] = {
            cat.id: row.reading(cat.id).model_dump(mode="json", exclude_none=True)
            for cat in rubric.categories
        }
        data["forms"] = p.forms.model_dump(mode="json", exclude_none=True)
        data["notes"] = law.notes
    return data


def _with_standards(data: dict[str, Any], row: Row, standings: Standings | None) -> dict[str, Any]:
    data["standards"] = [s.to_json() for s in (standings or {}).get(row.profile.id, ())]
    return data


def atlas_json(
    rows: list[Row], rubric: Rubric, standings: Standings | None = None
) -> dict[str, Any]:
    return {
        "format": ATLAS_FORMAT,
        "rubric": rubric.id,
        "jurisdictions": [_with_standards(row_json(r), r, standings) for r in rows],
    }


def state_json(row: Row, rubric: Rubric, standings: Standings | None = None) -> dict[str, Any]:
    data = _with_standards(row_json(row, rubric), row, standings)
    return {"format": ATLAS_FORMAT, "rubric": rubric.id, "jurisdiction": data}


__all__ = ["ATLAS_FORMAT", "atlas_json", "atlas_text", "row_json", "state_json", "state_text"]
