"""Today's tiers: the careful reading in the state's profile where it reads the text, the
reader's elsewhere.

The reader (drafter.reader) finds each category's tier and the words that earn
it. A profile's `law.reading` is a careful person's reading of the same text,
and where the two differ the profile is right (New York's list of penal-law
sections names the trafficking crimes the movant was a victim of, not the
offenses covered; Missouri's subsection 2 closes records only after relief).
The amendment starts from the profile's reading for each category it reads,
when it is a reading of this text (its quotes are found in it).

Where the profile and the reader differ, the reader's words for that category
are not the ones that earn today's tier, so nothing of them is struck: a
change to that category adds its new words and leaves today's in place. The
profile's decisive words for a category stay when another category changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.draft import Draft
from drafter.jurisdiction import Profile
from drafter.reader.findings import Analysis
from drafter.rubric import COVERAGE, Rubric


@dataclass(frozen=True)
class Today:
    """Today's tier per category, and where each came from."""

    tiers: dict[str, str | None]
    #: The categories whose tier is the profile's reading.
    from_profile: frozenset[str]
    #: category -> (profile's tier, reader's tier) where they differ.
    differs: dict[str, tuple[str | None, str | None]]
    #: category -> the profile's decisive words for it (found in the text).
    quotes: dict[str, str] = field(default_factory=dict)
    #: The profile file the reading is in ("" when none is used).
    profile_file: str = ""
    read_on: str = ""

    def draft(self, rubric: Rubric, jurisdiction: str | None = None) -> Draft:
        """Today's law as a draft (for its score beside the bill's)."""
        coverage = self.tiers.get(COVERAGE) or "adults"
        choices = {c: t for c, t in self.tiers.items() if c != COVERAGE and t is not None}
        read = Draft(jurisdiction=jurisdiction, coverage="none", choices=choices)
        return read.with_coverage(coverage, rubric)  # type: ignore[arg-type]

    def said(self) -> str:
        """Which reading was used, in one sentence (for the companion and notes)."""
        if not self.from_profile:
            return "Today's tiers are drafter analyze's reading of the text."
        where = self.profile_file or "the jurisdiction's profile"
        on = f" (read {self.read_on})" if self.read_on else ""
        out = (
            f"Today's tiers are the careful reading in {where}{on} for "
            f"{len(self.from_profile)} categories, drafter analyze's for the rest"
        )
        if self.differs:
            diffs = "; ".join(
                f"{c}: {p or 'open'} (drafter analyze: {a or 'open'})"
                for c, (p, a) in sorted(self.differs.items())
            )
            out += f"; they differ on {diffs}"
        return out + "."


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[“”\"']", "", text).split()).casefold()


def today_tiers(reading: Analysis, profile: Profile, text: str) -> Today:
    """Today's tiers for this text: the profile's reading when it reads this text."""
    tiers = reading.tiers()
    law = profile.law
    found = law.reading if law is not None else {}
    body = _norm(text)
    quotes = [r.quote for r in found.values() if r.quote]
    if not quotes or not any(_norm(q) in body for q in quotes):
        return Today(tiers, frozenset(), {})
    used: set[str] = set()
    quoted: dict[str, str] = {}
    differs: dict[str, tuple[str | None, str | None]] = {}
    for category, r in found.items():
        if r.is_open or (r.quote and _norm(r.quote) not in body):
            continue
        used.add(category)
        if r.quote:
            quoted[category] = r.quote
        if r.tier != tiers.get(category):
            differs[category] = (r.tier, tiers.get(category))
        tiers[category] = r.tier
    assert law is not None
    if law.status in ("adults", "minors_only") and tiers.get(COVERAGE) != law.status:
        differs[COVERAGE] = (law.status, tiers.get(COVERAGE))
        tiers[COVERAGE] = law.status
        used.add(COVERAGE)
    file = f"jurisdictions/{profile.id}.yaml" if profile.id else ""
    return Today(tiers, frozenset(used), differs, quoted, file, str(law.read_on or ""))


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where a quote stands in the text (any spacing, any case, straight or curly quotes)."""
    words = [re.escape(w) for w in re.sub(r"[“”\"']", " ", quote).split()]
    if not words:
        return []
    pattern = re.compile(r"[\s“”\"']+".join(words), re.I)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


__all__ = ["Today", "quote_spans", "today_tiers"]
