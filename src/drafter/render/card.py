"""Scorecards in the report's layout, with a short narrative, in text or Markdown.

The layout follows the 2019 report cards: the jurisdiction, the overall score,
the grade or "cannot be ranked", a paragraph that reads the scorecard, the
category table and the total. Given a baseline (the state's current law), the
table shows current and proposed points side by side.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from drafter.render.standing import NOT_LEGAL_ADVICE, score_text, standing_text
from drafter.rubric import Rubric
from drafter.scoring import CategoryScore, Scorecard
from drafter.textsafe import visible

CARD_FORMATS = ("txt", "md")


def _series(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return f"{', '.join(items[:-1])}, and {items[-1]}"


def _name(card: Scorecard, name: str | None) -> str:
    return visible(name or card.jurisdiction or "This draft")


def narrative(card: Scorecard, rubric: Rubric, name: str | None = None) -> list[str]:
    """A few sentences that read the scorecard (paragraphs, unwrapped)."""
    who = _name(card, name)
    if card.coverage == "none":
        return [
            f"{who} has no criminal record relief law written for survivors of human "
            "trafficking, so it scores 0 and receives no grade.",
            "The first step is a statute that lets survivors of every age clear the "
            "records their trafficking left behind.",
        ]
    if not card.rankable:
        paras = [
            f"{who} has a record relief law for trafficking survivors, but it reaches only "
            "people who were minors at the time of the offense. The rubric credits relief "
            "for survivors arrested or prosecuted as adults, so the law scores 0 and "
            "cannot be ranked."
        ]
        if card.potential_total:
            paras.append(
                f"As written, its provisions would earn {card.potential_total} of {card.max} "
                "points if they reached adults. Extending the law to survivors of every age "
                "is the change that matters first."
            )
        else:
            paras.append("Extending the law to survivors of every age comes first.")
        return paras
    full = [c.title for c in card.categories if c.tier is not None and c.points == c.max]
    gaps = sorted(
        (c for c in card.categories if c.available > 0),
        key=lambda c: (-c.available, [x.id for x in card.categories].index(c.id)),
    )
    first = f"{who} scores {card.total} of {card.max}, {standing_text(card)}."
    if full:
        shown = full[:3] + ([f"{len(full) - 3} more"] if len(full) > 3 else [])
        first += f" It earns full points for {_series(shown)}."
    paras = [first]
    if gaps:
        parts = [f"{c.title} ({c.available} short)" for c in gaps[:3]]
        paras.append(f"The most points are left on the table in {_series(parts)}.")
    else:
        paras.append("It earns every point the rubric offers.")
    if card.open:
        n = len(card.open)
        paras.append(
            f"{n} categor{'y is' if n == 1 else 'ies are'} not settled yet and "
            f"count{'s' if n == 1 else ''} as 0, so the grade is provisional."
        )
    return paras


def comparison(
    current: Scorecard, proposed: Scorecard, rubric: Rubric, name: str | None = None
) -> list[str]:
    who = visible(name or proposed.jurisdiction or current.jurisdiction or "")
    today = f"Today {who}" if who else "The current law"
    delta = proposed.total - current.total
    sign = "+" if delta >= 0 else ""
    paras = [
        f"{today} scores {current.total} of {current.max}, {standing_text(current)}. "
        f"The proposal scores {proposed.total}, {standing_text(proposed)}: "
        f"{sign}{delta} points."
    ]
    if not current.rankable and proposed.rankable:
        paras.append(
            "Extending relief to survivors who were adults is what makes the state rankable."
        )
    moves = sorted(
        (
            (p.points - c.points, i, p.title)
            for i, (c, p) in enumerate(zip(current.categories, proposed.categories, strict=True))
            if p.points != c.points
        ),
        key=lambda m: (-m[0], m[1]),
    )
    gains = [f"{title} (+{d})" for d, _, title in moves if d > 0][:3]
    losses = [f"{title} ({d})" for d, _, title in moves if d < 0]
    if gains:
        paras.append(f"The largest gains: {_series(gains)}.")
    if losses:
        paras.append(f"Points given up: {_series(losses)}.")
    paras.extend(narrative(proposed, rubric, name)[1:2] if proposed.rankable else [])
    return paras


def _cell(c: CategoryScore) -> str:
    points = str(c.points) if c.tier is not None else "-"
    return f"{points:>2} / {c.max:<2}"


@dataclass(frozen=True, slots=True)
class _Layout:
    """What a card shows, decided once; card_text and card_markdown only format it."""

    title: str
    #: (label, value) lines under the title: the score, then the grade or ranking.
    headline: tuple[tuple[str, str], ...]
    paragraphs: tuple[str, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...]
    footer: str


def _layout(
    card: Scorecard,
    rubric: Rubric,
    baseline: Scorecard | None,
    name: str | None,
    arrow: str = " -> ",
    gap: str = "   ",
) -> _Layout:
    """The card's content; `arrow` and `gap` are how the format writes "then" and a space."""
    title = _name(card, name) if (name or card.jurisdiction) else "Draft"
    if baseline is None:
        label = "Grade" if card.rankable else "Ranking"
        headline: tuple[tuple[str, str], ...] = (
            ("Overall score", score_text(card)),
            (label, standing_text(card) if card.rankable else _marked(card)),
        )
        paras = narrative(card, rubric, name)
        header: tuple[str, ...] = ("Proposed categories", "Awarded points")
        rows: tuple[tuple[str, ...], ...] = tuple((c.title, _cell(c)) for c in card.categories)
        total: tuple[str, ...] = ("Total", f"{card.total} / {card.max}")
    else:
        score = f"{baseline.total}{arrow}{score_text(card)}"
        marks = f"({_marked(baseline)}{arrow}{_marked(card)})"
        headline = (("Overall score", f"{score}{gap}{marks}"),)
        paras = comparison(baseline, card, rubric, name)
        header = ("Category", "Current", "Proposed", "Change")
        rows = tuple(
            (c.title, _cell(b), _cell(c), _signed(c.points - b.points))
            for b, c in zip(baseline.categories, card.categories, strict=True)
        )
        total = (
            "Total",
            f"{baseline.total} / {baseline.max}",
            f"{card.total} / {card.max}",
            _signed(card.total - baseline.total),
        )
    return _Layout(
        title, headline, tuple(paras), header, rows, total, _footer(rubric, card, baseline)
    )


