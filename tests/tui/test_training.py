"""Training in the app, driven through Pilot: exercises with feedback, a summary,
lessons and the present view; and the door from the start screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.rubric import Rubric
from drafter.training import choices_for
from drafter.tui.app import DrafterApp
from drafter.tui.screens.exercise import ChoiceCard
from drafter.tui.screens.lessons import LessonsScreen, PresentScreen
from drafter.tui.screens.start import StartScreen
from drafter.tui.screens.train import TrainScreen, TrainSummaryScreen

from .conftest import text_of

SIZE = (100, 40)

SMALL_SET = """\
format: drafter-exercises/1
title: Nexus warm-up
rubric: polaris-2019
description: Two ways of tying an offense to the trafficking, and a burden.

exercises:
  - id: warmup-1
    category: nexus_to_trafficking
    provision: |
      The court shall grant the motion if the movant committed the offense
      while the movant was held by a trafficker.
    answer: while_a_victim
    decisive: "while the movant was held by a trafficker"
    explanation: >-
      A test of timing: the offense must fall within the trafficking period.

  - id: warmup-2
    category: nexus_to_trafficking
    provision: |
      Relief is available for an offense that the movant committed because
      of having been trafficked.
    answer: 10
    decisive: "because of having been trafficked"
    explanation: >-
      "Because of" asks for a plain causal link, like "as a result of".

  - id: warmup-3
    category: burden_of_proof
    provision: |
      (b) The movant must establish, by clear and convincing evidence, that
      the movant was a victim of [human] trafficking when the offense occurred.
    answer: clear_and_convincing
    decisive: "by clear and convincing evidence"
    explanation: >-
      The heightened standard, stated outright: [bold]2 points[/bold].
