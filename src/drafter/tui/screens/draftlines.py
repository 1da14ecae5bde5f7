"""How the start screen lists a draft: a recent file, or an unsaved draft to resume.

Each line says what the draft is, how far it has come (its score and grade
standing) and where it lives, as the session may show it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.content import Content

from drafter.draft import load_draft
from drafter.errors import UserError
from drafter.render.standing import score_text, standing_text
from drafter.scoring import score
from drafter.tui import storage
from drafter.tui.styles import ERROR, MUTED, WARN

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp


def describe_draft(app: DrafterApp, path: Path) -> Content:
    """`missouri.yaml  Missouri · 73 / 100 C  (~/bills)` for the recent list."""
    try:
        draft = load_draft(path, app.engine.rubric)
    except UserError:
        return Content.assemble(
            (path.name, "bold"),
            ("  cannot be read  ", ERROR),
            (_short(app, path.parent), MUTED),
        )
    card = score(app.engine.rubric, draft)
    return Content.assemble(
        (path.name, "bold"),
        "  ",
        draft.jurisdiction or "no jurisdiction",
        f" · {score_text(card)} {standing_text(card)}",
        (f"  {_short(app, path.parent)}", MUTED),
    )


def _short(app: DrafterApp, folder: Path) -> str:
    if folder == Path.home() and not app.served:
        return "~"
    return app.shown(folder)


def autosave_line(app: DrafterApp, saved: storage.Autosave) -> Content:
    """Two lines per unsaved draft: what and where, then how far and when."""
    card = score(app.engine.rubric, saved.draft)
    answered = len(card.categories) - len(card.open)
    if saved.path:
        where = f"{saved.path.name} (unsaved changes)"
    elif saved.lost_path:
        where = f"was {saved.lost_path.name}, now gone or not a draft: saving asks where"
    else:
        where = "never saved to a file"
    parts: list[str | tuple[str, str]] = [
        (saved.draft.jurisdiction or "Untitled draft", "bold"),
        (f"  {where}", WARN if saved.path else ""),
    ]
    if saved.in_use:
        parts.append(("  open in another drafter window", WARN))
    parts.append(
        f"\n{answered} of {len(card.categories)} answered · "
        f"{score_text(card)} {standing_text(card)} · "
        f"autosaved {storage.ago(saved.saved_at)}"
    )
    return Content.assemble(*parts)


__all__ = ["autosave_line", "describe_draft"]
