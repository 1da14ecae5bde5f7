"""Normalizing: the middle dot that neutralizes a period is put in after lower-casing
(fast on ASCII text), and the text and its map are what they were when it was put
in before."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.reader.text import _ONE_FOR_ONE, _edits, _lower, continuing_periods, normalize


def _reference(text: str, continuing: list[int] | None = None) -> tuple[object, ...]:
    """normalize as it was written before: periods neutralized in the converted
    text, then the edits, then lower-casing the whole."""
    conv = text
    for old, new in _ONE_FOR_ONE:
        if old in conv:
            conv = conv.replace(old, new)
    if "." in text:
        cuts = sorted(continuing_periods(text) if continuing is None else continuing)
        if cuts:
            pieces = [conv[: cuts[0]]]
            pieces += [conv[a + 1 : b] for a, b in zip(cuts, [*cuts[1:], len(conv)], strict=True)]
            conv = "\u00b7".join(pieces)
    parts: list[str] = []
    segments: list[tuple[int, int, int, bool]] = []
    npos = opos = 0
    for start, end, repl in _edits(text, conv):
        if start < opos:
            continue
        if start > opos:
            parts.append(conv[opos:start])
            segments.append((npos, opos, start, True))
            npos += start - opos
        if repl:
            parts.append(repl)
            segments.append((npos, start, end, False))
            npos += len(repl)
        opos = end
    if opos < len(text):
        parts.append(conv[opos:])
        segments.append((npos, opos, len(text), True))
    return (_lower("".join(parts)), tuple(segments))


def _shown(text: str, continuing: list[int] | None = None) -> tuple[object, ...]:
    norm = normalize(text, continuing=continuing)
    return (norm.text, tuple(zip(norm._n, norm._o, norm._oe, norm._same, strict=True)))


#: Periods of every kind (abbreviations, dotted, Florida's "ss."), hyphens across line
#: breaks, section signs, soft hyphens, dashes, curly quotes, sigmas and a dotted I.
_PIECES = [*"aB. \n-§\u00ad\u2014\u201cΣσİ1sS\t", "U.S.C.", "Sec. ", "e.g. ", "ss. 7"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_normalizing_gives_the_text_and_map_it_gave(text: str) -> None:
    assert _shown(text) == _reference(text)


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_any_continuing_periods_given_are_neutralized_as_before(data: st.DataObject) -> None:
    text = data.draw(_TEXT)
    periods = [i for i, c in enumerate(text) if c == "."]
    chosen = sorted(data.draw(st.sets(st.sampled_from(periods))) if periods else set())
    assert _shown(text, chosen) == _reference(text, chosen)