"""


@pytest.fixture
def small_set(work: Path) -> Path:
    path = work / "warmup.yaml"
    path.write_text(SMALL_SET, encoding="utf-8")
    return path


def key_for(rubric: Rubric, category: str, tier: str, right: bool = True) -> str:
    """The digit that picks `tier` (or, with right=False, any other tier)."""
    ids = [t.id for t in choices_for(rubric.category(category))]
    index = ids.index(tier) if right else (ids.index(tier) + 1) % len(ids)
    return str(index + 1)


async def test_exercise_set_right_and_wrong_answers(rubric: Rubric, small_set: Path) -> None:
    app = DrafterApp(mode="train", path=str(small_set))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, TrainScreen)
        assert "Exercise 1 of 3" in text_of(app, "#ex-head")
        assert not app.screen.query_one("#ex-feedback").display
        # n does nothing before an answer.
        await pilot.press("n")
        assert "Exercise 1 of 3" in text_of(app, "#ex-head")

        # 1: wrong.
        await pilot.press(key_for(rubric, "nexus_to_trafficking", "while_a_victim", right=False))
        feedback = text_of(app, "#ex-feedback")
        assert feedback.startswith("Not quite: you chose")
        assert 'Decisive words: "while the movant was held by a trafficker"' in feedback
        assert "A test of timing" in feedback
        # The decisive words are highlighted in the provision.
        provision = app.screen.query_one("#ex-provision").render()
        styled = [provision.plain[s.start : s.end] for s in provision.spans]
        assert "while the movant was held by a trafficker" in styled
        # A second pick does not change the answer.
        await pilot.press("1", "2")
        assert len(screen.session.results) == 1
        await pilot.press("n")

        # 2: right, by clicking the card.
        assert "Exercise 2 of 3" in text_of(app, "#ex-head")
        ids = [t.id for t in choices_for(rubric.category("nexus_to_trafficking"))]
        target = ids.index(rubric.category("nexus_to_trafficking").tier_by_points(10).id)
        await pilot.click(app.screen.query(ChoiceCard)[target])
        feedback = text_of(app, "#ex-feedback")
        assert feedback.startswith("Correct:")
        assert '"because of having been trafficked"' in feedback
        await pilot.press("n")

        # 3: right; brackets in the text show as typed (no markup).
        await pilot.press(key_for(rubric, "burden_of_proof", "clear_and_convincing"))
        feedback = text_of(app, "#ex-feedback")
        assert feedback.startswith("Correct:")
        assert "[bold]2 points[/bold]" in feedback
        assert "[human]" in text_of(app, "#ex-provision")
        await pilot.press("n")

        assert isinstance(app.screen, TrainSummaryScreen)
        summary = text_of(app, "#summary")
        assert "2 of 3 correct" in summary
        lines = summary.splitlines()
        nexus = next(line for line in lines if "Nexus" in line)
        assert "1 of 2" in nexus and "review" in nexus
        burden = next(line for line in lines if "Burden" in line)
        assert "1 of 1" in burden and "review" not in burden
        assert "To review: " in summary and "Nexus" in summary.split("To review: ")[1]

        # l opens the lessons of the categories to review.
        await pilot.press("l")
        assert isinstance(app.screen, LessonsScreen)
        assert [x.category for x in app.screen.lessons] == ["nexus_to_trafficking"]
        await pilot.press("escape")
        await pilot.press("r")
        assert isinstance(app.screen, TrainScreen)
        assert "Exercise 1 of 3" in text_of(app, "#ex-head")


async def test_lessons_navigate_and_present(rubric: Rubric) -> None:
    app = DrafterApp(mode="lessons")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LessonsScreen)
        first = rubric.categories[0]
        assert first.title in text_of(app, "#lesson-head")
        await pilot.press("p")  # nothing before the first
        assert first.title in text_of(app, "#lesson-head")
        await pilot.press("n")
        second = rubric.categories[1]
        assert second.title in text_of(app, "#lesson-head")
        lesson = app.screen.lesson
        # Every tier is shown, with the words it adds highlighted.
        rows = app.screen.query(".lesson-tier-text")
        assert len(rows) == len(lesson.tiers)
        added = [t for t in lesson.tiers if t.inserted]
        assert added
        row = rows[lesson.tiers.index(added[0])].render()
        styled = [row.plain[s.start : s.end] for s in row.spans]
        assert added[0].inserted[0].text in styled
        await pilot.press("f")
        assert isinstance(app.screen, PresentScreen)
        assert second.title.upper() in text_of(app, "#present-title")
        await pilot.press("n")
        assert rubric.categories[2].title.upper() in text_of(app, "#present-title")
        await pilot.press("escape")
        assert isinstance(app.screen, LessonsScreen)


async def test_start_screen_doors() -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("ctrl+t")
        assert isinstance(app.screen, TrainScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, LessonsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)


def test_run_app_knows_the_training_modes() -> None:
    import drafter.tui as tui

    assert {"train", "lessons", "present"} <= set(tui.MODES)


def test_cli_train_opens_the_app_and_present(monkeypatch, small_set: Path) -> None:
    import drafter.tui as tui
    from drafter.cli import main

    calls: list[dict] = []
    monkeypatch.setattr(tui, "run_app", lambda **kw: calls.append(kw) or 0)
    assert main(["train", str(small_set), "--category", "burden_of_proof"]) == 0
    assert calls[-1]["mode"] == "train" and calls[-1]["path"] == str(small_set)
    assert calls[-1]["categories"] == ["burden_of_proof"]
    assert main(["train", "--present"]) == 0
    assert calls[-1]["mode"] == "present"


async def test_running_tally_and_esc_ends_with_the_summary(rubric: Rubric, small_set: Path) -> None:
    app = DrafterApp(mode="train", path=str(small_set))
    async with app.run_test(size=SIZE) as pilot:
        assert "none answered yet" in text_of(app, "#ex-head")
        await pilot.press(key_for(rubric, "nexus_to_trafficking", "while_a_victim"))
        assert "1 of 1 right so far" in text_of(app, "#ex-head")
        await pilot.press("n")
        assert "1 of 1 right so far" in text_of(app, "#ex-head")
        # Esc ends the session with the summary of what was answered, as --text does.
        await pilot.press("escape")
        assert isinstance(app.screen, TrainSummaryScreen)
        summary = text_of(app, "#summary")
        assert "1 of 1 correct" in summary and "(2 not reached)" in summary


async def test_a_seed_shuffles_the_order_reproducibly(small_set: Path) -> None:
    orders = []
    for seed in (4, 4, None):
        app = DrafterApp(mode="train", path=str(small_set), seed=seed)
        async with app.run_test(size=SIZE):
            screen = app.screen
            assert isinstance(screen, TrainScreen)
            orders.append([e.id for e in screen.session.exercises])
    assert orders[0] == orders[1]
    assert orders[2] == ["warmup-1", "warmup-2", "warmup-3"]
    assert orders[0] == ["warmup-3", "warmup-2", "warmup-1"]  # seed 4


def test_cli_train_passes_the_seed(monkeypatch, small_set: Path) -> None:
    import drafter.tui as tui
    from drafter.cli import main

    calls: list[dict] = []
    monkeypatch.setattr(tui, "run_app", lambda **kw: calls.append(kw) or 0)
    assert main(["train", str(small_set), "--seed", "9"]) == 0
    assert calls[-1]["seed"] == 9
