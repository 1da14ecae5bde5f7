"""Scorecards, rankings and the rubric as text and JSON (`score`, `rank`, `rubric`).

The card follows the layout of the 2019 report cards.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from drafter.criteria_eval import StandardStatus
from drafter.render.standing import score_text, standing_text
from drafter.rubric import Rubric
from drafter.scoring import Ranked, Scorecard
from drafter.textsafe import visible

#: @2: notes are records {kind, subject, text} (in @1 they were sentences).
#: @2 also adds `standards`: each criteria standard asked for (`--standard ID`) with
#: its criteria met, not met or unclear (`met` null), what is missing and the evidence.
SCORE_FORMAT = "drafter/score@2"


def card_text(card: Scorecard, rubric: Rubric) -> str:
    """A readable card: category table, total, grade or ranking, open categories."""
    name = visible(card.jurisdiction or "Draft")
    rule = rubric.coverage[card.coverage]
    title_w = max(len(c.title) for c in card.categories)
    tier_w = max([len("TIER"), *(len(c.tier_label or "-") for c in card.categories)])
    show_potential = not card.rankable
    lines = [
        name,
        f"Scored against: {rubric.short_title} ({rubric.id})",
        f"Coverage: {rule.label}",
        "",
        f"OVERALL SCORE   {score_text(card)}",
    ]
    if card.rankable:
        lines.append(f"Grade           {standing_text(card)}")
    else:
        lines.append(f"Ranking         {standing_text(card, marked=True)}")
        lines.extend(
            textwrap.wrap(
                f"({card.reason})", 72, initial_indent=" " * 16, subsequent_indent=" " * 17
            )
        )
    lines.append("")
    header = f"{'CATEGORY':<{title_w}}  {'TIER':<{tier_w}}  {'POINTS':>8}"
    if show_potential:
        header += "  IF ADULTS"
    lines.append(header)
    for c in card.categories:
        tier = c.tier_label or "- open -"
        row = f"{c.title:<{title_w}}  {tier:<{tier_w}}  {c.points:>3} / {c.max:<2}"
        if show_potential:
            row += f"  {c.potential:>3}"
        lines.append(row.rstrip())
    total_row = f"{'TOTAL':<{title_w}}  {'':<{tier_w}}  {card.total:>3} / {card.max}"
    if show_potential:
        total_row += f" {card.potential_total:>3}"
    lines.append(total_row)
    if card.open:
        lines.append("")
        lines.append("Open categories: " + ", ".join(card.open))
    # The reason for not ranking is already under the score; skip its note.
    notes = [n.text for n in card.notes if n.kind != "unrankable"]
    if notes:
        lines.append("")
        lines.extend(f"Note: {n}" for n in notes)
    return "\n".join(lines) + "\n"


def card_json(
    card: Scorecard, rubric: Rubric, standards: Sequence[StandardStatus] = ()
) -> dict[str, Any]:
    """The machine-readable scorecard (`drafter score --json`)."""
    return {
        "format": SCORE_FORMAT,
        "jurisdiction": card.jurisdiction,
        "rubric": rubric.id,
        "coverage": card.coverage,
        "total": card.total,
        "max": card.max,
        "grade": card.grade,
        "provisional": card.provisional,
        "rankable": card.rankable,
        "reason": card.reason,
        "complete": card.complete,
        "open": list(card.open),
        "categories": [
            {
                "id": c.id,
                "title": c.title,
                "tier": c.tier,
                "points": c.points,
                "max": c.max,
                "potential": c.potential,
                "available": c.available,
            }
            for c in card.categories
        ],
        "notes": [n.to_json() for n in card.notes],
        "standards": [s.to_json() for s in standards],
    }


def dumps(data: Any) -> str:
    """JSON as every command prints it: indented, UTF-8 kept, a final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def ranking_text(entries: list[Ranked]) -> str:
    entries = [replace(e, name=visible(e.name)) for e in entries]
    name_w = max([len("NAME"), *(len(e.name) for e in entries)])
    lines = [f"{'RANK':<6}  {'NAME':<{name_w}}  {'SCORE':>9}  GRADE"]
    for e in entries:
        grade = standing_text(e.card, marked=True)
        if e.rank is None:
            rank_s = "*"
        else:
            rank_s = f"T-{e.rank}" if e.tied else str(e.rank)
            if e.tied:
                grade += "  tied"
        lines.append(
            f"{rank_s:<6}  {e.name:<{name_w}}  {e.card.total:>3} / {e.card.max:<3}  {grade}"
        )
    return "\n".join(lines) + "\n"


def ranking_json(entries: list[Ranked], rubric: Rubric) -> dict[str, Any]:
    return {
        "format": "drafter/rank@1",
        "rubric": rubric.id,
        "entries": [
            {
                "name": e.name,
                "rank": e.rank,
                "tied": e.tied,
                "rankable": e.card.rankable,
                "total": e.card.total,
                "max": e.card.max,
                "grade": e.card.grade,
                "reason": e.card.reason,
            }
            for e in entries
        ],
    }


def rubric_text(rubric: Rubric) -> str:
    lines = [f"{rubric.title}", f"id: {rubric.id}   total: {rubric.total}", ""]
    for cat in rubric.categories:
        lines.append(f"{cat.title}  [{cat.id}]  max {cat.max}")
        for tier in cat.tiers:
            lines.append(f"  {tier.points:>3}  {tier.id:<28} {tier.label}")
        lines.append("")
    lines.append("Coverage gate:")
    for cov, rule in rubric.coverage.items():
        state = "ranked" if rule.rankable else f"not ranked: {rule.reason}"
        lines.append(f"  {cov:<12} {rule.label} ({state})")
    lines.append("")
    bands = ", ".join(f"{b.grade} {b.min}-{b.max}" for b in rubric.grades.bands)
    lines.append(f"Grades: {bands}")
    lines.append(f"        {rubric.grades.note}")
    return "\n".join(lines) + "\n"


def rubric_json(rubric: Rubric) -> dict[str, Any]:
    data = rubric.model_dump(mode="json")
    for cat, out in zip(rubric.categories, data["categories"], strict=True):
        out["max"] = cat.max
    return data
