"""The app's startup time and peak memory vs the floor of the Textual stack.

Each run is a fresh process that starts an app headless and notes the moment
its first ready frame is on the screen: the floor's label, drafter's wizard
with its score (`NN / 100`) laid out and drawn. It then waits until the app
is idle, exits and reports its max RSS. Startup is process start (just before
the parent spawns it) to that first ready frame; the whole run to exit is
printed as a figure too. The floor is a minimal Textual app (header, a label,
footer) that loads the same draft with PyYAML and pydantic; drafter is
`drafter open examples/strong-b.yaml`.
Medians of 10 interleaved runs. Targets: startup <= 1.5x, max RSS <= 1.3x.

Both start from bytecode, as an installed app does (pip compiles a wheel's
modules as it installs them): drafter's own modules are compiled first. Here
drafter is installed editable, from its source tree, and a shell that sets
PYTHONDONTWRITEBYTECODE would otherwise have it compile its ~70 modules from
source on every start while the floor's (Textual, pydantic) load from bytecode.
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
import resource, json, sys, time
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
    global shown
    label = pilot.app.query_one(Label)
    while not label.region:
        await pilot.pause(0)
    shown = time.time()
    await pilot.pause()
    pilot.app.exit()

Floor().run(headless=True, size=(120, 40), auto_pilot=ready)
print(json.dumps([shown, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))
"""

DRAFTER = """
import resource, json, sys, time
from drafter.tui.app import DrafterApp

def score_drawn(app):
    total = app.screen.query("#total")
    return bool(total) and bool(total.first().region) and "/ 100" in str(total.first().render())

async def ready(pilot):
    global shown
    while not score_drawn(pilot.app):
        await pilot.pause(0)
    shown = time.time()
    await pilot.pause()
    pilot.app.exit()

app = DrafterApp(mode="open", path=sys.argv[1], jurisdiction=None, rubric_path=None)
app.run(headless=True, size=(120, 40), auto_pilot=ready)
print(json.dumps([shown, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))
"""


def run(code: str, *args: str, env: dict[str, str]) -> tuple[float, float, int]:
    """Seconds to the first ready frame, seconds to exit, max RSS in KB."""
    start, clock = time.time(), time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
    ).stdout
    wall = time.perf_counter() - clock
    shown, rss = json.loads(out.strip().splitlines()[-1])
    return shown - start, wall, int(rss)


def compile_drafter() -> None:
    """Bytecode for every drafter module (py_compile writes it whatever the environment says)."""
    import compileall

    import drafter

    compileall.compile_dir(Path(drafter.__file__).parent, quiet=1)


def main() -> None:
    import os

    compile_drafter()

    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "DRAFTER_DATA_DIR": data}
        draft = str(ROOT / "examples" / "strong-b.yaml")
        samples: dict[str, list[tuple[float, float, int]]] = {"floor": [], "drafter": []}
        for _ in range(2):
            run(FLOOR, draft, env=env)
            run(DRAFTER, draft, env=env)
        for _ in range(10):
            samples["floor"].append(run(FLOOR, draft, env=env))
            samples["drafter"].append(run(DRAFTER, draft, env=env))
    t = {k: statistics.median(s[0] for s in v) for k, v in samples.items()}
    w = {k: statistics.median(s[1] for s in v) for k, v in samples.items()}
    m = {k: statistics.median(s[2] for s in v) for k, v in samples.items()}
    print(
        f"figure: startup to first ready frame: drafter {t['drafter'] * 1000:.0f} ms, "
        f"floor {t['floor'] * 1000:.0f} ms; start to exit: drafter {w['drafter'] * 1000:.0f} ms, "
        f"floor {w['floor'] * 1000:.0f} ms ({w['drafter'] / w['floor']:.2f}x; "
        f"load {os.getloadavg()[0]:.1f})"
    )
    print(f"max RSS: floor {m['floor'] / 1024:.1f} MB, drafter {m['drafter'] / 1024:.1f} MB")
    result("app_startup_vs_textual_floor", t["drafter"] / t["floor"], STARTUP_TARGET, "x")
    result("app_max_rss_vs_textual_floor", m["drafter"] / m["floor"], RSS_TARGET, "x")


if __name__ == "__main__":
    main()
