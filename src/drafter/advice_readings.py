"""Advice from an uncertain baseline: open and arguable readings, said as such.

A recorded law's reading may leave a category open (no text held, or a part of
the text missing) or arguable (another tier is defensible). The advisor must not
count an open category as points to gain, nor propose what the law may already
have. So:

- open categories are taken out of the single changes and the plan, and shown
  apart: open, why, and what the top tier would take;
- for an arguable category, each proposed change shows its gain under every
  defensible reading; a change the law already has under one of them says so.

Given the draft being advised (the app's, which began as the law and may have
changed since), a reading holds only where the draft still has it: a category
the draft has decided is no longer open, and a category moved off the reading's
tier is measured as drafted, not under the law's other readings.

Pure: it reads the profile's `law:` and the advisor's structured results; the
words are drafter.render.advice (`readings_text`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from drafter.advice import Advice
from drafter.draft import Draft
from drafter.law import Law
from drafter.rubric import Rubric

if TYPE_CHECKING:
    from drafter.language import Language


@dataclass(frozen=True, slots=True)
class OpenCategory:
    category: str
    title: str
    reason: str
    #: The top tier, and the model language that earns it.
    top_tier: str
    top_label: str
    top_points: int
    language: str


@dataclass(frozen=True, slots=True)
class Alternative:
    """A change measured under another defensible reading of the current law."""

    tier: str
    label: str
    #: What the change would add if the law already reads at `tier`.
    gain: int


@dataclass(frozen=True)
class ReadAdvice:
    advice: Advice
    open: tuple[OpenCategory, ...]
    #: (category, to tier) -> the change's gain under each other defensible reading.
    alternatives: dict[tuple[str, str], tuple[Alternative, ...]]

    def to_json(self) -> dict[str, Any]:
        data = self.advice.to_json()
        data["open"] = [
            {
                "category": o.category,
                "reason": o.reason,
                "top_tier": o.top_tier,
                "top_points": o.top_points,
                "language": o.language,
            }
            for o in self.open
        ]
        for change in data["changes"]:
            alts = self.alternatives.get((change["category"], change["to"]), ())
            change["other_readings"] = [{"reading": a.tier, "gain": a.gain} for a in alts]
        return data


def open_categories(rubric: Rubric, law: Law, draft: Draft | None = None) -> tuple[str, ...]:
    """The categories the law leaves open (and `draft`, if given, has not decided)."""
    return tuple(
        c.id
        for c in rubric.categories
        if law.reading_for(c.id).tier is None and (draft is None or not draft.choices.get(c.id))
    )


def qualify(
    advice: Advice,
    rubric: Rubric,
    law: Law,
    language: Language | None = None,
    draft: Draft | None = None,
) -> ReadAdvice:
    """The advice (computed with the open categories locked) with its readings said.

    With `draft`, only the readings the draft still holds are said (see above).
    """
    params: dict[str, Any] = {}
    opens = []
    for cat_id in open_categories(rubric, law, draft):
        cat = rubric.category(cat_id)
        assert cat is not None
        top = max(cat.statute_tiers, key=lambda t: t.points)
        text = str(language.preview(cat_id, top.id, params)) if language is not None else ""
        reason = law.reading_for(cat_id).open or "not read"
        opens.append(OpenCategory(cat_id, cat.title, reason, top.id, top.label, top.points, text))
    alternatives: dict[tuple[str, str], tuple[Alternative, ...]] = {}
    for change in advice.changes:
        reading = law.reading.get(change.category)
        cat = rubric.category(change.category)
        if reading is None or not reading.other or cat is None:
            continue
        if draft is not None and draft.choices.get(change.category) != reading.tier:
            continue
        target = cat.tier(change.to_tier)
        alts = []
        for other in reading.other:
            tier = cat.tier(other)
            if tier is not None and target is not None:
                alts.append(Alternative(other, tier.label, max(0, target.points - tier.points)))
        alternatives[(change.category, change.to_tier)] = tuple(alts)
    return ReadAdvice(advice, tuple(opens), alternatives)


def without_open_locks(advice: Advice, user_locks: tuple[str, ...]) -> Advice:
    """The advice as the user asked for it: only the user's own locks are shown as locks."""
    return replace(advice, locked=user_locks)


__all__ = [
    "Alternative",
    "OpenCategory",
    "ReadAdvice",
    "open_categories",
    "qualify",
    "without_open_locks",
]
