"""Signals: the phrases and patterns that identify each tier in statute text.

Data in rubric/<rubric>.signals.yaml, read by `drafter validate` (on assembled
bills) and by the statute analyzer (on real statutes). Patterns are searched on
normalized text: lower-cased, words hyphenated across line breaks joined,
whitespace collapsed, section symbols spelled out, and periods that do not end a
sentence (9.96.080, U.S.C.) neutralized. Evidence spans map back to character
offsets in the original text.

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
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from drafter.errors import UserError
from drafter.paths import data_dir
from drafter.rubric import Rubric
from drafter.validation import validate_doc
from drafter.yamlio import YamlDoc, load_yaml


class _TierSignals(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    any_: tuple[str, ...] = ()
    all_: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    absent: bool = False
    negatable: bool = True
    describe: str = ""
    #: Tiers of the same category this one gives way to: when one of them
    #: shows, this one does not (vacatur gives way to vacatur on the merits).
    yields_to: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _rename(cls, data: object) -> object:
        # `any` and `all` are the natural YAML keys but shadow Python builtins.
        if isinstance(data, dict):
            data = dict(data)
            for key in ("any", "all"):
                if key in data:
                    data[f"{key}_"] = data.pop(key)
        return data

    @model_validator(mode="after")
    def _shape(self) -> _TierSignals:
        if self.absent and (self.any_ or self.all_ or self.unless):
            raise ValueError("a tier read by absence has no any:, all: or unless: patterns")
        if not self.absent and not (self.any_ or self.all_):
            raise ValueError("give any: or all: patterns, or absent: true")
        if self.also and not self.absent:
            raise ValueError("also: (supporting phrases) is for a tier read by absence")
        return self


class _Negation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: A regex of negation cues ("no", "not", "without", "regardless of" ...).
    cues: str
    #: How many words before a phrase a cue may stand and still negate it.
    window_words: int = Field(default=6, ge=1, le=30)
    #: What ends a clause: a cue beyond it negates nothing here.
    breaks: str = r"[.;:,]"


class _SignalsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rubric: str
    normalize: str = ""
    negation: _Negation | None = None
    relief_statute: _TierSignals | None = None
    categories: dict[str, dict[str, _TierSignals]]


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted piece of the original text: [start, end) character offsets."""

    start: int
    end: int
    text: str


# --- normalization --------------------------------------------------------------

