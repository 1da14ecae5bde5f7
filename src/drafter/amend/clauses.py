"""Where to cut a sentence: the smallest clause that carries a changed category alone.

A sentence of today's law may carry several categories ("a person who was
under eighteen, and has been convicted of prostitution, may apply ... to
expunge"). When one of them changes, the words of the others must stay. The
sentence is cut at its joints, coarsest first: semicolons; then commas and the
start of a relative clause ("who", "that", "which" stay with the words before
them); then what a motion asks for; then a clause opened by "while" or
"because"; then "or" and "and". A part that holds the changed category's words
and no other category's is struck whole, with the joint after it (or before
it, when it ends the sentence). A part that mixes them is cut at the next,
finer joint; where even the finest part mixes them, only the changed
category's own words are struck.

What is left must still be a sentence. A part that runs on from a relative
clause into the sentence's own verb ("A person who | is a victim ... may
petition ... while ...") is no clause of its own: struck whole it would take
the verb and leave the subject ("A person who offense was committed"), so it
is cut finer, as if it mixed categories. A relative word that opens the next
clause (", which offense was committed") stays with that clause.
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
    # a clause of time or reason: "offenses committed | while the person was a victim"
    re.compile(r"\s+(?=(?:while|because)\s)"),
    # coordinated predicates only ("was under eighteen | or was acting"), not "he or she"
    re.compile(r"\s+(?:or|and)\s+(?=(?:was|is|has|have|had|shall|may|must|were|are|did|does)\b)"),
)
#: "..., as defined in section 566.200, ..." and "..., as amended from time to time, ..."
#: interrupt a clause; their commas are not joints.
_APPOSITIVE = re.compile(
    r",\s*as (?:(?:defined|provided|described|used) (?:in|by)|amended from) [^,;]*,"
)
_COPULA = re.compile(r"(?:\b(?:was|is|were|are|has been|had been)\s+)$")
#: A part this short after a comma is an item of a series ("arrest, plea, trial, or
#: conviction"), not a clause: it stays with the part before it.
_SERIES_ITEM = 2
#: A relative word alone between a comma and its clause (", which | offense was").
_RELATIVE = frozenset({"which", "who", "whom", "whose", "that"})
#: The verb of a provision's main clause ("may petition", "shall vacate").
_MODAL = re.compile(r"\b(?:may|shall|must)\b")


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
        words = [w for w in text[part[0] : part[1]].split() if w not in ("and", "or", "and/or")]
        relative = len(words) == 1 and words[0].casefold() in _RELATIVE
        if (
            merged
            and not relative
            and len(words) <= _SERIES_ITEM
            and "," in text[merged[-1][1][0] : part[0]]
        ):
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
    whole, unless the changed words are a phrase of their own ("has demonstrated
    [by a preponderance of the evidence] that"): striking a word out of a clause
    ("The judgment is a [conviction] where ...") breaks the sentence, so its
    words stay beside the new ones."""
    start, end = sentence
    # The sentence's closing period is not the clause's: keep it.
    body_end = end - 1 if text[end - 1 : end] in ".;:" else end
    if not _overlaps((start, body_end), unchanged):
        return [(start, end)]
    out: list[Span] = []
    _cut(text, (start, body_end), start, body_end, changed, unchanged, 0, out, words)
    return out


#: Words a kept stretch cannot end on when what they govern is struck.
_GOVERNS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "by",
        "for",
        "in",
        "on",
        "at",
        "from",
        "with",
        "into",
        "upon",
        "under",
        "if",
        "when",
        "while",
        "than",
        "such",
        "may",
        "shall",
        "must",
        "is",
        "was",
        "be",
        "are",
        "were",
        "has",
        "have",
        "had",
        "not",
    ]
)
#: Words that may follow a relative pronoun left standing ("a person who | has pleaded").
_AUXILIARY = frozenset(
    [
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "shall",
        "may",
        "must",
        "did",
        "does",
        "can",
        "will",
        "would",
    ]
)
#: A modal followed only by an interrupter ("may, upon motion of the defendant,").
_HANGING_MODAL = re.compile(r"\b(?:may|shall|must)(?:\s+not)?\s*,[^,]*,?\s*$")
#: A preposition that opens a phrase which can go whole ("by a preponderance ...").
_PHRASE_OPENER = re.compile(
    r"\b(?:by|in|within|with|without|upon|under|at|for)\s+(?:(?:a|an|the|its|his|her|their)\s+)?$"
)


def leaves_a_sentence(text: str, sentence: Span, struck: Span) -> bool:
    """Whether the sentence still reads as one with `struck` taken out: what is kept
    before it does not end on a word that governs what was struck ("a person who
    | offense was", "by | the court", "may, upon motion, | ."), and what follows
    a struck opening starts a sentence (a capital, not "prosecution and ...")."""
    before = text[sentence[0] : struck[0]].rstrip()
    after = text[struck[1] : sentence[1]].lstrip(" ,;\n\t")
    last = re.findall(r"[A-Za-z]+", before[-30:])
    last_word = last[-1].casefold() if last else ""
    first = re.findall(r"[A-Za-z]+", after[:30])
    first_word = first[0].casefold() if first else ""
    gone = re.findall(r"[A-Za-z]+", text[max(struck[0], struck[1] - 12) : struck[1]])
    if after.strip(" .;:") and gone and gone[-1].casefold() in _RELATIVE:
        return False  # the clause the struck "which" opened would be left without it
    opened = not re.sub(r"\([^()\s]{1,6}\)|[0-9A-Za-z]{1,4}\.(?=\s)", "", before).strip()
    if opened:
        return not after or not after[0].islower()
    if last_word in _RELATIVE:
        # "a person who | has pleaded" stands; "offenses for which | may bring" does not
        # (after a preposition the relative word wants a subject of its own).
        governed = len(last) > 1 and last[-2].casefold() in _GOVERNS
        return not after or (first_word in _AUXILIARY and not governed)
    set_off = before.endswith(",") or text[struck[0] : struck[1]].lstrip().startswith(",")
    if last_word in _GOVERNS and not set_off:
        # (after a comma the struck words were set off: "may, [in its discretion,] vacate")
        return False
    return not (not after.strip(" .;:") and _HANGING_MODAL.search(before))


