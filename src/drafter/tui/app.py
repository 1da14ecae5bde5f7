"""The drafter app: holds the one Draft, and everything else follows from it.

Every change goes through `set_draft`: it makes the new Draft current, recomputes
the view (score, bill, warnings) and autosaves. Screens watch `view`, no widget a score.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.timer import Timer

from drafter.draft import Draft, draft_to_yaml, load_draft, save_draft
from drafter.errors import UserError
from drafter.tui import csscache, heap, storage, textguard
from drafter.tui.autosaver import AutosaveJob, Autosaver, leaving_note, take_autosave_key
from drafter.tui.commands import DrafterCommands
from drafter.tui.core import COVERAGE, DraftView, Engine, answer, new_draft
from drafter.tui.messages import OpenDraft, Opening
from drafter.tui.session import Mode, Served, Session, Training

LIGHT_THEME, DARK_THEME = "textual-light", "textual-dark"
#: Seconds of no typing before a field's change is rescored and reassembled.
TYPING_PAUSE = 0.12


class DrafterApp(App[None]):
    """Draft a criminal record relief bill and watch its Polaris 2019 score."""

    CSS_PATH = "drafter.tcss"
    TITLE = "drafter"
    COMMANDS: ClassVar = {DrafterCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+e", "export", "Export", priority=True),
    ]

    #: What every screen shows, computed from the current draft.
    view: var[DraftView | None] = var(None)

    def __init__(
        self,
        mode: Mode | str = Mode.START,
        path: str | None = None,
        jurisdiction: str | None = None,
        rubric_path: str | None = None,
        *,
        served: Served | None = None,
        categories: Sequence[str] | None = None,
        seed: int | None = None,
    ) -> None:
        """Open the app in `mode`: "open" opens the draft at `path`, "new" starts
        one for `jurisdiction`; a training mode opens the exercise set at `path`
        (kept to `categories`, shuffled by `seed`). `served` makes it a browser
        session of `drafter serve` (with the room it offers, if any)."""
        super().__init__()
        # The CSS the last run parsed, from the cache (tui/csscache.py).
        self.stylesheet = csscache.KeptStylesheet(variables=self.get_css_variables())
        textguard.install()
        mode = Mode(mode)
        self.session = Session(mode=mode, served=served)
        heap.freeze_startup()  # what is loaded by now lives as long as the app
        # Loading here, before the terminal is taken, lets a bad file or an
        # unknown jurisdiction end in the CLI's one-line error (exit 2). A
        # served session reads profile paths only inside its own folder.
        self.engine = Engine.load(rubric_path, jurisdiction, confined=served is not None)
        self.draft: Draft | None = None
        #: What a training mode opens.
        self.training = Training(path, categories, seed) if mode.training else None
        self._pending: tuple[Draft, Path | None] | None = None
        self._told_workspace = False
        self._autosaver = Autosaver(self._autosave_failed)
        #: Set while typing: the pending rescore (see set_draft).
        self._typing: Timer | None = None
        #: Said on the terminal after quitting: where unsaved work is kept.
        self.exit_note: str | None = None
        #: The last draft dumped to YAML, and its text (see draft_yaml).
        self._yaml_cache: tuple[Draft, str] | None = None
        #: When the user last pressed a key or used the mouse (heap.collect_in_pause).
        self._last_input = time.monotonic()
        if mode is Mode.OPEN and path is not None:
            draft = load_draft(path, self.engine.rubric)
            self._pending = (draft, Path(path))
        elif mode is Mode.NEW:
            name = jurisdiction
            if name and self.engine.profile_note is None:
                # A profile's own spelling ("mo" -> "Missouri"); other names as typed.
                name = self.engine.profile.name
            self._pending = (new_draft(name), None)

    @property
    def served(self) -> bool:
        """A browser session of `drafter serve` (see `Served`)."""
        return self.session.served is not None

    @property
    def path(self) -> Path | None:
        """The draft's file (None until it is saved)."""
        return self.session.path

    def shown(self, path: Path) -> str:
        """`path` as this session may show it (never the server's folders when served)."""
        from drafter.tui.served import shown

        return shown(path, self.served)

    # -- lifecycle --

    def on_mount(self) -> None:
        heap.hold_collections()  # until the first screen is drawn (DrafterScreen.on_mount)
        self.set_interval(heap.PAUSE, self._collect_in_pause)
        if self.training is not None:
            from drafter.tui.screens.train import open_training

            open_training(self, self.session.mode, self.training)
            return
        if self._pending is not None:
            draft, path = self._pending
            self._pending = None
            self.open_session(Opening(draft, path))
        else:
            from drafter.tui.screens.start import StartScreen

            self.push_screen(StartScreen())

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _collect_in_pause(self) -> None:
        heap.collect_in_pause(self._last_input)

    # -- the draft --

    @property
    def unsaved(self) -> bool:
        if self.draft is None:
            return False
        return self.draft_yaml() != self.session.saved_yaml

    def draft_yaml(self) -> str:
        """The current draft as its file would hold it (dumped once per draft).

        Asked several times per keypress (the title bar, the autosave), and a
        YAML dump is the dearest part of drafter's own work on a change.
        """
        assert self.draft is not None
        cached = self._yaml_cache
        if cached is None or cached[0] is not self.draft:
            cached = self._yaml_cache = (self.draft, draft_to_yaml(self.draft, self.engine.rubric))
        return cached[1]

    def open_session(self, opening: Opening) -> None:
        """Make the opening's draft the app's draft and show the wizard on it.

        `resume_key` is the autosave the draft was resumed from: the session
        goes on writing it, unless another drafter window has it open (then
        this one goes on as a copy, and says so).
        """
        from drafter.tui.screens.wizard import WizardScreen

        session, draft, step, path = self.session, opening.draft, opening.step, opening.path
        current_law, todays_law = opening.current_law, opening.todays_law
        if draft.starts_from is not None and current_law is None and todays_law is None:
            # A draft begun from today's law, reopened: the same law again.
            from drafter.tui.amending import restore_start

            current_law, todays_law, problem = restore_start(draft.starts_from, self.served)
            if problem:
                self.notify(
                    problem, title="Today's law", severity="warning", timeout=12, markup=False
                )
        self.engine = self.engine.with_profile(draft.jurisdiction)
        self.draft = draft
        saved_yaml = opening.saved_yaml
        if saved_yaml is None and path is not None:
            saved_yaml = draft_to_yaml(draft, self.engine.rubric)
        session.open_file(path, saved_yaml, current_law, todays_law)
        key = opening.resume_key
        session.autosave_key, copied = take_autosave_key(session.autosave_key, key, path)
        if copied:
            self.notify(
                "That draft is open in another drafter window: this one goes on with a "
                "copy of it, so neither overwrites the other.",
                title="Resumed as a copy",
                severity="warning",
                timeout=12,
            )
        self.view = self.engine.view(draft)
        index = next((i for i, s in enumerate(self.engine.steps) if s.id == step), 0)
        session.step_id = self.engine.steps[index].id
        screen = WizardScreen(step=index)
        # Whatever was open (start screen, an older session) gives way to it.
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) == 2:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_open_draft(self, message: OpenDraft) -> None:
        """A screen opened a draft (new, a file, a resumed autosave, a reading)."""
        message.stop()
        self.open_session(message.opening)

    def set_draft(self, draft: Draft, typing: bool = False) -> None:
        """Make `draft` current: rescore, reassemble, autosave.

        While the user types into a field (`typing`), the draft changes at
        once but the rescoring waits for a pause in the keys: fast typing
        never queues behind reassembly, so no key is lost or lands late.
        """
        if self.draft is not None and draft == self.draft:
            return
        self.draft = draft
        if self._typing is not None:
            self._typing.stop()
            self._typing = None
        if typing:
            self._typing = self.set_timer(TYPING_PAUSE, self._refresh_view)
        else:
            self._refresh_view()

    def _refresh_view(self) -> None:
        """Recompute what every screen shows from the current draft."""
        self._typing = None
        draft = self.draft
        if draft is None:
            return
        if self.view is None or draft.jurisdiction != self.view.draft.jurisdiction:
            self.engine = self.engine.with_profile(draft.jurisdiction)
        self.view = self.engine.view(draft)
        self.autosave()

    def answer(self, step_id: str, choice_id: str) -> None:
        assert self.draft is not None
        self.set_draft(answer(self.draft, step_id, choice_id, self.engine.rubric))

    def set_jurisdiction(self, name: str | None, typing: bool = False) -> None:
        assert self.draft is not None
        self.set_draft(self.draft.model_copy(update={"jurisdiction": name}), typing)

    def set_bill_target(self, field: str, value: str | None, typing: bool = False) -> None:
        """Set the bill's section, chapter or code."""
        assert self.draft is not None
        bill = self.draft.bill.model_copy(update={field: value})
        self.set_draft(self.draft.model_copy(update={"bill": bill}), typing)

    def set_parameter(self, name: str, value: object, typing: bool = False) -> None:
        assert self.draft is not None
        self.set_draft(self.draft.with_parameter(name, value), typing)

    def note_step(self, step_id: str) -> None:
        """Remember where the user is, so a resumed session opens there."""
        self.session.step_id = step_id
        if self.draft is not None and self.unsaved:
            self.autosave()

    def autosave(self) -> None:
        """Record the session in user_data_dir()/autosave.yaml, off the UI thread."""
        if self.draft is None:
            return
        session = self.session
        self._autosaver.submit(
            AutosaveJob(
                self.draft,
                self.engine.rubric,
                session.path,
                session.step_id,
                self.unsaved,
                session.autosave_key,
                self.draft_yaml(),
            )
        )

    def _autosave_failed(self, exc: Exception) -> None:
        """Said from the writer thread: the autosave could not be written."""
        self.call_from_thread(
            self.notify, f"Autosave failed: {exc}", severity="warning", markup=False
        )

    def on_unmount(self) -> None:
        if self._typing is not None:
            # Quitting mid-word: the last keys are kept all the same.
            self._typing.stop()
            self._typing = None
            self.autosave()
        self._autosaver.close()
        self.exit_note = leaving_note(
            self.draft, self.path, self.session.autosave_key, self.unsaved, self.served
        )
        storage.release(self.session.autosave_key)
        # What was parsed after the first screen (fields mounted later, dialogs).
        csscache.keep(self.stylesheet)
        heap.thaw()

    # -- saving --

    def save_to(self, path: Path) -> None:
        """Write the draft file atomically and remember it as the draft's file."""
        assert self.draft is not None
        save_draft(self.draft, path, self.engine.rubric)
        self.session.saved_to(path, self.draft_yaml())
        self.autosave()
        # The title bar shows "unsaved changes"; redraw it.
        self.mutate_reactive(DrafterApp.view)
        if self.served and not self._told_workspace:
            from drafter.tui.served import workspace_note

            self._told_workspace = True
            self.notify(
                workspace_note(), title=f"Saved {self.shown(path)}", timeout=20, markup=False
            )
        else:
            self.notify(f"Saved {self.shown(path)}", markup=False)

    def action_save(self) -> None:
        if self.draft is None:
            return
        if self.path is None:
            self.action_save_as()
            return
        if self.session.ask_before_replacing():
            self.notify(
                f"{self.shown(self.path)} changed on disk since you opened it. Press ctrl+s "
                "again to replace it with this draft, or save under another name (ctrl+p, "
                "Save draft as).",
                title="Not saved yet",
                severity="warning",
                timeout=15,
                markup=False,
            )
            return
        try:
            self.save_to(self.path)
        except UserError as exc:
            self.notify(exc.one_line(), title="Not saved", severity="error", markup=False)

    def action_save_as(self) -> None:
        if self.draft is None:
            return
        from drafter.tui.screens.dialogs import SaveAsScreen

        self.push_screen(SaveAsScreen(self.suggested_path(".yaml")))

    def suggested_path(self, suffix: str) -> Path:
        """A file name next to the draft (or here) named for the jurisdiction."""
        return self.session.suggested_path(suffix, self.draft.jurisdiction if self.draft else None)

    def action_export(self, initial: str | None = None) -> None:
        if self.draft is None:
            return
        from drafter.tui.screens.export import ExportScreen

        self.push_screen(ExportScreen(initial))

    def action_export_amending(self) -> None:
        """The export dialog on the amending bill (after "Start from today's law")."""
        self.action_export("amend:docx")

    def action_review(self) -> None:
        if self.draft is None:
            return
        from drafter.tui.screens.review import ReviewScreen

        if not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen())

    def goto(self, step_id: str) -> None:
        """Show the wizard at a step, from anywhere (review, the palette)."""
        from drafter.tui.screens.wizard import WizardScreen

        while not isinstance(self.screen, WizardScreen) and len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, WizardScreen):
            self.screen.goto(step_id)
        else:
            self.call_after_refresh(self._goto_later, step_id)

    def _goto_later(self, step_id: str) -> None:
        from drafter.tui.screens.wizard import WizardScreen

        if isinstance(self.screen, WizardScreen):
            self.screen.goto(step_id)

    def action_advice(self) -> None:
        """What raises the draft's grade: ranked changes, a target, locks."""
        from drafter.tui.screens.advice import open_advice

        open_advice(self)

    def action_start_screen(self) -> None:
        from drafter.tui.screens.start import StartScreen

        self.push_screen(StartScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"save", "export"}:
            return self.draft is not None and not self.screen.is_modal
        return True

    # -- themes --

    def action_toggle_dark(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME


__all__ = ["COVERAGE", "DrafterApp"]