#: Characters replaced one for one (offsets unchanged): every whitespace
#: character but the space itself, curly quotes, Unicode hyphens and dashes
#: (the normalized text then stays one byte per character: faster to search).
_ONE_FOR_ONE: tuple[tuple[str, str], ...] = (
    *((c, " ") for c in map(chr, range(0x3001)) if c.isspace() and c != " "),
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201b", "'"),
    ("\u2032", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u2012", "-"),
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u2015", "-"),
)
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
#: Abbreviations whose period does not end a sentence ("Rev. Stat.", "sec. 5").
_ABBREVIATIONS = frozenset(
    (
        "sec",
        "secs",
        "stat",
        "stats",
        "rev",
        "gen",
        "ann",
        "ch",
        "chs",
        "no",
        "nos",
        "art",
        "arts",
        "subd",
        "subds",
        "subsec",
        "para",
        "paras",
        "cl",
        "seq",
        "etc",
        "inc",
        "co",
        "st",
        "pub",
        "cal",
        "conn",
        "fla",
        "neb",
        "mo",
        "mont",
        "md",
        "tex",
        "wash",
        "crim",
        "proc",
        "ct",
        "civ",
        "govt",
        "rsmo",
    )
)
# Each edit is found by a pattern with a literal start (fast to scan for); the
# checks around it are done in Python on the few matches.
_HYPHEN_BREAK = re.compile(r"[-\u2010\u00ad][ \t]*\r?\n\s*")
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]+")
_SECTION_SIGN = re.compile(r"§§?\s*")
_PERIOD = re.compile(r"\.")
_SPACES = re.compile(r"  +")


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _period_continues(text: str, i: int) -> bool:
    """Whether the period at `i` does not end a sentence (9.96.080, U.S.C. 1591, Rev. Stat.)."""
    n = len(text)
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < n else ""
    if not before or not _word_char(before):
        return False
    if _word_char(after):
        return True
    if not after.isspace():
        return False
    # The word the period closes.
    j = i - 1
    while j >= 0 and j > i - 8 and text[j].isalpha():
        j -= 1
    word = text[j + 1 : i].casefold()
    if j >= 0 and text[j] == "." and len(word) == 1:
        return True  # the last letter of a dotted abbreviation: U.S.C., e.g.
    return word in _ABBREVIATIONS and (j < 0 or not _word_char(text[j]))


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text and the map back to the original.

    The map is kept as segments: `_n[k]` is where segment k starts in the
    normalized text and `_o[k]` where it starts in the original; an identity
    segment maps character for character, a replaced one (a collapsed run of
    whitespace, a spelled-out section symbol) maps every character to the whole
    original stretch `_o[k]`..`_oe[k]`.
    """

    text: str
    original: str
    _n: tuple[int, ...] = ()
    _o: tuple[int, ...] = ()
    _oe: tuple[int, ...] = ()
    #: True for identity segments.
    _same: tuple[bool, ...] = ()

    def _segment(self, i: int) -> int:
        return bisect_right(self._n, i) - 1

    def start_of(self, i: int) -> int:
        """The original offset where normalized character i begins."""
        k = self._segment(i)
        if k < 0:
            return i
        return self._o[k] + (i - self._n[k]) if self._same[k] else self._o[k]

    def end_of(self, i: int) -> int:
        """The original offset just after normalized character i."""
        k = self._segment(i)
        if k < 0:
            return i + 1
        return self._o[k] + (i - self._n[k]) + 1 if self._same[k] else self._oe[k]

    @property
    def offsets(self) -> list[int]:
        """offsets[i] is the original index of normalized character i (built on demand)."""
        return [self.start_of(i) for i in range(len(self.text))]

    def span(self, start: int, end: int) -> Span:
        if start >= end:
            a = self.start_of(start) if start < len(self.text) else len(self.original)
            return Span(a, a, "")
        a = self.start_of(start)
        b = self.end_of(end - 1)
        # A quote never starts or ends on whitespace that normalization collapsed.
        while a < b and self.original[a].isspace():
            a += 1
        while b > a and self.original[b - 1].isspace():
            b -= 1
        return Span(a, b, self.original[a:b])


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lower-case to two ("İ"); keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _edits(text: str, conv: str) -> list[tuple[int, int, str]]:
    """Every length-changing edit, sorted, as (start, end, replacement)."""
    n = len(text)
    edits: list[tuple[int, int, str]] = []
    if "\n" in text:
        for m in _HYPHEN_BREAK.finditer(text):
            s, e = m.span()
            if s > 0 and e < n and _word_char(text[s - 1]) and _word_char(text[e]):
                edits.append((s, e, ""))
    if any(c in text for c in _INVISIBLE):
        edits.extend((m.start(), m.end(), "") for m in _INVISIBLE_RUN.finditer(text))
    if "§" in text:
        for m in _SECTION_SIGN.finditer(text):
            sign = "sections " if m.group().startswith("§§") else "section "
            edits.append((m.start(), m.end(), sign))
    if "." in text:
        for m in _PERIOD.finditer(text):
            i = m.start()
            if _period_continues(text, i):
                edits.append((i, i + 1, "\u00b7"))
    edits.extend((m.start(), m.end(), " ") for m in _SPACES.finditer(conv))
    edits.sort()
    return edits


def normalize(text: str, *, with_map: bool = True) -> Normalized:
    """Normalize `text` for matching, keeping the map back to its offsets."""
    conv = text
    for old, new in _ONE_FOR_ONE:
        if old in conv:
            conv = conv.replace(old, new)
    parts: list[str] = []
    n_starts: list[int] = []
    o_starts: list[int] = []
    o_ends: list[int] = []
    same: list[bool] = []
    npos = 0
    opos = 0
    for start, end, repl in _edits(text, conv):
        if start < opos:
            continue  # inside an earlier edit (the spaces after a joined hyphen)
        if start > opos:
            chunk = conv[opos:start]
            parts.append(chunk)
            if with_map:
                n_starts.append(npos)
                o_starts.append(opos)
                o_ends.append(start)
                same.append(True)
            npos += len(chunk)
        if repl:
            parts.append(repl)
            if with_map:
                n_starts.append(npos)
                o_starts.append(start)
                o_ends.append(end)
                same.append(False)
            npos += len(repl)
        opos = end
    if opos < len(text):
        parts.append(conv[opos:])
        if with_map:
            n_starts.append(npos)
            o_starts.append(opos)
            o_ends.append(len(text))
            same.append(True)
    norm = _lower("".join(parts))
    return Normalized(norm, text, tuple(n_starts), tuple(o_starts), tuple(o_ends), tuple(same))


def normalize_fast(text: str) -> str:
    """The normalized text alone (no offsets): for read-back of generated bills."""
    return normalize(text, with_map=False).text


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


def default_signals_path(rubric: Rubric) -> Path:
    return data_dir("rubric") / f"{rubric.id}.signals.yaml"


def _upper_letter(pattern: str) -> str | None:
    """An upper-case letter that is not part of an escape (\\S, \\W ...), if any."""
    i = 0
    in_name = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if pattern.startswith("(?P<", i):
            in_name = True
        elif in_name and c == ">":
            in_name = False
        elif c.isupper() and not in_name:
            return c
        i += 1
    return None


def _compile_phrase(
    doc: YamlDoc, loc: tuple[str | int, ...], text: str, negation: Negation | None
) -> Phrase:
    upper = _upper_letter(text)
    if upper is not None:
        raise doc.error(
            loc,
            f"pattern {text!r} has the capital {upper!r}; patterns are matched against "
            "lower-cased text, so write them in lower case",
        )
    try:
        pattern = re.compile(text)
        branches = tuple(_branch(b) for b in _top_level_branches(text))
    except re.error as exc:
        raise doc.error(loc, f"bad regular expression: {exc}") from None
    return Phrase(pattern, branches, negation)


def _branch(text: str) -> _Branch:
    needs, anchors = _required_literals(text)
    return _Branch(re.compile(text), needs, anchors)


def _required_literals(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Literals one of which every match of `text` contains, and literals one of
    which every match starts with (each empty when none is known)."""
    try:
        from re import _constants as sre_c  # type: ignore[attr-defined]
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        tree = sre_parse.parse(text)
    except (ImportError, re.error):  # another Python's internals: no prefilter, still correct
        return (), ()

    def seq(items: list[tuple[object, object]]) -> tuple[str, ...] | None:
        found: list[tuple[str, ...]] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                found.append(("".join(run),))
                run.clear()

        for op, av in items:
            if op is sre_c.LITERAL:
                run.append(chr(av))  # type: ignore[arg-type]
                continue
            if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
                continue  # zero-width: the literals around it are contiguous
            flush()
            if op is sre_c.SUBPATTERN:
                sub = seq(list(av[-1]))  # type: ignore[index]
                if sub:
                    found.append(sub)
            elif op is sre_c.BRANCH:
                alts: list[str] = []
                for branch in av[1]:  # type: ignore[index]
                    sub = seq(list(branch))
                    if not sub:
                        alts = []
                        break
                    alts.extend(sub)
                if alts:
                    found.append(tuple(alts))
            elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
                sub = seq(list(av[2]))  # type: ignore[index]
                if sub:
                    found.append(sub)
        flush()
        if not found:
            return None
        # The most selective requirement: the longest shortest alternative.
        return max(found, key=lambda alts: (min(len(a) for a in alts), -len(alts)))

    def leading(items: list[tuple[object, object]]) -> tuple[str, ...] | None:
        """The literals a match can start with (None: not known).

        Literal runs extend every prefix; an alternation multiplies them
        ("n" + (o|ever|on) -> no, never, non: sre factors common prefixes out).
        """
        prefixes = [""]
        started = False
        for op, av in items:
            if op is sre_c.LITERAL:
                prefixes = [p + chr(av) for p in prefixes]  # type: ignore[arg-type]
                started = True
                continue
            if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT) and not started:
                continue
            if op is sre_c.SUBPATTERN or op is sre_c.BRANCH:
                branches = [av[-1]] if op is sre_c.SUBPATTERN else av[1]  # type: ignore[index]
                subs: list[str] = []
                for branch in branches:
                    sub = leading(list(branch))
                    if not sub:
                        subs = []
                        break
                    subs.extend(sub)
                if subs and len(prefixes) * len(subs) <= 32:
                    prefixes = [p + q for p in prefixes for q in subs]
                    started = True
            break  # the literals after a group or anything else are not contiguous
        return tuple(prefixes) if started and all(prefixes) else None

    return seq(list(tree)) or (), leading(list(tree)) or ()


