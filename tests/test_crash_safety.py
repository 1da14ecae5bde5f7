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
