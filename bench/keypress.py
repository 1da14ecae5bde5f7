"""Keypress-to-update latency in the wizard vs a minimal Textual app, p95 of each.

Both apps run headless under Pilot at 120x40. A keypress is timed from the
moment it is sent until the screen shows its effect: in drafter, the score
text `NN / 100` changes (a new Draft, rescored, reassembled, preview redrawn);
in the floor app, a label's counter changes. Target: p95 ratio <= 5x.
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
TARGET = 5.0


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
    import os

    os.environ["DRAFTER_DATA_DIR"] = tempfile.mkdtemp(prefix="drafter-bench-")
    floor = asyncio.run(floor_latencies())
    mine = asyncio.run(drafter_latencies())
    print(f"floor: median {statistics.median(floor) * 1000:.1f} ms, p95 {p95(floor) * 1000:.1f} ms")
    print(f"drafter: median {statistics.median(mine) * 1000:.1f} ms, p95 {p95(mine) * 1000:.1f} ms")
    result("keypress_p95_vs_textual_floor", p95(mine) / p95(floor), TARGET, "x")


if __name__ == "__main__":
    main()
