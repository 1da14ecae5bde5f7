"""SIGKILL the real app at random moments: answers older than 1 s survive (5 trials)."""

from __future__ import annotations

import os

import pytest

from crash_harness import TMUX, run_trial

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

pytestmark = pytest.mark.skipif(
    TMUX is None and not IN_CI,
    reason="tmux is not installed (apt install tmux); CI installs it and never skips",
)


@pytest.mark.parametrize("seed", [11, 23, 37, 41, 59])
def test_killed_session_keeps_answers(seed: int) -> None:
    trial = run_trial(seed)
    assert trial.problems == []


def test_killed_build_never_leaves_a_partial_file(tmp_path) -> None:
    """SIGKILL `drafter build` at random moments: the target is whole or absent."""
    import random
    import signal
    import subprocess
    import sys
    import time
    import zipfile

    from conftest import EXAMPLES

    reference = tmp_path / "reference.docx"
    cmd = [sys.executable, "-m", "drafter", "build", str(EXAMPLES / "strong-b.yaml")]
    subprocess.run([*cmd, "-o", str(reference)], check=True, capture_output=True)
    expected = zipfile.ZipFile(reference).read("word/document.xml")
    rnd = random.Random(7)
    outcomes = {"absent": 0, "whole": 0}
    for i in range(12):
        target = tmp_path / f"out{i}.docx"
        proc = subprocess.Popen([*cmd, "-o", str(target)], stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.0, 0.9))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if target.exists():
            with zipfile.ZipFile(target) as docx:
                assert docx.read("word/document.xml") == expected
            outcomes["whole"] += 1
        else:
            outcomes["absent"] += 1
        # No temp file is left beside a finished target.
        leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(f".out{i}.docx")]
        assert leftovers == [] or not target.exists()
    assert sum(outcomes.values()) == 12
