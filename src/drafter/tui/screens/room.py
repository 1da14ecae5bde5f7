"""A trainee in a training room (`drafter serve --room`): the room's exercise, paced by
the facilitator.

The screen polls the room's store on a timer (a few cheap reads) and follows
the room: the exercise the facilitator shows, then, once revealed, whether the
trainee's answer was right, with the decisive words highlighted. A trainee
answers each exercise once (digit keys or a click); the head keeps a running
tally of the revealed ones. The joining itself is on the start screen
(`join_room`), where the code a person types decides what they get.

Every text shown is literal: built as Content, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from drafter.errors import UserError
from drafter.room import AnswerClosed, Room, RoomState, Trainee
from drafter.room.guard import whole_seconds
from drafter.training import Exercise, ExerciseSet, Feedback, TierRef, load_exercise_set
from drafter.tui.screens.base import DrafterScreen
from drafter.tui.screens.exercise import (
    CHOOSE_BINDINGS,
    ChoiceCard,
    ChoosesByCard,
    exercise_body,
    feedback_content,
    flowing,
    highlighted,
    names_a_choice,
    tally_text,
    why_content,
)
from drafter.tui.styles import ACCENT_BOLD, GOOD_BOLD, MUTED

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp

#: Seconds between reads of the room's store: quick to follow, cheap to do.
POLL = 0.4


def room_exercises(app: DrafterApp, room: Room) -> ExerciseSet:
    """The room's exercise set: the file the server chose (never one a user names)."""
    return load_exercise_set(room.set_path, app.engine.rubric)


def join_room(app: DrafterApp, name: str, code: str, token: str | None) -> str | None:
    """Open the room for whoever holds `code`; a message to show when it is refused."""
    from drafter.tui.screens.facilitator import FacilitatorScreen

    room = app.session.room
    if room is None:
        return "This server runs no training room."
    if not code.strip():
        return "Type the room's code: the facilitator shows the join code."
    try:
        role = room.role_for(code)
        if role is None:
            wait = room.guard.wait_left()
            pause = f" Wait {whole_seconds(wait)} s before the next try." if wait else ""
            return f"That code is not this room's; ask the facilitator for the join code.{pause}"
        exercise_set = room_exercises(app, room)
        if role == "facilitator":
            boss = room.facilitate(code)
            assert boss is not None
            app.push_screen(FacilitatorScreen(room, boss, exercise_set))
            return None
        trainee = room.join(name, token=token)
    except UserError as exc:
        return exc.one_line()
    app.push_screen(RoomTraineeScreen(room, trainee, exercise_set))
    return None


def feedback_for(exercise: Exercise, choices: tuple[TierRef, ...], chosen: str) -> Feedback:
    expected = next(c for c in choices if c.id == exercise.answer)
    picked = next(c for c in choices if c.id == chosen)
    return Feedback(
        exercise=exercise,
        correct=picked.id == expected.id,
        expected=expected,
        chosen=picked,
        decisive=exercise.decisive,
        explanation=exercise.explanation,
    )


class RoomScreen(DrafterScreen[None]):
    """What the trainee's and the facilitator's screens share: the room and its exercises."""

    def __init__(self, room: Room, exercise_set: ExerciseSet) -> None:
        super().__init__(classes="training")
        self.room = room
        self.exercise_set = exercise_set
        self.by_id = {e.id: e for e in exercise_set.exercises}
        self.state: RoomState | None = None

    def title_line(self, who: str, name: str) -> Content:
        """`SET  ·  training room NAME  ·  WHO NAME`, for the screen's top line."""
        return Content.assemble(
            (self.exercise_set.title, "bold"),
            ("  ·  training room ", MUTED),
            (self.room.name, "bold"),
            (f"  ·  {who} ", MUTED),
            (name, ACCENT_BOLD),
        )


