"""Keypress-to-update latency in the wizard vs a minimal Textual app, p95 of each.

Both apps run headless under Pilot at 120x40. A keypress is timed from the
moment it is sent until the screen shows its effect: in drafter, the score
text `NN / 100` changes (a new Draft, rescored, reassembled, preview redrawn);
in the floor app, a label's counter changes. The two run interleaved, 7 rounds;
the figure is the median over rounds of each round's p95 ratio. Target <= 1.5x.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).parent))
from _timing import result

ROOT = Path(__file__).resolve().parent.parent
PRESSES = 60
ROUNDS = 7
TARGET = 1.5


def p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


async def floor_latencies() -> list[float]:
    from textual.app import App
    from textual.widgets import Footer, Header, Label

    class Floor(App[None]):
        BINDINGS: ClassVar = [("1", "bump", "bump"), ("2", "bump", "bump")]
        count = 0

        def compose(self):
            yield Header()
            yield Label("0", id="count")
            yield Footer()

        def action_bump(self) -> None:
            self.count += 1
            self.query_one("#count", Label).update(str(self.count))

    app = Floor()
    out = []
    async with app.run_test(size=(120, 40)) as pilot:
        label = app.query_one("#count", Label)
        for i in range(PRESSES):
            before = str(label.render())
            start = time.perf_counter()
            await pilot.press("1" if i % 2 else "2")
            while str(label.render()) == before:
                await pilot.pause()
            out.append(time.perf_counter() - start)
    return out


async def drafter_latencies() -> list[float]:
    from textual.widgets import Static

    from drafter.tui.app import DrafterApp

    app = DrafterApp(mode="open", path=str(ROOT / "examples" / "strong-b.yaml"))
    out = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # to Range of Relief: tiers 1..3 give 4, 8, 10
        await pilot.pause()
        total = app.screen.query_one("#total", Static)
        for i in range(PRESSES):
            before = str(total.render())
            start = time.perf_counter()
            await pilot.press("1" if i % 2 else "3")
            while str(total.render()) == before:
                await pilot.pause()
            out.append(time.perf_counter() - start)
    return out


def main() -> None:
    import argparse
    import os

    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="interleaved rounds (7)")
    rounds = parser.parse_args().rounds
    os.environ["DRAFTER_DATA_DIR"] = tempfile.mkdtemp(prefix="drafter-bench-")
    ratios, floors, mines = [], [], []
    for _ in range(rounds):
        floor = asyncio.run(floor_latencies())
        mine = asyncio.run(drafter_latencies())
        ratios.append(p95(mine) / p95(floor))
        floors.append(p95(floor))
        mines.append(p95(mine))
    print(f"floor: p95 median {statistics.median(floors) * 1000:.1f} ms over {rounds} rounds")
    print(f"drafter: p95 median {statistics.median(mines) * 1000:.1f} ms over {rounds} rounds")
    result("keypress_p95_vs_textual_floor", statistics.median(ratios), TARGET, "x")


if __name__ == "__main__":
    main()
