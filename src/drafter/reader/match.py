"""Matching: phrases, negation, and which tiers a text shows.

A tier's signals (all data, see the signals file's header):

- `any:` / `all:` patterns: the tier shows when one of `any` and every one of
  `all` match;
- `unless:` patterns: the tier does not show when one of these appears anywhere
  (how a tier that another includes stays exclusive: vacatur yields to vacatur
  on the merits);
- `absent: true`: the tier the rubric reads from silence (with optional `also:`
  patterns quoted as supporting evidence when present, never required);
- `describe:` what the patterns look for, in words (shown as the evidence of a
  finding read by absence);
- negation: a match preceded, within its clause, by a negation cue from the
  file's `negation:` block ("no hearing is required" is not "a hearing is
  required") does not count, unless the tier says `negatable: false`.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field

# --- phrases and tiers ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Negation:
    cues: re.Pattern[str]
    window_words: int
    breaks: re.Pattern[str]

    def negates(self, norm: str, start: int) -> bool:
        """Whether a negation cue stands just before `start`, in the same clause."""
        lo = max(0, start - 24 * self.window_words)
        prefix = norm[lo:start]
        cut = 0
        for m in self.breaks.finditer(prefix):
            cut = m.end()
        words = prefix[cut:].split()[-self.window_words :]
        return bool(words) and self.cues.search(" ".join(words)) is not None


@dataclass(frozen=True, slots=True)
class _Branch:
    """One top-level alternative of a pattern, compiled to be found fast."""

    pattern: re.Pattern[str]
    #: Literals one of which every match contains: when none is in the text,
    #: the branch cannot match and is not searched at all.
    needs: tuple[str, ...]
    #: Literals one of which every match starts with: the branch is tried only
    #: where one occurs (found with str.find, much faster than a regex scan for
    #: a pattern that opens on alternatives). Empty: search the ordinary way.
    anchors: tuple[str, ...]

    def candidates(
        self, norm: str, limit: int | None = None, found: dict[str, int] | None = None
    ):  # -> Iterator[re.Match[str]]
        """Matches in order of their start (none starting after `limit`).

        `found` caches each literal's first position in `norm` (-1: absent),
        shared by every pattern searched in one text.
        """
        if found is None:
            found = {}
        if self.needs and all(_first(found, norm, n) < 0 for n in self.needs):
            return
        if self.anchors:
            yield from self._anchored(norm, limit, found)
            return
        pos = 0
        n = len(norm)
        while pos <= n:
            m = self.pattern.search(norm, pos)
            if m is None or (limit is not None and m.start() > limit):
                return
            yield m
            pos = m.start() + 1

    def _anchored(
        self, norm: str, limit: int | None, found: dict[str, int]
    ):  # -> Iterator[re.Match[str]]
        heap: list[tuple[int, str]] = []
        for lit in self.anchors:
            i = _first(found, norm, lit)
            if i >= 0:
                heap.append((i, lit))
        heapq.heapify(heap)
        last = -1
        match = self.pattern.match
        while heap:
            pos, lit = heapq.heappop(heap)
            if limit is not None and pos > limit:
                return
            nxt = norm.find(lit, pos + 1)
            if nxt >= 0:
                heapq.heappush(heap, (nxt, lit))
            if pos == last:
                continue
            last = pos
            m = match(norm, pos)
            if m is not None:
                yield m


@dataclass(frozen=True, slots=True)
class Phrase:
    """One compiled pattern: its first match that no negation cue voids.

    A pattern with top-level alternatives is searched branch by branch (each
    with its own literal prefix and prefilter); the first match is the leftmost
    over all branches, the earlier branch winning a tie, as in the regex.
    """

    pattern: re.Pattern[str]
    branches: tuple[_Branch, ...]
    negation: Negation | None

    @property
    def source(self) -> str:
        return self.pattern.pattern

    def first(
        self,
        norm: str,
        negated: list[tuple[int, int]] | None = None,
        found: dict[str, int] | None = None,
    ) -> tuple[int, int] | None:
        """The evidence span of the first match no negation cue voids."""
        best: tuple[int, int] | None = None
        best_start = -1
        for branch in self.branches:
            for m in branch.candidates(norm, None if best is None else best_start, found):
                if best is not None and m.start() >= best_start:
                    break
                span = _evidence(m)
                if self.negation is not None and self.negation.negates(norm, span[0]):
                    if negated is not None and len(negated) < 8:
                        negated.append(span)
                    continue
                best, best_start = span, m.start()
                break
        return best


def _first(found: dict[str, int], norm: str, literal: str) -> int:
    at = found.get(literal)
    if at is None:
        at = found[literal] = norm.find(literal)
    return at


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _evidence(m: re.Match[str]) -> tuple[int, int]:
    if "ev" in m.re.groupindex and m.group("ev") is not None:
        return m.span("ev")
    return m.span()


class Scanner:
    """One text's matches, each pattern searched at most once."""

    __slots__ = ("_cache", "_found", "_negated", "_reads", "_shows", "norm")

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self._cache: dict[int, tuple[int, int] | None] = {}
        self._negated: dict[int, list[tuple[int, int]]] = {}
        self._reads: dict[int, TierRead] = {}
        self._shows: dict[int, bool] = {}
        self._found: dict[str, int] = {}

    def first(self, phrase: Phrase) -> tuple[int, int] | None:
        key = id(phrase)
        try:
            return self._cache[key]
        except KeyError:
            pass
        negated: list[tuple[int, int]] = []
        hit = phrase.first(self.norm, negated, self._found)
        self._cache[key] = hit
        if negated:
            self._negated[key] = negated
        return hit

    def negated(self, phrase: Phrase) -> list[tuple[int, int]]:
        self.first(phrase)
        return self._negated.get(id(phrase), [])


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
    #: The category's tiers (shared by all of them; filled in by the loader).
    siblings: dict[str, TierSignals] = field(default_factory=dict, repr=False, compare=False)

    def shows(self, scan: Scanner) -> bool:
        """Whether the tier is read: its own signals show and no tier it yields to does."""
        key = id(self)
        known = scan._shows.get(key)
        if known is None:
            known = self.read(scan).present and not any(
                self.siblings[t].shows(scan) for t in self.yields_to if t in self.siblings
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
            spans = []
            for p in self.also:
                hit = scan.first(p)
                if hit is not None:
                    spans.append((*hit, p.source))
            return TierRead(False, tuple(spans))
        spans: list[tuple[int, int, str]] = []
        negated: list[tuple[int, int, str]] = []
        ok = True
        if self.any_:
            for p in self.any_:
                hit = scan.first(p)
                negated.extend((*s, p.source) for s in scan.negated(p))
                if hit is not None:
                    spans.append((*hit, p.source))
                    break
            else:
                ok = False
        if ok:
            for p in self.all_:
                hit = scan.first(p)
                negated.extend((*s, p.source) for s in scan.negated(p))
                if hit is None:
                    ok = False
                    break
                spans.append((*hit, p.source))
        if not ok:
            return TierRead(False, (), tuple(negated))
        for p in self.unless:
            hit = scan.first(p)
            if hit is not None:
                return TierRead(False, tuple(spans), tuple(negated), (*hit, p.source))
        return TierRead(True, tuple(spans), tuple(negated))

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


@dataclass(frozen=True)
class Signals:
    rubric_id: str
    #: category id -> tier id -> signals, in the file's order.
    categories: dict[str, dict[str, TierSignals]]
    path: str
    #: What makes a text a trafficking-specific relief statute (None: every text is).
    relief_statute: TierSignals | None = None
    negation: Negation | None = field(default=None, repr=False)

    def tier(self, category: str, tier: str) -> TierSignals | None:
        return self.categories.get(category, {}).get(tier)


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