class RoomTraineeScreen(RoomScreen, ChoosesByCard):
    """The room's current exercise, for one trainee."""

    CSS_PATH = "training.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        *CHOOSE_BINDINGS,
        Binding("escape", "leave", "Leave the room"),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
    ]

    def __init__(self, room: Room, trainee: Trainee, exercise_set: ExerciseSet) -> None:
        super().__init__(room, exercise_set)
        self.trainee = trainee
        self.chosen: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(self.title_line("you are", self.trainee.name), id="train-title")
        yield from exercise_body()

    def on_mount(self) -> None:
        self.poll()
        self.set_interval(POLL, self.poll)

    @property
    def exercise(self) -> Exercise | None:
        current = self.state.exercise if self.state else None
        return self.by_id.get(current.id) if current else None

    def choices(self) -> tuple[TierRef, ...]:
        ex = self.exercise
        if ex is None:
            return ()
        cat = self.exercise_set.category(ex.category)
        current = self.state.exercise if self.state else None
        tiers = [cat.tier(t) for t in (current.choices if current else ())]
        return tuple(TierRef.of(t) for t in tiers if t is not None)

    def poll(self) -> None:
        state = self.room.state()
        if self.state is not None and (state.position, state.revealed) == (
            self.state.position,
            self.state.revealed,
        ):
            return
        moved = self.state is None or state.position != self.state.position
        self.state = state
        if moved:
            ex = self.exercise
            self.chosen = self.room.answer_of(self.trainee, ex.id) if ex else None
        self.draw(moved)

    # -- drawing --

    def draw(self, moved: bool) -> None:
        state = self.state
        assert state is not None
        right, answered = self.room.tally(self.trainee)
        head = self.query_one("#ex-head", Static)
        provision = self.query_one("#ex-provision", Static)
        prompt = self.query_one("#ex-prompt", Static)
        box = self.query_one("#ex-choices", Vertical)
        feedback = self.query_one("#ex-feedback", Static)
        ex = self.exercise
        if ex is None:
            head.update(Content.styled("The round is over.", "bold"))
            provision.display = False
            box.remove_children()
            prompt.update(
                Content.assemble(
                    ("Your tally: ", "bold"),
                    tally_text(right, answered),
                    ("\nThank you. You can close this tab.", MUTED),
                )
            )
            feedback.display = False
            return
        cat = self.exercise_set.category(ex.category)
        head.update(
            Content.assemble(
                (f"Exercise {state.position + 1} of {state.total}", "bold"),
                ("  ·  ", MUTED),
                (cat.title, ACCENT_BOLD),
                ("  ·  ", MUTED),
                tally_text(right, answered),
            )
        )
        provision.display = True
        choices = self.choices()
        if moved:
            box.remove_children()
            box.mount_all(ChoiceCard(i, tier) for i, tier in enumerate(choices))
            self.query_one("#train-body", VerticalScroll).scroll_home(animate=False)
        if state.revealed:
            provision.update(
                highlighted(flowing(ex.provision), ((s.start, s.end) for s in ex.decisive_spans))
            )
        else:
            provision.update(Content(flowing(ex.provision)))
        self.call_after_refresh(self._draw_cards)
        if state.revealed and self.chosen:
            fb = feedback_for(ex, choices, self.chosen)
            feedback.set_class(fb.correct, "-correct")
            feedback.set_class(not fb.correct, "-wrong")
            feedback.update(feedback_content(fb, hint=None))
            feedback.display = True
            prompt.update(Content.styled("Revealed. Wait for the next provision.", MUTED))
        elif state.revealed:
            expected = next(c for c in choices if c.id == ex.answer)
            feedback.set_class(False, "-correct", "-wrong")
            feedback.update(
                Content.assemble(
                    ("Not answered. ", "bold"),
                    f"The provision earns {expected.describe()}.",
                    *why_content(ex),
                )
            )
            feedback.display = True
            prompt.update(Content.styled("Revealed. Wait for the next provision.", MUTED))
        if state.revealed:
            # The reveal comes from the facilitator, not a key here: bring it into view
            # (at 80x24 the feedback starts below the choices).
            self.call_after_refresh(feedback.scroll_visible, animate=False)
        else:
            feedback.display = False
            if self.chosen:
                label = next(c.label for c in choices if c.id == self.chosen)
                prompt.update(
                    Content.assemble(
                        ("Answer recorded: ", GOOD_BOLD),
                        label,
                        (". Wait for the facilitator to reveal the answer.", MUTED),
                    )
                )
            else:
                prompt.update(
                    Content.styled(
                        f"Which tier does this provision earn? Press 1-{len(choices)} or click.",
                        MUTED,
                    )
                )
        self.refresh_bindings()

    def _draw_cards(self) -> None:
        state = self.state
        if state is None or state.exercise is None:
            return
        for card in self.query(ChoiceCard):
            card.draw(
                chosen=card.tier.id == self.chosen,
                expected=card.tier.id == state.exercise.answer,
                answered=state.revealed,
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            if self.state is None or self.state.revealed or self.chosen or not self.exercise:
                return False
            return names_a_choice(parameters, len(self.choices()))
        return True

    # -- actions --

    def action_choose(self, index: int) -> None:
        ex = self.exercise
        choices = self.choices()
        if ex is None or self.chosen or not 0 <= index < len(choices):
            return
        try:
            self.room.record(self.trainee, ex.id, choices[index].id)
        except AnswerClosed:
            self.app.notify("The facilitator has moved on; this one is closed.", markup=False)
            self.state = None
            self.poll()
            return
        self.chosen = self.room.answer_of(self.trainee, ex.id)
        self.draw(moved=False)

    def action_leave(self) -> None:
        self.app.pop_screen()


__all__ = ["RoomScreen", "RoomTraineeScreen", "feedback_for", "join_room", "room_exercises"]
