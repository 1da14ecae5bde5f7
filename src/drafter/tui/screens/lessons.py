"""Lessons, one per category, and the facilitator's projector view of them.

A lesson (from `drafter.lessons.build_lessons`): why the category matters,
every tier beside the model wording that earns it with the words that change
from the tier below highlighted, and what the weaker wording means in
practice. `n`/`p` move between categories as in the wizard; `f` shows the
same category in the present mode: large, high-contrast, one category at a
time, points in big digits.

Every text shown is literal: built as Content, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Digits, Footer, Static

from drafter.lessons import Lesson, LessonTier, build_lessons
from drafter.rubric import Rubric
from drafter.tui.screens.base import DrafterScreen
from drafter.tui.styles import ACCENT_BOLD, MUTED, highlight, styled

if TYPE_CHECKING:
    from drafter.language import Language


def wording(tier: LessonTier) -> Content:
    """A tier's model wording with the words it adds over the tier below highlighted."""
    content = Content(tier.text)
    for span in tier.inserted:
        content = highlight(content, span.start, span.end)
    return content


def dropped(tier: LessonTier) -> str:
    """`drops "x"; "y" from the tier below`, or "" when it drops nothing."""
    if not tier.deleted:
        return ""
    words = "; ".join('"' + " ".join(s.text.split()) + '"' for s in tier.deleted)
    return f"drops {words} from the tier below"


def points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


class _LessonPager(DrafterScreen[None]):
    """Shared by the lessons and the present view: a list of lessons and `n`/`p`."""

    #: The screen's CSS classes (its look: "training" or "present").
    SCREEN_CLASSES: ClassVar[str] = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right", "move(1)", "Next"),
        Binding("p,left", "move(-1)", "Previous"),
        Binding("escape", "leave", "Back"),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        rubric: Rubric,
        language: Language,
        category: str | None = None,
        categories: Iterable[str] | None = None,
        lessons: list[Lesson] | None = None,
    ) -> None:
        super().__init__(classes=self.SCREEN_CLASSES)
        self.rubric = rubric
        self.language = language
        all_lessons = lessons if lessons is not None else build_lessons(rubric, language)
        wanted = set(categories) if categories else None
        self.lessons = [x for x in all_lessons if wanted is None or x.category in wanted]
        if not self.lessons:
            self.lessons = list(all_lessons)
        ids = [x.category for x in self.lessons]
        self.index = ids.index(category) if category in ids else 0

    @property
    def lesson(self) -> Lesson:
        return self.lessons[self.index]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move":
            delta = parameters[0] if parameters else 1
            assert isinstance(delta, int)
            return 0 <= self.index + delta < len(self.lessons)
        return True

    def action_move(self, delta: int) -> None:
        target = self.index + delta
        if 0 <= target < len(self.lessons):
            self.index = target
            self.show()
            self.refresh_bindings()

    def action_leave(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()

    def show(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def on_mount(self) -> None:
        self.show()


class LessonsScreen(_LessonPager):
    """One category's lesson: why, every tier with its wording, what changes."""

    CSS_PATH = "lessons.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "present", "Present"),
    ]

    SCREEN_CLASSES = "training"

    def compose(self) -> ComposeResult:
        yield Static("", id="lesson-head", markup=False)
        with VerticalScroll(id="lesson-body"):
            yield Static("", id="lesson-why", markup=False)
            yield Vertical(id="lesson-tiers")
            yield Static("", id="lesson-consequence", markup=False)
        yield Footer()

    def show(self) -> None:
        lesson = self.lesson
        self.query_one("#lesson-head", Static).update(
            Content.assemble(
                (f"Lesson {self.index + 1} of {len(self.lessons)}", "bold"),
                ("  ·  ", MUTED),
                (lesson.title, ACCENT_BOLD),
                (f"  (up to {points(lesson.max)})", MUTED),
            )
        )
        self.query_one("#lesson-why", Static).update(
            Content.assemble(("Why it matters  ", "bold"), lesson.why)
        )
        box = self.query_one("#lesson-tiers", Vertical)
        box.remove_children()
        box.mount_all(self._tier_row(t) for t in lesson.tiers)
        line = self.query_one("#lesson-consequence", Static)
        line.display = bool(lesson.consequence)
        line.update(Content.assemble(("In practice  ", "bold"), lesson.consequence))
        self.query_one("#lesson-body", VerticalScroll).scroll_home(animate=False)

    def _tier_row(self, tier: LessonTier) -> Horizontal:
        head = Static(
            Content.assemble(
                (f"{tier.points:>2} pts\n", ACCENT_BOLD),
                (tier.label, "bold"),
            ),
            classes="lesson-tier-head",
            markup=False,
        )
        body: list[str | tuple[str, str] | Content] = [(tier.criterion, MUTED)]
        if tier.text and not tier.absent:
            body += ["\n", wording(tier)]
            if tier.deleted:
                body.append(styled("\n" + dropped(tier), MUTED, "italic"))
        elif tier.note:
            body.append(("\n" + tier.note, "italic"))
        text = Static(Content.assemble(*body), classes="lesson-tier-text", markup=False)
        return Horizontal(head, text, classes="lesson-tier")

    def action_present(self) -> None:
        self.app.push_screen(
            PresentScreen(
                self.rubric,
                self.language,
                category=self.lesson.category,
                lessons=self.lessons,
            )
        )


class PresentScreen(_LessonPager):
    """The facilitator's view for a projector: one category, big and high-contrast."""

    # Fixed colours, not the theme's (see lessons.tcss).
    CSS_PATH = "lessons.tcss"

    SCREEN_CLASSES = "present"

    def compose(self) -> ComposeResult:
        with Horizontal(id="present-head"):
            yield Static("", id="present-title", markup=False)
            yield Static(Content("UP TO"), id="present-max-label", markup=False)
            yield Digits("", id="present-max")
        with VerticalScroll(id="present-body"):
            yield Vertical(id="present-tiers")
            yield Static("", id="present-consequence", markup=False)
        yield Footer()

    def show(self) -> None:
        lesson = self.lesson
        self.query_one("#present-title", Static).update(
            Content.assemble(
                (f"{self.index + 1} / {len(self.lessons)}\n", "bold"),
                (lesson.title.upper(), "bold"),
            )
        )
        self.query_one("#present-max", Digits).update(str(lesson.max))
        box = self.query_one("#present-tiers", Vertical)
        box.remove_children()
        box.mount_all(self._tier_row(t) for t in lesson.tiers)
        line = self.query_one("#present-consequence", Static)
        line.display = bool(lesson.consequence)
        line.update(Content.assemble(("IN PRACTICE  ", "bold"), lesson.consequence))
        self.query_one("#present-body", VerticalScroll).scroll_home(animate=False)

    def _tier_row(self, tier: LessonTier) -> Horizontal:
        parts: list[str | tuple[str, str]] = [(f" {tier.label} ", "bold reverse")]
        # The second line starts one column in, under the label's padded text.
        if tier.decisive:
            parts += ["\n ", ("adds: ", ""), (tier.decisive, "bold underline")]
        elif tier.absent:
            parts += ["\n ", ("no wording: " + (tier.note or tier.criterion), "")]
        else:
            parts += ["\n ", (tier.criterion, "")]
        return Horizontal(
            Digits(str(tier.points), classes="present-points"),
            Static(Content.assemble(*parts), classes="present-tier-text", markup=False),
            classes="present-tier",
        )
