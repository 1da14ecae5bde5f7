"""The advisor in the wizard: what raises this draft's grade, and by how much.

From the app's current draft (often a state's law as it stands): every single
change, best first, with the points and grade it gains and the model language
that makes it; the fewest changes reaching a target grade; categories the user
locks are never proposed. Enter applies a change through the app's one path
(`set_draft`), so the score, the bill and the autosave follow. Locks and the
target live in the app's session, so leaving and coming back keeps them.

From a recorded law (the session began with "Start from today's law"), the
reading's uncertainty is said, as `drafter advise` says it: a category the law
leaves open is listed apart as open, with its reason and what its top tier would
take, never as points to gain; a change in an arguable category shows its gain
under the law's other defensible readings ("already there" when one of them
has it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option

from drafter.advice import Advice, Change, apply
from drafter.advice_readings import (
    OpenCategory,
    ReadAdvice,
)
from drafter.errors import UserError
from drafter.render.advice import NOTHING_READ, other_readings
from drafter.render.standing import score_text, standing_text
from drafter.rubric import COVERAGE
from drafter.textsafe import visible
from drafter.tui.core import DraftView
from drafter.tui.screens.advice_rows import advice_for, change_row, open_row
from drafter.tui.screens.base import DrafterScreen
from drafter.tui.styles import GOOD, MUTED, WARN, WARN_BOLD
from drafter.tui.widgets.keysfooter import KeysFooter
from drafter.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp

#: Below this width the panes stack and each change takes one line.
NARROW = 110


class AdviceScreen(DrafterScreen[None]):
    """Ranked single changes, the plan for a target grade, and the locks."""

    CSS_PATH = "advice.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,b", "back", "Back"),
        Binding("l", "lock", "Lock"),
        Binding("g", "apply_plan", "Apply plan"),
        Binding("tab", "app.focus_next", "Next pane", show=False),
    ]
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Screen declares it, not as a ClassVar)
        (0, "-narrow"),
        (NARROW, "-wide"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.state = self.app.session.advice
        self.advice: Advice | None = None
        #: The advice with the recorded law's open and arguable readings said.
        self.read: ReadAdvice | None = None
        #: The rows of the change list, in order; the open categories follow them.
        self.rows: list[Change] = []
        self.open_rows: list[OpenCategory] = []
        #: Whether the rows show a language excerpt (wide enough for it).
        self._roomy = True

    def compose(self) -> ComposeResult:
        rubric = self.app.engine.rubric
        yield TopBar(id="topbar")
        with Horizontal(id="advice-body"):
            with Vertical(id="advice-left"):
                yield Static(id="advice-head", markup=False)
                yield OptionList(id="advice-changes", markup=False)
                yield Static(id="advice-language", markup=False)
                with Horizontal(id="advice-buttons"):
                    yield Button("◀ Back", id="advice-back", compact=True)
                    yield Button("Apply", id="advice-apply", variant="primary", compact=True)
                    yield Button("Apply plan", id="advice-apply-plan", compact=True)
            with VerticalScroll(id="advice-right"):
                yield Static(Content.styled("Target grade", "bold"), classes="pane-title")
                bands = [b for b in rubric.grades.bands if b.min > 0]
                values = [b.grade for b in bands]
                if self.state.target not in values and values:
                    self.state.target = values[min(1, len(values) - 1)]
                yield Select(
                    [(Content(f"{b.grade}  ({b.min}+)"), b.grade) for b in bands],
                    value=self.state.target,
                    allow_blank=False,
                    id="advice-target",
                    compact=True,
                )
                yield Static(id="advice-plan", markup=False)
                yield Static(
                    Content.assemble(
                        ("Locked", "bold"), ("  off the table: never proposed", MUTED)
                    ),
                    classes="pane-title",
                )
                yield SelectionList[str](
                    *[
                        (Content(title), cid, cid in self.state.locks)
                        for cid, title in [
                            (COVERAGE, "Coverage"),
                            *[(c.id, c.title) for c in rubric.categories],
                        ]
                    ],
                    id="advice-locks",
                )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "view", self._show_view, init=True)
        self.query_one("#advice-changes", OptionList).focus()

    def on_resize(self) -> None:
        # Crossing the breakpoint changes how much of each change a row shows.
        if self.advice is not None and self._roomy != (self.app.size.width >= NARROW):
            self._refresh_advice()

    # -- showing --

    def _show_view(self, view: DraftView | None) -> None:
        if view is None or self.app.draft is None:
            return
        self.query_one(TopBar).show(view, self.app.path, self.app.unsaved, "· advice")
        self._refresh_advice()

    def _refresh_advice(self) -> None:
        try:
            read = advice_for(self.app, self.state)
        except UserError as exc:
            self.notify(exc.one_line(), title="Advice", severity="error", markup=False)
            return
        self.read = read
        advice = self.advice = read.advice
        rubric = self.app.engine.rubric
        base = advice.baseline
        # Short of room (80x24): one line per change, so at least three show.
        roomy = self.app.size.width >= NARROW
        self._roomy = roomy
        self.query_one("#advice-head", Static).update(
            Content.assemble(
                ("What raises the grade", "bold"),
                (f"  from {score_text(base)} {standing_text(base)}", MUTED),
                (
                    "\nEach change alone, best first. Enter applies one; l locks its category."
                    if roomy
                    else "",
                    MUTED,
                ),
                (
                    f"\n{len(read.open)} open in the reading: listed last, not counted as points."
                    if read.open
                    else "",
                    WARN,
                ),
            )
        )
        rows: list[Change] = []
        if advice.coverage is not None:
            rows.append(advice.coverage)
        rows.extend(advice.changes)
        self.rows = rows
        self.open_rows = list(read.open)
        options = self.query_one("#advice-changes", OptionList)
        old = options.highlighted
        options.clear_options()
        if not rows:
            why = (
                "Coverage is locked: while relief reaches only minors, nothing else scores."
                if COVERAGE in advice.locked and base.coverage != "adults"
                else NOTHING_READ
                if self.open_rows
                else "Nothing left to raise: every unlocked category is at its best tier."
            )
            options.add_option(Option(Content(why), disabled=True))
        options.add_options(
            Option(
                change_row(
                    c,
                    rubric.total,
                    roomy,
                    other_readings(read.alternatives.get((c.category, c.to_tier), ())),
                ),
                id=f"c{i}",
            )
            for i, c in enumerate(rows)
        )
        options.add_options(Option(open_row(o), id=f"open-{o.category}") for o in self.open_rows)
        count = len(rows) + len(self.open_rows)
        if count:
            first = 0 if rows else 1
            options.highlighted = (
                first if old is None else max(first, min(old, options.option_count - 1))
            )
        self._show_language()
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.advice.plan if self.advice else None
        box = self.query_one("#advice-plan", Static)
        if plan is None:
            box.update("")
            return
        lines: list[str | tuple[str, str]] = []
        if not plan.reachable:
            lines.append(
                (
                    f"{plan.target} ({plan.target_min}+) cannot be reached with these locks: "
                    f"the best is {plan.best_total}.",
                    WARN,
                )
            )
        elif not plan.changes:
            lines.append((f"Already at {plan.target} or better: {plan.total}.", GOOD))
        else:
            n = len(plan.changes)
            lines.append(
                (
                    f"Fewest changes to {plan.target}: {n}, reaching {plan.total} "
                    f"({plan.grade}), {plan.beyond} beyond the target.",
                    "bold",
                )
            )
            for i, c in enumerate(plan.changes, 1):
                lines.append(f"\n{i}. {c.title}: {c.to_label}  (+{c.gain} → {c.total})")
            lines.append(("\ng applies the whole plan.", MUTED))
        box.update(Content.assemble(*lines))

    def _highlighted(self) -> Change | None:
        index = self.query_one("#advice-changes", OptionList).highlighted
        if index is None or not self.rows or index >= len(self.rows):
            return None
        return self.rows[index]

    def _highlighted_open(self) -> OpenCategory | None:
        """The open category whose row is highlighted, if one is."""
        options = self.query_one("#advice-changes", OptionList)
        index = options.highlighted
        if index is None:
            return None
        option_id = options.get_option_at_index(index).id or ""
        return next((o for o in self.open_rows if f"open-{o.category}" == option_id), None)

    def _show_language(self) -> None:
        change = self._highlighted()
        box = self.query_one("#advice-language", Static)
        opened = self._highlighted_open() if change is None else None
        if opened is not None:
            box.display = True
            box.update(
                Content.assemble(
                    ("Open  ", WARN_BOLD),
                    (f"{opened.title}: {opened.reason}\n", MUTED),
                    (f"Its top tier, {opened.top_label}, would take:\n", MUTED),
                    visible(opened.language.strip()) or "",
                )
            )
            return
        if change is None:
            box.display = False
            return
        box.display = True
        text = visible(change.language.strip()) if change.language else ""
        box.update(
            Content.assemble(
                ("Model language  ", "bold"),
                (f"{change.title} → {change.to_label}\n", MUTED),
                text or ("This change adds no language of its own.", MUTED),
            )
        )

    # -- events --

    @on(OptionList.OptionHighlighted, "#advice-changes")
    def _highlight(self) -> None:
        self._show_language()

    @on(OptionList.OptionSelected, "#advice-changes")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_index < len(self.rows):
            self.apply_changes([self.rows[event.option_index]])
            return
        self._say_open()

    def _say_open(self) -> None:
        opened = self._highlighted_open()
        if opened is not None:
            self.notify(
                f"{opened.title} is open in the reading ({opened.reason}); "
                "decide it in the wizard once the text is read.",
                title="Open",
                markup=False,
            )

    @on(Button.Pressed, "#advice-apply")
    def _apply_pressed(self) -> None:
        change = self._highlighted()
        if change is not None:
            self.apply_changes([change])
        else:
            self._say_open()

    @on(Button.Pressed, "#advice-apply-plan")
    def action_apply_plan(self) -> None:
        plan = self.advice.plan if self.advice else None
        if plan is not None and plan.reachable and plan.changes:
            self.apply_changes(list(plan.changes))

    def apply_changes(self, changes: list[Change]) -> None:
        assert self.app.draft is not None
        draft = apply(self.app.engine.rubric, self.app.draft, changes)
        self.app.set_draft(draft)
        what = changes[0].title if len(changes) == 1 else f"{len(changes)} changes"
        self.notify(f"Applied: {what}", markup=False)

    @on(Select.Changed, "#advice-target")
    def _target(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.state.target:
            self.state.target = event.value
            self._refresh_advice()

    @on(SelectionList.SelectedChanged, "#advice-locks")
    def _locks(self, event: SelectionList.SelectedChanged) -> None:
        selected = list(event.selection_list.selected)
        if selected != self.state.locks:
            self.state.locks = selected
            self._refresh_advice()

    def action_lock(self) -> None:
        """Lock the highlighted change's category (it leaves the list)."""
        change = self._highlighted()
        if change is None:
            return
        self.toggle_lock(change.category)

    def toggle_lock(self, category: str) -> None:
        locks = self.query_one("#advice-locks", SelectionList)
        locks.toggle(category)

    @on(Button.Pressed, "#advice-back")
    def action_back(self) -> None:
        self.app.pop_screen()


def open_advice(app: DrafterApp) -> None:
    """Show the advice view over the wizard (nothing when no draft is open)."""
    if app.draft is None or isinstance(app.screen, AdviceScreen):
        return
    app.push_screen(AdviceScreen())


__all__ = ["AdviceScreen", "open_advice"]
