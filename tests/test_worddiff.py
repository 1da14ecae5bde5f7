"""The redline's word diff: SequenceMatcher's answer on real text, near-linear
on hostile text (one word repeated a million times)."""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import given
from hypothesis import strategies as st

from drafter import worddiff
from drafter.worddiff import opcodes

words = st.lists(st.sampled_from(["the", "court", "shall", "vacate", "seal", "a", "record"]))


def _rebuild(a: list[str], b: list[str], ops) -> list[str]:
    out: list[str] = []
    pos_a = pos_b = 0
    for tag, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (pos_a, pos_b), ops
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
        out.extend(b[j1:j2])
        pos_a, pos_b = i2, j2
    assert (pos_a, pos_b) == (len(a), len(b))
    return out


@given(words, words)
def test_opcodes_cover_both_texts_in_order(a: list[str], b: list[str]) -> None:
    assert _rebuild(a, b, opcodes(a, b)) == b


@given(words, words)
def test_within_budget_it_is_sequencematchers_answer(a, b) -> None:
    expected = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    assert [tuple(op) for op in opcodes(a, b)] == [tuple(op) for op in expected]


def test_within_budget_the_common_head_is_not_forced() -> None:
    # Trimming the shared first word here would match one word fewer than
    # SequenceMatcher does (found by hypothesis).
    a = ["court", "court", "the", "the", "the"]
    b = ["court", "the", "the", "court", "the", "court"]
    ours = sum(i2 - i1 for t, i1, i2, _, _ in opcodes(a, b) if t == "equal")
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    assert ours == sum(m.size for m in blocks)


@given(words, words)
def test_over_budget_it_stays_correct(a, b) -> None:
    saved = worddiff._EXACT_BUDGET
    worddiff._EXACT_BUDGET = 0
    try:
        assert _rebuild(a, b, opcodes(a, b)) == b
    finally:
        worddiff._EXACT_BUDGET = saved


def test_a_million_repeated_words_is_one_change_not_hours() -> None:
    a = ["word"] * 1_000_000
    b = ["the", "court", "shall", "vacate", "word", "the", "record"] * 400
    ops = opcodes(a, b)
    assert _rebuild(a, b, ops) == b
    assert len(ops) < 10_000
