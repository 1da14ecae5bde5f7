"""The trainer, with the keyboard alone: five exercises of the practice set,
the summary, the lessons it points to and the present view, at 80x24 and
120x40. Every wait is on an effect (a screen, a focus, a text on screen)."""

from __future__ import annotations

import pytest

from drafter.tui.app import DrafterApp
from drafter.tui.screens.lessons import LessonsScreen, PresentScreen
from drafter.tui.screens.start import StartScreen
from drafter.tui.screens.train import ChoiceCard, TrainScreen, TrainSummaryScreen

from .conftest import on_screen, screen_text, text_of, until

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

#: Right or wrong, as a room answers: three right, two to review.
ANSWERS = [True, False, True, True, False]


def shows(app: DrafterApp, text: str) -> bool:
    return text in "\n".join(screen_text(app))


@pytest.mark.parametrize("size", SIZES)
async def test_the_trainer_runs_five_exercises_with_the_keyboard(size) -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=size) as pilot:
        await on_screen(pilot, StartScreen, "the start screen")
        await pilot.press("ctrl+t")  # the practice set that ships with drafter
        screen = await on_screen(pilot, TrainScreen, "the training")
        assert isinstance(screen, TrainScreen)
        session = screen.session
        assert session.total >= 5
        wrong_categories = []
        for number, right in enumerate(ANSWERS, 1):
            head = f"Exercise {number} of {session.total}"
            await until(pilot, lambda h=head: h in text_of(app, "#ex-head"), head)
            assert shows(app, head)  # at the top, at either size
            ex = screen.exercise
            assert ex is not None
            ids = [t.id for t in session.choices(ex)]
            index = ids.index(ex.answer) if right else (ids.index(ex.answer) + 1) % len(ids)
            if number == 2:
                # Tab through the tiers to the one meant, and Enter picks it.
                for _ in range(3 * len(ids)):
                    focused = app.screen.focused
                    if isinstance(focused, ChoiceCard) and focused.index == index:
                        break
                    await pilot.press("tab")
                await pilot.press("enter")
            else:
                await pilot.press(str(index + 1))
            await until(pilot, lambda: screen.feedback is not None, "the answer")
            assert screen.feedback is not None and screen.feedback.correct is right
            if not right:
                wrong_categories.append(ex.category)
            # The feedback comes into view with the decisive words (at 80x24 too).
            verdict = "Correct:" if right else "Not quite:"
            await until(pilot, lambda v=verdict: shows(app, v), f"{verdict!r} on screen")
            feedback = text_of(app, "#ex-feedback")
            assert "Decisive words: " in feedback and f'"{ex.decisive[0]}"' in feedback
            assert shows(app, "n Next")  # the footer says how to go on
            await pilot.press("n")
        await until(
            pilot, lambda: f"Exercise 6 of {session.total}" in text_of(app, "#ex-head"), "6"
        )
        # Esc ends the session: the summary of the five.
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, TrainSummaryScreen), "the summary")
        summary = text_of(app, "#summary")
        assert f"3 of 5 correct  ({session.total - 5} not reached)" in summary
        assert "To review: " in summary
        assert shows(app, "3 of 5 correct")
        # l: the lessons of the categories to review, then the present view.
        await pilot.press("l")
        lessons = await on_screen(pilot, LessonsScreen, "the lessons")
        assert isinstance(lessons, LessonsScreen)
        assert [x.category for x in lessons.lessons] == list(dict.fromkeys(wrong_categories))
        first = lessons.lesson.title
        await until(pilot, lambda: first in text_of(app, "#lesson-head"), "the first lesson")
        await pilot.press("n")
        second = lessons.lessons[1].title if len(lessons.lessons) > 1 else first
        await until(pilot, lambda: second in text_of(app, "#lesson-head"), "the next lesson")
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, PresentScreen), "the present view")
        await until(pilot, lambda: second.upper() in text_of(app, "#present-title"), "its title")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LessonsScreen), "back to the lessons")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, TrainSummaryScreen), "the summary")
        # r: practise again from the first exercise.
        await pilot.press("r")
        again = await on_screen(pilot, TrainScreen, "the training again")
        await until(pilot, lambda: "Exercise 1 of" in text_of(app, "#ex-head"), "exercise 1")
        assert isinstance(again, TrainScreen) and not again.session.results
