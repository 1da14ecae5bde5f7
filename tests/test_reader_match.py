"""Matching: a view made by blanking another finds its literals from the other's places."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
