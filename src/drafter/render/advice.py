"""The advisor's report as text (`drafter advise`); the advice itself is drafter.advice."""

from __future__ import annotations

import textwrap

from drafter.advice import Advice, Change
from drafter.advice_readings import Alternative, ReadAdvice
from drafter.render.standing import NOT_LEGAL_ADVICE, score_text, standing_text
from drafter.rubric import Rubric
from drafter.textsafe import visible

#: What the advice text says when nothing is proposed; with open categories it is not so.
ALL_AT_MAXIMUM = "Every unlocked category already earns its maximum."
NOTHING_READ = "Nothing is proposed for the categories read; the open ones are listed below."


def indent_lines(text: str, pad: str = "      ") -> list[str]:
    out = []
    for para in text.splitlines():
        if not para.strip():
            continue
        # Items of a list ("  (1) robbery") keep their extra indent.
        extra = " " * (len(para) - len(para.lstrip()))
        out.extend(
            textwrap.wrap(
                para.strip(),
                76,
                initial_indent=pad + extra,
                subsequent_indent=pad + extra + "  ",
                break_on_hyphens=False,
            )
        )
    return out


def advice_text(advice: Advice, rubric: Rubric, limit: int | None = None) -> str:
    base = advice.baseline
    name = visible(base.jurisdiction or "Draft")
    lines = [
        f"{name}: {score_text(base)}, {standing_text(base, marked=True)}",
        f"Scored against: {rubric.short_title} ({rubric.id}). Grade cut-offs are "
        "drafter's default reading.",
    ]
    if advice.locked:
        lines.append("Locked (never proposed): " + ", ".join(advice.locked))
    lines.append("")
    step = 1
    if advice.coverage is not None:
        c = advice.coverage
        if c.from_tier == "none":
            lines.append(
                "FIRST: enact a trafficking-specific relief statute that reaches survivors of "
                "every age."
            )
        else:
            lines.append(
                f"FIRST: extend relief to survivors of every age ({c.from_label} -> {c.to_label})."
            )
        lines.append(
            "  Nothing else earns a point until the law reaches survivors who were adults; "
            f"with it, this law scores {c.total} / {base.max}, {c.grade or '-'}."
        )
        lines.extend(indent_lines(c.language))
        lines.append("")
        step = 2
    elif base.coverage != "adults":
        lines.append("Coverage is locked: the law reaches only minors, so no change scores.")
        lines.append("")
    if advice.changes:
        shown = advice.changes if limit is None else advice.changes[:limit]
        head = "THEN, each change on its own" if step == 2 else "EACH CHANGE ON ITS OWN"
        lines.append(f"{head} (best first; from {advice.covered.total}):")
        for c in shown:
            frm = c.from_label or "open"
            lines.append(
                f"  +{c.gain:<3} {c.title}: {frm} -> {c.to_label}   = {c.total}, {c.grade or '-'}"
            )
            lines.extend(indent_lines(c.language))
        if limit is not None and len(advice.changes) > limit:
            more = len(advice.changes) - limit
            lines.append(f"  ... and {more} more (leave out --top to see them)")
    elif base.rankable or advice.coverage is not None:
        lines.append(ALL_AT_MAXIMUM)
    plan = advice.plan
    if plan is not None:
        lines.append("")
        if not plan.reachable:
            lines.append(
                f"TARGET {plan.target} ({plan.target_min}+): not reachable with these locks; "
                f"the best is {plan.best_total} / {base.max}."
            )
        elif not plan.changes:
            lines.append(f"TARGET {plan.target} ({plan.target_min}+): already there.")
        else:
            n = len(plan.changes)
            lines.append(
                f"TARGET {plan.target} ({plan.target_min}+): {n} change{'s' if n != 1 else ''}, "
                f"reaching {plan.total} ({plan.grade}), {plan.beyond} beyond the target:"
            )
            for i, c in enumerate(plan.changes, 1):
                lines.append(
                    f"  {i}. {c.title}: {c.from_label or 'open'} -> {c.to_label}  "
                    f"(+{c.gain}, total {c.total}, {c.grade or '-'})"
                )
    lines.append("")
    lines.append(NOT_LEGAL_ADVICE)
    return "\n".join(lines) + "\n"


def other_readings(alts: tuple[Alternative, ...]) -> str:
    """`read as Vacatur: +2; read as Vacatur on the merits: already there`."""
    return "; ".join(
        f"read as {a.label}: " + (f"+{a.gain}" if a.gain else "already there") for a in alts
    )


def readings_text(read: ReadAdvice, limit: int | None = None) -> str:
    """The part of the advice text about uncertain readings (empty when there is none)."""
    lines: list[str] = []
    shown: list[Change] = list(read.advice.changes)
    if limit is not None:
        shown = shown[:limit]
    arguable = [(c, read.alternatives.get((c.category, c.to_tier), ())) for c in shown]
    arguable = [(c, alts) for c, alts in arguable if alts]
    if arguable:
        lines.append("GAINS UNDER THE OTHER DEFENSIBLE READINGS (the reading shown is ours):")
        for c, alts in arguable:
            others = other_readings(alts)
            lines.append(f"  {c.title} -> {c.to_label}: +{c.gain} as read; {others}")
        lines.append("")
    if read.open:
        reasons = {o.reason for o in read.open}
        shared = reasons.pop() if len(reasons) == 1 else None
        head = "OPEN (not read, so not counted as points to gain)"
        lines.append(f"{head}: {shared}" if shared else f"{head}:")
        for o in read.open:
            why = "" if shared else f" ({o.reason})"
            lines.append(
                f"  {o.title}: open{why}; its top tier, {o.top_label} ({o.top_points}), would take:"
            )
            lines.extend(indent_lines(o.language, "      "))
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")
