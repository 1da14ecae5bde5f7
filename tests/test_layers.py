"""The layers hold: import-linter's contracts in pyproject.toml are kept.

See docs/architecture.md. .ci/run runs `lint-imports` too; this puts a broken
layer in front of whoever runs the tests.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from shared_data import IN_CI


def _lint_imports() -> str | None:
    found = Path(sys.executable).parent / "lint-imports"
    return str(found) if found.exists() else shutil.which("lint-imports")


def test_import_contracts_are_kept() -> None:
    tool = _lint_imports()
    if tool is None:
        # The test extras install it; CI must not pass by skipping.
        assert not IN_CI, "import-linter is missing: pip install -e '.[test]'"
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    proc = subprocess.run(
        [tool, "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "broken" in proc.stdout and " 0 broken" in proc.stdout
