"""Covering samples of tier combinations: every t-way combination of tiers in few bills.

The round trip has 233,280 combinations; a bill that reads back wrong does so
because of how a few of its provisions sit together. A t-wise covering sample
holds, for every t categories, every combination of their tiers in at least one
bill (all pairs take about 40 bills, all triples a few hundred), so a misread
caused by any t provisions together is met in a sample a test can afford.
Greedy construction, seeded, so the sample is the same on every run.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence


def covering(
    levels: Sequence[Sequence[str]], t: int = 2, seed: int = 0, tries: int = 3
) -> list[tuple[str, ...]]:
    """Rows (one level per factor) that together hold every t-way combination of levels."""
    n = len(levels)
    t = min(t, n)
    groups = list(itertools.combinations(range(n), t))
    uncovered: dict[tuple[int, ...], set[tuple[int, ...]]] = {
        g: set(itertools.product(*(range(len(levels[i])) for i in g))) for g in groups
    }
    left = sum(len(s) for s in uncovered.values())
    rng = random.Random(seed)
    rows: list[tuple[int, ...]] = []
    while left:
        # Start each candidate from one uncovered combination, fill the rest at random,
        # then improve factor by factor; keep the candidate that covers the most.
        best: tuple[int, ...] | None = None
        best_gain = -1
        for _ in range(tries):
            g = rng.choice([g for g in groups if uncovered[g]])
            combo = rng.choice(sorted(uncovered[g]))
            row = [rng.randrange(len(lv)) for lv in levels]
            for i, v in zip(g, combo, strict=True):
                row[i] = v
            fixed = set(g)
            for i in rng.sample(range(n), n):
                if i in fixed:
                    continue
                row[i] = max(
                    range(len(levels[i])),
                    key=lambda v: _gain(uncovered, groups, [*row[:i], v, *row[i + 1 :]], i),
                )
            gain = _gain(uncovered, groups, row)
            if gain > best_gain:
                best, best_gain = tuple(row), gain
        assert best is not None
        for g in groups:
            key = tuple(best[i] for i in g)
            if key in uncovered[g]:
                uncovered[g].discard(key)
                left -= 1
        rows.append(best)
    return [tuple(levels[i][v] for i, v in enumerate(row)) for row in rows]


def _gain(
    uncovered: dict[tuple[int, ...], set[tuple[int, ...]]],
    groups: list[tuple[int, ...]],
    row: Sequence[int],
    only: int | None = None,
) -> int:
    return sum(
        tuple(row[i] for i in g) in uncovered[g] for g in groups if only is None or only in g
    )


def combinations_covered(rows: Sequence[Sequence[str]], t: int) -> int:
    """How many distinct t-way combinations (of factors and their levels) the rows hold."""
    seen: set[tuple[tuple[int, str], ...]] = set()
    for row in rows:
        for g in itertools.combinations(range(len(row)), t):
            seen.add(tuple((i, row[i]) for i in g))
    return len(seen)


def combinations_total(levels: Sequence[Sequence[str]], t: int) -> int:
    total = 0
    for g in itertools.combinations(range(len(levels)), t):
        k = 1
        for i in g:
            k *= len(levels[i])
        total += k
    return total
