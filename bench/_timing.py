"""Shared timing helpers for the benchmarks (ratios within one run, never bounds)."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Sequence


def median_wall(cmd: Sequence[str], runs: int = 10, warmup: int = 2) -> float:
    """Median wall time of a command, in seconds, after a few warm-up runs."""
    for _ in range(warmup):
        subprocess.run(cmd, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(cmds: dict[str, Sequence[str]], runs: int = 10) -> dict[str, float]:
    """Median wall time of several commands, run alternately so noise hits all alike."""
    for cmd in cmds.values():
        for _ in range(2):
            subprocess.run(cmd, check=True, capture_output=True)
    samples: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(s) for name, s in samples.items()}


def result(
    name: str, value: float, target: float, unit: str, higher_is_better: bool = False
) -> str:
    """The one line bench/run collects from each benchmark: `bench: NAME VALUE OP TARGET UNIT`."""
    op = ">=" if higher_is_better else "<="
    ok = value >= target if higher_is_better else value <= target
    line = f"bench: {name} {value:.3g} {op} {target:g} {unit} {'ok' if ok else 'MISS'}"
    print(line, flush=True)
    return line
