"""Matching: a view made by blanking another finds its literals from the other's places."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.reader.literals import _required_literals
from drafter.reader.match import Literals, _first

_TEXT = st.text("ab .-'x", min_size=0, max_size=40)
_LITERAL = st.text("ab.-' x", min_size=1, max_size=4)


@settings(max_examples=500, deadline=None)
@given(
    base=_TEXT,
    cuts=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=4),
    literals=st.lists(_LITERAL, min_size=1, max_size=6),
)
def test_a_blanked_view_finds_each_literal_where_a_search_of_its_own_would(
    base: str, cuts: list[tuple[int, int]], literals: list[str]
) -> None:
    """Blanking writes spaces and a period (as the reader's views do); every literal's
    first place in the blanked text is what str.find says, the base's bound or not."""
    text = base
    for start, length in cuts:
        end = min(len(text), start + length)
        if start < end:
            text = text[:start] + " " * (end - start - 1) + "." + text[end:]
    root = Literals()
    view = Literals(root, base)
    for lit in literals:
        assert _first(view, text, lit) == text.find(lit)
        assert _first(root, base, lit) == base.find(lit)


def _blank(text: str, cuts: list[tuple[int, int]]) -> str:
    for start, length in cuts:
        end = min(len(text), start + length)
        if start < end:
            text = text[:start] + " " * (end - start - 1) + "." + text[end:]
    return text


@settings(max_examples=500, deadline=None)
@given(
    base=_TEXT,
    first_cuts=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=3),
    more_cuts=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=3),
    literals=st.lists(_LITERAL, min_size=1, max_size=6),
    base_first=st.booleans(),
)
def test_a_view_of_a_view_finds_each_literal_where_a_search_of_its_own_would(
    base: str,
    first_cuts: list[tuple[int, int]],
    more_cuts: list[tuple[int, int]],
    literals: list[str],
    base_first: bool,
) -> None:
    """A view blanked from a view blanked from the base (the gate view made after
    other remedies are set aside, then a category's): each literal, spaces and
    periods in it or not, is found where str.find finds it, whichever text asked first."""
    gate = _blank(base, first_cuts)
    text = _blank(gate, more_cuts)
    root = Literals()
    middle = Literals(root, base)
    view = Literals(middle, gate)
    for lit in literals:
        if base_first:
            assert _first(root, base, lit) == base.find(lit)
        assert _first(view, text, lit) == text.find(lit)
        assert _first(middle, gate, lit) == gate.find(lit)
        assert _first(root, base, lit) == base.find(lit)


# --- the literals a branch is found by ---------------------------------------------------

_ATOM = st.sampled_from(["a", "b", "ab", " ", "no ", "x", r"\w", "[ab]", "."])


def _pattern(depth: int = 0) -> st.SearchStrategy[str]:
    """Small patterns in the signals' shapes: literals, optional groups ("(?:no )?",
    "s?"), alternations, classes, repeats and word boundaries, nested."""
    leaf = _ATOM | _ATOM.map(lambda a: a + "?") | _ATOM.map(lambda a: f"(?:{a})?")
    inner = leaf if depth >= 2 else leaf | _pattern(depth + 1).map(lambda p: f"(?:{p})?")
    alt = st.lists(st.lists(inner, min_size=1, max_size=3).map("".join), min_size=2, max_size=3)
    part = inner | alt.map(lambda xs: "(?:" + "|".join(xs) + ")") | st.just(r"\b")
    return st.lists(part, min_size=1, max_size=4).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_pattern(), st.text("ab nox.", max_size=30))
def test_every_match_starts_with_one_of_the_branchs_anchors(pattern: str, text: str) -> None:
    """A branch is tried only where one of its anchors (the literals every match
    starts with) stands: with optional groups read as their texts ("(?:no )?a":
    "no a", "a"), every place the pattern matches still starts with one."""
    _, anchors = _required_literals(pattern)
    compiled = re.compile(pattern)
    for at in range(len(text) + 1):
        m = compiled.match(text, at)
        if anchors and m is not None:
            assert any(text.startswith(a, at) for a in anchors), (at, anchors)


# --- a branch that opens on a literal is searched from it -------------------------------

_LEAD = st.sampled_from(["a", "ab", "no ", "b a", "x", "a-b", "ab\\-", "a\\.b"])


@settings(max_examples=1500, deadline=None)
@given(
    st.booleans(),
    _LEAD,
    st.sampled_from(["", "?", "*", "{2}"]),
    _pattern(),
    st.text("ab nox.-_", max_size=30),
    st.integers(0, 30) | st.none(),
)
def test_a_branch_searched_from_its_literal_finds_what_trying_each_anchor_did(
    boundary: bool, lead: str, quantifier: str, rest: str, text: str, limit: int | None
) -> None:
    """A branch that opens on a literal (after a word boundary or not, a quantifier
    on its last character or not) is searched by the regex engine from the literal;
    its matches, in order and up to a limit, are those trying it at every place one
    of its anchors stands found."""
    from drafter.reader.match import _Branch
    from drafter.reader.patterns import _branch

    pattern = ("\\b" if boundary else "") + lead + quantifier + rest
    branch = _branch(pattern)
    plain = _Branch(branch.pattern, branch.needs, branch.anchors)

    def spans(b: _Branch) -> list[tuple[int, int]]:
        return [m.span() for m in b.candidates(text, limit, {})]

    assert spans(branch) == spans(plain)
    if branch.seek is not None:
        assert all(text.startswith(branch.lead, m.start()) for m in branch.seek.finditer(text))


# --- a provisions pattern behind a lookahead for its first characters --------------------


@settings(max_examples=2000, deadline=None)
@given(
    st.tuples(st.sampled_from(["", "\\s?", "\\s", "(?:\\s|x)?", "[a-c]", "\\(?"]), _pattern()).map(
        "".join
    ),
    st.lists(
        st.sampled_from(
            [*"abnoxABNOX. -", "no ", "NO ", "Ab", "\u017f", "\u212a", "\u0130", "\u0131"]
        ),
        max_size=20,
    ).map("".join),
)
def test_a_gated_pattern_finds_what_the_pattern_did(pattern: str, text: str) -> None:
    """The provisions' patterns are searched without regard to case behind a lookahead
    for the first characters of their anchors: every search, and every match at a
    place, is the same, with odd case pairs (the long s, the Kelvin sign, dotted and
    dotless i) in the text."""
    from drafter.reader.patterns import _gated

    plain = re.compile(pattern, re.IGNORECASE)
    gated = re.compile(_gated(pattern), re.IGNORECASE)
    for at in range(len(text) + 1):
        a, b = plain.search(text, at), gated.search(text, at)
        assert (a and a.span()) == (b and b.span())
        a, b = plain.match(text, at), gated.match(text, at)
        assert (a and a.span()) == (b and b.span())


def test_the_spaces_a_gate_counts_are_what_backslash_s_matches() -> None:
    from drafter.reader.literals import SPACES

    every = (
        "".join(map(chr, range(0x110000)))
        .encode("utf-8", "surrogatepass")
        .decode("utf-8", "surrogatepass")
    )
    assert "".join(re.findall(r"\s", every)) == SPACES
