"""Tiers: which of a category's tiers a text shows, and the rules as loaded.

A tier shows when its phrases match (see the signals file's header for `any`,
`all`, `unless`, `yields_to`, `absent`, `arguable`); `Signals` is the whole
rules file compiled, with how each category is read and how provisions are told
apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.reader.layout import LayoutRules
from drafter.reader.match import Negation, Phrase, Scanner, sentence_around, starts_within

#: How far back in its clause a match looks for a cue that may govern it
#: through another phrase's longer match (TierSignals._ungoverned): the
#: window of that phrase's start and the words of a long phrase.
GOVERNED_REACH = 40


@dataclass(frozen=True, slots=True)
class TierRead:
    """What the signals of one tier found in one text."""

    present: bool
    #: (start, end, pattern) in normalized text, for each pattern that proves the tier.
    spans: tuple[tuple[int, int, str], ...] = ()
    #: Matches a negation cue voided.
    negated: tuple[tuple[int, int, str], ...] = ()
    #: The `unless` match that kept the tier from showing, if any.
    blocked_by: tuple[int, int, str] | None = None
    #: Shown only by an `arguable:` phrase: a reading to weigh against `arguable_with`.
    arguable: bool = False
    #: The sentence that decides the tier (an `own_sentence` pattern proved it):
    #: exclusions and the tiers it yields to count only inside it.
    within: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class TierSignals:
    category: str
    tier: str
    any_: tuple[Phrase, ...]
    all_: tuple[Phrase, ...]
    absent: bool
    unless: tuple[Phrase, ...] = ()
    also: tuple[Phrase, ...] = ()
    describe: str = ""
    yields_to: tuple[str, ...] = ()
    #: Phrases that make the tier arguable, not clear: shown only by these, the
    #: reading is ambiguous between this tier and `arguable_with`.
    arguable: tuple[Phrase, ...] = ()
    arguable_with: str | None = None
    #: The category's tiers (shared by all of them; filled in by the loader).
    siblings: dict[str, TierSignals] = field(default_factory=dict, repr=False, compare=False)

    def shows(self, scan: Scanner) -> bool:
        """Whether the tier is read: its own signals show and no tier it yields to does."""
        key = id(self)
        known = scan._shows.get(key)
        if known is None:
            # A tier gives way only to a tier that shows plainly, not arguably (and,
            # when its own sentence decides it, only to one shown in that sentence).
            mine = self.read(scan)
            known = mine.present and not any(
                self.siblings[t].shows(scan)
                and not self.siblings[t].read(scan).arguable
                and _inside(self.siblings[t].read(scan).spans, mine.within)
                for t in self.yields_to
                if t in self.siblings
            )
            scan._shows[key] = known
        return known

    def read(self, scan: Scanner) -> TierRead:
        """Whether the tier's own signals show in the scanner's text, and where."""
        key = id(self)
        found = scan._reads.get(key)
        if found is None:
            found = scan._reads[key] = self._read(scan)
        return found

    def _read(self, scan: Scanner) -> TierRead:
        if self.absent:
            also = []
            for p in self.also:
                hit = scan.first(p)
                if hit is not None:
                    also.append((*hit, p.source))
            return TierRead(False, tuple(also))
        spans: list[tuple[int, int, str]] = []
        negated: list[tuple[int, int, str]] = []
        ok = True
        if self.any_:
            for p in self.any_:
                hit = self._ungoverned(scan, p, negated)
                negated.extend((*s, p.source) for s in scan.negated(p))
                if hit is not None:
                    spans.append((*hit, p.source))
                    break
            else:
                ok = False
        if ok:
            for p in self.all_:
                hit = self._ungoverned(scan, p, negated)
                negated.extend((*s, p.source) for s in scan.negated(p))
                if hit is None:
                    ok = False
                    break
                spans.append((*hit, p.source))
        arguable = False
        if not ok:
            for p in self.arguable:
                hit = scan.first(p)
                if hit is not None:
                    spans, ok, arguable = [(*hit, p.source)], True, True
                    break
            else:
                return TierRead(False, (), tuple(negated))
        # A pattern whose sentence decides: the exclusions count only inside that sentence.
        within = next(
            (
                sentence_around(scan.norm, s, e)
                for (s, e, _), p in zip(spans, self._provers(spans), strict=True)
                if p is not None and p.own_sentence
            ),
            None,
        )
        for p in self.unless:
            if within is not None:
                local = p.first(scan.norm[within[0] : within[1]])
                hit = (local[0] + within[0], local[1] + within[0]) if local else None
            else:
                hit = scan.first(p)
            if hit is not None:
                return TierRead(False, tuple(spans), tuple(negated), (*hit, p.source))
        return TierRead(True, tuple(spans), tuple(negated), None, arguable, within)

    def _ungoverned(
        self, scan: Scanner, p: Phrase, negated: list[tuple[int, int, str]]
    ) -> tuple[int, int] | None:
        """`p`'s first match that starts outside the words a negation governs.

        Each phrase is negated from where it starts, within a few words of the
        cue; a longer phrase of the same tier reaches further. In "is not
        subject to a requirement that at least two years have passed", "at
        least two years" is negated and "years have passed", eight words after
        the "not", stands among the very words it governs: negated too. The
        other phrases are searched only when `p` matches after a cue in its
        clause, within GOVERNED_REACH words (each phrase once a text).
        """
        hit = scan.first(p)
        if hit is None or p.negation is None:
            return hit
        if not p.negation.negates(scan.norm, hit[0], GOVERNED_REACH):
            return hit
        governed = tuple(s for q in (*self.any_, *self.all_) if q is not p for s in scan.negated(q))
        if not starts_within(hit, governed):
            return hit
        void: list[tuple[int, int]] = []
        hit = p.first(scan.norm, void, scan._found, governed)
        negated.extend((*s, p.source) for s in void if s not in scan.negated(p))
        return hit

    def _provers(self, spans: list[tuple[int, int, str]]) -> list[Phrase | None]:
        """The phrase behind each span (by its pattern's source)."""
        by_source = {p.source: p for p in (*self.any_, *self.all_)}
        return [by_source.get(src) for _, _, src in spans]

    def search(self, norm: str, scan: Scanner | None = None) -> list[tuple[int, int]] | None:
        """Spans (in normalized text) proving this tier, or None if it is not there."""
        if self.absent:
            return None
        scan = scan or Scanner(norm)
        if not self.shows(scan):
            return None
        return [(s, e) for s, e, _ in self.read(scan).spans]

    @property
    def patterns(self) -> tuple[str, ...]:
        return tuple(p.source for p in (*self.any_, *self.all_))


def _inside(spans: tuple[tuple[int, int, str], ...], within: tuple[int, int] | None) -> bool:
    """Whether a span falls in the deciding sentence (any span does when none decides)."""
    return within is None or any(within[0] <= s < within[1] for s, _, _ in spans)


@dataclass(frozen=True, slots=True)
class WhenSilent:
    """How to read a category when no tier shows but `given` does."""

    given: TierSignals
    ambiguous: tuple[str, ...]
    note: str
    #: The one tier silence reads as, plainly, when `given` shows (else ambiguous).
    reads: str | None = None


@dataclass(frozen=True, slots=True)
class CategoryReading:
    """How a category is read: which sentences count, its topic words, silence."""

    reads: frozenset[str] = frozenset({"operative", "definition"})
    topic: re.Pattern[str] | None = None
    when_silent: WhenSilent | None = None
    #: Only definitions of terms this matches are evidence (None: every used one).
    definitions_of: re.Pattern[str] | None = None
    #: (tier, why): a text with no tier's signals and no topic word reads as this tier.
    silence: tuple[str, str] | None = None
    #: Words that settle the category in terms no tier names: no reading by absence.
    unweighed: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Signals:
    rubric_id: str
    #: category id -> tier id -> signals, in the file's order.
    categories: dict[str, dict[str, TierSignals]]
    path: str
    #: What makes a text a trafficking-specific relief statute (None: every text is).
    relief_statute: TierSignals | None = None
    negation: Negation | None = field(default=None, repr=False)
    #: How provisions and sentence roles are told apart (None: all text is operative).
    layout: LayoutRules | None = field(default=None, repr=False)
    #: category id -> how it is read (categories not listed: the defaults).
    reading: dict[str, CategoryReading] = field(default_factory=dict, repr=False)

    def reading_of(self, category: str) -> CategoryReading:
        return self.reading.get(category) or _DEFAULT_READING

    def tier(self, category: str, tier: str) -> TierSignals | None:
        return self.categories.get(category, {}).get(tier)


_DEFAULT_READING = CategoryReading()


def read_tiers(signals: Signals, norm: str) -> dict[str, list[str]]:
    """The tiers whose signals the (normalized) text shows, per category.

    A category none of whose positive tiers shows reads as its absence tier.
    """
    scan = Scanner(norm)
    out: dict[str, list[str]] = {}
    for category, tiers in signals.categories.items():
        found = [t for t, s in tiers.items() if not s.absent and s.shows(scan)]
        if not found:
            found = [t for t, s in tiers.items() if s.absent]
        out[category] = found
    return out
