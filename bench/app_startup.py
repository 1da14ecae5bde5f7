"""The app's startup time and peak memory vs the floor of the Textual stack.

Each run is a fresh process that starts an app headless, exits as soon as the
app is ready, and reports its max RSS. The floor is a minimal Textual app
(header, a label, footer) that loads the same draft with PyYAML and pydantic;
drafter is `drafter open examples/strong-b.yaml`.
Medians of 10 interleaved runs. Targets: startup <= 1.5x, max RSS <= 1.3x.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import result

ROOT = Path(__file__).resolve().parent.parent
STARTUP_TARGET = 1.5
RSS_TARGET = 1.3

# The stack drafter is built on: Textual, plus pydantic and PyYAML loading one
# small file, as every drafter start does.
FLOOR = """
import resource, json, sys
import yaml
from pydantic import BaseModel
from textual.app import App
from textual.widgets import Footer, Header, Label

class Draft(BaseModel):
    format: str
    coverage: str
    choices: dict[str, str | int]

Draft.model_validate(yaml.safe_load(open(sys.argv[1])))

class Floor(App):
    def compose(self):
        yield Header()
        yield Label("floor")
        yield Footer()

async def ready(pilot):
    await pilot.pause()
    pilot.app.exit()

Floor().run(headless=True, size=(120, 40), auto_pilot=ready)
print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""

DRAFTER = """
import resource, json, sys
from drafter.tui.app import DrafterApp

async def ready(pilot):
    await pilot.pause()
    pilot.app.exit()

app = DrafterApp(mode="open", path=sys.argv[1], jurisdiction=None, rubric_path=None)
app.run(headless=True, size=(120, 40), auto_pilot=ready)
print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


def run(code: str, *args: str, env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
    ).stdout
    wall = time.perf_counter() - start
    return wall, int(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    import os

    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "DRAFTER_DATA_DIR": data}
        draft = str(ROOT / "examples" / "strong-b.yaml")
        samples: dict[str, list[tuple[float, int]]] = {"floor": [], "drafter": []}
        for _ in range(2):
            run(FLOOR, draft, env=env)
            run(DRAFTER, draft, env=env)
        for _ in range(10):
            samples["floor"].append(run(FLOOR, draft, env=env))
            samples["drafter"].append(run(DRAFTER, draft, env=env))
    t = {k: statistics.median(s[0] for s in v) for k, v in samples.items()}
    m = {k: statistics.median(s[1] for s in v) for k, v in samples.items()}
    print(
        f"startup to ready: floor {t['floor'] * 1000:.0f} ms, drafter {t['drafter'] * 1000:.0f} ms"
    )
    print(f"max RSS: floor {m['floor'] / 1024:.1f} MB, drafter {m['drafter'] / 1024:.1f} MB")
    result("app_startup_vs_textual_floor", t["drafter"] / t["floor"], STARTUP_TARGET, "x")
    result("app_max_rss_vs_textual_floor", m["drafter"] / m["floor"], RSS_TARGET, "x")


if __name__ == "__main__":
    main()
