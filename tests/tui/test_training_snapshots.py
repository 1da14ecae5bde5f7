"""Screenshots of training at 80x24 and 120x40: an exercise with its feedback,
the summary, a lesson, the present view; each asserts what must show at that size.

Regenerate after a deliberate change with `pytest tests/tui/test_training_snapshots.py
--snapshot-update`, then look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from drafter.tui.app import DrafterApp

from .conftest import screen_text, until
from .test_snapshots import SIZES, steps
from .test_training import SMALL_SET, key_for


def warmup(work: Path) -> DrafterApp:
    path = work / "warmup.yaml"
    path.write_text(SMALL_SET, encoding="utf-8")
    return DrafterApp(mode="train", path=str(path))


def on_screen_text(pilot: Pilot, text: str) -> bool:
    return text in "\n".join(screen_text(pilot.app))


@pytest.mark.parametrize("size", SIZES)
def test_exercise_with_feedback(snap_compare, size, work: Path) -> None:
    # A wrong answer: the decisive words highlighted, the right tier marked, and
    # the feedback brought into view (at 80x24 it starts below the fold).
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("1")
        await until(pilot, lambda: on_screen_text(pilot, "Not quite:"), "the feedback in view")
        await steps(shows=("Not quite: you chose", "n Next", "esc End"))(pilot)

    assert snap_compare(warmup(work), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_training_summary(snap_compare, size, work: Path, rubric) -> None:
    async def run_before(pilot: Pilot) -> None:
        # Exercise 1 right (while a victim), then Esc ends with the summary.
        await pilot.press(key_for(rubric, "nexus_to_trafficking", "while_a_victim"))
        await until(pilot, lambda: on_screen_text(pilot, "Correct:"), "the feedback in view")
        await pilot.press("escape")
        shows = ("1 of 1 correct", "(2 not reached)", "Nexus to Trafficking", "r Practise again")
        await until(pilot, lambda: on_screen_text(pilot, shows[0]), "the summary")
        await steps(shows=shows)(pilot)

    assert snap_compare(warmup(work), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_lesson(snap_compare, size) -> None:
    # Offenses Covered: six tiers, each adding words to the one below.
    app = DrafterApp(mode="lessons")
    shows = ("Offenses Covered", "n Next", "p Previous", "f Present")
    assert snap_compare(app, terminal_size=size, run_before=steps("n", "n", shows=shows))


@pytest.mark.parametrize("size", SIZES)
def test_present_mode(snap_compare, size) -> None:
    app = DrafterApp(mode="lessons")
    shows = ("ARRESTS AND ADJUDICATIONS RELIEF", "2 / 11", "esc Back")
    assert snap_compare(app, terminal_size=size, run_before=steps("n", "f", shows=shows))
