"""Start from today's law: a state's recorded current law, or a statute analyzed.

Pick a jurisdiction whose profile records its current law, or give a statute
(a .txt/.md/.docx path, or text pasted in). The screen shows what was read per
category (findings.py words it: the tier, the confidence, the quoted evidence)
with a list to correct each reading. Everything the user supplied is shown
literally (Content, never markup). "Use as baseline" opens the wizard on that
draft.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import AwaitMount
from textual.widgets import Button, Input, Select, Static, TextArea

from drafter.draft import Draft
from drafter.errors import UserError
from drafter.reader import Analysis, analyze, read_statute
from drafter.statute_kinds import STATUTE_ENDINGS_PROSE
from drafter.tui.amending import atlas_law
from drafter.tui.messages import OpenDraft, Opening
from drafter.tui.screens.base import DrafterScreen
from drafter.tui.screens.findings import analysis_content, profile_content
from drafter.tui.served import confined_path
from drafter.tui.styles import BRAND, ERROR, MUTED
from drafter.tui.widgets.keysfooter import KeysFooter
from drafter.tui.widgets.note import Note

if TYPE_CHECKING:
    from drafter.jurisdiction_index import Entry
    from drafter.law import Law
    from drafter.tui.amending import CurrentLaw

#: The correction list's value for "leave this category open".
OPEN = "__open__"


class AnalyzeScreen(DrafterScreen[None]):
    """Read today's law, then use it as the draft's baseline."""

    CSS_PATH = "analyze.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+g", "use", "Use as baseline"),
    ]

    def __init__(self) -> None:
        super().__init__()
        from drafter.jurisdiction_index import list_entries

        # The index only: a profile is loaded when it is shown.
        try:
            self.profiles = [e for e in list_entries() if e.kind != "generic"]
        except UserError:
            self.profiles = []
        #: The draft the shown reading makes, and what to call it.
        self.reading: Draft | None = None
        self.reading_name = ""
        self.analysis: Analysis | None = None
        #: (text, name) of the shown state's current text, when the shared atlas has it.
        #: The shown state's current text (the atlas copy), which its bill amends.
        self.profile_law: CurrentLaw | None = None
        #: The shown state's recorded law (its readings, open and arguable calls).
        self.law: Law | None = None

    # Enter shows the first recorded law at once (or, without one, reads a path).
    AUTO_FOCUS = "#law-show, #statute-path"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "use":
            return self.reading is not None
        return True

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="analyze"):
            yield Static(
                Content.assemble(
                    ("Start from today's law", BRAND),
                    ("  see what a state's law earns now, then what would raise it", MUTED),
                ),
                id="analyze-title",
            )
            if self.profiles:
                with Vertical(id="law-box", classes="start-box"):
                    yield Static(
                        Content.assemble(
                            ("A state's recorded current law", "bold"),
                            ("  from its drafting profile, with sources", MUTED),
                        ),
                        classes="box-title",
                    )
                    with Horizontal(classes="start-row"):
                        yield Input(
                            placeholder="filter: name or code", id="law-filter", compact=True
                        )
                        yield Select(
                            [(Content(p.name), p.id) for p in self.profiles],
                            value=self.profiles[0].id,
                            allow_blank=False,
                            id="law-profile",
                            compact=True,
                        )
                        yield Button("Show", id="law-show", variant="primary", compact=True)
            with Vertical(id="statute-box", classes="start-box"):
                yield Static(
                    Content.assemble(
                        ("Analyze a statute", "bold"),
                        (f"  a {STATUTE_ENDINGS_PROSE} file, or paste its text", MUTED),
                    ),
                    classes="box-title",
                )
                with Horizontal(classes="start-row"):
                    yield Input(placeholder="path/to/statute.txt", id="statute-path", compact=True)
                    yield Button("Analyze file", id="analyze-file", compact=True)
                yield TextArea(id="statute-text", soft_wrap=True)
                with Horizontal(classes="start-row"):
                    yield Button("Analyze pasted text", id="analyze-text", compact=True)
            yield Note(id="analyze-status")
            yield Static(id="findings-head", markup=False)
            yield Vertical(id="findings")
            with Horizontal(id="use-row"):
                yield Button(
                    "Use as baseline", id="use", variant="primary", compact=True, disabled=True
                )
                yield Button("◀ Back", id="analyze-back", compact=True)
        yield KeysFooter()

    # -- reading --

    def _say(self, text: str, style: str = "") -> None:
        self.query_one("#analyze-status", Note).say(text, style)

    @on(Input.Changed, "#law-filter")
    def filter_profiles(self, event: Input.Changed) -> None:
        """Narrow the list to the jurisdictions whose name or code holds the filter."""
        want = event.value.strip().casefold()

        def rank(p: Entry) -> int:
            # A code typed in full first ("NE" is Nebraska), then names that start so.
            if want == (p.code or "").casefold():
                return 0
            return 1 if p.name.casefold().startswith(want) else 2

        shown = sorted(
            (p for p in self.profiles if not want or want in p.name.casefold() or rank(p) == 0),
            key=rank,
        )
        select = self.query_one("#law-profile", Select)
        if shown:
            select.set_options([(Content(p.name), p.id) for p in shown])
            select.value = shown[0].id

    @on(Button.Pressed, "#law-show")
    def _show_pressed(self) -> None:
        self.show_profile()

    def show_profile(self, profile_id: str | None = None) -> None:
        from drafter.baseline import profile_draft
        from drafter.jurisdiction import load_profile

        pid = profile_id or self.query_one("#law-profile", Select).value
        if not isinstance(pid, str):
            return
        rubric = self.app.engine.rubric
        try:
            profile = load_profile(pid)
            draft = profile_draft(profile, rubric)
        except UserError as exc:
            self._say(exc.one_line(), ERROR)
            return
        self.analysis = None
        self.law = profile.law
        self.profile_law = atlas_law(profile, self.app.served)
        self._show(draft, f"{profile.name} today", profile_content(rubric, profile))

    @on(Input.Submitted, "#statute-path")
    @on(Button.Pressed, "#analyze-file")
    def analyze_path(self) -> None:
        raw = self.query_one("#statute-path", Input).value.strip()
        if not raw:
            self._say("Type the path of a statute file first.", ERROR)
            return
        try:
            path = confined_path(raw) if self.app.served else Path(raw).expanduser()
            text = read_statute(path)
        except UserError as exc:
            self._say(exc.one_line(), ERROR)
            return
        except OSError as exc:
            self._say(f"{raw}: cannot read: {exc.strerror or exc}", ERROR)
            return
        self._run(text, str(path))

    @on(Button.Pressed, "#analyze-text")
    def analyze_pasted(self) -> None:
        text = self.query_one("#statute-text", TextArea).text
        if not text.strip():
            self._say("Paste a statute's text into the box first.", ERROR)
            return
        from drafter.yamlio import MAX_FILE_BYTES

        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            # The same limit as `drafter analyze -` and a statute file.
            self._say(
                f"The pasted text is over the {MAX_FILE_BYTES:,}-byte limit; paste one statute.",
                ERROR,
            )
            return
        self._run(text, None)

    def _run(self, text: str, source: str | None) -> None:
        self._say("Reading…", MUTED)
        self._analyze(text, source)

    @work(thread=True, exclusive=True, group="analyze")
    def _analyze(self, text: str, source: str | None) -> None:
        rubric = self.app.engine.rubric
        try:
            analysis = analyze(text, rubric, source=source)
        except UserError as exc:
            self.app.call_from_thread(self._say, exc.one_line(), ERROR)
            return
        self.app.call_from_thread(self._analyzed, analysis)

    def _analyzed(self, analysis: Analysis) -> None:
        rubric = self.app.engine.rubric
        self.analysis = analysis
        self.law = None
        name = Path(analysis.source).name if analysis.source else "pasted text"
        self._show(analysis.draft(rubric), name, analysis_content(rubric, analysis))

    def _show(self, draft: Draft, name: str, blocks: list[tuple[str | None, Content]]) -> None:
        self.reading = draft
        self.reading_name = name
        self._say("")
        self._show_head()
        box = self.query_one("#findings", Vertical)
        box.remove_children()
        rows = []
        for cid, content in blocks:
            parts: list[Static | Select[str]] = [Static(content, markup=False)]
            if cid is not None:
                parts.append(self._fix_select(cid, draft))
            rows.append(Vertical(*parts, classes="finding"))
        mounted = box.mount_all(rows)
        self.query_one("#use", Button).disabled = False
        self.refresh_bindings()
        # What was read comes into view (at 80x24 it starts below the fold), once its
        # rows are in and laid out: scrolled before, the pane is still too short to
        # bring the head to the top, and where it stopped depended on the machine's load.
        self.call_later(self._reveal_when_mounted, mounted)

    async def _reveal_when_mounted(self, mounted: AwaitMount) -> None:
        await mounted
        self.call_after_refresh(self._reveal_reading)

    def _reveal_reading(self) -> None:
        head = self.query_one("#findings-head", Static)
        self.query_one("#analyze", VerticalScroll).scroll_to_widget(head, top=True, animate=False)

    def _show_head(self) -> None:
        from drafter.render.standing import score_text, standing_text
        from drafter.scoring import score

        assert self.reading is not None
        card = score(self.app.engine.rubric, self.reading)
        self.query_one("#findings-head", Static).update(
            Content.assemble(
                ("What it reads: ", "bold"),
                (self.reading_name, "bold"),
                f"  {score_text(card)} {standing_text(card)}",
                (
                    "\nCheck each reading against the text; correct any here before using it.",
                    MUTED,
                ),
            )
        )

    def _fix_select(self, cid: str, draft: Draft) -> Select[str]:
        """The reading as a choice the user can correct."""
        rubric = self.app.engine.rubric
        options: list[tuple[Content, str]]
        value: str
        if cid == "coverage":
            options = [(Content(rule.label), key) for key, rule in rubric.coverage.items()]
            value = draft.coverage
        else:
            cat = rubric.category(cid)
            assert cat is not None
            tiers = cat.tiers if draft.coverage == "none" else cat.statute_tiers
            options = [(Content(f"{t.label}  ({t.points} pts)"), t.id) for t in tiers]
            options.append((Content("open: decide in the wizard"), OPEN))
            value = draft.choices.get(cid) or OPEN
            if value not in {v for _, v in options}:
                value = OPEN
        return Select(
            options, value=value, allow_blank=False, compact=True, classes="fix", name=cid
        )

    @on(Select.Changed, ".fix")
    def _corrected(self, event: Select.Changed) -> None:
        from drafter.tui.core import answer

        cid, value = event.select.name, event.value
        if self.reading is None or cid is None or not isinstance(value, str):
            return
        if value == OPEN:
            draft = self.reading.choose(cid, None)
        else:
            draft = answer(self.reading, cid, value, self.app.engine.rubric)
        if draft != self.reading:
            self.reading = draft
            self._show_head()

    # -- leaving --

    @on(Button.Pressed, "#use")
    def action_use(self) -> None:
        draft = self.reading
        if draft is None:
            return
        source = self.analysis.source if self.analysis is not None else None
        if source and draft.starts_from is None:
            # Recorded in the draft file, so the reopened draft still amends this text.
            from drafter.draft import StartsFrom
            from drafter.tui.amending import statute_record

            record = StartsFrom(statute=statute_record(source, self.app.served))
            draft = draft.model_copy(update={"starts_from": record})
        read = Opening(draft, current_law=self._current_law(), todays_law=self.law)
        self.post_message(OpenDraft(read))

    def _current_law(self) -> CurrentLaw | None:
        """The text the reading came from: analyzed here, or the atlas copy of the state's."""
        from drafter.tui.amending import CurrentLaw

        if self.analysis is not None:
            return CurrentLaw(self.analysis.text, self.reading_name)
        return self.profile_law

    @on(Button.Pressed, "#analyze-back")
    def action_back(self) -> None:
        self.app.pop_screen()


__all__ = ["AnalyzeScreen"]
