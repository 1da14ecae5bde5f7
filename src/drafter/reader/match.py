"""Matching: compiled phrases, found fast, with negation scoped to their clause.

A phrase's first match counts unless a negation cue stands before it in the
same clause ("no hearing is required" is not "a hearing is required") or it
starts among words a cue governs for another phrase of its tier, its
sentence is about something else (`not_in_sentence_with`), or one of its own
`unless` phrases is anywhere in the text. A `Scanner` searches each phrase at
most once per text.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.reader.tiers import TierRead

# --- phrases and tiers ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Negation:
    cues: re.Pattern[str]
    window_words: int
    breaks: re.Pattern[str]
    #: Cues that void a match anywhere after them in its clause (a tier's
    #: `waived_by`), and what else ends their reach.
    waivers: re.Pattern[str] | None = None
    waiver_breaks: re.Pattern[str] | None = None

    def negates(self, norm: str, start: int, reach: int = 0) -> bool:
        """Whether a negation cue stands just before `start`, in the same clause
        (within `reach` words, if given, instead of the window)."""
        window = reach or self.window_words
        prefix = norm[max(0, start - 24 * window) : start]
        words = prefix[_after_last(self.breaks, prefix) :].split()[-window:]
        if words and self.cues.search(" ".join(words)) is not None:
            return True
        return self.waivers is not None and self._waived(norm, start)

    def _waived(self, norm: str, start: int) -> bool:
        """Whether a waiver stands before `start` in its clause, however far."""
        assert self.waivers is not None
        prefix = norm[max(0, start - WAIVER_REACH_CHARS) : start]
        cut = _after_last(self.breaks, prefix)
        if self.waiver_breaks is not None:
            cut = _after_last(self.waiver_breaks, prefix, cut)
        return self.waivers.search(prefix, cut) is not None


def _after_last(pattern: re.Pattern[str], text: str, pos: int = 0) -> int:
    """Where the last match of `pattern` in `text` from `pos` ends (`pos` if none):
    the start of the clause a phrase at the end of `text` stands in."""
    for m in pattern.finditer(text, pos):
        pos = m.end()
    return pos


#: How far back a waiver is looked for (a clause is rarely longer).
WAIVER_REACH_CHARS = 600


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
    #: For a branch that opens on a literal (perhaps after a word boundary: "\\bnot "),
    #: the same pattern with the literal first ("not (?<!\\wnot )..."): the regex
    #: engine skips from one place of the literal to the next itself, trying the
    #: rest there, instead of handing each place back to be tried (most fail).
    seek: re.Pattern[str] | None = None
    #: The literal it opens on.
    lead: str = ""

    def candidates(
        self,
        norm: str,
        limit: int | None = None,
        found: dict[str, int] | None = None,
        floor: list[int] | None = None,
    ):  # -> Iterator[re.Match[str]]
        """Matches in order of their start (none starting after `limit`).

        `found` caches each literal's first position in `norm` (-1: absent),
        shared by every pattern searched in one text. `floor` (one number, which
        the caller may raise between matches) passes over every match that would
        start before it: the caller has done with that stretch of text.
        """
        if found is None:
            found = {}
        if self.needs:
            for lit in self.needs:
                if _first(found, norm, lit) >= 0:
                    break
            else:
                return
        pattern = self.pattern
        pos = 0
        if self.seek is not None:
            pattern = self.seek
            pos = _first(found, norm, self.lead)
            if pos < 0:
                return
        elif self.anchors:
            yield from self._anchored(norm, limit, found, floor)
            return
        n = len(norm)
        while pos <= n:
            m = pattern.search(norm, pos)
            if m is None or (limit is not None and m.start() > limit):
                return
            if floor is not None and m.start() < floor[0]:
                pos = floor[0]
                continue
            yield m
            pos = m.start() + 1

    def _anchored(
        self, norm: str, limit: int | None, found: dict[str, int], floor: list[int] | None
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
            if floor is not None and pos < floor[0]:
                # (each anchor's next place at or after the floor: none is matched before it)
                nxt = norm.find(lit, floor[0])
                if nxt >= 0:
                    heapq.heappush(heap, (nxt, lit))
                continue
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
    #: A match does not count when its sentence matches this (the sentence is
    #: about something else: "restores the status held before the arrest").
    outside: re.Pattern[str] | None = None
    #: The phrase does not count at all when one of these is anywhere in the text.
    unless: tuple[Phrase, ...] = ()
    #: When it proves a tier, the tier's `unless` is looked for only in its sentence.
    own_sentence: bool = False

    @property
    def source(self) -> str:
        return self.pattern.pattern

    def first(
        self,
        norm: str,
        negated: list[tuple[int, int]] | None = None,
        found: dict[str, int] | None = None,
        governed: tuple[tuple[int, int], ...] = (),
    ) -> tuple[int, int] | None:
        """The evidence span of the first match no negation cue voids.

        `governed`: words a negation cue was found to govern (other phrases'
        negated matches); a match that starts among them is negated too."""
        best: tuple[int, int] | None = None
        best_start = -1
        for branch in self.branches:
            for m in branch.candidates(norm, None if best is None else best_start, found):
                if best is not None and m.start() >= best_start:
                    break
                span = _evidence(m)
                if (self.negation is not None and self.negation.negates(norm, span[0])) or (
                    governed and starts_within(span, governed)
                ):
                    if negated is not None and len(negated) < 8:
                        negated.append(span)
                    continue
                if self.outside is not None and self.outside.search(
                    norm, *sentence_around(norm, m.start(), m.end())
                ):
                    continue
                best, best_start = span, m.start()
                break
        return best


def starts_within(span: tuple[int, int], spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether `span` starts inside one of `spans`."""
    return any(a <= span[0] < b for a, b in spans)


