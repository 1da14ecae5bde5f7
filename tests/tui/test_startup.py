"""What a start of the app loads, and how (each checked in a fresh interpreter).

No clocks here: these check the shape of a start that keeps it fast, so a
change that loses it fails a test rather than slowing every start unseen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT


def fresh(code: str) -> object:
    """What `code` prints last (as JSON), run in a new interpreter on this checkout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_apps_imports_run_with_the_collector_held() -> None:
    # Importing Textual and drafter's modules makes objects that live as long
    # as the process: collecting while they are made frees nothing. The first
    # screen gives the collector back (test_onepass checks that half).
    code = (
        "import gc, json\n"
        "before = gc.isenabled()\n"
        "import drafter.tui.app\n"
        "print(json.dumps([before, gc.isenabled()]))\n"
    )
    assert fresh(code) == [True, False]
