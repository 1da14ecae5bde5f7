"""A criteria standard's status in words: the lines `score`, `card`, `advise` and the wizard show.

Every sentence about meeting a standard is written here once; the evaluator
(criteria_eval.py) returns records only.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from drafter.criteria import Condition, CriteriaStandard
from drafter.criteria_eval import CriterionStatus, Met, Missing, StandardStatus
from drafter.rubric import Rubric

if TYPE_CHECKING:
    from drafter.standards import Listed

WORD = {True: "met", False: "not met", None: "unclear"}


def met_word(met: Met) -> str:
    return WORD[met]


def _value_label(rubric: Rubric, m: Missing, value: object) -> str:
    """A tier's label ("Nonviolent felonies"), a coverage's label, or a parameter's value."""
    if m.kind == "category":
        cat = rubric.category(m.subject)
        tier = cat.tier(str(value)) if cat is not None else None
        return tier.label if tier is not None else str(value)
    if m.kind == "coverage" and value in rubric.coverage:
        return rubric.coverage[value].label
    return "true" if value is True else "false" if value is False else str(value)


def subject_title(rubric: Rubric, m: Missing) -> str:
    if m.kind == "category":
        cat = rubric.category(m.subject)
        return cat.title if cat is not None else m.subject
    return "Coverage" if m.kind == "coverage" else f"parameter {m.subject}"


def meet_with_text(rubric: Rubric, m: Missing) -> str:
    """Which tiers (or values) would meet a missing condition, in words."""
    return " or ".join(_value_label(rubric, m, v) for v in m.meet_with)


def missing_text(rubric: Rubric, m: Missing, basis: str) -> str:
    """One missing condition: what the law has and what would meet it."""
    title = subject_title(rubric, m)
    if m.have is None:
        have = "open" if basis == "draft" else "not found by the reader; check by hand"
    else:
        have = _value_label(rubric, m, m.have)
        if m.met is None:
            have += " (unclear: check by hand)"
    return f"{title}: {have}; meets with {meet_with_text(rubric, m)}"


def status_line(status: StandardStatus, rubric: Rubric) -> str:
    """One short line: "Federal 10381(c)(3): met", or what is missing first."""
    head = f"{status.short_title}: {met_word(status.met)}"
    if status.met is True:
        return f"{head} (all {len(status.criteria)} criteria)"
    first = next((m for c in status.unmet for m in c.missing), None)
    if first is None:
        return head
    return f"{head}; {missing_text(rubric, first, status.basis)}"


def _short(rubric: Rubric, m: Missing) -> str:
    if m.kind == "category":
        cat = rubric.category(m.subject)
        return cat.short if cat is not None else m.subject
    return subject_title(rubric, m)


def _nearest(rubric: Rubric, m: Missing) -> str:
    """The first tier (or value) that would meet it: "Presumption", "X or higher"."""
    first = _value_label(rubric, m, m.meet_with[0]) if m.meet_with else "?"
    if len(m.meet_with) < 2:
        return first
    cat = rubric.category(m.subject) if m.kind == "category" else None
    floor = cat.tier(str(m.meet_with[0])) if cat is not None else None
    if cat is not None and floor is not None:
        above = tuple(t.id for t in cat.tiers if t.points >= floor.points)
        if above == tuple(m.meet_with):
            return f"{first} or higher"
    return f"{first} or another"


def status_brief(status: StandardStatus, rubric: Rubric) -> tuple[str, str]:
    """Two short lines for the wizard: the status, and what is missing first.

    "Federal 10381(c)(3): not met" / "Offenses: needs Misdemeanors and nonviolent
    felonies or higher (+2 more)". Always two lines, so the score panel keeps
    its shape (no relayout) as the status changes.
    """
    head = f"{status.short_title}: {met_word(status.met)}"
    missing = [m for c in status.unmet for m in c.missing]
    if status.met is True or not missing:
        met = sum(1 for c in status.criteria if c.met is True)
        return head, f"{met} of {len(status.criteria)} criteria met"
    m = missing[0]
    if m.kind == "category":
        opened = "open; " if m.have is None else ""
        detail = f"{_short(rubric, m)}: {opened}needs {_nearest(rubric, m)}"
    else:
        # A parameter or the coverage: the standard's own words say what it needs.
        detail = f"needs {m.says}"
    if len(missing) > 1:
        detail += f" (+{len(missing) - 1} more)"
    return head, detail


def _criterion_lines(c: CriterionStatus, rubric: Rubric, basis: str, width: int) -> list[str]:
    mark = {True: "[met]    ", False: "[not met]", None: "[unclear]"}[c.met]
    lines = [f"  {mark} {c.citation}  {c.label}"]
    for m in c.missing:
        text = missing_text(rubric, m, basis)
        lines.extend(
            textwrap.wrap(text, width, initial_indent=" " * 14, subsequent_indent=" " * 16)
        )
        lines.extend(
            textwrap.wrap(
                f"needs {m.says}", width, initial_indent=" " * 16, subsequent_indent=" " * 16
            )
        )
    for e in c.evidence:
        if e.quote:
            quote = " ".join(e.quote.split())
            quote = quote if len(quote) <= 60 else quote[:57] + "..."
            cat = rubric.category(e.subject)
            title = cat.title if cat is not None else e.subject
            lines.append(f'{" " * 14}{title} ({e.confidence}): "{quote}"')
    return lines


