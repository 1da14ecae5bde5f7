"""What a pattern's matches must contain or start with: the prefilters that keep matching fast.

Also the checks the loader makes on a pattern's text (no capital letters: the
text searched is lower-cased).
"""

from __future__ import annotations

import re


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

    def whole(op: object, av: object) -> list[str] | None:
        """Every text one item can match, when they are few and all literal: a
        literal, a group or alternation of such, or one made optional ("(?:no )?",
        "s?"); else None. (A lookaround inside is passed over: it matches no text.)"""
        if op is sre_c.LITERAL:
            return [chr(av)]  # type: ignore[arg-type]
        if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            return [""]
        if op is sre_c.SUBPATTERN:
            if av[1] or av[2]:  # type: ignore[index]
                return None  # flags changed inside ("(?i:...)"): not literal text
            return every(list(av[-1]))  # type: ignore[index]
        if op is sre_c.BRANCH:
            out: list[str] = []
            for branch in av[1]:  # type: ignore[index]
                sub = every(list(branch))
                if sub is None:
                    return None
                out.extend(sub)
            return out if len(out) <= 32 else None
        if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:  # type: ignore[index]
            sub = every(list(av[2]))  # type: ignore[index]
            return None if sub is None else ["", *sub]
        return None

    def every(items: list[tuple[object, object]]) -> list[str] | None:
        """Every text a sequence of items can match, when `whole` knows each."""
        out = [""]
        for op, av in items:
            sub = whole(op, av)
            if sub is None or len(out) * len(sub) > 32:
                return None
            out = [p + q for p in out for q in sub]
        return out

    def leading(items: list[tuple[object, object]], known: bool = False) -> tuple[str, ...] | None:
        """The literals a match can start with (None: not known).

        Literal runs extend every prefix; an alternation multiplies them
        ("n" + (o|ever|on) -> no, never, non: sre factors common prefixes out).
        With `known`, so does an item whose every text is known (an optional
        "(?:no )?", "s?"), and the literals after it go on each ("(?:no )?hearing":
        "no hearing", "hearing"), as long as there are no more than 32: asked
        only of a pattern that opens on no literal otherwise, which the engine
        would try at every place (more literals are more passes to find them).
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
            texts = whole(op, av) if known and op is not sre_c.AT else None
            if texts is not None and len(prefixes) * len(texts) <= 32:
                prefixes = list(dict.fromkeys(p + q for p in prefixes for q in texts))
                started = True
                continue
            if op is sre_c.SUBPATTERN or op is sre_c.BRANCH:
                branches = [av[-1]] if op is sre_c.SUBPATTERN else av[1]  # type: ignore[index]
                subs: list[str] = []
                for branch in branches:
                    sub = leading(list(branch), known)
                    if not sub:
                        subs = []
                        break
                    subs.extend(sub)
                if subs and len(prefixes) * len(subs) <= 32:
                    prefixes = [p + q for p in prefixes for q in subs]
                    started = True
            break  # the literals after a group or anything else are not contiguous
        return tuple(prefixes) if started and all(prefixes) else None

    return seq(list(tree)) or (), leading(list(tree)) or _fewer(leading(list(tree), True)) or ()


#: What \\s matches in a str pattern: the characters str.isspace says yes to.
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _first_chars(text: str) -> frozenset[str] | None:
    """The characters a match of `text` can start with, when few and all known
    (literals, small classes, optional and repeated groups, alternations; word
    boundaries and lookarounds passed over); None when any character could, or
    when the pattern can match the empty text."""
    try:
        from re import _constants as sre_c  # type: ignore[attr-defined]
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        tree = sre_parse.parse(text)
    except (ImportError, re.error):
        return None

    def members(av: list[tuple[object, object]]) -> set[str] | None:
        out: set[str] = set()
        for op, x in av:
            if op is sre_c.LITERAL:
                out.add(chr(x))  # type: ignore[arg-type]
            elif op is sre_c.RANGE and x[1] - x[0] < 128:  # type: ignore[index,operator]
                out.update(map(chr, range(x[0], x[1] + 1)))  # type: ignore[index,operator]
            elif op is sre_c.CATEGORY and x is sre_c.CATEGORY_SPACE:
                out.update(SPACES)
            else:
                return None  # a category, a negation, a wide range: too many
        return out

    def first(items: list[tuple[object, object]]) -> tuple[set[str], bool] | None:
        """(the first characters, whether the items can match nothing)"""
        out: set[str] = set()
        for op, av in items:
            if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
                continue  # zero-width
            if op is sre_c.LITERAL:
                out.add(chr(av))  # type: ignore[arg-type]
                return out, False
            if op is sre_c.IN:
                found = members(av)  # type: ignore[arg-type]
                if found is None:
                    return None
                return out | found, False
            if op is sre_c.SUBPATTERN:
                if av[1] or av[2]:  # type: ignore[index]
                    return None  # flags changed inside
                sub = first(list(av[-1]))  # type: ignore[index]
            elif op is sre_c.BRANCH:
                subs = [first(list(b)) for b in av[1]]  # type: ignore[index]
                if any(x is None for x in subs):
                    return None
                sub = (
                    set().union(*(x[0] for x in subs if x)),
                    any(x[1] for x in subs if x),
                )
            elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
                inner = first(list(av[2]))  # type: ignore[index]
                sub = None if inner is None else (inner[0], inner[1] or av[0] == 0)  # type: ignore[index]
            else:
                return None
            if sub is None:
                return None
            out |= sub[0]
            if not sub[1]:
                return out, False
        return out, True

    found = first(list(tree))
    if found is None or found[1] or not found[0]:
        return None
    return frozenset(found[0])


def _fewer(anchors: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """Many long anchors cut to their first words ("such additional relief as" and 23
    more to "such ", "additional ", "other ", "further "): still what every match
    starts with, and a few passes over a long text to find them, not two dozen."""
    if anchors is None or len(anchors) <= 4:
        return anchors
    cut = []
    for a in anchors:
        space = a.find(" ", 2)
        cut.append(a[: space + 1] if space > 0 else a)
    return tuple(dict.fromkeys(cut))


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
