"""Keypress to changed screen in a real terminal (tmux): p50 and p95, vs a floor.

The installed `drafter open examples/strong-b.yaml` runs in a tmux pane at
120x40; on Range of Relief the digits 1 and 3 alternate (4 and 10 points), and
each press is timed from `send-keys` until `capture-pane` shows the new total.
The floor is a minimal Textual app in the same terminal whose label counts the
presses. Interleaved, the same number of presses each. Target: p95 <= 1.5x.
"""

from __future__ import annotations

import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import result

ROOT = Path(__file__).resolve().parent.parent
PRESSES = 40
TARGET = 1.5

FLOOR = """
from textual.app import App
from textual.widgets import Footer, Header, Label

class Floor(App):
    BINDINGS = [("1", "bump", "bump"), ("3", "bump", "bump")]
    count = 0

    def compose(self):
        yield Header()
        yield Label("count 0", id="count")
        yield Footer()

    def action_bump(self):
        self.count += 1
        self.query_one("#count", Label).update(f"count {self.count}")

Floor().run()
"""


class Pane:
    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.socket = f"drafter-bench-{os.getpid()}-{time.monotonic_ns()}"
        shell = f"env {' '.join(shlex.quote(f'{k}={v}') for k, v in env.items())} " + shlex.join(
            argv
        )
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", "120", "-y", "40",
                  "-c", str(ROOT), shell)  # fmt: skip

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        ).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "b")

    def wait(self, ok, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if ok(text):
                return text
            if time.monotonic() > deadline:
                raise TimeoutError(text)
            time.sleep(0.002)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def timed(pane: Pane, marker) -> list[float]:
    """Alternate 1 and 3; time each until the marker line changes."""
    out = []
    for i in range(PRESSES):
        before = marker(pane.screen())
        start = time.perf_counter()
        pane.tmux("send-keys", "-t", "b", "1" if i % 2 else "3")
        pane.wait(lambda s, b=before: marker(s) != b)
        out.append(time.perf_counter() - start)
    return out


def total_of(screen: str) -> str:
    first = screen.splitlines()[0] if screen else ""
    return first.split(" / 100")[0][-4:]


def count_of(screen: str) -> str:
    return next((line for line in screen.splitlines() if "count" in line), "")


def pct(values: list[float], q: float) -> float:
    return sorted(values)[max(0, int(len(values) * q) - 1)]


def main() -> None:
    if shutil.which("tmux") is None:
        print("tmux is not installed: apt install tmux")
        return
    drafter = Path(sys.executable).with_name("drafter")
    argv = [str(drafter)] if drafter.is_file() else [sys.executable, "-m", "drafter"]
    mine: list[float] = []
    floor: list[float] = []
    with tempfile.TemporaryDirectory() as data:
        env = {"DRAFTER_DATA_DIR": data, "TERM": "xterm-256color"}
        for _ in range(3):
            pane = Pane([sys.executable, "-c", FLOOR], env)
            try:
                pane.wait(lambda s: "count 0" in s)
                floor += timed(pane, count_of)
            finally:
                pane.close()
            pane = Pane([*argv, "open", "examples/strong-b.yaml"], env)
            try:
                pane.wait(lambda s: " / 100" in s)
                pane.tmux("send-keys", "-t", "b", "n")
                pane.wait(lambda s: "Range of Relief" in s)
                mine += timed(pane, total_of)
            finally:
                pane.close()
    p50, p95 = statistics.median(mine) * 1000, pct(mine, 0.95) * 1000
    f50, f95 = statistics.median(floor) * 1000, pct(floor, 0.95) * 1000
    load = os.getloadavg()[0]
    print(
        f"figure: tmux keypress to changed screen: drafter p50 {p50:.0f} ms, p95 {p95:.0f} ms; "
        f"floor p50 {f50:.0f} ms, p95 {f95:.0f} ms ({len(mine)} presses each, load {load:.1f})"
    )
    result("tmux_keypress_p95_vs_textual_floor", p95 / f95, TARGET, "x")


if __name__ == "__main__":
    main()
