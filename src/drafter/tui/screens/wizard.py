"""The wizard: outline left, the current step centre, score and bill right.

The screen keeps only where the user is (the step). Everything it shows comes
from the App's one Draft through `DraftView`, recomputed on every change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, OptionList, Static

from drafter.tui.core import COVERAGE, DraftView, Step, chosen
from drafter.tui.widgets.outline import Outline
from drafter.tui.widgets.paramfield import ParamField
from drafter.tui.widgets.preview import BillPreview
from drafter.tui.widgets.scorepanel import ScorePanel
from drafter.tui.widgets.tiers import TierCard
from drafter.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp

#: Below this width the score and bill fold behind the `s` key.
NARROW = 110


class WizardScreen(Screen[None]):
    """Step through coverage and the 11 categories; every answer is kept."""

    app: DrafterApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next", "Next"),
        Binding("p", "prev", "Prev"),
        Binding("1", "choose(0)", "Choose", key_display="1-6"),
        *[Binding(str(i + 1), f"choose({i})", show=False) for i in range(1, 9)],
        Binding("s", "toggle_side", "Score/bill"),
        Binding("r", "review", "Review"),
        Binding("escape", "leave_field", "Leave field", show=False),
    ]
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (NARROW, "-wide"),
    ]

    #: Index of the current step in the engine's steps.
    step = reactive(0, bindings=True)
    #: At narrow widths: show the score and bill instead of the step.
    side_open = reactive(False, bindings=True)

    def __init__(self, step: int = 0) -> None:
        super().__init__()
        self._start_step = step
        self._shown_step: int | None = None
        self._shown_params: tuple[str, ...] | None = None

    # -- layout --

    def compose(self) -> ComposeResult:
        engine = self.app.engine
        yield TopBar(id="topbar")
        with Horizontal(id="body"):
            yield Outline(engine.steps, id="outline")
            with VerticalScroll(id="centre"):
                yield Static(id="step-title", markup=False)
                yield Static(id="step-why", markup=False)
                yield Static(id="choose-hint", markup=False)
                yield Vertical(id="tiers")
                yield Static(id="tier-note", markup=False)
                yield Vertical(id="params")
                with Horizontal(id="nav"):
                    yield Button("◀ Previous", id="prev-button")
                    yield Button("Next ▶", id="next-button", variant="primary")
            with Vertical(id="side"):
                yield ScorePanel(id="score")
                yield Static("Bill preview", id="preview-title")
                yield BillPreview(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.step = self._start_step
        self.watch(self.app, "view", self._show_view, init=True)
        self._load_step()

    # -- state --

    @property
    def current(self) -> Step:
        return self.app.engine.steps[self.step]

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def on_resize(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "prev":
            return self.step > 0
        if action == "next":
            return self.step < len(self.app.engine.steps) - 1
        if action == "choose":
            index = parameters[0] if parameters else 0
            return isinstance(index, int) and index < len(self.current.choices)
        if action == "toggle_side":
            return self.narrow
        return True

    def watch_step(self, old: int, new: int) -> None:
        if self.is_mounted and old != new:
            self._load_step()
            self.app.note_step(self.current.id)

    def watch_side_open(self, value: bool) -> None:
        self.set_class(value, "-side-open")

    # -- drawing --

    def _load_step(self) -> None:
        """Build the centre for the current step (tier cards, parameter fields)."""
        step = self.current
        engine = self.app.engine
        total = len(engine.steps)
        head = Content.assemble(
            (step.title, "bold"),
            (f"   step {self.step + 1} of {total}", "$text-muted"),
            (
                f" · up to {step.max} points"
                if step.max is not None
                else " · gates every category",
                "$text-muted",
            ),
        )
        self.query_one("#step-title", Static).update(head)
        self.query_one("#step-why", Static).update(
            Content.assemble(("Why it matters  ", "bold $text-accent"), step.why)
        )
        n = len(step.choices)
        self.query_one("#choose-hint", Static).update(
            Content.styled(
                f"Choose one: press 1-{n}, or click. The text each adds is shown.", "$text-muted"
            )
        )
        tiers = self.query_one("#tiers", Vertical)
        tiers.remove_children()
        tiers.mount_all(
            TierCard(i, c, classes="tier", id=f"tier-{c.id}") for i, c in enumerate(step.choices)
        )
        self.query_one("#prev-button", Button).disabled = self.step == 0
        last = self.step == total - 1
        self.query_one("#next-button", Button).label = "Review ▶" if last else "Next ▶"
        outline = self.query_one(Outline)
        if outline.highlighted != self.step:
            outline.highlighted = self.step
        self._shown_step = self.step
        self._shown_params = None
        self.query_one("#centre", VerticalScroll).scroll_home(animate=False)
        self.call_after_refresh(self._after_load)

    def _after_load(self) -> None:
        self._show_view(self.app.view)
        # Focus the chosen tier so arrows and Enter work at once.
        step = self.current
        pick = chosen(self.app.draft, step.id)
        cards = list(self.query(TierCard))
        target = next((c for c in cards if c.choice.id == pick), cards[0] if cards else None)
        focused = self.focused
        if (
            target is not None
            and not isinstance(focused, (Input,))
            and not isinstance(focused, OptionList)
        ):
            target.focus(scroll_visible=False)

    def _show_view(self, view: DraftView | None) -> None:
        if view is None or not self.is_mounted:
            return
        app = self.app
        self.query_one(TopBar).show(view, app.path, app.unsaved)
        self.query_one(Outline).show(view)
        self.query_one(ScorePanel).show(view)
        self.query_one(BillPreview).show(view)
        self._show_step(view)

    def _show_step(self, view: DraftView) -> None:
        step = self.current
        engine = self.app.engine
        draft = view.draft
        pick = chosen(draft, step.id)
        gated = not view.card.rankable
        for card in self.query(TierCard):
            text = engine.tier_language(step.id, card.choice.id, draft.parameters)
            card.show(card.choice.id == pick, text, gated and step.id != COVERAGE)
        note = self.query_one("#tier-note", Static)
        if pick is not None:
            why, source = engine.tier_note(step.id, pick)
            choice = step.choice(pick)
            parts: list[str | tuple[str, str]] = []
            if choice is not None:
                parts += [("Rubric: ", "bold"), choice.criterion]
            if why:
                parts += [("\nThis wording: ", "bold"), why]
            if source:
                parts += [("\nSource: ", "bold"), (source, "$text-muted")]
            note.update(Content.assemble(*parts))
            note.display = bool(parts)
        else:
            note.update(
                Content.styled(
                    "Not answered yet: this category earns 0 until you choose.", "$text-warning"
                )
            )
            note.display = True
        self._show_params(step, pick)

    def _show_params(self, step: Step, pick: str | None) -> None:
        engine = self.app.engine
        specs = engine.step_parameters(step.id, pick)
        names = tuple(s.name for s in specs)
        extra = step.id == COVERAGE
        key = (*names, "#about") if extra else names
        if key == self._shown_params:
            return
        self._shown_params = key
        box = self.query_one("#params", Vertical)
        box.remove_children()
        widgets: list[Any] = []
        draft = self.app.draft
        if extra:
            widgets.append(Static(Content.styled("About the bill", "bold"), classes="params-head"))
            widgets.append(AboutField("jurisdiction", draft.jurisdiction))
            widgets.append(AboutField("section", draft.bill.section))
            widgets.append(AboutField("chapter", draft.bill.chapter))
        if specs:
            head = "Details the bill needs" if extra else "Fill in for this tier"
            widgets.append(
                Static(
                    Content.assemble(
                        (head, "bold"),
                        (
                            "  (blank ones show as [PLACEHOLDER] and are listed on review)",
                            "$text-muted",
                        ),
                    ),
                    classes="params-head",
                )
            )
            widgets += [
                ParamField(s, draft.parameters.get(s.name), engine.default_for(s.name))
                for s in specs
            ]
        box.display = bool(widgets)
        if widgets:
            box.mount_all(widgets)

    # -- events --

    @on(TierCard.Chosen)
    def _tier_chosen(self, event: TierCard.Chosen) -> None:
        self.choose(event.card.index)

    @on(ParamField.Changed)
    def _param_changed(self, event: ParamField.Changed) -> None:
        self.app.set_draft(self.app.draft.with_parameter(event.name, event.value))

    @on(OptionList.OptionHighlighted, "#outline")
    def _outline_moved(self, event: OptionList.OptionHighlighted) -> None:
        # Only the user's own arrowing moves the step; highlights we set do not.
        if not event.option_list.has_focus:
            return
        if event.option_index is not None and event.option_index != self.step:
            self.step = event.option_index

    @on(OptionList.OptionSelected, "#outline")
    def _outline_selected(self, event: OptionList.OptionSelected) -> None:
        self.step = event.option_index
        if self.narrow:
            self.side_open = False

    @on(Button.Pressed, "#prev-button")
    def _prev_pressed(self) -> None:
        self.action_prev()

    @on(Button.Pressed, "#next-button")
    def _next_pressed(self) -> None:
        if self.step == len(self.app.engine.steps) - 1:
            self.action_review()
        else:
            self.action_next()

    # -- actions --

    def choose(self, index: int) -> None:
        step = self.current
        if 0 <= index < len(step.choices):
            self.app.answer(step.id, step.choices[index].id)

    def action_choose(self, index: int) -> None:
        self.choose(index)

    def action_next(self) -> None:
        if self.step < len(self.app.engine.steps) - 1:
            self.step += 1

    def action_prev(self) -> None:
        if self.step > 0:
            self.step -= 1

    def action_toggle_side(self) -> None:
        self.side_open = not self.side_open

    def action_review(self) -> None:
        self.app.action_review()

    def action_leave_field(self) -> None:
        if isinstance(self.focused, (Input,)) or (
            self.focused is not None and self.focused.id and self.focused.id.startswith("param-")
        ):
            cards = list(self.query(TierCard))
            if cards:
                cards[0].focus()
        elif self.side_open:
            self.side_open = False

    def goto(self, step_id: str) -> None:
        self.step = self.app.engine.step_index(step_id)
        self.side_open = False


ABOUT_FIELDS = {
    "jurisdiction": (
        "Jurisdiction",
        "e.g. Missouri (blank: a generic draft)",
        "The state or territory the bill is for, as the draft is titled. A name "
        "drafter has a profile for (see the start screen) also sets the drafting style.",
    ),
    "section": (
        "Section number",
        "e.g. 610.131 (blank shows [SECTION])",
        "The number of the new section of law the bill enacts.",
    ),
    "chapter": (
        "Chapter",
        "e.g. 610 (blank shows [CHAPTER])",
        "The chapter, code or title the new section goes in, where the bill's title names it.",
    ),
}


class AboutField(Vertical):
    """A fact about the bill kept on the draft itself (not a parameter)."""

    def __init__(self, kind: str, value: str | None) -> None:
        super().__init__(classes="param-field")
        self.kind = kind
        self.value = value or ""

    def compose(self) -> ComposeResult:
        prompt, placeholder, help_text = ABOUT_FIELDS[self.kind]
        yield Static(Content.styled(prompt, "bold"), classes="param-prompt")
        yield Input(self.value, placeholder=placeholder, id=f"about-{self.kind}", compact=True)
        yield Static(Content(help_text), classes="param-help")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        value = event.value.strip() or None
        app = self.app
        if self.kind == "jurisdiction":
            app.set_jurisdiction(value)  # type: ignore[attr-defined]
        else:
            app.set_bill_target(self.kind, value)  # type: ignore[attr-defined]
