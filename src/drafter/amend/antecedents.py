"""Kept words that point back ("such person") at words the bill strikes.

Statutes refer back with "such": "a person who ... may apply ... If the court
determines that such person was acting under coercion ...". When the bill
strikes the sentence that named the person and keeps the one that refers
back, "such person" is left without anything to refer to. A drafter restores
the noun: "such" is struck and an article put in its place ("[such] a
person"; for a thing, "prior to [such] the arrest"), so the kept sentence
stands on its own and later references point at it.

The antecedent of "such NOUN" is the last mention of the noun before it in
today's text (kept or struck); only when that mention is struck is the
reference rewritten. A noun mentioned nowhere before is left alone (the code
may define it elsewhere), and so are "such a", "such other" and "such as",
which do not point back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from drafter.amend.model import Piece, Restated

_WORD = re.compile(r"[A-Za-z]+(?:'s|’s)?")
#: Words after "such" that do not make it point back at one noun.
_NOT_A_NOUN = frozenset({"a", "an", "other", "as", "that", "time", "manner", "further"})


def _stem(word: str) -> str:
    """The noun a word names ("persons", "person's" -> "person")."""
    w = word.casefold().removesuffix("'s").removesuffix("’s")
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


#: Nouns for people: one left without its antecedent becomes "a person" (any person
#: the sentence describes); a thing becomes "the arrest" (the one the order concerns).
_PEOPLE = frozenset(
    {"person", "individual", "victim", "defendant", "petitioner", "movant", "applicant"}
)


def _article(noun: str, capital: bool) -> str:
    word = ("an" if noun[:1].casefold() in "aeiou" else "a") if noun in _PEOPLE else "the"
    return word.capitalize() if capital else word


def restore_antecedents(provisions: Sequence[Restated]) -> list[Restated]:
    """The provisions with each "such NOUN" whose antecedent is struck rewritten to
    "a NOUN" (marked as any change: "such" struck, the article added)."""
    #: noun -> whether its last mention so far is struck.
    struck: dict[str, bool] = {}
    out: list[Restated] = []
    for r in provisions:
        pieces: list[Piece] = []
        for piece in r.pieces:
            if piece.kind == "insert":
                pieces.append(piece)
                continue
            pieces.extend(_rewrite(piece, struck))
        out.append(replace(r, pieces=tuple(pieces)) if pieces != list(r.pieces) else r)
    return out


def _rewrite(piece: Piece, struck: dict[str, bool]) -> Iterable[Piece]:
    """The piece, its dangling references rewritten; `struck` learns its mentions."""
    words = list(_WORD.finditer(piece.text))
    cuts: list[tuple[int, int, str]] = []
    for k, m in enumerate(words):
        noun = _stem(m.group())
        before = words[k - 1] if k else None
        if (
            piece.kind == "equal"
            and before is not None
            and before.group().casefold() == "such"
            and noun not in _NOT_A_NOUN
            and struck.get(noun) is True
            and piece.text[before.end() : m.start()] == " "
        ):
            plural = _stem(m.group()) != m.group().casefold()
            article = "" if plural else _article(noun, before.group()[0].isupper())
            cuts.append((before.start(), m.start(), article))
        struck[noun] = piece.kind == "delete"
    if not cuts:
        return [piece]
    out: list[Piece] = []
    pos = 0
    for start, end, article in cuts:
        if piece.text[pos:start].strip():
            out.append(Piece("equal", piece.text[pos:start].strip()))
        out.append(Piece("delete", piece.text[start:end].strip()))
        if article:
            out.append(Piece("insert", article))
        pos = end
    if piece.text[pos:].strip():
        out.append(Piece("equal", piece.text[pos:].strip()))
    return out


__all__ = ["restore_antecedents"]
