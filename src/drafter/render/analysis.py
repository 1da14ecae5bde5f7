"""A statute's reading as a plain-text report (the wording of `drafter analyze`)."""

from __future__ import annotations

from typing import cast

from drafter.reader.findings import Analysis, Evidence, Finding
from drafter.render.standing import score_text, standing_text
from drafter.rubric import Coverage, Rubric
from drafter.textsafe import visible


def _quote(e: Evidence, width: int = 90) -> str:
    q = visible(" ".join(e.quote.split()))
    if len(q) > width:
        half = (width - 5) // 2
        q = f"{q[:half]} ... {q[-half:]}"
    where = f" in {visible(e.provision)}" if e.provision else ""
    return f'"{q}" [{e.start}:{e.end}]{where}'


def analysis_text(analysis: Analysis, rubric: Rubric) -> str:
    """The findings as a readable report, then the score they imply."""
    from drafter.scoring import score

    name = visible(analysis.source) if analysis.source not in (None, "-") else "pasted text"
    lines = [f"Statute: {name} ({len(analysis.text):,} characters)"]
    if analysis.extracted_from == "html":
        lines.append(
            "  read from the page's text (tags, scripts and styles left out); the offsets "
            "[start:end] are into that text, which --json gives as extracted_text"
        )
    if analysis.relief_statute:
        quotes = ", ".join(_quote(e, 40) for e in analysis.relief_evidence)
        lines.append(f"Relief statute: yes ({quotes})")
    else:
        lines.append("Relief statute: no trafficking-specific relief statute found")
    cov = analysis.coverage
    rule = rubric.coverage.get(cast(Coverage, cov.tier or "adults"))
    label = rule.label if rule else cov.tier
    lines.append(f"Coverage: {label} ({cov.confidence})")
    lines.extend(
        _details(cov, show_looked_for=cov.confidence != "by absence" or not analysis.relief_statute)
    )
    lines.append("")
    title_w = max(len(f.title) for f in analysis.findings)
    tier_w = 36
    lines.append(f"{'CATEGORY':<{title_w}}  {'READING':<{tier_w}}  {'POINTS':>6}  CONFIDENCE")
    for f in analysis.findings:
        cat = rubric.category(f.category)
        tier = cat.tier(f.tier) if cat is not None and f.tier is not None else None
        label = tier.label if tier is not None else "-"
        if len(label) > tier_w:
            label = label[: tier_w - 3] + "..."
        pts = f"{tier.points}/{cat.max}" if tier is not None and cat is not None else "-"
        lines.append(f"{f.title:<{title_w}}  {label:<{tier_w}}  {pts:>6}  {f.confidence}")
        lines.extend(_details(f, show_looked_for=True))
    draft = analysis.draft(rubric)
    card = score(rubric, draft)
    lines.append("")
    lines.append(f"IMPLIED SCORE   {score_text(card)}   {standing_text(card, marked=True)}")
    if card.open:
        lines.append(f"                open (not found): {', '.join(card.open)}")
    if not card.rankable and card.reason:
        lines.append(f"                ({card.reason})")
    lines.append(
        "Readings by absence and ambiguous ones are drafter's reading of the text, "
        "not the report's; check them."
    )
    return "\n".join(lines) + "\n"


def _details(f: Finding, show_looked_for: bool) -> list[str]:
    out = []
    pad = "    "
    for e in f.evidence:
        if e.role == "match":
            prefix = f"{e.tier}: " if f.confidence == "ambiguous" else ""
            out.append(f"{pad}{prefix}{_quote(e)}")
        elif e.role == "support":
            out.append(f"{pad}supporting: {_quote(e)}")
        elif e.role == "negated":
            out.append(f"{pad}negated, not counted ({e.tier}): {_quote(e)}")
        elif e.role == "seen":
            out.append(f"{pad}seen, not counted outside a relief statute ({e.tier}): {_quote(e)}")
        elif e.role == "topic":
            out.append(f"{pad}speaks to it, in words not weighed: {_quote(e)}")
    if f.confidence in ("ambiguous", "not found") and f.note:
        out.append(f"{pad}{f.note}")
    if show_looked_for and f.confidence in ("by absence", "not found") and f.looked_for:
        out.append(f"{pad}looked for, not found:")
        out.extend(f"{pad}  - {item}" for item in f.looked_for)
    return out
