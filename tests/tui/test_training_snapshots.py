"""Screenshots of training: an exercise with its feedback, a lesson, the present view.

Regenerate after a deliberate change with `pytest tests/tui/test_training_snapshots.py
--snapshot-update`, then look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

from drafter.tui.app import DrafterApp

from .test_snapshots import steps
from .test_training import SMALL_SET

SIZE = (120, 40)


def test_exercise_with_feedback(snap_compare, work: Path) -> None:
    path = work / "warmup.yaml"
    path.write_text(SMALL_SET, encoding="utf-8")
    app = DrafterApp(mode="train", path=str(path))
    # A wrong answer: the decisive words highlighted, the right tier marked.
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("1"))


def test_lesson(snap_compare) -> None:
    # Offenses Covered: six tiers, each adding words to the one below.
    app = DrafterApp(mode="lessons")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("n", "n"))


def test_present_mode(snap_compare) -> None:
    app = DrafterApp(mode="lessons")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps("n", "f"))
