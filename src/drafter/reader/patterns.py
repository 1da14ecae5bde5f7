"""One pattern of the signals file, checked and compiled: lower case, no runaway
backtracking, split into branches found by their literals; and the provisions
block, compiled into the patterns that tell a sentence's role."""

from __future__ import annotations

import re

from drafter.reader.layout import LayoutRules
from drafter.reader.literals import (
    _first_chars,
    _required_literals,
    _top_level_branches,
    _upper_letter,
)
from drafter.reader.match import _Branch
from drafter.reader.schema import _Provisions
from drafter.yamlio import YamlDoc


def _refuse_backtracking(doc: YamlDoc, loc: tuple[str | int, ...], text: str) -> None:
    from drafter.regexsafe import backtracking_risk

    risk = backtracking_risk(text)
    if risk is not None:
        raise doc.error(loc, f"pattern {text!r}: {risk}")


def _branch(text: str) -> _Branch:
    needs, anchors = _required_literals(text)
    lead = _leading_literal(text)
    seek = None
    if lead is not None:
        written, boundary = lead
        rest = text[len(written) + (2 if boundary else 0) :]
        # (after the literal, that no word character stood before it: the \b it followed)
        behind = f"(?<!\\w{written})" if boundary else ""
        seek = re.compile(written + behind + rest)
        lead_text = re.sub(r"\\(.)", r"\1", written)
        return _Branch(re.compile(text), needs, anchors, seek, lead_text)
    return _Branch(re.compile(text), needs, anchors, seek)


#: A character that stands for itself in a pattern (and in a lookbehind).
_PLAIN = re.compile(r"[a-z0-9 ',\-]|\\[.\-/'\"]")
_QUANTIFIER = frozenset("?*+{")


def _leading_literal(text: str) -> tuple[str, bool] | None:
    """The literal a pattern opens on, as written, and whether a word boundary
    stands before it ("\\bnot (?:be )?liable": "not ", True); None when it opens on
    something else, or the boundary on a character that is not a word character
    (then the boundary is no "no word character before")."""
    boundary = text.startswith("\\b")
    pos = 2 if boundary else 0
    pieces: list[tuple[int, int]] = []
    while pos < len(text):
        m = _PLAIN.match(text, pos)
        if m is None:
            break
        pieces.append(m.span())
        pos = m.end()
    # a character a quantifier governs is not part of every match ("non-?"): left to the rest
    if pieces and pos < len(text) and text[pos] in _QUANTIFIER:
        pieces.pop()
    if not pieces:
        return None
    written = text[pieces[0][0] : pieces[-1][1]]
    first = written[1] if written.startswith("\\") else written[0]
    if boundary and not (first.isalnum() or first == "_"):
        return None
    return written, boundary


def _check_lower_and_safe(
    doc: YamlDoc, loc: tuple[str | int, ...], text: str, what: str = "pattern"
) -> None:
    """A pattern (or name) is written in lower case and cannot backtrack for ever."""
    upper = _upper_letter(text)
    if upper is not None:
        raise doc.error(loc, f"{what} {text!r} has the capital {upper!r}; write it in lower case")
    _refuse_backtracking(doc, loc, text)


def _regex(doc: YamlDoc, loc: tuple[str | int, ...], text: str) -> re.Pattern[str]:
    _check_lower_and_safe(doc, loc, text)
    try:
        return re.compile(text)
    except re.error as exc:
        raise doc.error(loc, f"bad regular expression: {exc}") from None


def _layout_rules(doc: YamlDoc, raw: _Provisions | None) -> LayoutRules:
    if raw is None:  # no provisions block: every sentence is operative
        return LayoutRules(re.compile(r"."))

    def branches(key: str, texts: tuple[str, ...]) -> tuple[_Branch, ...]:
        out: list[_Branch] = []
        for i, text in enumerate(texts):
            _check_lower_and_safe(doc, ("provisions", key, i), text)
            try:
                out.extend(_branch(b) for b in _top_level_branches(text))
            except re.error as exc:
                raise doc.error(("provisions", key, i), f"bad regular expression: {exc}") from None
        return tuple(out)

    def one(
        key: str, texts: tuple[str, ...] | str, as_written: bool = False
    ) -> re.Pattern[str] | None:
        items = (texts,) if isinstance(texts, str) else texts
        for i, text in enumerate(items):
            loc = ("provisions", key) if isinstance(texts, str) else ("provisions", key, i)
            _check_lower_and_safe(doc, loc, text)
        if not items:
            return None
        try:
            if as_written:
                # (matched with regard to case, as written: "[such]" is struck
                # matter, "[COURT]" a placeholder)
                return re.compile("|".join(f"(?:{x})" for x in items))
            # Searched on the original text (its capitals tell titles apart), so
            # without regard to case.
            # and a space in a pattern stands for any run of whitespace there (the
            # original keeps the text's own spacing and line breaks)
            joined = "|".join(f"(?:{_any_space(x)})" for x in items)
            return re.compile(_gated(joined), re.IGNORECASE)
        except re.error as exc:
            raise doc.error(("provisions", key), f"bad regular expression: {exc}") from None

    verbs = one("verbs", raw.verbs)
    assert verbs is not None
    return LayoutRules(
        verbs,
        one("history", raw.history),
        one("commentary", raw.commentary),
        one("reference", raw.reference),
        one("definition", raw.definition),
        # searched on lower-cased text, branch by branch from their literals (fast)
        remedy=branches("remedy", raw.remedy),
        subject=branches("subject", raw.subject),
        defense=branches("defense", raw.defense),
        relief=branches("relief", raw.relief),
        alternatives=branches("alternatives", raw.alternatives),
        bill=one("bill", raw.bill),
        struck=one("struck", raw.struck, as_written=True),
        struck_anywhere=one("struck_anywhere", raw.struck_anywhere, as_written=True),
    )


def _gated(pattern: str) -> str:
    """The pattern behind a lookahead for the first characters its matches can
    have, when they are known: every match starts with one of a few literals (the
    operative verbs: "\\b(?:shall|may|must|...)\\b"), or with a character of a
    small set (a history note's "(", "l", "[", "1"...). Searched, the engine tries
    the alternatives one by one at every word's start, and matched at a
    sentence's start, one by one; the lookahead turns away at once a place whose
    character starts none."""
    _, anchors = _required_literals(pattern)
    known = {a[0] for a in anchors} if anchors else _first_chars(pattern)
    if not known:
        return pattern
    return "(?=[" + "".join(re.escape(c) for c in sorted(known)) + "])" + pattern


def _any_space(pattern: str) -> str:
    """The pattern with each literal space (outside a character class) as `\\s+`
    (a space a quantifier governs, " ?", as `\\s` under that quantifier)."""
    out: list[str] = []
    in_class = escaped = False
    for i, c in enumerate(pattern):
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        elif c == " " and not in_class:
            quantified = pattern[i + 1 : i + 2] in ("?", "*", "+", "{")
            out.append(r"\s" if quantified else r"\s+")
            continue
        out.append(c)
    return "".join(out)


__all__ = [
    "_any_space",
    "_branch",
    "_check_lower_and_safe",
    "_gated",
    "_layout_rules",
    "_refuse_backtracking",
    "_regex",
]
