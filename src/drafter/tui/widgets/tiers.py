"""The tiers of the current step, each with its points and the text it adds."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.dom import NoScreen
from textual.message import Message

from drafter.tui.core import Choice
from drafter.tui.keys import LETTER_COMMANDS
from drafter.tui.styles import MARK, MUTED, styled
from drafter.tui.widgets.onepass import OnePassStatic
from drafter.tui.widgets.util import set_content, shown_content


class TierCard(OnePassStatic, can_focus=True):
    """One tier: `1  ● 10 pts  As a result` and the exact language it adds.

    Click, Enter or Space chooses it; up and down move between cards. The
    tier list has nothing to type, so letters and digits are commands here.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *LETTER_COMMANDS,
        Binding("enter,space", "choose", "Choose", show=False),
        Binding("up,k", "move(-1)", show=False),
        Binding("down,j", "move(1)", show=False),
    ]

    class Chosen(Message):
        """The user chose this card's tier."""

        def __init__(self, card: TierCard) -> None:
            super().__init__()
            self.card = card

        @property
        def control(self) -> TierCard:
            return self.card

    def __init__(self, index: int, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.index = index
        self.choice: Choice | None = None
        self.display = False

    def assign(self, choice: Choice | None) -> None:
        """Make this card show `choice` (None hides it: the step has fewer tiers)."""
        self.choice = choice
        self.display = choice is not None

    def show(self, chosen: bool, language: str, gated: bool) -> bool:
        """Draw the card; `gated` dims points the coverage keeps from counting.

        True when its text changed (so may its height), not only its mark.
        """
        if self.has_class("-chosen") != chosen:
            # A choice by key moves focus to its card too, and a focus move
            # restyles the card it leaves and the card it reaches: with the
            # class set by then, that restyle is the class's too (_restyle).
            self.set_class(chosen, "-chosen", update=False)
            if not self._restyle_due:
                self._restyle_due = True
                self.call_later(self._restyle)
        c = self.choice
        if c is None:
            return False
        mark = styled("● ", MARK, "bold") if chosen else styled("○ ", MUTED)
        parts: list[str | tuple[str, str] | Content] = [(f"{self.index + 1}  ", "bold"), mark]
        if c.points is not None:
            pts = f"{c.points:>2} pts  "
            parts.append(styled(pts, MUTED, "strike") if gated else (pts, "bold"))
        parts.append((c.label, "bold" if chosen else ""))
        if language:
            parts.append(("\n" + language, MUTED if not chosen else ""))
        else:
            parts.append(styled("\nAdds no text of its own.", MUTED, "italic"))
        content = Content.assemble(*parts)
        old = shown_content(self)
        # Choosing only swaps the mark and the colours: no layout pass for that.
        same_text = old is not None and _unmarked(old.plain) == _unmarked(content.plain)
        set_content(self, content, layout=not same_text)
        return not same_text

    #: The card's class changed and it was not restyled since (see show).
    _restyle_due = False

    def update_node_styles(self, animate: bool = True) -> None:
        self._restyle_due = False
        super().update_node_styles(animate)

    def _restyle(self) -> None:
        if not self._restyle_due:
            return
        try:
            focus_moving = (self.screen.focused is self) != self.has_focus
        except NoScreen:
            focus_moving = False
        # A Focus or Blur on its way restyles the card (and clears the due).
        if not focus_moving:
            self.update_node_styles()

    def action_choose(self) -> None:
        if self.choice is not None:
            self.post_message(self.Chosen(self))

    def on_click(self) -> None:
        self.focus()
        self.action_choose()

    def action_move(self, delta: int) -> None:
        cards = [c for c in self.parent.query(TierCard) if c.choice] if self.parent else []
        target = self.index + delta
        if 0 <= target < len(cards):
            self.screen.set_focus(cards[target])


def _unmarked(text: str) -> str:
    return text.replace("●", "○")
