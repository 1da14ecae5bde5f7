"""Training: score provisions of an exercise set, with feedback and a summary.

One provision at a time; the category's tiers are numbered (digit keys or a
click choose). The answer is scored at once by `training.Session`: the
feedback says right or wrong, quotes the decisive words (highlighted in the
provision too) and gives the explanation; `n` moves on. The head keeps a
running tally; Esc ends with the summary (as `train --text` does), which
gives the score per category and says where to review (the lessons open
there). A seed (`drafter train --seed N`) shuffles the order reproducibly.

Every text shown is literal: built as Content, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from drafter.training import (
    Exercise,
    ExerciseSet,
    Feedback,
    Session,
    Summary,
    default_set_path,
    load_exercise_set,
)
from drafter.tui.screens.base import DrafterScreen
from drafter.tui.screens.exercise import (
    CHOOSE_BINDINGS,
    MAX_CHOICES,
    ChoiceCard,
    ChoosesByCard,
    exercise_body,
    feedback_content,
    highlighted,
    names_a_choice,
    tally_text,
)
from drafter.tui.session import Mode, Training
from drafter.tui.styles import (
    ACCENT_BOLD,
    GOOD,
    GOOD_BOLD,
    MUTED,
    WARN_BOLD,
)

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp


class TrainScreen(DrafterScreen[None], ChoosesByCard):
    """Score the provisions of an exercise set, one at a time."""

    CSS_PATH = "training.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        *CHOOSE_BINDINGS,
        Binding("n", "next", "Next"),
        Binding("l", "lessons", "Lesson"),
        Binding("escape", "leave", "End"),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        exercise_set: ExerciseSet,
        categories: Iterable[str] | None = None,
        seed: int | None = None,
    ) -> None:
        super().__init__(classes="training")
        self.exercise_set = exercise_set
        self.categories = None if categories is None else tuple(categories)
        self.seed = seed
        self.session = Session(exercise_set, categories=self.categories, seed=seed)
        self.exercise: Exercise | None = None
        self.feedback: Feedback | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(self.exercise_set.title, "bold"), id="train-title")
        yield from exercise_body()

    def on_mount(self) -> None:
        self.show_exercise()

    def choose_keys(self) -> str:
        n = len(self.session.choices(self.exercise)) if self.exercise else MAX_CHOICES
        return f"1-{n}"

    # -- drawing --

    def show_exercise(self) -> None:
        ex = self.exercise = self.session.current
        self.feedback = None
        if ex is None:
            return
        self._draw_head()
        self.query_one("#ex-provision", Static).update(Content(ex.provision))
        choices = self.session.choices(ex)
        self.query_one("#ex-prompt", Static).update(
            Content.styled(
                f"Which tier does this provision earn? Press 1-{len(choices)} or click.", MUTED
            )
        )
        box = self.query_one("#ex-choices", Vertical)
        box.remove_children()
        box.mount_all(ChoiceCard(i, tier) for i, tier in enumerate(choices))
        feedback = self.query_one("#ex-feedback", Static)
        feedback.update("")
        feedback.display = False
        self.query_one("#train-body", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _draw_head(self) -> None:
        ex = self.exercise
        if ex is None:
            return
        cat = self.session.category(ex)
        number = self.session.exercises.index(ex) + 1
        self.query_one("#ex-head", Static).update(
            Content.assemble(
                (f"Exercise {number} of {self.session.total}", "bold"),
                ("  ·  ", MUTED),
                (cat.title, ACCENT_BOLD),
                (f"  (up to {cat.max} points)", MUTED),
                ("  ·  ", MUTED),
                tally_text(*self._tally()),
            )
        )

    def _tally(self) -> tuple[int, int]:
        results = self.session.results
        return sum(fb.correct for fb in results), len(results)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            if self.exercise is None or self.feedback is not None:
                return False
            return names_a_choice(parameters, len(self.session.choices(self.exercise)))
        if action == "next":
            return self.feedback is not None
        return True

    # -- actions --

    def action_choose(self, index: int) -> None:
        ex = self.exercise
        if ex is None or self.feedback is not None:
            return
        choices = self.session.choices(ex)
        if not 0 <= index < len(choices):
            return
        fb = self.feedback = self.session.answer(choices[index].id)
        self._draw_head()
        self.query_one("#ex-provision", Static).update(
            highlighted(ex.provision, ((s.start, s.end) for s in ex.decisive_spans))
        )
        for card in self.query(ChoiceCard):
            card.draw(
                chosen=card.tier.id == fb.chosen.id,
                expected=card.tier.id == fb.expected.id,
                answered=True,
            )
        feedback = self.query_one("#ex-feedback", Static)
        feedback.set_class(fb.correct, "-correct")
        feedback.set_class(not fb.correct, "-wrong")
        feedback.update(feedback_content(fb))
        feedback.display = True
        self.query_one("#ex-prompt", Static).update(
            Content.styled(f"Answered: {fb.chosen.label}.", MUTED)
        )
        self.refresh_bindings()
        self.call_after_refresh(feedback.scroll_visible, animate=False)

    def action_next(self) -> None:
        if self.feedback is None:
            return
        if self.session.done:
            self.app.switch_screen(TrainSummaryScreen(self))
            return
        self.show_exercise()

    def action_lessons(self) -> None:
        from drafter.tui.screens.lessons import LessonsScreen

        category = self.exercise.category if self.exercise is not None else None
        self.app.push_screen(
            LessonsScreen(self.exercise_set.rubric, self.app.engine.language, category)
        )

    def action_leave(self) -> None:
        """End the session with its summary (as `train --text` does); none answered: back."""
        if self.session.results:
            self.app.switch_screen(TrainSummaryScreen(self))
        else:
            leave(self.app)


def leave(app: DrafterApp) -> None:
    """Back to where training was opened from; quit when it was opened alone."""
    if len(app.screen_stack) > 2:
        app.pop_screen()
    else:
        app.exit()


def summary_content(summary: Summary) -> Content:
    parts: list[str | tuple[str, str]] = []
    if summary.answered == 0:
        return Content("No exercises answered.")
    parts.append((f"{summary.correct} of {summary.answered} correct", "bold"))
    if not summary.finished:
        parts.append((f"  ({summary.total - summary.answered} not reached)", MUTED))
    parts.append("\n")
    shown = [c for c in summary.categories if c.answered]
    width = max(len(c.title) for c in shown)
    for c in shown:
        parts.append(f"\n  {c.title:<{width}}  ")
        parts.append((f"{c.correct} of {c.answered}", "bold"))
        if c.correct < c.answered:
            parts.append(("   review", WARN_BOLD))
        else:
            parts.append(("   ✓", GOOD))
    titles = {c.category: c.title for c in summary.categories}
    if summary.review:
        parts.append(("\n\nTo review: ", "bold"))
        parts.append("; ".join(titles[r] for r in summary.review) + ".")
        parts.append(("\nPress l for the lessons of those categories, r to practise again.", MUTED))
    elif summary.finished:
        parts.append(("\n\nEvery answer correct.", GOOD_BOLD))
        parts.append(("\nPress l for the lessons, r to practise again.", MUTED))
    return Content.assemble(*parts)


class TrainSummaryScreen(DrafterScreen[None]):
    """The score per category, and where to review."""

    CSS_PATH = "training.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "lessons", "Lessons"),
        Binding("r", "again", "Practise again"),
        Binding("escape", "leave", "Back"),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
    ]

    def __init__(self, trained: TrainScreen) -> None:
        super().__init__(classes="training")
        self.exercise_set = trained.exercise_set
        self.categories = trained.categories
        self.seed = trained.seed
        self.summary = trained.session.summary()

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(self.exercise_set.title, "bold"), id="train-title")
        with VerticalScroll(id="train-body"):
            yield Static(Content.styled("Summary", ACCENT_BOLD), id="summary-head")
            yield Static(summary_content(self.summary), id="summary", markup=False)
        yield Footer()

    def action_lessons(self) -> None:
        from drafter.tui.screens.lessons import LessonsScreen

        only = self.summary.review or None
        self.app.push_screen(
            LessonsScreen(self.exercise_set.rubric, self.app.engine.language, categories=only)
        )

    def action_again(self) -> None:
        self.app.switch_screen(TrainScreen(self.exercise_set, self.categories, self.seed))

    def action_leave(self) -> None:
        leave(self.app)


def open_training(app: DrafterApp, mode: Mode, training: Training | None = None) -> None:
    """Show training (`Mode.TRAIN`), the lessons (`LESSONS`) or the projector view (`PRESENT`)."""
    from drafter.tui.screens.lessons import LessonsScreen, PresentScreen

    rubric = app.engine.rubric
    training = training or Training()
    cats = tuple(training.categories) if training.categories else None
    if mode is Mode.TRAIN:
        es = load_exercise_set(training.path or default_set_path(rubric), rubric)
        app.push_screen(TrainScreen(es, cats, training.seed))
    elif mode is Mode.PRESENT:
        app.push_screen(PresentScreen(rubric, app.engine.language, categories=cats))
    else:
        app.push_screen(LessonsScreen(rubric, app.engine.language, categories=cats))