def _top_level_branches(text: str) -> list[str]:
    out: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            # A ']' right after '[' or '[^' is literal.
            if text[i + 1 : i + 2] == "^":
                i += 1
            if text[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(text[start:i])
            start = i + 1
        i += 1
    out.append(text[start:])
    return out


def _compile_tier(
    doc: YamlDoc,
    loc: tuple[str | int, ...],
    category: str,
    tier: str,
    spec: _TierSignals,
    negation: Negation | None,
    cache: dict[tuple[str, bool], Phrase],
    siblings: dict[str, TierSignals] | None = None,
) -> TierSignals:
    neg = negation if spec.negatable else None

    def phrases(kind: str, texts: tuple[str, ...], negate: Negation | None) -> tuple[Phrase, ...]:
        out = []
        for i, text in enumerate(texts):
            key = (text, negate is not None)
            if key not in cache:
                cache[key] = _compile_phrase(doc, (*loc, kind, i), text, negate)
            out.append(cache[key])
        return tuple(out)

    return TierSignals(
        category,
        tier,
        phrases("any", spec.any_, neg),
        phrases("all", spec.all_, neg),
        spec.absent,
        # An exclusion counts only where it is really said: negation applies to it too.
        phrases("unless", spec.unless, negation),
        phrases("also", spec.also, negation),
        " ".join(spec.describe.split()),
        spec.yields_to,
        siblings if siblings is not None else {},
    )


def _check_no_cycle(doc: YamlDoc, category: str, edges: dict[str, tuple[str, ...]]) -> None:
    state: dict[str, int] = {}

    def visit(tier: str, path: tuple[str, ...]) -> None:
        if state.get(tier) == 2:
            return
        if state.get(tier) == 1:
            loop = " -> ".join((*path[path.index(tier) :], tier))
            raise doc.error(
                ("categories", category), f"{category}: yields_to goes round in a circle: {loop}"
            )
        state[tier] = 1
        for other in edges.get(tier, ()):
            visit(other, (*path, tier))
        state[tier] = 2

    for tier in edges:
        visit(tier, ())


def load_signals(rubric: Rubric, path: str | Path | None = None) -> Signals:
    """Load the signals beside the rubric (or `path`) and check them against it."""
    path = Path(path) if path is not None else default_signals_path(rubric)
    doc = load_yaml(path, "signals file")
    raw = validate_doc(_SignalsFile, doc, "signals file")
    if raw.rubric != rubric.id:
        raise doc.error(("rubric",), f"signals are for rubric {raw.rubric!r}, not {rubric.id!r}")
    negation: Negation | None = None
    if raw.negation is not None:
        try:
            negation = Negation(
                re.compile(raw.negation.cues),
                raw.negation.window_words,
                re.compile(raw.negation.breaks),
            )
        except re.error as exc:
            raise doc.error(("negation",), f"bad regular expression: {exc}") from None
    cache: dict[tuple[str, bool], Phrase] = {}
    gate = None
    if raw.relief_statute is not None:
        if raw.relief_statute.absent:
            raise doc.error(("relief_statute",), "relief_statute needs patterns, not absent")
        gate = _compile_tier(
            doc, ("relief_statute",), "relief_statute", "relief_statute",
            raw.relief_statute, negation, cache,
        )  # fmt: skip
    compiled: dict[str, dict[str, TierSignals]] = {}
    for category, tiers in raw.categories.items():
        cat = rubric.category(category)
        if cat is None and category != "coverage":
            raise doc.error(("categories", category), f"unknown category {category!r}")
        known = {t.id for t in cat.tiers} if cat else set(rubric.coverage)
        absent = [t for t, s in tiers.items() if s.absent]
        if len(absent) > 1:
            raise doc.error(
                ("categories", category),
                f"{category}: only one tier can be read by absence, not {', '.join(absent)}",
            )
        siblings: dict[str, TierSignals] = {}
        for tier, spec in tiers.items():
            if tier not in known:
                raise doc.error(
                    ("categories", category, tier), f"unknown tier {tier!r} in {category}"
                )
            for other in spec.yields_to:
                if other not in tiers or other == tier:
                    raise doc.error(
                        ("categories", category, tier, "yields_to"),
                        f"{category}: {tier} yields to {other!r}, which is not another tier "
                        f"here; choose from {', '.join(t for t in tiers if t != tier)}",
                    )
            siblings[tier] = _compile_tier(
                doc, ("categories", category, tier), category, tier, spec, negation, cache,
                siblings,
            )  # fmt: skip
        _check_no_cycle(doc, category, {t: s.yields_to for t, s in tiers.items()})
        compiled[category] = siblings
    for cat in rubric.categories:
        missing = [t.id for t in cat.tiers if t.id not in compiled.get(cat.id, {})]
        if missing:
            raise UserError(path, f"{cat.id}: no signals for tier(s) {', '.join(missing)}")
    return Signals(raw.rubric, compiled, str(path), gate, negation)
