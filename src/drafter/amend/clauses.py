"""Where to cut a sentence: the smallest clause that carries a changed category alone.

A sentence of today's law may carry several categories ("a person who was
under eighteen, and has been convicted of prostitution, may apply ... to
expunge"). When one of them changes, the words of the others must stay. The
sentence is cut at its joints, coarsest first: semicolons; then commas and the
start of a relative clause ("who", "that", "which" stay with the words before
them); then "or" and "and". A part that holds the changed category's words and
no other category's is struck whole, with the joint after it (or before it,
when it ends the sentence). A part that mixes them is cut at the next, finer
joint; where even the finest part mixes them, only the changed category's own
words are struck.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Span = tuple[int, int]

#: The joints, coarsest first. Each match is a joint; the text between is a part.
_JOINTS = (
    re.compile(r";\s*(?:(?:and|or)\s+)?"),
    # (not "in which": a place, not a clause of its own)
    re.compile(r",\s*(?:(?:and|or)\s+)?|(?<=\bwho )|(?<!\bin which )(?<!\bof which )(?<=\bwhich )"),
    # what a motion asks for: "... may apply | for an order to expunge ..."
    re.compile(r"\s+(?=for an? (?:order|motion)\b)"),
    # coordinated predicates only ("was under eighteen | or was acting"), not "he or she"
    re.compile(r"\s+(?:or|and)\s+(?=(?:was|is|has|have|had|shall|may|must|were|are|did|does)\b)"),
)
#: "..., as defined in section 566.200, ..." interrupts a clause; its commas are not joints.
_APPOSITIVE = re.compile(r",\s*as (?:defined|provided|described|used) (?:in|by) [^,;]*,")
_COPULA = re.compile(r"(?:\b(?:was|is|were|are|has been|had been)\s+)$")
#: A part this short after a comma is an item of a series ("arrest, plea, trial, or
#: conviction"), not a clause: it stays with the part before it.
_SERIES_ITEM = 2


def _overlaps(a: Span, spans: Sequence[Span]) -> bool:
    return any(s < a[1] and a[0] < e for s, e in spans)


def _parts(text: str, start: int, end: int, joint: re.Pattern[str]) -> list[tuple[Span, Span]]:
    """(part, joint after it) pairs covering [start, end)."""
    out: list[tuple[Span, Span]] = []
    pos = start
    inner = [(m.start(), m.end() - 1) for m in _APPOSITIVE.finditer(text, start, end)]
    for m in joint.finditer(text, start, end):
        if m.start() <= pos and m.end() == m.start():
            continue
        if any(a <= m.start() <= b for a, b in inner):
            continue
        out.append(((pos, m.start()), (m.start(), m.end())))
        pos = m.end()
    out.append(((pos, end), (end, end)))
    parts = [(p, j) for p, j in out if p[1] > p[0]]
    merged: list[tuple[Span, Span]] = []
    for part, jt in parts:
        words = [w for w in text[part[0] : part[1]].split() if w not in ("and", "or")]
        if merged and len(words) <= _SERIES_ITEM and "," in text[merged[-1][1][0] : part[0]]:
            merged[-1] = ((merged[-1][0][0], part[1]), jt)
        else:
            merged.append((part, jt))
    return merged


#: The joint that sets off what a motion asks for.
_REQUEST = 2


def _request(text: str, part: Span, changed: Sequence[Span]) -> Span | None:
    """The request within a clause ("for an order to expunge ..."), when the changed
    words are all in it: the span from its start to the clause's end."""
    pieces = _parts(text, part[0], part[1], _JOINTS[_REQUEST])
    if len(pieces) < 2:
        return None
    inside = [(s, e) for s, e in changed if part[0] <= s < part[1]]
    start = pieces[1][0][0]
    if inside and all(s >= start for s, _ in inside):
        return (start, part[1])
    return None


def strike_spans(
    text: str,
    sentence: Span,
    changed: Sequence[Span],
    unchanged: Sequence[Span],
    words: bool = True,
) -> list[Span]:
    """The spans of `sentence` to strike so that `changed` words go and `unchanged` stay.

    With `words` False, a part that still mixes them at the finest joint is left
    whole: striking a word out of a clause ("The judgment is a [conviction] where
    ...") breaks the sentence, so its words stay beside the new ones."""
    start, end = sentence
    # The sentence's closing period is not the clause's: keep it.
    body_end = end - 1 if text[end - 1 : end] in ".;:" else end
    if not _overlaps((start, body_end), unchanged):
        return [(start, end)]
    out: list[Span] = []
    _cut(text, start, body_end, changed, unchanged, 0, out, words)
    return out


def _cut(
    text: str,
    start: int,
    end: int,
    changed: Sequence[Span],
    unchanged: Sequence[Span],
    depth: int,
    out: list[Span],
    words: bool = True,
) -> None:
    if depth >= len(_JOINTS):
        if not words:
            return
        # Finest part still mixes them: strike only the changed words themselves.
        out.extend((max(s, start), min(e, end)) for s, e in changed if s < end and start < e)
        return
    parts = _parts(text, start, end, _JOINTS[depth])
    if len(parts) == 1:
        _cut(text, start, end, changed, unchanged, depth + 1, out, words)
        return
    for i, (part, joint) in enumerate(parts):
        if not _overlaps(part, changed):
            continue
        if _overlaps(part, unchanged):
            _cut(text, part[0], part[1], changed, unchanged, depth + 1, out, words)
            continue
        asked = _request(text, part, changed) if depth < _REQUEST else None
        if asked is not None:
            # "A person ... may file a petition | for an order of nondisclosure ...":
            # only what is asked for changes; who asks, and how, stay.
            out.append(asked)
        elif depth == len(_JOINTS) - 1 and i == 0 and joint[1] > joint[0]:
            # The first of coordinated predicates holds their shared subject
            # ("such person was under eighteen or was acting ..."): strike from
            # the changed words (and their verb) to the next predicate.
            first = min(s for s, e in changed if part[0] <= s < part[1])
            lead = _COPULA.search(text, part[0], first)
            out.append((lead.start() if lead else first, joint[1]))
        elif joint[1] > joint[0]:
            out.append((part[0], joint[1]))  # the part and the joint after it
        elif i > 0:
            out.append((parts[i - 1][1][0], part[1]))  # the last part: the joint before it
        else:
            out.append(part)
