"""The fields a step asks for: the chosen tier's blanks, the bill's facts, yes/no questions.

A field is mounted the first time its step shows it and is then shown or
hidden, never rebuilt: quick keys never race a rebuild, and what was typed
stays where it was typed. Nothing is mounted for a step before it is shown.

One exception: the coverage step's long form (the bill's facts, some sixty
widgets) is unmounted when the user goes on to another step, if every field
shows just what the draft holds (nothing half typed, nothing refused), and
built again from the draft on coming back. Hidden, its widgets were still
visited by every restyle and message sweep of the screen, a good part of each
keypress on the other steps.
"""

from __future__ import annotations

from textual.containers import Vertical
from textual.widget import AwaitMount, Widget

from drafter.draft import Draft
from drafter.tui.core import COVERAGE, Engine, ParamSpec, Question, Step
from drafter.tui.widgets.aboutfield import ABOUT_FIELDS, AboutField
from drafter.tui.widgets.flagfield import FlagField
from drafter.tui.widgets.note import Note
from drafter.tui.widgets.paramfield import ParamField


class StepFields:
    """Which fields the boxes under the tiers hold, by key, and which show."""

    def __init__(self, params: Vertical, about: Vertical, flags: Vertical) -> None:
        self._params, self._about, self._flags = params, about, flags
        self._fields: dict[str, Widget] = {}
        #: What the last call showed: the same again touches no widget.
        self._shown: tuple[str, ...] | None = None
        self.profile_note: Note | None = None
        #: While set, the bill's own fields (the coverage step's long form
        #: below the tiers) are not mounted yet: the first frame goes up
        #: without them, and they come the moment after (WizardScreen._settle).
        self.hold_bill_fields = False
        #: The last fields mounted, until they are (what Tab waits for).
        self.mounting: AwaitMount | None = None
        #: The keys of the coverage step's long form, while it is mounted.
        self._bill_keys: list[str] = []
        #: The step last shown.
        self._step: str | None = None

    def show(self, engine: Engine, draft: Draft, step: Step, pick: str | None) -> bool:
        """Show the fields `step` asks for with `pick` chosen; True if any are the tier's."""
        tier_specs = engine.tier_parameters(step.id, pick)
        about = step.id == COVERAGE
        if not about and step.id != self._step:
            self._release_bill_fields(draft)
        self._step = step.id
        bill_specs = engine.bill_parameters if about else []
        questions = engine.questions(step.id)
        wanted = self._ensure(self._params, draft, engine, tier_specs, about=False)
        wanted += self._ensure(self._about, draft, engine, bill_specs, about=about)
        wanted += self._ensure_flags(draft, questions)
        shown = tuple(wanted)
        if shown != self._shown:
            self._shown = shown
            for key, field in self._fields.items():
                field.display = key in shown
            self._params.display = bool(tier_specs)
            self._about.display = about
            self._flags.display = bool(questions)
        return bool(tier_specs)

    def _ensure(
        self, box: Vertical, draft: Draft, engine: Engine, specs: list[ParamSpec], about: bool
    ) -> list[str]:
        """Mount the fields not mounted yet (once); return the keys to show."""
        keys: list[str] = []
        new: list[Widget] = []
        held = about and self.hold_bill_fields
        for kind in ABOUT_FIELDS if about else ():
            key = f"about-{kind}"
            keys.append(key)
            if key not in self._fields and not held:
                value = draft.jurisdiction if kind == "jurisdiction" else getattr(draft.bill, kind)
                self._fields[key] = AboutField(kind, value)
                new.append(self._fields[key])
        for spec in specs:
            key = f"param-field-{spec.name}"
            keys.append(key)
            if key not in self._fields and not held:
                self._fields[key] = ParamField(
                    spec, draft.parameters.get(spec.name), engine.default_for(spec.name), id=key
                )
                new.append(self._fields[key])
        if new:
            self.mounting = box.mount_all(new)
            if about:
                self._bill_keys += [key for key in keys if self._fields.get(key) in new]
        return keys

    def _release_bill_fields(self, draft: Draft) -> None:
        """Unmount the coverage step's long form if every field shows what the draft holds."""
        fields = [self._fields[key] for key in self._bill_keys]
        if not fields:
            return
        for field in fields:
            if isinstance(field, AboutField):
                kind = field.kind
                value = draft.jurisdiction if kind == "jurisdiction" else getattr(draft.bill, kind)
                if not field.holds(value):
                    return
            elif isinstance(field, ParamField) and not field.holds(
                draft.parameters.get(field.spec.name)
            ):
                return
        for key in self._bill_keys:
            del self._fields[key]
        self._bill_keys = []
        self.profile_note = None
        self._shown = None
        self._about.remove_children()

    def _ensure_flags(self, draft: Draft, questions: list[Question]) -> list[str]:
        """The standards' yes/no questions (documentation_required): mounted once."""
        keys: list[str] = []
        new: list[Widget] = []
        for q in questions:
            key = f"flag-{q.name}"
            keys.append(key)
            if key not in self._fields:
                self._fields[key] = FlagField(q, draft.parameters.get(q.name))
                new.append(self._fields[key])
        if new:
            self._flags.mount_all(new)
        return keys

    def find_profile_note(self) -> Note | None:
        """The note under the jurisdiction field, once that field is mounted."""
        if self.profile_note is None:
            field = self._fields.get("about-jurisdiction")
            notes = field.query("#profile-note") if field is not None else None
            self.profile_note = notes.first(Note) if notes else None
        return self.profile_note
