"""The wizard: outline left, the current step centre, score and bill right.

The screen keeps only where the user is (the step). Everything it shows comes
from the App's one Draft through `DraftView`, recomputed on every change.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive, reactive
from textual.widget import Widget
from textual.widgets import Button, OptionList, Static

from drafter.tui.core import DraftView, Step, chosen
from drafter.tui.heap import freeze_startup
from drafter.tui.keys import CTRL_COMMANDS, footer_bindings
from drafter.tui.screens.base import DrafterScreen
from drafter.tui.widgets.aboutfield import AboutField
from drafter.tui.widgets.flagfield import FlagField
from drafter.tui.widgets.keysfooter import KeysFooter
from drafter.tui.widgets.onepass import OnePassCompositor
from drafter.tui.widgets.outline import Outline
from drafter.tui.widgets.paramfield import ParamField
from drafter.tui.widgets.preview import BillPreview
from drafter.tui.widgets.scorepanel import ScorePanel
from drafter.tui.widgets.steppane import StepPane
from drafter.tui.widgets.tiers import TierCard
from drafter.tui.widgets.topbar import TopBar

#: Where the step's form lives: the chosen tier's fields, the standards' questions,
#: the bill's, the buttons.
FORM_PARTS = frozenset({"chosen-detail", "flags", "about", "nav"})
#: Below this width the score and bill fold behind the `s` key.
NARROW = 110


class WizardScreen(DrafterScreen[None]):
    """Step through coverage and the 11 categories; every answer is kept."""

    # Letters and digits live on the outline and the tier cards (tui.keys):
    # inside the form they are text. These work from anywhere on the screen.
    BINDINGS: ClassVar[list[BindingType]] = [
        *CTRL_COMMANDS,
        # Priority, and focus moved at once (set_focus, not focus()): the keys
        # typed right after a Tab go to the field it reached, never the last.
        Binding("escape", "leave_field", "Tiers", priority=True),
        Binding("tab", "tab(1)", "Next field", show=False, priority=True),
        Binding("shift+tab", "tab(-1)", "Previous field", show=False, priority=True),
        Binding("pageup", "scroll_centre('page_up')", show=False),
        Binding("pagedown", "scroll_centre('page_down')", show=False),
        Binding("home", "scroll_centre('home')", show=False),
        Binding("end", "scroll_centre('end')", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Textual declares it a plain list)
        (0, "-narrow"),
        (NARROW, "-wide"),
    ]

    # Focus is placed by _focus_tier (on the chosen card, without scrolling).
    AUTO_FOCUS = None

    #: Index of the current step in the engine's steps. (Not bindings=True: the
    #: footer is rebuilt only when what it shows changes; see _refresh_footer.)
    step = reactive(0)
    #: At narrow widths: show the score and bill instead of the step.
    side_open = reactive(False, bindings=True)
    #: Textual repaints the whole screen when focus moves, and choosing a tier
    #: moves it: the focus styles repaint the two widgets that change already.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, step: int = 0) -> None:
        super().__init__()
        self._compositor = OnePassCompositor()
        self._start_step = step
        steps = self.app.engine.steps
        # The parts every change redraws, held here rather than searched for.
        self._topbar = TopBar(id="topbar")
        self._outline = Outline(steps, id="outline")
        self.pane = StepPane(max(len(s.choices) for s in steps), id="centre-column")
        self._score = ScorePanel(id="score")
        self._preview = BillPreview(id="preview")
        self._footer_shape: tuple[bool, bool, int] | None = None
        # The width class Textual sets on the first resize, set before the
        # widgets are styled: set after, it restyles every one of them again.
        self.add_class("-wide" if self.app.size.width >= NARROW else "-narrow")
        self._resumed = False

    # -- layout --

    def compose(self) -> ComposeResult:
        yield self._topbar
        with Horizontal(id="body"):
            yield self._outline
            yield self.pane
            with Vertical(id="side"):
                yield self._score
                yield Static("Bill preview", id="preview-title")
                yield self._preview
        yield KeysFooter()

    def on_mount(self) -> None:
        # The coverage step's long form (the bill's own fields, below the
        # tiers) comes the moment after the first frame: see _settle.
        self.pane.fields.hold_bill_fields = True
        self.step = self._start_step
        # _load_step draws the view: watching from now on is enough.
        self.watch(self.app, "view", self._show_view, init=False)
        self._load_step()
        self.call_after_refresh(self._settle)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # The first time, every widget was styled a moment ago as it mounted:
        # Textual's restyle on resuming would do it all again for nothing.
        if not self._resumed:
            self._resumed = True
            event.prevent_default()
            super()._on_screen_resume(events.ScreenResume(refresh_styles=False))

    def _settle(self) -> None:
        """After the first layout: focus the chosen card, show the step from its top.

        (Unless a quick Tab went into the form already.)
        """
        if not self._in_form():
            self._focus_tier(force=True)
            self.pane.centre.scroll_home(animate=False)
        self.pane.release_fields(self.current, self.app.view)
        # After the form released just now is mounted: its widgets live as
        # long as the screen, and unfrozen they made every full collection
        # while typing walk them (some 30 ms, every dozen keys).
        self.call_after_refresh(freeze_startup)

    # -- state --

    @property
    def current(self) -> Step:
        return self.app.engine.steps[self.step]

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def choose_keys(self) -> str:
        """The digit keys this step answers to, as the footer shows them."""
        n = len(self.current.choices)
        return "1" if n == 1 else f"1-{n}"

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
        if action == "leave_field":
            return self._in_form() or self.side_open
        return True

    # -- the key model: outline, tier list, form (see tui.keys) --

    def _in_form(self) -> bool:
        """Focus is in the step's form: its fields, or the buttons under them."""
        focused = self.focused
        return focused is not None and any(
            node.id in FORM_PARTS for node in focused.ancestors_with_self
        )

    def _form(self) -> list[Widget]:
        """The form's focusable widgets in screen order (what Tab moves through)."""
        return [
            w
            for w in self.focus_chain
            if any(node.id in FORM_PARTS for node in w.ancestors_with_self)
        ]

    def _tier_target(self) -> TierCard | None:
        """The chosen tier's card (or the first) of the current step."""
        draft = self.app.draft
        return self.pane.card_for(chosen(draft, self.current.id) if draft else None)

    async def action_tab(self, delta: int) -> None:
        """Tab from the tier list enters the form; in the form Tab moves within it."""
        # A Tab in the first moment finds the form there all the same.
        await self.pane.form_ready(self.current, self.app.view)
        focused = self.focused
        form = self._form()
        if self._in_form() and focused in form:
            self.set_focus(form[(form.index(focused) + delta) % len(form)])
            return
        outline = self._outline
        preview = self._preview
        side = preview if preview in self.focus_chain else None
        if isinstance(focused, TierCard):
            target: Widget | None = (form[0] if form else None) if delta > 0 else outline
        elif focused is outline:
            target = self._tier_target() if delta > 0 else (side or self._tier_target())
        elif focused is preview:
            target = outline if delta > 0 else self._tier_target()
        else:
            target = self._tier_target()
        if target is not None:
            self.set_focus(target)

    def action_scroll_centre(self, how: str) -> None:
        """PageUp, PageDown, Home and End scroll the step (fields keep their own)."""
        centre = self.pane.centre
        {
            "page_up": centre.scroll_page_up,
            "page_down": centre.scroll_page_down,
            "home": centre.scroll_home,
            "end": centre.scroll_end,
        }[how](animate=False)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """What the footer shows (tui.keys.footer_bindings)."""
        return footer_bindings(super().active_bindings, self.choose_keys())

    def watch_step(self, old: int, new: int) -> None:
        if old != new:
            self._load_step()
            self.app.note_step(self.current.id)
            self._refresh_footer()

    def _refresh_footer(self) -> None:
        """Rebuild the footer only when a key appears, goes, or reads differently."""
        last = len(self.app.engine.steps) - 1
        shape = (self.step == 0, self.step == last, len(self.current.choices))
        if shape != self._footer_shape:
            self._footer_shape = shape
            self.refresh_bindings()

    def watch_side_open(self, value: bool) -> None:
        self.set_class(value, "-side-open")

    # -- drawing --

    def _load_step(self) -> None:
        """Point the centre at the current step.

        The tier cards are a fixed pool and parameter fields are mounted once
        and then shown or hidden, so quick key presses never race a rebuild.
        """
        total = len(self.app.engine.steps)
        self.pane.load(self.current, self.step, total, self.choose_keys())
        if self._outline.highlighted != self.step:
            self._outline.highlighted = self.step
        self._show_view(self.app.view)
        self._focus_tier()

    def _focus_tier(self, force: bool = False) -> None:
        """Focus the chosen tier so digits, arrows and Enter work at once.

        Called on every step change: a field of the step just left is hidden
        now, and keys must not go on typing into it. Only a user arrowing
        through the outline keeps focus there (unless `force`).
        """
        if not force and isinstance(self.focused, OptionList):
            return
        target = self._tier_target()
        if target is not None:
            self.set_focus(target, scroll_visible=False)

    def _show_view(self, view: DraftView | None) -> None:
        if view is None:
            return
        app = self.app
        self._topbar.show(view, app.path, app.unsaved)
        self._outline.show(view)
        self._score.show(view)
        self._preview.show(view, self._provision_text(view))
        self.pane.show(self.current, view)

    def _provision_text(self, view: DraftView) -> str:
        """The text the current step puts in the bill, to keep it in view."""
        step = self.current
        pick = chosen(view.draft, step.id)
        if pick is None:
            return f"[{step.title}: not yet drafted]"
        return self.app.engine.tier_language(step.id, pick, view.draft, view.bill)

    # -- events --

    @on(TierCard.Chosen)
    def _tier_chosen(self, event: TierCard.Chosen) -> None:
        self.choose(event.card.index)

    @on(ParamField.Changed)
    def _param_changed(self, event: ParamField.Changed) -> None:
        self.app.set_parameter(event.name, event.value, typing=True)

    @on(FlagField.Changed)
    def _flag_changed(self, event: FlagField.Changed) -> None:
        self.app.set_parameter(event.name, event.value)

    @on(AboutField.Changed)
    def _about_changed(self, event: AboutField.Changed) -> None:
        if event.kind == "jurisdiction":
            self.app.set_jurisdiction(event.value, typing=True)
        else:
            self.app.set_bill_target(event.kind, event.value, typing=True)

    @on(Outline.Jump)
    def _outline_jump(self, event: Outline.Jump) -> None:
        self.step = event.index

    @on(OptionList.OptionSelected, "#outline")
    def _outline_selected(self, event: OptionList.OptionSelected) -> None:
        self.step = event.option_index
        if self.narrow:
            self.side_open = False

    @on(Button.Pressed, "#prev-button")
    def _prev_pressed(self) -> None:
        self.action_prev()

    @on(Button.Pressed, "#review-button")
    def _review_pressed(self) -> None:
        self.action_review()

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
            card = self.pane.cards[index]
            if isinstance(self.focused, TierCard):
                self.set_focus(card, scroll_visible=False)
            # The scroll goes into the coming layout; reveal checks it after.
            self.pane.scroll_ahead(card)
            self.call_after_refresh(self.pane.reveal, card)

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
        if self._in_form():
            self._focus_tier(force=True)
        elif self.side_open:
            self.side_open = False

    def goto(self, step_id: str) -> None:
        self.step = self.app.engine.step_index(step_id)
        self.side_open = False
