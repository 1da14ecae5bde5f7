"""What the advice view lists: the advisor's answer for the app's draft, row by row.

`advice_for` asks the advisor (with the recorded law's open and arguable
readings when the session began from today's law); `change_row` and
`open_row` word a change and an open category as the list shows them.
Every text shown is literal: built as Content, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from drafter.advice import Change, advise
from drafter.advice_readings import (
    OpenCategory,
    ReadAdvice,
    open_categories,
    qualify,
    without_open_locks,
)
from drafter.textsafe import visible
from drafter.tui.session import AdviceState
from drafter.tui.styles import ACCENT, GOOD_BOLD, MUTED, WARN, WARN_BOLD

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp

#: How much of a change's model language its row shows.
EXCERPT = 90


def advice_for(app: DrafterApp, state: AdviceState) -> ReadAdvice:
    """The advisor's answer for the app's draft, with model language filled.

    From a recorded law, its open categories (those the draft has not decided
    since) are kept out of the changes and the plan and listed apart.
    """
    draft = app.draft
    assert draft is not None
    engine = app.engine
    law = app.session.todays_law
    if law is not None and law.status not in ("adults", "minors_only"):
        law = None
    opened = open_categories(engine.rubric, law, draft) if law is not None else ()
    advice = advise(
        engine.rubric,
        draft,
        target=state.target,
        locks=[*state.locks, *opened],
        language=engine.language,
        parameters=engine.parameters_for(draft),
    )
    if law is None:
        return ReadAdvice(advice, (), {})
    advice = without_open_locks(advice, tuple(state.locks))
    return qualify(advice, engine.rubric, law, engine.language, draft)


def open_row(item: OpenCategory) -> Content:
    """`open  Judicial Discretion: not read (why); its top tier, X (10), would take it`."""
    return Content.assemble(
        ("open", WARN_BOLD),
        "  ",
        (item.title, "bold"),
        (f": {item.reason}", MUTED),
        (f"\n   not counted as points; its top tier, {item.top_label} ({item.top_points}),", MUTED),
        (" would take the language below", MUTED),
    )


def _one_line(text: str, width: int) -> str:
    flat = visible(" ".join(text.split()))
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def change_row(change: Change, max_total: int, excerpt: bool = True, others: str = "") -> Content:
    """`+12  → 45 / 100 C   Vacatur: Arrest only → Any offense` and a language excerpt.

    `others`: the change's gain under the law's other readings, when arguable.
    """
    grade = change.grade or "unranked"
    parts: list[str | tuple[str, str]] = [
        (f"+{change.gain:<3}", GOOD_BOLD),
        (f" → {change.total} / {max_total} {grade}  ", "bold"),
        (change.title, "bold"),
        ": ",
        (change.from_label or "open", MUTED),
        " → ",
        (change.to_label, ACCENT),
    ]
    if others:
        parts.append((f"\n   as read +{change.gain}; {others}", WARN))
    if change.language and excerpt:
        parts.append(("\n   " + _one_line(change.language, EXCERPT), MUTED))
    return Content.assemble(*parts)


__all__ = ["EXCERPT", "advice_for", "change_row", "open_row"]
