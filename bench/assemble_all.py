"""Assemble and render to text every tier combination a drafted statute can take.

233,280 bills (every category's every tier, less the two "no statute" tiers).
Nothing is cached across combinations: each bill is assembled from the draft
and rendered anew. Prints the median time per bill (target < 1 ms) and, for one
full draft, assemble+render as a ratio of `score` compute alone.

    python bench/assemble_all.py [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

from drafter.assembly import assemble
from drafter.draft import Draft
from drafter.jurisdiction import load_profile
from drafter.language import load_language
from drafter.render.text import render_text
from drafter.rubric import load_rubric
from drafter.scoring import score

sys.path.insert(0, str(Path(__file__).parent))
from _timing import result

TARGET_MS = 1.0
PARAMS = {
    "court": "the district court",
    "prosecuting_office": "district attorney",
    "trafficking_statute": "chapter 20A, Penal Code",
    "state": "Example",
    "enumerated_misdemeanors": ["loitering", "trespass", "theft of property of low value"],
    "enumerated_violent_felonies": ["robbery", "aggravated assault"],
}


def combinations(rubric):  # -> Iterator[dict[str, str]]
    ids = [c.id for c in rubric.categories]
    tiers = [[t.id for t in c.statute_tiers] for c in rubric.categories]
    for combo in itertools.product(*tiers):
        yield dict(zip(ids, combo, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="stop after N bills")
    args = parser.parse_args()
    rubric = load_rubric()
    language = load_language()
    profile = load_profile(None)
    clock = time.perf_counter_ns
    times: list[int] = []
    start = time.perf_counter()
    for i, choices in enumerate(combinations(rubric)):
        if args.limit is not None and i >= args.limit:
            break
        t0 = clock()
        draft = Draft(coverage="adults", choices=choices, parameters=PARAMS)
        render_text(assemble(draft, rubric, language, profile))
        times.append(clock() - t0)
    wall = time.perf_counter() - start
    median_ms = statistics.median(times) / 1e6
    p95_ms = sorted(times)[int(len(times) * 0.95)] / 1e6
    print(f"bills: {len(times):,} in {wall:.1f} s")
    print(
        f"per bill (draft + assemble + render text): median {median_ms:.3f} ms, p95 {p95_ms:.3f} ms"
    )
    verdict = "ok" if median_ms < TARGET_MS else "MISSES TARGET"
    print(
        f"assemble_all median: {median_ms / TARGET_MS:.2f}x of the {TARGET_MS} ms target {verdict}"
    )

    result("assemble_render_median_ms", median_ms, TARGET_MS, "ms")

    # One full draft: assemble+render vs scoring alone, interleaved.
    draft = Draft(
        coverage="adults",
        choices={c.id: c.statute_tiers[-1].id for c in rubric.categories},
        parameters=PARAMS,
    )
    a: list[int] = []
    s: list[int] = []
    for _ in range(2000):
        t0 = clock()
        render_text(assemble(draft, rubric, language, profile))
        t1 = clock()
        score(rubric, draft)
        t2 = clock()
        a.append(t1 - t0)
        s.append(t2 - t1)
    ratio = statistics.median(a) / statistics.median(s)
    print(
        f"full draft: assemble+render {statistics.median(a) / 1e3:.1f} us, "
        f"score {statistics.median(s) / 1e3:.1f} us: ratio {ratio:.1f}x"
    )


if __name__ == "__main__":
    main()
