"""Patterns a user writes (signals files) checked for catastrophic backtracking.

Python's regex engine backtracks: a repeat inside a repeat, such as `(a+)+` or
`(\\w+\\s?)*`, can take exponential time on a line that almost matches, so a
signals file could hang `drafter analyze`. `backtracking_risk` walks the
parsed pattern and names the first unbounded repeat that holds another
unbounded repeat (or an alternation whose branches can match the same text
under a repeat), which is the shape of every such pattern; a signals file with
one is refused at load, with its line.
"""

from __future__ import annotations

try:  # Python 3.11+: the parser lives in re._parser
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)} - {None}
#: A repeat this long or longer counts as unbounded.
_LONG = 10


def _unbounded(op, av) -> bool:  # type: ignore[no-untyped-def]
    return op in _REPEATS and (av[1] is _c.MAXREPEAT or av[1] >= _LONG)


def _holds_repeat(items) -> bool:  # type: ignore[no-untyped-def]
    """Whether a parsed sub-pattern can repeat by itself (a nested unbounded repeat)."""
    for op, av in items:
        if _unbounded(op, av):
            return True
        for child in _children(op, av):
            if _holds_repeat(child):
                return True
    return False


def _children(op, av) -> list:  # type: ignore[no-untyped-def]
    if op in _REPEATS:
        return [av[2]]
    if op is _c.SUBPATTERN:
        return [av[-1]]
    if op is _c.BRANCH:
        return list(av[1])
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    return []


def backtracking_risk(pattern: str) -> str | None:
    """A description of the nested repeat that could backtrack without end, or None."""
    try:
        tree = _p.parse(pattern)
    except (_c.error, ValueError, TypeError, RecursionError):  # re.compile reports it
        return None
    stack = [list(tree)]
    while stack:
        for op, av in stack.pop():
            if _unbounded(op, av) and op != getattr(_c, "POSSESSIVE_REPEAT", None):
                body = av[2]
                if _starts_with_repeat(body) or _overlapping_branches(body):
                    return (
                        "a repeated group holds another repeat (like (a+)+), which can take "
                        "exponential time on text that almost matches; repeat only once, "
                        "e.g. (?:a+ ?)+ becomes [a ]+"
                    )
            stack.extend(_children(op, av))
    return None


def _starts_with_repeat(items) -> bool:  # type: ignore[no-untyped-def]
    """Whether a repeated body can begin with an unbounded repeat, or match nothing.

    Then one stretch of text splits between iterations in exponentially many
    ways. A body that must begin with something fixed (", or 12" in a list of
    sections) starts each iteration at a boundary and cannot.
    """
    for op, av in items:
        if op in _REPEATS and av[0] == 0:
            if _holds_repeat(av[2]) or _unbounded(op, av):
                return True
            continue  # optional and bounded: look at what follows
        if _unbounded(op, av):
            return True
        if op is _c.SUBPATTERN:
            return _starts_with_repeat(av[-1])
        if op is _c.BRANCH:
            return any(_starts_with_repeat(b) for b in av[1])
        return False
    return True  # every part optional: the body can match nothing


def _overlapping_branches(items) -> bool:  # type: ignore[no-untyped-def]
    """An alternation under a repeat whose branches are identical (like (a|a)*)."""
    for op, av in items:
        if op is _c.SUBPATTERN:
            return _overlapping_branches(av[-1])
        if op is _c.BRANCH:
            seen = [str(b) for b in av[1]]
            return len(seen) != len(set(seen))
    return False
