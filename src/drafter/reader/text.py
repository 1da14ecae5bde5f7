"""Normalizing statute text for matching, with the map back to the original offsets.

Patterns are searched on normalized text: lower-cased, words hyphenated across
line breaks joined, whitespace collapsed, section symbols spelled out, and
periods that do not end a sentence (9.96.080, U.S.C.) neutralized. Evidence spans
map back to character offsets in the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable
from dataclasses import dataclass


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
#: Those beyond one byte come first, the dashes and quotes statutes use most
#: first of all: once they are gone the text is stored a byte a character, and
#: looking for each character that follows is a memchr, or nothing at all for
#: a character it cannot hold. (No replacement makes a character another
#: replaces, so the order changes nothing else.)
_ONE_FOR_ONE: tuple[tuple[str, str], ...] = (
    ("\u2014", "-"),
    ("\u2013", "-"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u201b", "'"),
    ("\u2032", "'"),
    ("\u2010", "-"),
    ("\u2011", "-"),
    ("\u2012", "-"),
    ("\u2015", "-"),
    *((c, " ") for c in map(chr, range(0x100, 0x3001)) if c.isspace()),
    *((c, " ") for c in map(chr, range(0x100)) if c.isspace() and c != " "),
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
# A hyphen, a line break and the spaces around it: one pattern per hyphen
# ("-", U+2010, the soft hyphen), each opening on a literal, which the engine
# skips to several times faster than to a set of characters. (A break holds one
# hyphen, so no two overlap: together they find what [-\u2010\u00ad]... finds.)
_HYPHEN_BREAKS = tuple(
    (hyphen, re.compile(re.escape(hyphen) + r"[ \t]*\r?\n\s*")) for hyphen in "-\u2010\u00ad"
)
_INVISIBLE_RUN = re.compile(f"[{_INVISIBLE}]+")
_SECTION_SIGN = re.compile(r"§§?\s*")
_SPACE_RUN = re.compile(r" +")


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
    if text[j + 1 : i] in ("s", "ss") and (j < 0 or not _word_char(text[j])):
        # Florida's "s. 119.07(1)", "ss. 775.082-775.084": a section sign, when a number follows.
        return text[i + 1 : i + 3].strip()[:1].isdigit()
    return word in _ABBREVIATIONS and (j < 0 or not _word_char(text[j]))


def _either_case(word: str) -> str:
    return "".join(f"[{c}{c.upper()}]" for c in word)


def _may_continue_behind() -> str:
    """What must stand before a period followed by a space for `_period_continues`
    to say yes to it (and little else): lookbehinds, run after the period: a
    letter after a period (U.S.C.); an abbreviation or Florida's "s."/"ss."
    standing alone; or a character outside ASCII among the last seven
    (casefolding may make it an abbreviation)."""
    by_len: dict[int, list[str]] = {}
    for word in sorted(_ABBREVIATIONS | {"s", "ss"}):
        by_len.setdefault(len(word), []).append(_either_case(word))
    alone = [f"(?<=(?<!\\w)(?:{'|'.join(ws)})\\.)" for _, ws in sorted(by_len.items())]
    wide = [f"(?<=[^\\x00-\\x7f]\\w{{{k}}}\\.)" for k in range(7)]
    return "(?:" + "|".join([*alone, r"(?<=\.[^\W\d_]\.)", *wide]) + ")"


#: Every period before a space that `_period_continues` can say yes to, and few
#: others: one regex pass finds them (it opens on the period, a literal the
#: engine skips to), and only these are checked in Python.
_MAY_CONTINUE = re.compile(r"\.(?=\s)" + _may_continue_behind())
#: A period between word characters (9.96.080, U.S.C): `_period_continues` says yes
#: to every one, so they are taken as found, with no check in Python.
_INNER_PERIOD = re.compile(r"\.(?<=\w\.)(?=\w)")


def continuing_periods(text: str) -> set[int]:
    """The offsets of the periods in `text` that do not end a sentence: the same
    as `_period_continues` asked of every period, in two passes."""
    found = {m.start() for m in _INNER_PERIOD.finditer(text)}
    found.update(i for m in _MAY_CONTINUE.finditer(text) if _period_continues(text, i := m.start()))
    return found


def continuing_after_blanks(
    text: str, continuing: Collection[int], blanks: Iterable[tuple[int, int]]
) -> set[int]:
    """`continuing_periods(text)`, from those of the text `text` was made from by
    blanking the stretches `blanks` (in order, apart; Layout.evidence_text): a
    period's answer reads at most eight characters before it and two after, so
    only the periods that near a blank are asked again."""
    out = set(continuing)
    ordered = sorted(continuing)
    n = len(text)
    for a, b in blanks:
        lo, hi = max(a - 2, 0), min(b + 8, n)
        k = bisect_left(ordered, lo)
        while k < len(ordered) and ordered[k] < hi:
            out.discard(ordered[k])
            k += 1
        i = text.find(".", lo, hi)
        while i >= 0:
            if _period_continues(text, i):
                out.add(i)
            i = text.find(".", i + 1, hi)
    return out


# A sentence ends at a period (or ? !), perhaps closed by a quote or bracket, before a
# space. The periods are found in one pass, which opens on the period (a literal,
# which the engine skips to twice as fast as to a set of characters), and "?" and
# "!" in another, only in a text that has either. (No two ends overlap: a mark
# opens each.) Of each period the pass says what SentenceEnds needs to know:
# between word characters (`inner`: it continues, as _INNER_PERIOD finds); before
# a space with what may make it continue (`may`: _MAY_CONTINUE, asked in Python,
# and an end if it does not); or else an end (`end`); any other period is neither.
_PERIODS = re.compile(
    r"\.(?:(?=\w)(?<=\w\.)(?P<inner>)|(?=\s)"
    + _may_continue_behind()
    + r"(?P<may>)|(?P<end>[\"”'\])]*(?=\s)))"
)
_MARK_END = re.compile(r"[?!][\"”'\])]*(?=\s)")


class SentenceEnds:
    """Where sentences end in one text, found once for the whole text: the
    periods that do not end one (drafter.reader.text.continuing_periods), and
    every sentence end (a local search of [start, stop) finds exactly the ends
    that start at or after `start` and end before `stop`: the lookahead for a
    space cannot see past `stop`)."""

    __slots__ = ("continuing", "ends", "starts")

    def __init__(self, text: str) -> None:
        continuing: set[int] = set()
        found: list[tuple[int, int]] = []
        for m in _PERIODS.finditer(text):
            kind = m.lastgroup
            if kind == "inner":
                continuing.add(m.start())
            elif kind == "may":
                i = m.start()
                if _period_continues(text, i):
                    continuing.add(i)
                else:
                    found.append((i, i + 1))
            else:
                found.append(m.span())
        self.continuing = continuing
        if "?" in text or "!" in text:
            found = sorted(found + [m.span() for m in _MARK_END.finditer(text)])
        self.starts = [a for a, _ in found]
        self.ends = [b for _, b in found]

    def within(self, start: int, stop: int) -> list[int]:
        # (the ends rise with the starts: no two sentence ends overlap)
        k = bisect_left(self.starts, start)
        return self.ends[k : bisect_left(self.ends, stop, k)]


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

    def index_of(self, i: int) -> int:
        """The normalized index of original character i (where its stretch starts)."""
        k = bisect_right(self._o, i) - 1
        if k < 0:
            return min(i, len(self.text))
        if self._same[k]:
            seg_end = self._n[k + 1] if k + 1 < len(self._n) else len(self.text)
            return min(self._n[k] + (i - self._o[k]), seg_end)
        return self._n[k]

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
        for hyphen, breaks in _HYPHEN_BREAKS:
            if hyphen not in text:
                continue
            for m in breaks.finditer(text):
                s, e = m.span()
                if s > 0 and e < n and _word_char(text[s - 1]) and _word_char(text[e]):
                    edits.append((s, e, ""))
    if any(c in text for c in _INVISIBLE):
        edits.extend((m.start(), m.end(), "") for m in _INVISIBLE_RUN.finditer(text))
    if "§" in text:
        for m in _SECTION_SIGN.finditer(text):
            sign = "sections " if m.group().startswith("§§") else "section "
            edits.append((m.start(), m.end(), sign))
    edits.extend(_space_runs(conv))
    edits.sort()
    return edits


def _space_runs(conv: str) -> list[tuple[int, int, str]]:
    """Each run of two or more spaces, as an edit to one space. (str.find skips
    to the next pair much faster than a regex tries every space.)"""
    out = []
    pos = 0
    find = conv.find
    run = _SPACE_RUN.match
    while (i := find("  ", pos)) >= 0:
        pos = run(conv, i).end()  # type: ignore[union-attr]
        out.append((i, pos, " "))
    return out


def normalize(
    text: str, *, with_map: bool = True, continuing: Collection[int] | None = None
) -> Normalized:
    """Normalize `text` for matching, keeping the map back to its offsets.

    `continuing`: `continuing_periods(text)`, when the caller has them already."""
    conv = text
    for old, new in _ONE_FOR_ONE:
        if old in conv:
            conv = conv.replace(old, new)
    # A period that does not end a sentence is neutralized one for one (the map
    # is the same as an identity's), after lower-casing: a text all ASCII but for
    # the middle dot would be lower-cased character by character, ten times
    # slower. (Lower-casing reads a period as it reads the dot: both are
    # case-ignorable, so a final sigma before either is the same.)
    cuts = (
        (sorted(continuing_periods(text) if continuing is None else continuing))
        if "." in text
        else []
    )
    parts: list[str] = []
    # (normalized start, original start, original end, identity) of each segment
    segments: list[tuple[int, int, int, bool]] = []
    # the cuts' places in the normalized text (each in an identity stretch: no edit holds a period)
    moved: list[int] = []
    k = 0
    npos = 0
    opos = 0
    for start, end, repl in _edits(text, conv):
        if start < opos:
            continue  # inside an earlier edit (the spaces after a joined hyphen)
        while k < len(cuts) and cuts[k] < opos:
            k += 1  # (none is inside an edit; were one, the edit would replace it)
        if start > opos:
            parts.append(conv[opos:start])
            if with_map:
                segments.append((npos, opos, start, True))
            while k < len(cuts) and cuts[k] < start:
                moved.append(npos + cuts[k] - opos)
                k += 1
            npos += start - opos  # (conv is as long as text: its edits are one for one)
        if repl:
            parts.append(repl)
            if with_map:
                segments.append((npos, start, end, False))
            npos += len(repl)
        opos = end
    if opos < len(text):
        parts.append(conv[opos:])
        if with_map:
            segments.append((npos, opos, len(text), True))
        moved.extend(npos + c - opos for c in cuts[k:] if c >= opos)
    norm = _lower("".join(parts))
    if moved:
        pieces = [norm[: moved[0]]]
        pieces += [norm[a + 1 : b] for a, b in zip(moved, [*moved[1:], len(norm)], strict=True)]
        norm = "\u00b7".join(pieces)
    if not segments:
        return Normalized(norm, text)
    n_starts, o_starts, o_ends, same = zip(*segments, strict=True)
    return Normalized(norm, text, n_starts, o_starts, o_ends, same)


def normalize_fast(text: str) -> str:
    """The normalized text alone (no offsets): for read-back of generated bills."""
    return normalize(text, with_map=False).text