def sentence_around(norm: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (in normalized text) that holds [start, end).

    Periods that do not end a sentence were neutralized by normalization, so a
    period and a space end one.
    """
    a = norm.rfind(". ", 0, start)
    b = norm.find(". ", end)
    return (a + 2 if a >= 0 else 0), (b + 1 if b >= 0 else len(norm))


class Literals(dict[str, int]):
    """Each literal's first place in one text (-1: absent), and the text this
    one was made from by blanking (its `base`: a view of fewer sentences).

    Blanking writes only spaces and periods, so a literal with neither that
    shows in this text shows at the same place in the base: absent there, it is
    absent here, and here it is found no earlier than there."""

    __slots__ = ("base", "base_text", "placed")

    def __init__(self, base: Literals | None = None, base_text: str = "") -> None:
        super().__init__()
        self.base = base
        self.base_text = base_text
        #: Searches that place sentences in this text, kept by their branches
        #: (drafter.reader.scope._placing: each read once however often asked).
        self.placed: dict[int, Any] = {}


def _first(found: dict[str, int], norm: str, literal: str) -> int:
    at = found.get(literal)
    if at is None:
        base = found.base if isinstance(found, Literals) else None
        if base is None:
            at = found[literal] = norm.find(literal)
            return at
        # The literal's longest stretch without a space or period shows in the
        # base text wherever it shows here: absent there, the literal is absent
        # here, and found here no earlier than that place, less its offset.
        run, offset = _solid(literal)
        if not run:
            at = found[literal] = norm.find(literal)
            return at
        lower = _first(base, found.base_text, run)  # type: ignore[attr-defined]
        at = found[literal] = -1 if lower < 0 else norm.find(literal, max(lower - offset, 0))
    return at


@lru_cache(maxsize=4096)
def _solid(literal: str) -> tuple[str, int]:
    """The literal's longest stretch with no space or period, and where it starts."""
    best, at = "", 0
    for m in _SOLID.finditer(literal):
        if len(m.group()) > len(best):
            best, at = m.group(), m.start()
    return best, at


_SOLID = re.compile(r"[^ .]+")


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _evidence(m: re.Match[str]) -> tuple[int, int]:
    if "ev" in m.re.groupindex and m.group("ev") is not None:
        return m.span("ev")
    return m.span()


class Scanner:
    """One text's matches, each pattern searched at most once."""

    __slots__ = ("_cache", "_found", "_negated", "_reads", "_shows", "norm")

    def __init__(self, norm: str, base: Scanner | None = None) -> None:
        """`base`: the scanner of the text this one was made from by blanking
        sentences out (its literals' places bound these)."""
        self.norm = norm
        self._cache: dict[int, tuple[int, int] | None] = {}
        self._negated: dict[int, list[tuple[int, int]]] = {}
        self._reads: dict[int, TierRead] = {}  # filled by tiers.TierSignals.read
        self._shows: dict[int, bool] = {}
        self._found: Literals = Literals(base._found, base.norm) if base is not None else Literals()

    @property
    def found(self) -> Literals:
        """Each literal's first place in this text, as found so far (shared by
        every search of it)."""
        return self._found

    def first(self, phrase: Phrase) -> tuple[int, int] | None:
        key = id(phrase)
        try:
            return self._cache[key]
        except KeyError:
            pass
        negated: list[tuple[int, int]] = []
        hit = phrase.first(self.norm, negated, self._found)
        if hit is not None and any(self.first(u) is not None for u in phrase.unless):
            hit = None
        self._cache[key] = hit
        if negated:
            self._negated[key] = negated
        return hit

    def negated(self, phrase: Phrase) -> list[tuple[int, int]]:
        self.first(phrase)
        return self._negated.get(id(phrase), [])
