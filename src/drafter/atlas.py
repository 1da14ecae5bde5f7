"""The atlas: every jurisdiction's law as it stands, scored by our reading and ranked.

One row per shipped jurisdiction: its status, citations and source, the score
and grade its reading implies (provisional while any category is open), and its
rank among the states and the District of Columbia whose reading is complete
(equal totals share a rank). The federal law and the territories are listed,
not ranked; so is any law that covers only minors, or none.

Pure: structured rows for the renderers in drafter.render.atlas.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.jurisdiction import Profile, list_profiles
from drafter.law import Law, Reading
from drafter.rubric import Rubric
from drafter.scoring import Scorecard, rank, score

#: Kinds of jurisdiction ranked against each other (the report card ranked these).
RANKED_KINDS = ("state", "district")


@dataclass(frozen=True)
class Row:
    profile: Profile
    law: Law
    #: The scorecard of the reading (None when the status is unknown).
    card: Scorecard | None
    rank: int | None
    tied: bool
    #: Why the row has no rank (None when it has one).
    unranked: str | None

    @property
    def open(self) -> tuple[str, ...]:
        return self.card.open if self.card is not None else ()

    @property
    def read(self) -> bool:
        """Whether any category was read (an all-open reading has no score to show)."""
        return any(r.tier is not None for r in self.law.reading.values())

    def reading(self, category: str) -> Reading:
        return self.law.reading_for(category)


def _card(profile: Profile, rubric: Rubric) -> Scorecard | None:
    from drafter.baseline import profile_draft

    if profile.current_law is None:
        return None
    return score(rubric, profile_draft(profile, rubric))


def _unranked(profile: Profile, law: Law, card: Scorecard | None) -> str | None:
    if profile.kind not in RANKED_KINDS:
        return f"{profile.kind} law: listed, not ranked among the states"
    if card is None:
        return "status unknown"
    if not card.rankable:
        return card.reason
    if card.open:
        return f"reading incomplete ({len(card.open)} of {len(card.categories)} open)"
    return None


def build_rows(rubric: Rubric, profiles: list[Profile] | None = None) -> list[Row]:
    """Every jurisdiction with a recorded law: ranked ones first, by rank, then the rest by name."""
    rows: list[tuple[Profile, Law, Scorecard | None, str | None]] = []
    for profile in profiles if profiles is not None else list_profiles():
        if profile.is_generic or profile.law is None:
            continue
        card = _card(profile, rubric)
        rows.append((profile, profile.law, card, _unranked(profile, profile.law, card)))
    ranked = rank([(p.id, c) for p, _, c, why in rows if why is None and c is not None])
    places = {r.name: (r.rank, r.tied) for r in ranked}
    out = [Row(p, law, card, *places.get(p.id, (None, False)), why) for p, law, card, why in rows]
    out.sort(key=lambda r: (r.rank is None, r.rank or 0, r.profile.name))
    return out


def row_for(rubric: Rubric, profile: Profile) -> Row:
    """One jurisdiction's row, ranked against all the others."""
    for row in build_rows(rubric):
        if row.profile.id == profile.id:
            return row
    card = _card(profile, rubric)
    assert profile.law is not None
    return Row(profile, profile.law, card, None, False, _unranked(profile, profile.law, card))


def status_counts(rows: list[Row]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.law.status] = counts.get(row.law.status, 0) + 1
    return counts


__all__ = ["RANKED_KINDS", "Row", "build_rows", "row_for", "status_counts"]
