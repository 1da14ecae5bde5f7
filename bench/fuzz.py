"""Fuzz every loader and the analyzer with 10,000 inputs each; print failures (target 0).

A failure is any exception other than drafter's UserError. Uses the same
targets and input strategies as tests/test_fuzz.py (200 each there).

    python bench/fuzz.py [--examples N]
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import result
from fuzz_targets import TARGETS, inputs, run_target


def fuzz(name: str, examples: int) -> tuple[int, int, float]:
    failures: list[str] = []
    count = 0
    _, seed = TARGETS[name]

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=inputs(seed))
    def run(data: bytes) -> None:
        nonlocal count
        count += 1
        try:
            run_target(name, data)
        except Exception:  # a bench counts bugs rather than stopping at the first
            failures.append(traceback.format_exc(limit=3))

    start = time.perf_counter()
    run()
    if failures:
        print(failures[0], file=sys.stderr)
    return count, len(failures), time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    total = 0
    print(f"{'target':<14}{'inputs':>8}{'failures':>10}{'seconds':>9}")
    for name in sorted(TARGETS):
        count, failed, seconds = fuzz(name, args.examples)
        total += failed
        print(f"{name:<14}{count:>8}{failed:>10}{seconds:>9.1f}")
    print(f"fuzz failures: {total} (target 0) {'ok' if total == 0 else 'MISSES TARGET'}")
    result("fuzz_failures", total, 0, "inputs")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
