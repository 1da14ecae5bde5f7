"""The facilitator's view of a training room: the room's answers, live, and its pace.

For the current exercise: a bar per tier of how the room answered (read from
the store on a timer; each read is a few indexed queries), how many have
answered, and keys to reveal the correct tier (its decisive words highlighted
in the provision) and to move the room on. `s` shows per category where the
room went wrong; `f` is presenter mode for a projector: the provision large
and high-contrast, the room's distribution beside it only after reveal.

Nothing is typed here, so the commands are printable keys, with ctrl keys that
reach the app in tmux and in browsers, and palette entries (see tui/keys.py).
Every text shown is literal: built as Content, never as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from drafter.room import Facilitator, Room, RoomState, shown_code
from drafter.room.report import ExerciseResult, RoomReport, build_report, exercise_result
from drafter.training import ExerciseSet
from drafter.tui.commands import Command, OwnCommands
from drafter.tui.screens.exercise import flowing, highlighted, why_content
from drafter.tui.screens.room import RoomScreen
from drafter.tui.styles import ACCENT_BOLD, GOOD_BOLD, MARK, MARK_GOOD, MUTED, WARN_BOLD

#: Seconds between reads of the store: the bars follow the room within this.
POLL = 0.3
BAR_CELLS = 14
LABEL_WIDTH = 24
#: Below this width the bars go under the provision, not beside it.
SIDE_BY_SIDE = 110


def bars_content(result: ExerciseResult, revealed: bool) -> Content:
    """One line per tier: points, label, a bar as long as its share, the count."""
    top = max((t.count for t in result.distribution), default=0)
    parts: list[str | tuple[str, str]] = []
    for i, t in enumerate(result.distribution):
        cells = round(BAR_CELLS * t.count / top) if top else 0
        label = t.label if len(t.label) <= LABEL_WIDTH else t.label[: LABEL_WIDTH - 1] + "…"
        mark = "✓ " if revealed and t.correct else "  "
        style = GOOD_BOLD if revealed and t.correct else ""
        parts += [
            "\n" if i else "",
            (mark, style or "bold"),
            (f"{t.points:>2} ", "bold"),
            (f"{label:<{LABEL_WIDTH}} ", style),
            ("█" * cells, MARK_GOOD if revealed and t.correct else MARK),
            (f" {t.count}", "bold"),
        ]
    return Content.assemble(*parts)


def summary_content(report: RoomReport) -> Content:
    """Per category: right of answered, % right, and where the room went wrong."""
    shown = [c for c in report.categories if c.answered]
    if not shown:
        return Content("No answers yet.")
    width = max(len(c.title) for c in shown)
    parts: list[str | tuple[str, str]] = [("Where the room went wrong", "bold")]
    for c in shown:
        parts += [
            f"\n  {c.title:<{width}}  ",
            (f"{c.right} of {c.answered} right ({c.percent_right}%)", "bold"),
        ]
        if c.wrong:
            parts.append(("   review", WARN_BOLD))
    if report.review:
        parts += [("\n\nReview first: ", "bold"), "; ".join(c.title for c in report.review) + "."]
    else:
        parts.append(("\n\nEvery answer so far is right.", GOOD_BOLD))
    return Content.assemble(*parts)


class FacilitatorScreen(RoomScreen, OwnCommands):
    """The room's answers for the current exercise; reveal, next, summary, presenter."""

    CSS_PATH = "facilitator.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reveal", "Reveal"),
        Binding("ctrl+r", "reveal", "Reveal", show=False),
        Binding("n", "next", "Next"),
        Binding("ctrl+down", "next", "Next", key_display="^↓", show=False),
        Binding("s", "summary", "Summary"),
        Binding("f", "present", "Presenter"),
        Binding("escape", "leave", "Leave"),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
    ]

    def __init__(self, room: Room, facilitator: Facilitator, exercise_set: ExerciseSet) -> None:
        super().__init__(room, exercise_set)
        self.facilitator = facilitator
        self._seen: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        # The join code first: the room reads it off the projector at any width.
        yield Static(
            Content.assemble(
                ("join code ", MUTED),
                (shown_code(self.room.join_code), ACCENT_BOLD),
                ("  ·  facilitator of training room ", MUTED),
                (self.room.name, "bold"),
                ("  ·  ", MUTED),
                (self.exercise_set.title, "bold"),
            ),
            id="fac-title",
        )
        with Horizontal(id="fac-main"):
            with VerticalScroll(id="fac-left"):
                yield Static("", id="fac-head", markup=False)
                yield Static("", id="fac-provision", markup=False)
                yield Static("", id="fac-answer", markup=False)
                yield Static("", id="fac-summary", markup=False)
            with Vertical(id="fac-right"):
                yield Static("", id="fac-count", markup=False)
                yield Static("", id="fac-bars", markup=False)
        yield Footer()

    def on_resize(self) -> None:
        self.query_one("#fac-main").set_class(self.size.width < SIDE_BY_SIDE, "-narrow")

    def on_mount(self) -> None:
        self.on_resize()
        self.query_one("#fac-summary").display = False
        self.poll()
        self.set_interval(POLL, self.poll)

    @property
    def presenting(self) -> bool:
        return self.has_class("-present")

    def palette(self) -> list[Command]:
        """This screen's entries in the command palette (ctrl+p)."""
        return [
            ("Room: reveal the answer", self.action_reveal, "Show the correct tier (r)"),
            ("Room: next exercise", self.action_next, "Move the room on (n)"),
            ("Room: summary by category", self.action_summary, "Where the room went wrong (s)"),
            ("Room: presenter mode", self.action_present, "Large, high contrast (f)"),
        ]

    # -- reading the room --

    def poll(self, force: bool = False) -> None:
        state = self.room.state()
        trainees = len(self.room.trainees())
        result = (
            exercise_result(self.room, self.exercise_set.rubric, state.exercise)
            if state.exercise
            else None
        )
        seen = (state, trainees, result, self.presenting)
        if seen == self._seen and not force:
            return
        self._seen = seen
        self.state = state
        self.draw(state, trainees, result)

    def draw(self, state: RoomState, trainees: int, result: ExerciseResult | None) -> None:
        head = self.query_one("#fac-head", Static)
        provision = self.query_one("#fac-provision", Static)
        answer = self.query_one("#fac-answer", Static)
        count = self.query_one("#fac-count", Static)
        bars = self.query_one("#fac-bars", Static)
        ex = self.by_id.get(state.exercise.id) if state.exercise else None
        if ex is None or result is None:
            head.update(Content.styled(f"The round is over: {state.total} exercises.", "bold"))
            provision.display = answer.display = False
            count.update(Content(f"{trainees} trainees took part."))
            bars.update("")
            self._show_summary(True)
            return
        provision.display = True
        head.update(
            Content.assemble(
                (f"Exercise {state.position + 1} of {state.total}", "bold"),
                ("  ·  ", MUTED),
                (result.category_title, ACCENT_BOLD),
                ("  ·  ", MUTED),
                ex.id,
            )
        )
        spans = ((s.start, s.end) for s in ex.decisive_spans) if state.revealed else ()
        provision.update(highlighted(flowing(ex.provision), spans))
        answer.display = state.revealed
        if state.revealed:
            tier = next(t for t in result.distribution if t.correct)
            answer.update(
                Content.assemble(
                    ("Correct tier: ", "bold"),
                    (f"{tier.label} ({tier.points} points)", GOOD_BOLD),
                    *why_content(ex),
                    (f"\n{result.right} of {result.answered} right.", "bold"),
                )
            )
        count.update(
            Content.assemble(
                (f"{result.answered} of {trainees} answered", "bold"),
                ("" if state.revealed else "  (answers open)", MUTED),
            )
        )
        # On a projector the room sees the distribution only once it is revealed.
        hide = self.presenting and not state.revealed
        bars.update(
            Content.styled("Answers hidden until reveal.", MUTED)
            if hide
            else bars_content(result, state.revealed)
        )
        if self.query_one("#fac-summary").display:
            self._show_summary(True)

    def _show_summary(self, show: bool) -> None:
        box = self.query_one("#fac-summary", Static)
        box.display = show
        if show:
            box.update(summary_content(build_report(self.room, self.exercise_set.rubric)))

    # -- actions --

    def action_reveal(self) -> None:
        if self.state is not None and not self.state.finished:
            self.facilitator.reveal()
            self.poll(force=True)
            # The answer and the room's tally, in view (at 80x24 below the provision).
            self.call_after_refresh(self.query_one("#fac-answer").scroll_visible, animate=False)

    def action_next(self) -> None:
        if self.state is not None and not self.state.finished:
            self.facilitator.advance()
            self.query_one("#fac-left", VerticalScroll).scroll_home(animate=False)
            self.poll(force=True)

    def action_summary(self) -> None:
        box = self.query_one("#fac-summary")
        self._show_summary(not box.display)
        if box.display:
            self.call_after_refresh(box.scroll_visible, animate=False)

    def action_present(self) -> None:
        self.toggle_class("-present")
        self.poll(force=True)

    def action_leave(self) -> None:
        self.app.pop_screen()


__all__ = ["FacilitatorScreen", "bars_content", "summary_content"]
