"""The wizard's centre column: the current step, its tiers, the chosen tier's fields.

It draws what the screen tells it (a step, a DraftView) and keeps references
to its parts: every change redraws only the parts whose text changed, and
never searches the screen's widgets to find them.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region, Size
from textual.widget import Widget
from textual.widgets import Button

from drafter.tui.core import COVERAGE, DraftView, Step, chosen
from drafter.tui.styles import ACCENT_BOLD, GOOD, MUTED, WARN
from drafter.tui.widgets.onepass import OnePassScroll, OnePassStatic, OnePassVertical
from drafter.tui.widgets.reveal import Places, revealing_scroll
from drafter.tui.widgets.stepfields import StepFields
from drafter.tui.widgets.tiers import TierCard
from drafter.tui.widgets.util import set_content

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp


class StepPane(Vertical):
    """Title, why it matters, the tier cards, the chosen tier's detail, the buttons."""

    def __init__(self, cards: int, id: str | None = None) -> None:
        super().__init__(id=id)
        #: A card per tier of the longest step, reused on every step.
        self.cards = [TierCard(i, classes="tier", id=f"tier-{i + 1}") for i in range(cards)]
        self.centre = OnePassScroll(id="centre", can_focus=False)
        self._title = OnePassStatic(id="step-title", markup=False)
        self._why = OnePassStatic(id="step-why", markup=False)
        self._hint = OnePassStatic(id="choose-hint", markup=False)
        self._detail = OnePassVertical(id="chosen-detail")
        self._params_head = OnePassStatic(id="params-head", markup=False)
        self.params = OnePassVertical(id="params")
        self._note = OnePassStatic(id="tier-note", markup=False)
        self._flags = OnePassVertical(id="flags")
        self._about_head = OnePassStatic(
            Content.assemble(
                ("About the bill", "bold"),
                ("  asked once; the bill uses these everywhere", MUTED),
            ),
            id="about-head",
        )
        self._about = OnePassVertical(id="about")
        self._prev = Button("◀ Previous", id="prev-button", compact=True)
        self._next = Button("Next ▶", id="next-button", variant="primary", compact=True)
        self._review = Button("Review", id="review-button", compact=True)
        self.fields = StepFields(self.params, self._about, self._flags)
        #: A card's text changed in the last `show` (the cards' places may move).
        self._cards_resized = True

    @property
    def _app(self) -> DrafterApp:
        return cast("DrafterApp", self.app)

    def compose(self) -> ComposeResult:
        # Not a Tab stop: PageUp/PageDown/Home/End scroll it from anywhere.
        with self.centre:
            yield self._title
            yield self._why
            yield self._hint
            # The cards sit in the centre itself, with no box of their own: a
            # box would change height on every choice and repaint in full.
            yield from self.cards
            # Follows the chosen card: why it is worded so, and its blanks.
            with self._detail:
                # Its fields first, so choosing brings them into view.
                yield self._params_head
                yield self.params
                yield self._note
            # Yes/no facts a standard reads (documentation_required), per step.
            yield self._flags
            yield self._about_head
            yield self._about
        # Always in view, for the mouse.
        with Horizontal(id="nav"):
            yield self._prev
            yield self._next
            yield self._review

    def load(self, step: Step, index: int, total: int, keys: str) -> None:
        """Point the pane at `step` (number `index` of `total`), answered by `keys`."""
        scope = f"up to {step.max} points" if step.max is not None else "gates every category"
        set_content(
            self._title,
            Content.assemble(
                (step.title, "bold"), (f"  ·  {index + 1} of {total}  ·  {scope}", MUTED)
            ),
        )
        set_content(self._why, Content.assemble(("Why it matters  ", ACCENT_BOLD), step.why))
        set_content(
            self._hint,
            Content.styled(
                f"Choose one: press {keys}, or click. Each shows the text it adds.", MUTED
            ),
        )
        n = len(step.choices)
        for i, card in enumerate(self.cards):
            card.assign(step.choices[i] if i < n else None)
        self._prev.disabled = index == 0
        last = index == total - 1
        self._next.label = "Review ▶" if last else "Next ▶"
        self._review.display = not last
        self.centre.scroll_home(animate=False)

    def shown_cards(self) -> list[TierCard]:
        """The cards the current step uses, in order."""
        return [c for c in self.cards if c.choice is not None]

    def card_for(self, pick: str | None) -> TierCard | None:
        """The card of tier `pick` (or the first card)."""
        cards = self.shown_cards()
        target = next((c for c in cards if c.choice and c.choice.id == pick), None)
        return target or (cards[0] if cards else None)

    def show(self, step: Step, view: DraftView) -> None:
        """Draw `step` as the view has it: marks, texts, note, fields, the detail's place."""
        engine = self._app.engine
        draft = view.draft
        pick = chosen(draft, step.id)
        gated = not view.card.rankable and step.id != COVERAGE
        ids = [card.choice.id for card in self.cards if card.choice is not None]
        texts = engine.tier_texts(step.id, ids, draft, view.bill)
        resized = False
        for card in self.cards:
            if card.choice is not None:
                resized |= card.show(card.choice.id == pick, texts[card.choice.id], gated)
        self._cards_resized = resized
        set_content(self._note, self._tier_note(step, view, pick))
        has_params = self.fields.show(engine, draft, step, pick)
        if has_params:
            set_content(
                self._params_head,
                Content.assemble(
                    ("Fill in for this tier", "bold"),
                    ("  a blank uses the default shown, or stays a [PLACEHOLDER]", MUTED),
                ),
            )
        self._params_head.display = has_params
        about = step.id == COVERAGE
        self._about_head.display = about
        self._place_detail(pick)
        if about:
            self.show_profile_note()

    def release_fields(self, step: Step, view: DraftView | None) -> None:
        """Mount the coverage step's long form, held back for the first frame."""
        if self.fields.hold_bill_fields:
            self.fields.hold_bill_fields = False
            if view is not None:
                self.show(step, view)

    async def form_ready(self, step: Step, view: DraftView | None) -> None:
        """Fields mounted just now are mounted and laid out (what Tab moves through)."""
        self.release_fields(step, view)
        mounting, self.fields.mounting = self.fields.mounting, None
        if mounting is not None:
            await mounting
            laid_out = asyncio.Event()
            self.call_after_refresh(laid_out.set)
            await laid_out.wait()

    def _tier_note(self, step: Step, view: DraftView, pick: str | None) -> Content:
        """Under the chosen card: the rubric's words, why this wording, its source."""
        choice = step.choice(pick)
        if pick is not None and choice is not None:
            why, source = self._app.engine.tier_note(step.id, pick)
            parts: list[str | tuple[str, str]] = [("Rubric: ", "bold"), choice.criterion]
            if why:
                parts += [("\nThis wording: ", "bold"), why]
            if source:
                parts += [("\nSource: ", "bold"), (source, MUTED)]
            return Content.assemble(*parts)
        if step.id == COVERAGE:
            return Content.styled(
                f"This draft's coverage is {view.draft.coverage!r}: the state has no "
                "trafficking-specific statute, so there is no bill yet. Choose who "
                "a bill would cover.",
                WARN,
            )
        return Content.styled(
            "Not answered yet: this category earns 0 until you choose a tier.", WARN
        )

    def _place_detail(self, pick: str | None) -> None:
        """Put the note and the fields right under the chosen card (or the last one)."""
        cards = self.shown_cards()
        if not cards:
            return
        anchor = next((c for c in cards if c.choice and c.choice.id == pick), cards[-1])
        children = list(self.centre.children)
        if children.index(self._detail) != children.index(anchor) + 1:
            self.centre.move_quietly(self._detail, after=anchor)

    def show_profile_note(self) -> None:
        """Under the jurisdiction field: which drafting style the bill uses, and why."""
        note = self.fields.find_profile_note()
        if note is None:
            # Mounted just now: its note is there after the next refresh.
            self.call_after_refresh(self._show_profile_note_once)
            return
        engine = self._app.engine
        if engine.profile_note:
            text = engine.profile_note[0].upper() + engine.profile_note[1:] + "."
            note.say(text, WARN)
        else:
            note.say(f"Drafting style: {engine.profile.name}.", GOOD)

    def _show_profile_note_once(self) -> None:
        if self.fields.find_profile_note() is not None:
            self.show_profile_note()

    def scroll_ahead(self, card: TierCard) -> None:
        """Scroll now to where `reveal` will, so the coming layout draws it (see reveal.py)."""
        places = self._places_after(card)
        if places is not None:
            self.centre.expect_height(places.height)
            self._scroll_centre_to(places)

    def _places_after(self, card: TierCard) -> Places | None:
        """Where `card` and its fields will be once the chosen detail sits under it."""
        detail = self._detail
        old_card, old_detail = card.virtual_region_with_margin, detail.virtual_region_with_margin
        if self._cards_resized or not old_card or not old_detail:
            return None  # not laid out yet, or a card's height may change
        shift = old_detail.height if old_detail.y < old_card.y else 0
        at = old_card.translate((0, -shift))
        width = detail.content_region.width
        room, viewport = Size(width, self.centre.size.height), self.app.size

        def height(widget: Widget) -> int:
            if not widget.display:
                return 0
            return widget.get_content_height(room, viewport, width) + widget.styles.gutter.height

        fields = None
        if self.params.display:
            top = at.bottom + detail.styles.gutter.top + height(self._params_head)
            fields = Region(at.x, top, at.width, height(self.params))
        grown = self.centre.virtual_size.height - old_detail.height + height(detail)
        return Places(at, fields, grown)

    def _scroll_centre_to(self, places: Places) -> None:
        """Scroll the centre to show `places` (the card, then its fields under it)."""
        centre = self.centre
        window = centre.scrollable_content_region.at_offset(centre.scroll_offset)
        y = revealing_scroll(window, places)
        if y != window.y:
            centre.scroll_to(y=y, animate=False, immediate=True)

    def reveal(self, card: TierCard) -> None:
        """Bring the chosen card and the fields under it into view (in one scroll)."""
        centre = self.centre
        on_screen = self.params.region if self.params.display else None
        fields = None
        if on_screen:
            # From the screen into the centre's scrollable rows.
            top = on_screen.y - centre.scrollable_content_region.y + round(centre.scroll_y)
            fields = Region(on_screen.x, top, on_screen.width, on_screen.height)
        card_at = card.virtual_region_with_margin
        if card_at:
            self._scroll_centre_to(Places(card_at, fields, centre.virtual_size.height))