def standards_text(statuses: Sequence[StandardStatus], rubric: Rubric, width: int = 76) -> str:
    """The plain-text block for each standard (empty when none was asked for)."""
    blocks: list[str] = []
    for status in statuses:
        met = sum(1 for c in status.criteria if c.met is True)
        what = "this draft" if status.basis == "draft" else "this statute, by its reading"
        lines = [
            f"{status.title}",
            f"{status.short_title}: {met_word(status.met).upper()} for {what} "
            f"({met} of {len(status.criteria)} criteria met)",
        ]
        for c in status.criteria:
            lines.extend(_criterion_lines(c, rubric, status.basis, width))
        lines.append("")
        lines.extend(textwrap.wrap(" ".join(status.effect.split()), width))
        blocks.append("\n".join(lines))
    return "".join(f"\n{b}\n" for b in blocks)


def standards_markdown(statuses: Sequence[StandardStatus], rubric: Rubric) -> str:
    """The same, as Markdown sections for the card."""
    out: list[str] = []
    for status in statuses:
        out.append(f"\n## {status.title}\n")
        out.append(f"**{met_word(status.met).capitalize()}** ({status.citation}).\n")
        out.append("| Criterion | Status | What is missing |")
        out.append("|---|---|---|")
        for c in status.criteria:
            missing = "; ".join(missing_text(rubric, m, status.basis) for m in c.missing) or "-"
            out.append(f"| {c.citation} {c.label} | {met_word(c.met)} | {missing} |")
        out.append("")
        out.append(" ".join(status.effect.split()))
    return "\n".join(out) + ("\n" if out else "")


def _gain(rubric: Rubric, m: Missing, tier: object) -> str:
    """The points a tier change earns on the card, e.g. "+12" (empty for non-tier conditions)."""
    cat = rubric.category(m.subject) if m.kind == "category" else None
    new = cat.tier(str(tier)) if cat is not None else None
    if cat is None or new is None:
        return ""
    old = cat.tier(str(m.have)) if m.have is not None else None
    delta = new.points - (old.points if old is not None else 0)
    return f" ({delta:+d})"


def meet_text(statuses: Sequence[StandardStatus], rubric: Rubric, locks: Sequence[str] = ()) -> str:
    """`advise --meet ID`: for each criterion not met, the changes that would meet it."""
    out: list[str] = []
    for status in statuses:
        out.append("")
        if status.met is True:
            out.append(f"{status.short_title}: already met ({status.citation}).")
            continue
        out.append(f"To meet {status.short_title} ({status.citation}):")
        for c in status.unmet:
            out.append(f"  {c.citation}  {c.label} ({met_word(c.met)})")
            for m in c.missing:
                options = ", ".join(
                    _value_label(rubric, m, v) + _gain(rubric, m, v) for v in m.meet_with
                )
                locked = "  [locked]" if m.subject in locks else ""
                line = f"{subject_title(rubric, m)}: {options}{locked}"
                out.extend(
                    textwrap.wrap(line, 76, initial_indent="    ", subsequent_indent="      ")
                )
    return "\n".join(out) + ("\n" if out else "")


def standards_list_text(listed: Sequence[Listed]) -> str:
    """`drafter rubric --list`: every shipped standard, its kind and what it measures."""
    id_w = max(len(item.standard.id) for item in listed)
    lines = [f"{'ID':<{id_w}}  {'KIND':<8}  TITLE"]
    for item in listed:
        s = item.standard
        lines.append(f"{s.id:<{id_w}}  {item.kind:<8}  {s.title}")
    lines.append("")
    lines.append(
        "Points: drafter score DRAFT --rubric FILE.  Criteria: --standard ID on score, card"
    )
    lines.append("and advise (--meet ID); drafter rubric --standard ID shows the criteria.")
    return "\n".join(lines) + "\n"


def standards_list_json(listed: Sequence[Listed]) -> dict[str, Any]:
    return {
        "format": "drafter/standards@1",
        "standards": [
            {
                "id": item.standard.id,
                "kind": item.kind,
                "title": item.standard.title,
                "short_title": item.standard.short_title,
                "file": item.path.name,
            }
            for item in listed
        ],
    }


def _condition_text(rubric: Rubric, cond: Condition) -> str:
    from drafter.criteria import tier_ids

    if cond.kind == "coverage":
        return "coverage: " + " or ".join(cond.coverage or ())
    if cond.kind == "category":
        return f"{cond.subject}: " + " or ".join(
            tier_ids(rubric, cond.subject, cond.tiers, cond.at_least)
        )
    values = " or ".join(_scalar(v) for v in cond.values or ())
    return f"parameter {cond.subject}: {values} (default {_scalar(cond.default)})"


def _scalar(value: object) -> str:
    return "true" if value is True else "false" if value is False else str(value)


def criteria_text(standard: CriteriaStandard, rubric: Rubric, width: int = 76) -> str:
    """`drafter rubric --standard ID`: each criterion, its citation, reading and conditions."""
    lines = [standard.title, f"id: {standard.id}   kind: criteria   {standard.citation}", ""]
    for c in standard.criteria:
        lines.append(f"{c.citation}  {c.label}  [{c.id}]")
        lines.extend(
            textwrap.wrap(
                " ".join(c.reading.split()), width, initial_indent="  ", subsequent_indent="  "
            )
        )
        for cond in c.requires:
            lines.append(f"  needs {_condition_text(rubric, cond)}")
        lines.append("")
    lines.extend(textwrap.wrap(" ".join(standard.effect.split()), width))
    lines.append(f"Source: {' '.join(standard.source.title.split())}.")
    return "\n".join(lines) + "\n"


def criteria_json(standard: CriteriaStandard) -> dict[str, Any]:
    return standard.model_dump(mode="json", exclude_none=True)


__all__ = [
    "criteria_json",
    "criteria_text",
    "meet_text",
    "meet_with_text",
    "met_word",
    "missing_text",
    "standards_list_json",
    "standards_list_text",
    "standards_markdown",
    "standards_text",
    "status_brief",
    "status_line",
    "subject_title",
]
