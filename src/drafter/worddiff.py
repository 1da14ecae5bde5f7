"""A word diff that stays near-linear on any input (for redlines).

difflib.SequenceMatcher gives the best word diff, but its cost grows with how
often each word repeats: two megabytes of one repeated word took minutes.
`opcodes` gives SequenceMatcher's answer whenever its cost is within a budget
(every real statute), and otherwise matches the common head and tail and
splits the rest at words found exactly once on each side (a patience diff),
comparing each gap the same way.
"""

from __future__ import annotations

from difflib import SequenceMatcher

#: The most word pairs the exact comparison may visit (the sum, over the old
#: text's words, of how often each occurs in the new). Real statutes stay far
#: below it and get the exact word diff; a text of one word repeated a million
#: times would cost SequenceMatcher hours, and is compared by anchors instead.
_EXACT_BUDGET = 20_000_000

Opcode = tuple[str, int, int, int, int]


def opcodes(a: list[str], b: list[str], lo_a: int = 0, lo_b: int = 0) -> list[Opcode]:
    """Equal/changed spans of `a` against `b`, near-linear whatever the input.

    Within the budget this is SequenceMatcher's answer exactly. Over it, the
    common head and tail are matched first and the rest is split at words
    found exactly once in each side (patience diff), each gap compared the
    same way; a gap with no such anchor is one change.
    """
    if _cost(a, b) <= _EXACT_BUDGET:
        # Trimming the common head and tail first is not always what
        # SequenceMatcher would match, so the exact path compares the whole.
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        return [
            (t, i1 + lo_a, i2 + lo_a, j1 + lo_b, j2 + lo_b)
            for t, i1, i2, j1, j2 in matcher.get_opcodes()
        ]
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    out: list[Opcode] = []
    if head:
        out.append(("equal", lo_a, lo_a + head, lo_b, lo_b + head))
    core_a, core_b = a[head : len(a) - tail], b[head : len(b) - tail]
    ia, ib = lo_a + head, lo_b + head
    if core_a or core_b:
        out.extend(_anchored(core_a, core_b, ia, ib))
    if tail:
        out.append(
            ("equal", lo_a + len(a) - tail, lo_a + len(a), lo_b + len(b) - tail, lo_b + len(b))
        )
    return out


def _cost(a: list[str], b: list[str]) -> int:
    """The word pairs SequenceMatcher would visit: each word of `a` times its count in `b`."""
    counts_b: dict[str, int] = {}
    for word in b:
        counts_b[word] = counts_b.get(word, 0) + 1
    return sum(counts_b.get(word, 0) for word in a)


def _anchored(a: list[str], b: list[str], ia: int, ib: int) -> list[Opcode]:
    if not a or not b:
        return [("replace", ia, ia + len(a), ib, ib + len(b))]
    counts_a: dict[str, int] = {}
    for word in a:
        counts_a[word] = counts_a.get(word, 0) + 1
    counts_b: dict[str, int] = {}
    for word in b:
        counts_b[word] = counts_b.get(word, 0) + 1
    pos_b = {w: j for j, w in enumerate(b) if counts_b[w] == 1 and counts_a.get(w) == 1}
    anchors_a = [(i, w) for i, w in enumerate(a) if w in pos_b]
    if not anchors_a:
        return [("replace", ia, ia + len(a), ib, ib + len(b))]
    # The longest run of anchors in the same order on both sides (distinct words: cheap).
    words_a = [w for _, w in anchors_a]
    words_b = sorted(pos_b, key=pos_b.__getitem__)
    matched = SequenceMatcher(None, words_a, words_b, autojunk=False).get_matching_blocks()
    out: list[Opcode] = []
    prev_a = prev_b = 0
    for block in matched:
        for k in range(block.size):
            i = anchors_a[block.a + k][0]
            j = pos_b[words_a[block.a + k]]
            if i < prev_a or j < prev_b:
                continue
            out.extend(opcodes(a[prev_a:i], b[prev_b:j], ia + prev_a, ib + prev_b))
            out.append(("equal", ia + i, ia + i + 1, ib + j, ib + j + 1))
            prev_a, prev_b = i + 1, j + 1
    out.extend(opcodes(a[prev_a:], b[prev_b:], ia + prev_a, ib + prev_b))
    return out


def segments(
    a: list[str], b: list[str], short_equal: int, brk: str
) -> list[tuple[list[str], list[str], bool]]:
    """(deleted, inserted, equal?) segments, with tiny equal runs folded into changes.

    An equal run of at most `short_equal` words between two changes, and not
    holding the paragraph break `brk`, becomes part of the change around it.
    """
    raw: list[tuple[list[str], list[str], bool]] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag == "equal":
            raw.append((a[i1:i2], b[j1:j2], True))
        else:
            raw.append((a[i1:i2], b[j1:j2], False))
    for k in range(1, len(raw) - 1):
        old, new, same = raw[k]
        if (
            same
            and len(old) <= short_equal
            and brk not in old
            and not raw[k - 1][2]
            and not raw[k + 1][2]
        ):
            raw[k] = (old, new, False)
    merged: list[tuple[list[str], list[str], bool]] = []
    for old, new, same in raw:
        if merged and not same and not merged[-1][2]:
            merged[-1] = (merged[-1][0] + old, merged[-1][1] + new, False)
        else:
            merged.append((list(old), list(new), same))
    return merged
