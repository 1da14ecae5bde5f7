"""The running score: total, grade or the reason it cannot be ranked, a bar each."""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.widgets import Static

from drafter.tui.core import DraftView
from drafter.tui.styles import MARK, MARK_ERROR, MARK_GOOD, MARK_OPEN, MUTED, styled
from drafter.tui.widgets.rendermemo import Looks, RememberedRenders
from drafter.tui.widgets.topbar import grade_text
from drafter.tui.widgets.util import set_content, shown_content

BAR = 10


def bar(points: int, maximum: int, width: int = BAR) -> tuple[str, str]:
    filled = round(width * points / maximum) if maximum else 0
    return "█" * filled, "░" * (width - filled)


def score_content(view: DraftView, width: int = 0) -> Content:
    """The panel's text; `width` (when known) wraps the standards' lines with hard breaks."""
    card = view.card
    parts: list[str | tuple[str, str] | Content] = [
        ("Score  ", "bold"),
        (f"{card.total} / {card.max}", "bold"),
        "   ",
        styled(grade_text(view), MARK if card.rankable else MARK_ERROR, "bold"),
        "\n",
    ]
    if not card.rankable and card.reason:
        parts.append((f"Why: {card.reason}.\n", MUTED))
    elif card.open:
        parts.append((f"{len(card.open)} of {len(card.categories)} categories open\n", MUTED))
    else:
        parts.append(("All categories answered\n", MUTED))
    parts.extend(standards_parts(view, width))
    for c in card.categories:
        full, empty = bar(c.points, c.max)
        pts = "  –" if c.open else f"{c.points:>3}"
        parts.extend(
            [
                f"{c.short:<15} ",
                (full, MARK),
                (empty, MUTED),
                f"{pts}/{c.max:<2}",
            ]
        )
        if not card.rankable and c.potential:
            # What the tier would earn once the law covers adults.
            parts.append((f"  {c.potential} if adults", MUTED))
        parts.append("\n")
    return Content.assemble(*parts).rstrip()


#: Lines under a standard's status for what is missing first (always this many).
DETAIL_LINES = 2


def standards_parts(view: DraftView, width: int = 0) -> list[str | tuple[str, str] | Content]:
    """Per criteria standard (the federal preference): its status, then what is missing first.

    The status on its own line, then the first thing missing (or how many
    criteria are met) wrapped under it in exactly DETAIL_LINES lines, the
    last cut with an ellipsis when it runs on: a change of status never
    changes the panel's height, so the bill preview below keeps its size and
    scroll. The review screen and `drafter score` say it all.
    """
    tone = {True: MARK_GOOD, False: MARK_OPEN, None: MUTED}
    parts: list[str | tuple[str, str] | Content] = []
    # Before the first layout the width is unknown: the narrowest panel's room.
    room = max((width if width > 20 else 40) - 2, 10)
    for met, head, detail in view.standard_lines:
        parts.append(styled(head + "\n", tone[met], "bold"))
        lines = textwrap.wrap(detail, room) or [""]
        if len(lines) > DETAIL_LINES:
            rest = " ".join(lines[DETAIL_LINES - 1 :])
            last = textwrap.shorten(rest, room, placeholder="…") if len(rest) > room else rest
            lines = [*lines[: DETAIL_LINES - 1], last]
        lines += [""] * (DETAIL_LINES - len(lines))
        parts.extend(("  " + line + "\n", MUTED) for line in lines)
    return parts


class ScorePanel(RememberedRenders, Static):
    _view: DraftView | None = None
    _width = 0
    #: The texts of the last few scorecards shown, each with its card.
    _made: Looks[tuple[object, Content]] | None = None

    def show(self, view: DraftView) -> None:
        width = self.content_region.width
        rewrapped = width != self._width
        self._view, self._width = view, width
        # A kept view (Engine.view) is the same scorecard: the same text. By
        # the card's identity, held in the entry so the id is never reused.
        if self._made is None:
            self._made = Looks()
        card, content = self._made.kept(
            (id(view.card), view.standard_lines, width),
            lambda: (view.card, score_content(view, width)),
        )
        assert card is view.card
        old = shown_content(self)
        # Fixed columns: only a change in the number of lines (or in the width the
        # standards' lines were cut to) needs a layout pass.
        same_shape = old is not None and old.plain.count("\n") == content.plain.count("\n")
        set_content(self, content, layout=rewrapped or not same_shape)

    def on_resize(self) -> None:
        # The standards' lines are wrapped to the width: rewrap when it changes.
        if self._view is not None and self.content_region.width != self._width:
            self.show(self._view)
