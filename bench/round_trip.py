"""Round trip, exhaustively: assemble every tier combination, analyze the bill, compare.

For each of the 233,280 combinations (itertools.product of every category's
statute tiers) a draft is assembled into a bill (rotating through the
jurisdiction profiles and both coverages), rendered as text, and read back by
the statute analyzer. Agreement means the analyzer reads exactly the chosen
tier in every category, with a clear or by-absence finding, and the coverage.
Prints the agreement and the time, in total and per bill.

`--limit N` checks N combinations spread over the whole product (every k-th,
k coprime to the total, so no category is held still), not the first N: 30,000
so chosen hold every pair and nearly every triple of tiers (the first 30,000
hold 79% of pairs). The share of 2- and 3-way combinations checked is printed.

    python bench/round_trip.py [--jobs N] [--limit N]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import result
from drafter.assembly import assemble
from drafter.draft import Draft
from drafter.jurisdiction import list_profiles
from drafter.language import load_language
from drafter.reader import analyze, signals_for
from drafter.render.text import render_text
from drafter.rubric import load_rubric

PARAMS = {
    "court": "the district court",
    "prosecuting_office": "district attorney",
    "trafficking_statute": "chapter 20A, Penal Code",
    "state": "Example",
    "limitation_years": 3,
}
#: Per-bill target: assemble + render + analyze, in CPU milliseconds.
TARGET_MS = 5.0

_STATE: dict[str, object] = {}


def _setup() -> None:
    rubric = load_rubric()
    _STATE.update(
        rubric=rubric,
        language=load_language(),
        profiles=list_profiles(),
        signals=signals_for(rubric),
        ids=[c.id for c in rubric.categories],
        tiers=[[t.id for t in c.statute_tiers] for c in rubric.categories],
    )


def _combo(index: int, tiers: list[list[str]]) -> tuple[str, ...]:
    """The index-th combination of itertools.product(*tiers), decoded directly."""
    out = []
    for levels in reversed(tiers):
        index, r = divmod(index, len(levels))
        out.append(levels[r])
    return tuple(reversed(out))


def _stride(total: int, n: int) -> int:
    """A step that visits n combinations spread over all of them (coprime to the total)."""
    k = max(1, total // n)
    while math.gcd(k, total) != 1:
        k += 1
    return k


def _chunk(bounds: tuple[int, int, int]) -> tuple[int, int, list[str], float, float]:
    """Check positions [start, stop) at a stride.

    Returns (checked, agreed, first failures, build s, analyze s).
    """
    if not _STATE:
        _setup()
    rubric = _STATE["rubric"]
    language = _STATE["language"]
    profiles = _STATE["profiles"]
    signals = _STATE["signals"]
    ids = _STATE["ids"]
    start, stop, stride = bounds
    tiers = _STATE["tiers"]
    total = math.prod(len(t) for t in tiers)
    combos = (_combo(p * stride % total, tiers) for p in range(start, stop))
    agreed = 0
    failures: list[str] = []
    build = read = 0.0
    clock = time.process_time
    for i, combo in enumerate(combos, start):
        choices = dict(zip(ids, combo, strict=True))
        coverage = "adults" if (i // 4) % 2 == 0 else "minors_only"
        profile = profiles[i % len(profiles)]
        t0 = clock()
        text = render_text(
            assemble(
                Draft(coverage=coverage, choices=choices, parameters=PARAMS),
                rubric,
                language,
                profile,
            )
        )
        t1 = clock()
        analysis = analyze(text, rubric, signals)
        ok = analysis.coverage.tier == coverage and all(
            f.tier == choices[f.category] and f.confidence in ("clear", "by absence")
            for f in analysis.findings
        )
        t2 = clock()
        build += t1 - t0
        read += t2 - t1
        if ok:
            agreed += 1
        elif len(failures) < 5:
            wrong = {
                f.category: (f.tier, f.confidence)
                for f in analysis.findings
                if f.tier != choices[f.category] or f.confidence not in ("clear", "by absence")
            }
            failures.append(f"#{i} {profile.id} {coverage} {choices}: {wrong}")
    return stop - start, agreed, failures, build, read


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, default=None, help="stop after N combinations")
    args = parser.parse_args()
    rubric = load_rubric()
    total = 1
    for c in rubric.categories:
        total *= len(c.statute_tiers)
    n = min(total, args.limit) if args.limit else total
    stride = _stride(total, n) if n < total else 1
    size = 2000
    chunks = [(s, min(s + size, n), stride) for s in range(0, n, size)]
    print(f"combinations: {total:,} (checking {n:,} with {args.jobs} job(s))", flush=True)
    if n < total:
        _report_coverage(rubric, n, stride)
    wall0 = time.perf_counter()
    checked = agreed = 0
    build = read = 0.0
    failures: list[str] = []
    if args.jobs > 1:
        with Pool(args.jobs, initializer=_setup) as pool:
            parts = pool.imap_unordered(_chunk, chunks)
            for k, part in enumerate(parts, 1):
                checked += part[0]
                agreed += part[1]
                failures.extend(part[2])
                build += part[3]
                read += part[4]
                if k % 20 == 0:
                    print(f"  {checked:,} checked, {agreed:,} agree", flush=True)
    else:
        _setup()
        for part in map(_chunk, chunks):
            checked += part[0]
            agreed += part[1]
            failures.extend(part[2])
            build += part[3]
            read += part[4]
    wall = time.perf_counter() - wall0
    pct = 100.0 * agreed / checked if checked else 0.0
    cpu_ms = (build + read) / checked * 1000
    print(f"agreement: {agreed:,} / {checked:,} ({pct:.3f}%)")
    print(f"time: {wall:.1f} s wall with {args.jobs} job(s); CPU per bill {cpu_ms:.3f} ms")
    print(
        f"  assemble + render {build / checked * 1000:.3f} ms, "
        f"analyze {read / checked * 1000:.3f} ms per bill (CPU)"
    )
    for line in failures[:5]:
        print("  disagrees:", line)
    result("round_trip_agreement_pct", pct, 100.0, "%", higher_is_better=True)
    result("round_trip_cpu_ms_per_bill", cpu_ms, TARGET_MS, "ms")


def _report_coverage(rubric: object, n: int, stride: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from covering import combinations_covered, combinations_total

    tiers = [[t.id for t in c.statute_tiers] for c in rubric.categories]  # type: ignore[attr-defined]
    total = math.prod(len(t) for t in tiers)
    rows = [_combo(p * stride % total, tiers) for p in range(n)]
    for t in (2, 3):
        have, want = combinations_covered(rows, t), combinations_total(tiers, t)
        print(
            f"  {t}-way tier combinations checked: {have:,} / {want:,} ({100 * have / want:.2f}%)"
        )


if __name__ == "__main__":
    main()