#: The joint level of commas, where a part may be a phrase or a bare noun.
_COMMAS = 1
#: How a part between commas opens when it can go whole: a preposition, a
#: subordinating word or "but" ("at the time of the offense", "in its discretion",
#: "while ...", "but not before ..."). A part that opens with a noun or a verb ("D
#: or E felony ...", "prosecuted and/or convicted of ...") is an item of what
#: the sentence is about: struck, it leaves "class C, the defendant may apply".
_OPENS_A_PHRASE = re.compile(
    r"(?:at|in|by|for|with|without|within|upon|under|after|before|during|except|"
    r"notwithstanding|regardless|including|subject|pursuant|as|on|from|while|because|"
    r"if|unless|when|where|whether|although|provided|but|which|who)\b",
    re.I,
)


def _removable(text: str, part: Span) -> bool:
    """Whether a part between commas can go whole: it opens a phrase of its own, or it is
    the body of a relative clause ("a person who | at the time ..., and | has")."""
    if _OPENS_A_PHRASE.match(text, part[0]):
        return True
    before = re.findall(r"[A-Za-z]+", text[max(0, part[0] - 12) : part[0]])
    return bool(before) and before[-1].casefold() in _RELATIVE


def _takes_the_verb(text: str, sentence_start: int, part: Span) -> bool:
    """Whether striking the part would take the sentence's own verb and leave its
    subject: the part holds "may"/"shall"/"must" and nothing before it does."""
    return (
        part[0] > sentence_start
        and _MODAL.search(text, part[0], part[1]) is not None
        and _MODAL.search(text, sentence_start, part[0]) is None
    )


def _phrase(
    text: str,
    sentence: Span,
    start: int,
    end: int,
    changed: Sequence[Span],
    unchanged: Sequence[Span],
) -> list[Span]:
    """The changed words with the preposition that opens them, when that phrase can go
    whole ("has demonstrated [by a preponderance of the evidence] that")."""
    out: list[Span] = []
    for s, e in changed:
        if not (start <= s and e <= end):
            continue
        opener = _PHRASE_OPENER.search(text, max(start, s - 30), s)
        if opener is None:
            return []
        span = (opener.start(), e)
        if _overlaps(span, unchanged) or not leaves_a_sentence(text, sentence, span):
            return []
        out.append(span)
    return out


def _cut(
    text: str,
    sentence: Span,
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
            out.extend(_phrase(text, sentence, start, end, changed, unchanged))
            return
        # Finest part still mixes them: strike only the changed words themselves.
        out.extend((max(s, start), min(e, end)) for s, e in changed if s < end and start < e)
        return
    parts = _parts(text, start, end, _JOINTS[depth])
    if len(parts) == 1:
        _cut(text, sentence, start, end, changed, unchanged, depth + 1, out, words)
        return
    for i, (part, joint) in enumerate(parts):
        if not _overlaps(part, changed):
            continue
        span = None
        if (
            not _overlaps(part, unchanged)
            and not _takes_the_verb(text, sentence[0], part)
            and (depth != _COMMAS or _removable(text, part))
        ):
            span = _span(text, part, joint, parts, i, depth, changed)
        if (
            span is None
            or _overlaps(span, unchanged)
            or not leaves_a_sentence(text, sentence, span)
        ):
            _cut(text, sentence, part[0], part[1], changed, unchanged, depth + 1, out, words)
            continue
        out.append(span)


def _span(
    text: str,
    part: Span,
    joint: Span,
    parts: list[tuple[Span, Span]],
    i: int,
    depth: int,
    changed: Sequence[Span],
) -> Span | None:
    """What to strike for a part that carries only the changed category (None: it
    cannot go whole)."""
    asked = _request(text, part, changed) if depth < _REQUEST else None
    if asked is not None:
        # "A person ... may file a petition | for an order of nondisclosure ...":
        # only what is asked for changes; who asks, and how, stay.
        return asked
    if depth == len(_JOINTS) - 1 and i == 0 and joint[1] > joint[0]:
        # The first of coordinated predicates holds their shared subject
        # ("such person was under eighteen or was acting ..."): strike from
        # the changed words (and their verb) to the next predicate.
        # Only from the predicate's own verb: "the court [finds that ...] or" would
        # take the subject of the next predicate with it.
        first = min(s for s, e in changed if part[0] <= s < part[1])
        lead = _COPULA.search(text, part[0], first)
        return (lead.start(), joint[1]) if lead else None
    if joint[1] > joint[0]:
        if i > 0 and text[slice(*parts[i - 1][1])].strip() == text[slice(*joint)].strip() == ",":
            # Set off by commas ("may, in its discretion, vacate"): both go with it.
            return (parts[i - 1][1][0], joint[1])
        return (part[0], joint[1])  # the part and the joint after it
    if i > 0:
        return (parts[i - 1][1][0], part[1])  # the last part: the joint before it
    return part
