"""What a reading of today's law found, as the analyze screen shows it.

Per category: the tier read, how sure the reader is, and the quoted evidence
with the decisive words highlighted; for a state's recorded current law, the
tier recorded and where each reading came from. Everything from a statute or
a profile is shown literally (Content, never markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from drafter.reader import Analysis, Evidence, Finding
from drafter.rubric import Rubric
from drafter.textsafe import visible
from drafter.tui.styles import ACCENT, GOOD, MUTED, WARN, highlight

if TYPE_CHECKING:
    from drafter.jurisdiction import Profile

#: Characters of the statute shown either side of a decisive phrase.
CONTEXT = 50
CONFIDENCE_STYLE = {
    "clear": GOOD,
    "ambiguous": WARN,
    "by absence": ACCENT,
    "not found": MUTED,
}


def _flat(text: str) -> str:
    return visible(" ".join(text.split()))


def quote_content(text: str, ev: Evidence, context: int = CONTEXT) -> Content:
    """`“…the words around [the decisive words] and after…”  [start:end]`."""
    start, end = max(0, ev.start), min(len(text), ev.end)
    before = text[max(0, start - context) : start]
    after = text[end : end + context]
    lead = "…" if start - context > 0 else ""
    tail = "…" if end + context < len(text) else ""
    b, a = _flat(before), _flat(after)
    # Keep the words' own spacing at the joins.
    if before[-1:].isspace():
        b += " "
    if after[:1].isspace():
        a = " " + a
    return Content.assemble(
        "    “",
        (lead + b, MUTED),
        highlight(Content(_flat(text[start:end]))),
        (a + tail, MUTED),
        "”",
        (f"  [{ev.start}:{ev.end}]", MUTED),
    )


def tier_label(rubric: Rubric, category: str, tier: str | None) -> tuple[str, int | None]:
    if tier is None:
        return "open", None
    if category == "coverage":
        rule = next((r for key, r in rubric.coverage.items() if key == tier), None)
        return (rule.label if rule else tier), None
    cat = rubric.category(category)
    t = cat.tier(tier) if cat is not None else None
    return (t.label if t else tier), (t.points if t else None)


def finding_content(rubric: Rubric, text: str, f: Finding) -> Content:
    label, points = tier_label(rubric, f.category, f.tier)
    parts: list[str | tuple[str, str] | Content] = [
        (f.title, "bold"),
        "  ",
        (label if f.tier else "not found: left open", ACCENT if f.tier else MUTED),
    ]
    if points is not None:
        parts.append((f"  {points} pts", MUTED))
    parts.append(("  · " + f.confidence, CONFIDENCE_STYLE.get(f.confidence, MUTED)))
    if f.confidence == "ambiguous" and f.candidates:
        parts.append(("  (signals of " + ", ".join(f.candidates) + ")", MUTED))
    shown = [e for e in f.evidence if e.role in ("match", "support")][:3]
    for ev in shown:
        parts.append("\n")
        parts.append(quote_content(text, ev))
    if f.confidence in ("by absence", "not found") and f.looked_for:
        looked = "; ".join(_flat(s) for s in f.looked_for[:4])
        more = f" (+{len(f.looked_for) - 4} more)" if len(f.looked_for) > 4 else ""
        parts.append(("\n    looked for: " + looked + more, MUTED))
    if f.note:
        parts.append(("\n    " + _flat(f.note), MUTED))
    return Content.assemble(*parts)


def analysis_content(rubric: Rubric, analysis: Analysis) -> list[tuple[str | None, Content]]:
    """One block per finding, coverage first, each with its category id."""
    text = analysis.text
    out: list[tuple[str | None, Content]] = [
        ("coverage", finding_content(rubric, text, analysis.coverage))
    ]
    if not analysis.relief_statute:
        out.append(
            (
                None,
                Content.styled(
                    "No trafficking-specific relief statute found in this text: the rubric "
                    "scores that 0, cannot be ranked.",
                    WARN,
                ),
            )
        )
    out.extend((f.category, finding_content(rubric, text, f)) for f in analysis.findings)
    return out


def profile_content(rubric: Rubric, profile: Profile) -> list[tuple[str | None, Content]]:
    """A profile's recorded current law, per category, with where each reading came from."""
    law = profile.current_law
    assert law is not None
    label, _ = tier_label(rubric, "coverage", law.coverage)
    out: list[tuple[str | None, Content]] = [
        (None, Content.assemble((law.citation, "bold"), ("\n    " + _flat(law.source), MUTED))),
        (
            "coverage",
            Content.assemble(("Coverage", "bold"), "  ", (label, ACCENT), ("  · recorded", MUTED)),
        ),
    ]
    reading = profile.law
    for cat in rubric.categories:
        entry = law.tiers.get(cat.id)
        if entry is None:
            reason = reading.reading_for(cat.id).open if reading is not None else None
            none = Content.assemble(
                (cat.title, "bold"), (f"  open: {_flat(reason or 'not recorded')}", MUTED)
            )
            out.append((cat.id, none))
            continue
        tlabel, points = tier_label(rubric, cat.id, entry.tier)
        call = reading.reading.get(cat.id) if reading is not None else None
        sure = f"  · {call.confidence}" if call is not None else "  · recorded"
        out.append(
            (
                cat.id,
                Content.assemble(
                    (cat.title, "bold"),
                    "  ",
                    (tlabel, ACCENT),
                    (f"  {points} pts" if points is not None else "", MUTED),
                    (sure, MUTED),
                    ("\n    " + _flat(entry.source), MUTED),
                ),
            )
        )
    return out


__all__ = [
    "analysis_content",
    "finding_content",
    "profile_content",
    "quote_content",
    "tier_label",
]
