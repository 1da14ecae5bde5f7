"""An exercise on screen: the provision, its tiers to choose from, the feedback.

Shared by training (`train.py`) and the room's trainee and facilitator
screens (`room.py`, `facilitator.py`): the same layout (`exercise_body`, its
look in training.tcss), the same choice cards and keys, and the same wording
of right, wrong, the decisive words and the running tally.

Every text shown is literal: built as Content, never as markup.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Static

from drafter.training import Exercise, Feedback, TierRef
from drafter.training.quiz import ITEM_START
from drafter.tui.styles import ACCENT_BOLD, ERROR_BOLD, GOOD_BOLD, MUTED, highlight

#: The most tiers a category offers (digit keys 1 to 6).
MAX_CHOICES = 6


def flowing(text: str) -> str:
    """`text` with its line breaks inside a paragraph made spaces, so it wraps to the
    screen; blank lines and lines that open an item ((1), (a), 2.) stay. Same length,
    so the decisive words' spans still fit."""
    lines = text.split("\n")
    out = [lines[0]]
    for prev, line in itertools.pairwise(lines):
        joined = prev.strip() and line.strip() and not ITEM_START.match(line)
        out.append((" " if joined else "\n") + line)
    return "".join(out)


def highlighted(text: str, spans: Iterable[tuple[int, int]]) -> Content:
    """`text` as literal Content with each [start, end) span highlighted."""
    content = Content(text)
    for start, end in spans:
        content = highlight(content, start, end)
    return content


def why_content(exercise: Exercise) -> list[str | tuple[str, str]]:
    """The decisive words quoted and the explanation: what every answer shown ends with."""
    return [
        ("\nDecisive words: ", "bold"),
        (" ... ".join(f'"{d}"' for d in exercise.decisive), ACCENT_BOLD),
        ("\nWhy: ", "bold"),
        exercise.explanation,
    ]


def feedback_content(fb: Feedback, hint: str | None = "Press n for the next provision.") -> Content:
    """Right or wrong, the decisive words quoted, the explanation, and what to do next."""
    if fb.correct:
        head: list[str | tuple[str, str]] = [
            ("Correct: ", GOOD_BOLD),
            f"{fb.expected.describe()}.",
        ]
    else:
        head = [
            ("Not quite: ", ERROR_BOLD),
            f"you chose {fb.chosen.describe()}; the provision earns {fb.expected.describe()}.",
        ]
    return Content.assemble(
        *head,
        *why_content(fb.exercise),
        *([("\n" + hint, MUTED)] if hint else []),
    )


def exercise_body() -> ComposeResult:
    """An exercise's place on screen: head, provision, prompt, choices, feedback, footer."""
    with VerticalScroll(id="train-body"):
        yield Static("", id="ex-head", markup=False)
        yield Static("", id="ex-provision", markup=False)
        yield Static("", id="ex-prompt", markup=False)
        yield Vertical(id="ex-choices")
        yield Static("", id="ex-feedback", markup=False)
    yield Footer()


class ChoiceCard(Static, can_focus=True):
    """One tier to pick: `2   8 pts  Vacatur`; click, Enter or Space picks it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "pick", "Pick", show=False),
    ]

    class Picked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, index: int, tier: TierRef) -> None:
        super().__init__(markup=False, classes="choice-card")
        self.index = index
        self.tier = tier
        self.draw()

    def draw(self, chosen: bool = False, expected: bool = False, answered: bool = False) -> None:
        self.set_class(chosen, "-chosen")
        self.set_class(answered and expected, "-expected")
        self.set_class(answered and chosen and not expected, "-wrong")
        mark = "  "
        if answered and expected:
            mark = "✓ "
        elif answered and chosen:
            mark = "✗ "
        unit = "pt " if self.tier.points == 1 else "pts"
        self.update(
            Content.assemble(
                (f"{self.index + 1}  ", "bold"),
                (mark, "bold"),
                (f"{self.tier.points:>2} {unit}  ", "bold"),
                (self.tier.label, "bold" if chosen or (answered and expected) else ""),
            )
        )

    def action_pick(self) -> None:
        self.post_message(self.Picked(self.index))

    def on_click(self) -> None:
        self.action_pick()


class ChoosesByCard:
    """A screen whose cards choose as its digit keys do: a card picked is `choose(N)`."""

    def action_choose(self, index: int) -> None:
        raise NotImplementedError

    def on_choice_card_picked(self, event: ChoiceCard.Picked) -> None:
        self.action_choose(event.index)


#: Digit keys choose a tier (one footer entry; the prompt says "1-N").
CHOOSE_BINDINGS: list[BindingType] = [
    Binding(str(i), f"choose({i - 1})", "Choose", show=i == 1) for i in range(1, MAX_CHOICES + 1)
]


def names_a_choice(parameters: tuple[object, ...], count: int) -> bool:
    """Whether a `choose(N)` action's N is one of `count` choices (the digit keys
    go up to MAX_CHOICES; an exercise may have fewer tiers)."""
    index = parameters[0] if parameters else 0
    return isinstance(index, int) and index < count


def tally_text(right: int, answered: int) -> Content:
    """`2 of 3 right so far` (or `none answered yet`)."""
    if not answered:
        return Content.styled("none answered yet", MUTED)
    return Content.styled(f"{right} of {answered} right so far", "bold")


__all__ = [
    "CHOOSE_BINDINGS",
    "MAX_CHOICES",
    "ChoiceCard",
    "ChoosesByCard",
    "exercise_body",
    "feedback_content",
    "flowing",
    "highlighted",
    "names_a_choice",
    "tally_text",
    "why_content",
]