def card_text(
    card: Scorecard,
    rubric: Rubric,
    baseline: Scorecard | None = None,
    name: str | None = None,
    width: int = 76,
) -> str:
    """The card as plain text, in the report's layout."""
    lay = _layout(card, rubric, baseline, name)
    lines = [lay.title, ""]
    for label, value in lay.headline:
        # The report's own capitals for the score line; the grade line as written.
        shown = label.upper() if label == "Overall score" else label
        lines.append(f"{shown:<15} {value}")
    lines.append("")
    for para in lay.paragraphs:
        lines.extend(textwrap.wrap(para, width, break_on_hyphens=False))
        lines.append("")
    title_w = max(len(row[0]) for row in lay.rows) + 1
    # Points columns are 9 wide and the change column 6; the last heading runs
    # on unpadded, as the report's tables do.
    head = [f"{h.upper():>9}" for h in lay.header[1:-1]] + [lay.header[-1].upper()]
    lines.append(f"{lay.header[0].upper():<{title_w}}  " + "  ".join(head))

    def cells(row: tuple[str, ...]) -> str:
        return "  ".join([f"{c:>9}" for c in row[1:3]] + [f"{c:>6}" for c in row[3:]])

    for row in lay.rows:
        lines.append(f" {row[0]:<{title_w - 1}}  {cells(row)}")
    lines.append(f"{lay.total[0].upper():<{title_w}}  {cells(lay.total)}")
    lines.append("")
    lines.extend(textwrap.wrap(lay.footer, width, break_on_hyphens=False))
    return "\n".join(lines) + "\n"


def _marked(card: Scorecard) -> str:
    return standing_text(card, marked=True)


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n) if n < 0 else "0"


def _footer(rubric: Rubric, card: Scorecard, baseline: Scorecard | None) -> str:
    parts = [f"Scored against {rubric.short_title} ({rubric.id})."]
    cards = [card] + ([baseline] if baseline is not None else [])
    if any(c.rankable for c in cards) and rubric.grades.default_reading:
        parts.append("Letter grades use drafter's default cut-offs, not the report's.")
    if any(c.open for c in cards):
        parts.append('"-" marks a category not yet settled (0 points).')
    parts.append(NOT_LEGAL_ADVICE)
    return " ".join(parts)


def _md(text: str) -> str:
    from drafter.render.markdown import escape_inline

    return escape_inline(text)


def card_markdown(
    card: Scorecard,
    rubric: Rubric,
    baseline: Scorecard | None = None,
    name: str | None = None,
) -> str:
    """The card as Markdown: heading, score, narrative, a table."""
    lay = _layout(card, rubric, baseline, name, arrow=" → ", gap=" ")
    out = [f"# {_md(lay.title)}", ""]
    for i, (label, value) in enumerate(lay.headline):
        out.append(f"**{label}:** {_md(value)}" + ("  " if i < len(lay.headline) - 1 else ""))
    out.append("")
    for para in lay.paragraphs:
        out.extend([_md(para), ""])
    out.append(
        "| " + " | ".join(h if i else h.capitalize() for i, h in enumerate(lay.header)) + " |"
    )
    out.append("|---|" + "---:|" * (len(lay.header) - 1))
    for row in lay.rows:
        out.append(f"| {_md(row[0])} | " + " | ".join(row[1:]) + " |")
    out.append("| " + " | ".join(f"**{cell}**" for cell in lay.total) + " |")
    out.extend(["", f"*{_md(lay.footer)}*", ""])
    return "\n".join(out)


def render_card(
    fmt: str,
    card: Scorecard,
    rubric: Rubric,
    baseline: Scorecard | None = None,
    name: str | None = None,
) -> str:
    if fmt == "md":
        return card_markdown(card, rubric, baseline, name)
    return card_text(card, rubric, baseline, name)


__all__ = ["CARD_FORMATS", "card_markdown", "card_text", "comparison", "narrative", "render_card"]
