"""The core never imports textual (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys

import drafter
from conftest import EXAMPLES, ROOT


def core_modules() -> list[str]:
    """Every drafter module outside drafter.tui (and the serve/app entry points)."""
    names = [
        m.name
        for m in pkgutil.walk_packages(drafter.__path__, "drafter.")
        if not m.name.startswith("drafter.tui") and m.name != "drafter.__main__"
    ]
    assert "drafter.scoring" in names
    return names


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, json, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_score_path_imports_no_ui_or_export_stack() -> None:
    # `drafter score` starts fast because it loads neither the UI nor docx/lxml.
    code = (
        "import json, sys\n"
        "from drafter.cli import main\n"
        f"main(['score', {str(EXAMPLES / 'best-practice.yaml')!r}, '--json'])\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'textual', 'rich', 'docx', 'lxml'})), file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert json.loads(proc.stderr.strip().splitlines()[-1]) == []
