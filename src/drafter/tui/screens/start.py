"""The start screen: resume (or discard) an unsaved draft, new draft, open a file, recent drafts."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from drafter.draft import draft_to_yaml, load_draft
from drafter.errors import UserError
from drafter.render.standing import NOT_LEGAL_ADVICE
from drafter.tui import storage
from drafter.tui.core import list_profiles, new_draft
from drafter.tui.messages import OpenDraft, Opening
from drafter.tui.screens.base import DrafterScreen
from drafter.tui.screens.draftlines import autosave_line, describe_draft
from drafter.tui.served import confined_path, workspace_note
from drafter.tui.session import Mode
from drafter.tui.styles import BRAND, ERROR, MUTED, WARN
from drafter.tui.widgets.keysfooter import KeysFooter
from drafter.tui.widgets.note import Note

GENERIC = "generic"


class StartScreen(DrafterScreen[None]):
    # Ctrl keys that reach the app in tmux and in browsers; ctrl+n, ctrl+t
    # (the browser's) and ctrl+b (tmux's) still work in a plain terminal.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+d", "new", "New draft", priority=True),
        Binding("ctrl+n", "new", "New draft", show=False),
        # Not in the footer (the Open field is on screen): at 80 columns it would cut Quit.
        Binding("ctrl+o", "focus_open", "Open", show=False),
        Binding("ctrl+r", "resume", "Resume"),
        Binding("delete", "discard", "Discard", show=False),
        Binding("ctrl+g", "todays_law", "Today's law"),
        Binding("ctrl+b", "todays_law", "Today's law", show=False),
        Binding("ctrl+y", "training", "Training"),
        Binding("ctrl+t", "training", "Training", show=False),
        Binding("ctrl+l", "lessons", "Lessons", show=False),
        Binding("ctrl+q", "app.quit", "Quit", priority=True),
        # Tab as the app's own key (not the field's): the keys typed after it go to
        # the next field even when they arrive at once (a paste, a busy machine).
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        found = storage.list_autosaves(self.app.engine.rubric)
        #: Every draft with work no file holds, newest first (each its own autosave).
        self.autosaves = [d for d in found.drafts if d.unsaved]
        self.recent, recent_problem = storage.read_recent_checked()
        #: Damaged files set aside (.bad), said once the screen is up.
        self.set_aside = [*found.set_aside, *([recent_problem] if recent_problem else [])]
        try:
            self.profiles = list_profiles()
        except UserError:
            self.profiles = []

    # Enter works at once: on the newest unsaved draft when there is one, else Start.
    AUTO_FOCUS = "#unsaved, #new"

    @property
    def autosave(self) -> storage.Autosave | None:
        """The unsaved draft the list has highlighted (the newest at first)."""
        if not self.autosaves:
            return None
        lists = self.query("#unsaved")
        index = lists.first(OptionList).highlighted if lists else None
        return self.autosaves[index or 0] if (index or 0) < len(self.autosaves) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("resume", "discard"):
            return bool(self.autosaves)
        return True

    def compose(self) -> ComposeResult:
        rubric = self.app.engine.rubric
        with VerticalScroll(id="start"):
            yield Static(
                Content.assemble(
                    ("drafter", BRAND),
                    "  criminal record relief bills for survivors of human trafficking",
                ),
                id="start-title",
            )
            yield Static(
                Content(
                    f"Choose a tier in each of the {len(rubric.categories)} categories of the "
                    f"{rubric.short_title} rubric, watch the score move, and leave with a "
                    "numbered bill to send to a drafting office."
                ),
                id="start-intro",
            )
            bands = ", ".join(f"{b.grade} {b.min}+" for b in rubric.grades.bands if b.min > 0)
            cutoffs = (
                "drafter's default reading" if rubric.grades.default_reading else "the rubric's"
            )
            yield Static(
                Content.styled(
                    f"{NOT_LEGAL_ADVICE} Letter grades ({bands}) are {cutoffs}, "
                    "not cut-offs confirmed from the report.",
                    MUTED,
                ),
                id="disclaimer",
            )
            if self.app.session.room is not None:
                from drafter.tui.screens.roomjoin import RoomJoin

                yield RoomJoin(self.app.session.room)
            elif self.app.session.served is not None and self.app.session.served.room_note:
                yield Static(self.app.session.served.room_note, id="room-note", markup=False)
            if self.app.served:
                yield Static(workspace_note(), id="workspace-note", markup=False)
            if self.autosaves:
                with Vertical(id="resume-box", classes="start-box"):
                    yield Static(
                        self._resume_title(),
                        classes="box-title",
                        id="resume-title",
                    )
                    yield OptionList(
                        *[Option(autosave_line(self.app, a), id=a.key) for a in self.autosaves],
                        id="unsaved",
                        markup=False,
                    )
                    with Horizontal(classes="start-row"):
                        yield Button("Resume", id="resume", variant="primary", compact=True)
                        yield Button("Discard…", id="discard", compact=True)
            with Vertical(id="new-box", classes="start-box"):
                yield Static(
                    Content.assemble(
                        ("New draft", "bold"),
                        ("  for a state with a drafting profile, or any state", MUTED),
                    ),
                    classes="box-title",
                )
                with Horizontal(classes="start-row"):
                    yield Select(
                        [(Content("Any state (generic drafting style)"), GENERIC)]
                        + [(Content(p.name), p.id) for p in self.profiles if p.id != GENERIC],
                        value=GENERIC,
                        allow_blank=False,
                        id="profile",
                        compact=True,
                    )
                    yield Button(
                        "Start",
                        id="new",
                        variant="default" if self.autosaves else "primary",
                        compact=True,
                    )
            with Vertical(id="law-door", classes="start-box"):
                yield Static(
                    Content.assemble(
                        ("Start from today's law", "bold"),
                        (
                            "  a state's current law, or a statute analyzed (ctrl+g)",
                            MUTED,
                        ),
                    ),
                    classes="box-title",
                )
                yield Button("Today's law…", id="todays-law", compact=True)
            with Vertical(id="open-box", classes="start-box"):
                yield Static(Content.styled("Open a draft file", "bold"), classes="box-title")
                with Horizontal(classes="start-row"):
                    yield Input(placeholder="path/to/draft.yaml", id="open-path", compact=True)
                    yield Button("Open", id="open", compact=True)
                yield Note(id="open-status")
            if self.recent:
                with Vertical(id="recent-box", classes="start-box"):
                    yield Static(Content.styled("Recent drafts", "bold"), classes="box-title")
                    yield OptionList(
                        *[
                            Option(describe_draft(self.app, p), id=str(i), disabled=not p.is_file())
                            for i, p in enumerate(self.recent)
                        ],
                        id="recent",
                        markup=False,
                    )
            with Vertical(id="train-box", classes="start-box"):
                yield Static(
                    Content.assemble(
                        ("Training", "bold"),
                        ("  practise scoring provisions, or read the lessons", MUTED),
                    ),
                    classes="box-title",
                )
                with Horizontal(classes="start-row"):
                    yield Button("Training", id="training", compact=True)
                    yield Button("Lessons", id="lessons", compact=True)

        yield KeysFooter()

    def on_mount(self) -> None:
        if self.app.session.room is not None:
            self.query_one("#room-name", Input).focus()
        for line in self.set_aside:
            self.app.notify(line, title="Set aside", severity="warning", timeout=20, markup=False)

    @on(Button.Pressed, "#training")
    def action_training(self) -> None:
        from drafter.tui.screens.train import open_training

        try:
            open_training(self.app, Mode.TRAIN)
        except UserError as exc:
            self.app.notify(exc.one_line(), title="Training", severity="error", markup=False)

    @on(Button.Pressed, "#lessons")
    def action_lessons(self) -> None:
        from drafter.tui.screens.train import open_training

        open_training(self.app, Mode.LESSONS)

    def _resume_title(self) -> Content:
        n = len(self.autosaves)
        return Content.assemble(
            ("Resume where you left off", "bold"),
            (f"  {n} unsaved draft{'s' if n != 1 else ''}, newest first", MUTED),
        )

    # -- actions --

    @on(OptionList.OptionSelected, "#unsaved")
    @on(Button.Pressed, "#resume")
    def action_resume(self) -> None:
        saved = self.autosave
        if saved is None:
            return
        saved_yaml = None
        if saved.path is not None and saved.path.is_file():
            try:
                saved_yaml = draft_to_yaml(
                    load_draft(saved.path, self.app.engine.rubric), self.app.engine.rubric
                )
            except UserError:
                saved_yaml = ""
        resumed = Opening(saved.draft, saved.path, saved.step, saved_yaml, saved.key)
        self.post_message(OpenDraft(resumed))

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        """Throw one unsaved draft away, after asking (it cannot be undone)."""
        saved = self.autosave
        if saved is None:
            return
        from drafter.tui.screens.dialogs import ConfirmScreen

        name = saved.draft.jurisdiction or "Untitled draft"
        when = storage.ago(saved.saved_at)
        question = ConfirmScreen(
            "Discard this unsaved draft?",
            f"{name}, autosaved {when}. Its changes are in no file: discarding deletes "
            "them for good.",
            yes="Discard",
        )
        self.app.push_screen(question, lambda yes: self._discarded(saved) if yes else None)

    def _discarded(self, saved: storage.Autosave) -> None:
        storage.discard_autosave(saved.key)
        self.autosaves = [a for a in self.autosaves if a.key != saved.key]
        name = saved.draft.jurisdiction or "Untitled draft"
        self.app.notify(f"Discarded the unsaved draft {name}.", markup=False)
        if not self.autosaves:
            self.query_one("#resume-box").remove()
            # After the dialog has gone and focus came back: then Start has it.
            self.call_after_refresh(self.query_one("#new", Button).focus)
            self.refresh_bindings()
            return
        box = self.query_one("#unsaved", OptionList)
        box.remove_option(saved.key)
        self.query_one("#resume-title", Static).update(self._resume_title())
        box.focus()

    @on(Button.Pressed, "#todays-law")
    def action_todays_law(self) -> None:
        from drafter.tui.screens.analyze import AnalyzeScreen

        self.app.push_screen(AnalyzeScreen())

    @on(Button.Pressed, "#new")
    def action_new(self) -> None:
        pid = self.query_one("#profile", Select).value
        info = next((p for p in self.profiles if p.id == pid), None)
        name = info.name if info is not None and info.id != GENERIC else None
        self.post_message(OpenDraft(Opening(new_draft(name))))

    def action_focus_open(self) -> None:
        self.query_one("#open-path", Input).focus()

    @on(Input.Changed, "#open-path")
    def _path_typed(self, event: Input.Changed) -> None:
        text = event.value.strip()
        status = self.query_one("#open-status", Note)
        if not text:
            status.say("")
            return
        path = self._typed_path(text, status)
        if path is None:
            return
        if path.is_dir():
            status.say(Content.styled("That is a folder; add the draft's file name.", WARN))
        elif not path.exists():
            status.say(Content.styled("No such file yet.", MUTED))
        else:
            status.say(Content.styled("Press Enter to open.", MUTED))

    @on(Input.Submitted, "#open-path")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        text = self.query_one("#open-path", Input).value.strip()
        status = self.query_one("#open-status", Note)
        if not text:
            status.say(Content.styled("Type the path of a draft file first.", ERROR))
            return
        path = self._typed_path(text, status)
        if path is not None:
            self.open_path(path)

    def _typed_path(self, text: str, status: Note) -> Path | None:
        """The path typed; in a served session only inside its own folder (else None)."""
        if not self.app.served:
            return Path(text).expanduser()
        # A served session sees only its own folder: say so, show nothing else.
        try:
            return confined_path(text)
        except UserError as exc:
            status.say(Content.styled(exc.one_line(), ERROR))
            return None

    def open_path(self, path: Path) -> None:
        status = self.query_one("#open-status", Note)
        if self.app.served:
            # Messages name the file as the session knows it, not the server's folders.
            path = Path(self.app.shown(path))
        try:
            draft = load_draft(path, self.app.engine.rubric)
        except UserError as exc:
            status.say(Content.styled(exc.one_line(), ERROR))
            return
        self.post_message(OpenDraft(Opening(draft, path.resolve())))

    @on(OptionList.OptionSelected, "#recent")
    def _open_recent(self, event: OptionList.OptionSelected) -> None:
        self.open_path(self.recent[event.option_index])
