"""References inside a section to its own provisions, found and resolved.

"subsection 3 of this section", "paragraph (b)", "pursuant to subdivision 2",
"paragraph (i) of subdivision one of this section", "Subsection (a)(1)",
"subsections 2 and 3": each names one or more provisions by the level names
of the state's style (Missouri: subsection, subdivision, paragraph; New York:
subdivision, paragraph, subparagraph) and their labels, innermost first. A
reference that goes on to another section ("subsection 1 of section
610.140", "... of this chapter") is not the section's own and is left alone.

A bare reference is relative: "paragraph (b)" in subsection 2 is 2(b) when
subsection 2 has a paragraph (b). Resolution picks, among the provisions
whose labels match at every named level, the one that shares the most of the
referring provision's path; a tie is not resolved (and nothing is rewritten).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

NUMBER_WORDS = (
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
_LABEL = r"\((?:\d+|[A-Za-z]{1,5})(?:-\d+)?\)|\d+(?:-\d+)?(?![\d.]\d)|" + "|".join(NUMBER_WORDS)
_LABEL_RE = re.compile(rf"(?:{_LABEL})(?!\w)", re.I)
_PAREN = re.compile(r"\((?:\d+|[A-Za-z]{1,5})(?:-\d+)?\)")
_JOIN = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to|through)\s+", re.I)
_OF = re.compile(r"\s+of\s+", re.I)
_THIS_SECTION = re.compile(r"\s+of\s+this\s+section\b", re.I)
#: A tail that takes the reference out of this section.
_ELSEWHERE = re.compile(
    r"\s+of\s+(?:this\s+(?:chapter|title|article|act|code|part)\b|sections?\b|the\s+\w|[A-Z])"
)
_SECTION_NO = re.compile(r"\s+of\s+section\s+([0-9][0-9A-Za-z.\-]*[0-9A-Za-z])", re.I)


@dataclass(frozen=True, slots=True)
class Token:
    """One label of a reference as written: where, at which level, and its core."""

    start: int
    end: int
    level: int
    #: Lower-case core: "3" for "(3)", "3" or "three"; "b" for "(b)".
    core: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference: its span and one chain of tokens (outermost level first) per
    provision it names ("subsections 2 and 3" names two)."""

    start: int
    end: int
    chains: tuple[tuple[Token, ...], ...]


def core(label: str) -> str:
    """The comparable core of a label: "(3)", "3.", "3" and "three" are all "3"."""
    text = label.strip().strip(".").strip("()").casefold()
    if text in NUMBER_WORDS:
        return str(NUMBER_WORDS.index(text) + 1)
    return text


def _names(level_names: Sequence[str]) -> re.Pattern[str]:
    alts = sorted({n.casefold() for n in level_names}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in alts) + r")s?\b", re.I)


def _group(text: str, pos: int, level: int) -> tuple[list[Token], int] | None:
    """A label at `pos`, with joined deeper labels ("(a)(1)"): tokens and the end."""
    m = _LABEL_RE.match(text, pos)
    if m is None:
        return None
    tokens = [Token(m.start(), m.end(), level, core(m.group(0)))]
    end = m.end()
    while (n := _PAREN.match(text, end)) is not None:
        tokens.append(Token(n.start(), n.end(), level + len(tokens), core(n.group(0))))
        end = n.end()
    return tokens, end


def find_references(text: str, level_names: Sequence[str], number: str = "") -> list[Reference]:
    """The references in `text` to provisions of this section."""
    if not level_names:
        return []
    names = _names(level_names)
    levels = {n.casefold(): i for i, n in enumerate(level_names)}
    out: list[Reference] = []
    pos = 0
    while (m := names.search(text, pos)) is not None:
        pos = m.end()
        level = levels[m.group(1).casefold()]
        space = re.compile(r"\s+").match(text, m.end())
        if space is None:
            continue
        first = _group(text, space.end(), level)
        if first is None:
            continue
        alternatives = [first[0]]
        end = first[1]
        while (j := _JOIN.match(text, end)) is not None:
            if names.match(text, j.end()):
                break
            more = _group(text, j.end(), level)
            if more is None:
                break
            alternatives.append(more[0])
            end = more[1]
        outer: list[Token] = []
        while (o := _OF.match(text, end)) is not None:
            n = names.match(text, o.end())
            if n is None:
                break
            sp = re.compile(r"\s+").match(text, n.end())
            grp = _group(text, sp.end(), levels[n.group(1).casefold()]) if sp else None
            if grp is None:
                break
            outer = grp[0] + outer
            end = grp[1]
        here = _THIS_SECTION.match(text, end)
        own = _SECTION_NO.match(text, end)
        if here is not None:
            end = here.end()
        elif own is not None and number and own.group(1).rstrip(".") == number.rstrip("."):
            end = own.end()
        elif _ELSEWHERE.match(text, end) is not None:
            pos = end
            continue
        chains = tuple(tuple(outer + alt) for alt in alternatives)
        out.append(Reference(m.start(), end, chains))
        pos = end
    return out


def resolve(
    chain: Sequence[Token], paths: Sequence[tuple[str, ...]], here: tuple[str, ...]
) -> tuple[str, ...] | None:
    """The provision a chain names, seen from the provision at `here`; None when no
    provision matches or two match equally well."""
    if not chain:
        return None
    inner = max(t.level for t in chain)
    want = {t.level: t.core for t in chain}
    found = [
        p
        for p in paths
        if len(p) == inner + 1
        and all(lvl < len(p) and core(p[lvl]) == c for lvl, c in want.items())
    ]
    if not found:
        return None

    def shared(p: tuple[str, ...]) -> int:
        n = 0
        while n < min(len(p), len(here)) and p[n] == here[n]:
            n += 1
        return n

    best = max(shared(p) for p in found)
    top = [p for p in found if shared(p) == best]
    return top[0] if len(top) == 1 else None


def written_like(token_text: str, new_core: str) -> str:
    """A new core written as the old token was: "(3)" -> "(2)", "three" -> "two"."""
    if token_text.startswith("("):
        return f"({new_core})"
    if token_text.casefold() in NUMBER_WORDS and new_core.isdigit():
        n = int(new_core)
        if 1 <= n <= len(NUMBER_WORDS):
            word = NUMBER_WORDS[n - 1]
            return word.capitalize() if token_text[:1].isupper() else word
    return new_core


__all__ = [
    "NUMBER_WORDS",
    "Reference",
    "Token",
    "core",
    "find_references",
    "resolve",
    "written_like",
]
