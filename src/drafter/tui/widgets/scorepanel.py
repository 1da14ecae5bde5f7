"""The running score: total, grade or the reason it cannot be ranked, a bar each."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from drafter.tui.core import DraftView
from drafter.tui.widgets.topbar import grade_text
from drafter.tui.widgets.util import set_content

BAR = 10


def bar(points: int, maximum: int, width: int = BAR) -> tuple[str, str]:
    filled = round(width * points / maximum) if maximum else 0
    return "█" * filled, "░" * (width - filled)


def score_content(view: DraftView) -> Content:
    card = view.card
    parts: list[str | tuple[str, str]] = [
        ("Score  ", "bold"),
        (f"{card.total} / {card.max}", "bold"),
        "   ",
        (grade_text(view), "$error bold" if not card.rankable else "$accent bold"),
        "\n",
    ]
    if not card.rankable and card.reason:
        parts.append((f"Why: {card.reason}.\n", "$foreground 60%"))
    elif card.open:
        parts.append(
            (f"{len(card.open)} of {len(card.categories)} categories open\n", "$foreground 60%")
        )
    else:
        parts.append(("All categories answered\n", "$foreground 60%"))
    parts.extend(standards_parts(view))
    for c in card.categories:
        full, empty = bar(c.points, c.max)
        pts = "  –" if c.open else f"{c.points:>3}"
        parts.extend(
            [
                f"{c.short:<15} ",
                (full, "$accent"),
                (empty, "$text-disabled"),
                f"{pts}/{c.max:<2}",
            ]
        )
        if not card.rankable and c.potential:
            # What the tier would earn once the law covers adults.
            parts.append((f"  {c.potential} if adults", "$foreground 60%"))
        parts.append("\n")
    return Content.assemble(*parts).rstrip()


def standards_parts(view: DraftView) -> list[str | tuple[str, str]]:
    """A line per criteria standard (the federal preference): met, or what is missing first."""
    style = {True: "$success bold", False: "$warning bold", None: "$foreground 60% bold"}
    parts: list[str | tuple[str, str]] = []
    for met, head, detail in view.standard_lines:
        parts.append((head + "\n", style[met]))
        if detail:
            parts.append((f"  {detail}\n", "$foreground 60%"))
    return parts


class ScorePanel(Static):
    def show(self, view: DraftView) -> None:
        content = score_content(view)
        old = getattr(self, "_drafter_content", None)
        # Fixed columns: only a change in the number of lines needs a layout pass.
        same_shape = old is not None and old.plain.count("\n") == content.plain.count("\n")
        set_content(self, content, layout=not same_shape)
