"""What every screen shows of a draft, computed at once: the DraftView.

The score, the bill (or why there is none), the criteria standards, and
what is left to do, each warning linked to the step that settles it. The
Engine builds it (`Engine.view`); nothing here imports textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafter.criteria_eval import Met, StandardStatus
from drafter.draft import Draft
from drafter.notice import Notice
from drafter.rubric import COVERAGE
from drafter.scoring import Scorecard

if TYPE_CHECKING:
    from drafter.bill import Bill
    from drafter.tui.core import Engine

#: The bill target's fields as the About-the-bill step names them.
BILL_FIELD_LABELS = {"section": "Section number", "chapter": "Chapter", "code": "Code"}


@dataclass(frozen=True)
class Warning_:
    """Something the user still owes, and the step where they can settle it."""

    text: str
    step: str | None


@dataclass(frozen=True)
class DraftView:
    """Everything the screens show, computed from one Draft at once."""

    draft: Draft
    card: Scorecard
    #: The assembled bill (None when none can be assembled, e.g. coverage none).
    bill: Bill | None
    #: Why there is no bill.
    bill_error: str | None
    warnings: tuple[Warning_, ...] = field(default=())
    #: The draft against each criteria standard the rubric has (the federal preference).
    standards: tuple[StandardStatus, ...] = field(default=())
    #: Each standard in brief, as the score panel shows it: met, headline, what is missing.
    standard_lines: tuple[tuple[Met, str, str], ...] = field(default=())
    #: The bill's text by width, as rendered (the preview asks on every change).
    _texts: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    def bill_text(self, width: int = 72) -> str:
        """The bill as plain text wrapped at `width` ("" when there is no bill)."""
        if self.bill is None:
            return ""
        text = self._texts.get(width)
        if text is None:
            text = self._texts[width] = render_bill_text(self.bill, width)
        return text


def render_bill_text(bill: Bill, width: int = 72) -> str:
    """The bill as plain text (the preview and the review screen show this)."""
    from drafter.render.text import render_text

    return render_text(bill, width=max(40, width))


def draft_warnings(
    engine: Engine, draft: Draft, card: Scorecard, bill_warnings: Sequence[Notice]
) -> tuple[Warning_, ...]:
    """What is left, each with the step that settles it.

    Unranked and open categories come from the scorecard; the bill's own
    warnings (unfilled parameters, an unset section number) go to the step
    that asks for them, by their kind and subject. The generic-style note
    is shown on the wizard itself, so it is not repeated here.
    """
    out: list[Warning_] = []
    for note in card.notes:
        if note.kind == "unrankable":
            out.append(Warning_(note.text, COVERAGE))
    for cat_id in card.open:
        title = engine.step(cat_id).title
        out.append(Warning_(f"{title}: no tier chosen yet (earns 0).", cat_id))
    for notice in bill_warnings:
        name = notice.subject or ""
        if notice.kind == "unfilled_parameter" and name in engine.parameters:
            out.append(_unfilled_warning(engine, draft, name))
        elif notice.kind == "unset_field":
            out.append(_unset_warning(engine, draft, name))
        elif notice.kind in ("open_category", "generic_style"):
            continue  # listed above, from the scorecard; or shown on the wizard
        else:
            out.append(Warning_(notice.text, None))
    return tuple(out)


def _unfilled_warning(engine: Engine, draft: Draft, name: str) -> Warning_:
    spec = engine.parameters[name]
    return Warning_(
        f"{spec.prompt}: not filled in; the bill shows [{spec.placeholder}].",
        engine.step_of_parameter(draft, name),
    )


def _unset_warning(engine: Engine, draft: Draft, name: str) -> Warning_:
    """A bill field (section, chapter, code) or a parameter the title needs."""
    if name in engine.parameters:
        return _unfilled_warning(engine, draft, name)
    label = BILL_FIELD_LABELS.get(name, name.replace("_", " ").capitalize())
    step = COVERAGE if name in BILL_FIELD_LABELS else None
    shown = name.upper().replace("_", " ")
    return Warning_(f"{label}: not set; the bill shows [{shown}].", step)


__all__ = [
    "BILL_FIELD_LABELS",
    "DraftView",
    "Warning_",
    "draft_warnings",
    "render_bill_text",
]
