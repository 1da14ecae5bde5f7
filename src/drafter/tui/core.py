"""The wizard's one door into the core: rubric, model language, profiles, bills.

Every screen asks this module, never the core directly, so a change in a core
signature is fixed here once. Nothing here imports textual: it is plain Python
the tests can call without a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.criteria import CriteriaStandard
from drafter.criteria_eval import evaluate_draft
from drafter.draft import Draft
from drafter.errors import UserError
from drafter.notice import Notice
from drafter.render.standards import status_brief
from drafter.rubric import COVERAGE, Rubric, load_rubric
from drafter.scoring import Scorecard, score
from drafter.tui.steps import (
    BILL_COVERAGES,
    Choice,
    ParamSpec,
    Question,
    Step,
    answer,
    chosen,
    steps_for,
)
from drafter.tui.view import (
    BILL_FIELD_LABELS,
    DraftView,
    Warning_,
    draft_warnings,
    render_bill_text,
)

if TYPE_CHECKING:
    # Imported on first use (startup reads neither); named here for the types.
    from drafter.bill import Bill
    from drafter.jurisdiction import Profile
    from drafter.language import Language


@dataclass(frozen=True)
class ProfileInfo:
    """A jurisdiction profile as the start screen lists it."""

    id: str
    name: str


# --- the core's later modules, imported on first use -------------------------


def list_profiles() -> list[ProfileInfo]:
    """Every jurisdiction profile drafter ships, generic first (from the index: none is loaded)."""
    from drafter.jurisdiction_index import list_entries

    return [ProfileInfo(e.id, e.name) for e in list_entries()]


def load_profile(name: str | None) -> Profile:
    from drafter.jurisdiction import load_profile as _load

    return _load(name)


def profile_for(
    jurisdiction: str | None, strict: bool = True, confined: bool = False
) -> tuple[Profile, str | None]:
    """The drafting style for a draft's jurisdiction, and a note when it is generic.

    A draft's jurisdiction is free text: a name with no profile drafts in the
    generic style (the note says so). A path to a profile file that cannot be
    read is the user's to fix: a UserError when `strict` (the command line),
    else the generic style with the error as the note (while typing).
    `confined` (a served session) reads a profile path only inside the
    session's folder, through the same check as every other path it names.
    """
    from drafter.jurisdiction import is_profile_path
    from drafter.jurisdiction import profile_for as _profile_for

    try:
        if confined and jurisdiction is not None and is_profile_path(jurisdiction.strip()):
            from drafter.tui.served import confined_path

            jurisdiction = str(confined_path(jurisdiction))
        return _profile_for(jurisdiction)
    except UserError as exc:
        if strict:
            raise
        return load_profile(None), exc.one_line()


@dataclass(frozen=True)
class ExportFormat:
    name: str
    #: The file name ending, with its dot: ".docx", ".annotated.md".
    extension: str
    description: str
    #: The drafter note it carries by default, or None when it takes no choice.
    note: str | None = None


def export_formats() -> tuple[ExportFormat, ...]:
    """Every format a bill can be written in, in the registry's order."""
    from drafter.render import BILL_FORMATS

    return tuple(ExportFormat(f.name, f.extension, f.description, f.note) for f in BILL_FORMATS)


#: Views an engine keeps (Engine.view).
VIEWS_KEPT = 4


class Engine:
    """The rubric, model language and drafting style a session works with."""

    def __init__(
        self,
        rubric: Rubric,
        language: Language,
        profile: Profile,
        profile_note: str | None = None,
        confined: bool = False,
        standards: tuple[CriteriaStandard, ...] | None = None,
    ) -> None:
        self.rubric = rubric
        self.language = language
        self.profile = profile
        #: Why the bill is in the generic style (a name with no profile), if it is.
        self.profile_note = profile_note
        #: A served session: profile paths only inside its own folder.
        self.confined = confined
        self.steps = steps_for(rubric)
        #: The criteria standards shown live beside the score (shipped, for this rubric).
        self.standards = standards if standards is not None else standards_for(rubric)
        #: The views of the last few drafts, newest last (see view).
        self._views: list[DraftView] = []
        #: Tier texts by step, tiers and bill, with the bill and draft (see tier_texts).
        self._tier_texts: dict[
            tuple[str, tuple[str, ...], int], tuple[Bill, Draft, dict[str, str]]
        ] = {}

    @classmethod
    def load(
        cls,
        rubric_path: str | Path | None = None,
        jurisdiction: str | None = None,
        confined: bool = False,
    ) -> Engine:
        """The shipped language and `jurisdiction`'s style on the rubric (shipped,
        or the file at `rubric_path`); `confined` for a served session."""
        from drafter.language import load_language

        if rubric_path is None and _blank(jurisdiction) and not confined:
            from drafter.tui.shipped import load_shipped

            rubric, language, profile, note, standards = load_shipped()
            return cls(rubric, language, profile, note, standards=standards)
        profile, note = profile_for(jurisdiction, confined=confined)
        engine = cls(load_rubric(rubric_path), load_language(), profile, note, confined)
        engine.jurisdiction = jurisdiction
        return engine

    #: The jurisdiction the drafting style was chosen for (None: none given).
    jurisdiction: str | None = None

    def with_profile(self, jurisdiction: str | None) -> Engine:
        """The same rubric and language in the drafting style `jurisdiction` names."""
        if _blank(jurisdiction) and _blank(self.jurisdiction):
            return self  # the generic style already
        profile, note = profile_for(jurisdiction, strict=False, confined=self.confined)
        engine = Engine(
            self.rubric, self.language, profile, note, self.confined, standards=self.standards
        )
        engine.jurisdiction = jurisdiction
        return engine

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def step_index(self, step_id: str) -> int:
        return next(i for i, s in enumerate(self.steps) if s.id == step_id)

    # -- parameters --

    @cached_property
    def parameters(self) -> dict[str, ParamSpec]:
        out: dict[str, ParamSpec] = {}
        for name, p in self.language.parameters.items():
            out[name] = ParamSpec(
                name=name,
                type=p.type,
                prompt=p.prompt,
                help=self.language.help_text(
                    name, self.profile.parameter_defaults(), self.profile.state
                ),
                default=p.default,
                placeholder=p.placeholder or name.upper(),
            )
        return out

    def parameters_for(self, draft: Draft) -> dict[str, Any]:
        """The values the draft's bill fills placeholders with (profile defaults, then its own)."""
        return dict(self.profile.parameters_for(draft))

    def default_for(self, name: str) -> Any:
        """What the bill uses for a parameter left blank: the profile's, else the language's."""
        defaults = self.profile.parameter_defaults()
        if name in defaults:
            return defaults[name]
        spec = self.parameters.get(name)
        return spec.default if spec else None

    def tier_parameters(self, step_id: str, choice_id: str | None) -> list[ParamSpec]:
        """The parameters a tier's own language asks for."""
        if choice_id is None:
            return []
        tier = self.language.tier(step_id, choice_id)
        if tier is None:
            return []
        return [self.parameters[n] for n in tier.parameters if n in self.parameters]

    @cached_property
    def bill_parameters(self) -> list[ParamSpec]:
        """Parameters no tier asks for (the state, statutes the definitions cite).

        They are asked once, on the coverage step, with the rest of what the bill
        needs to know about the state.
        """
        owned: set[str] = set()
        for step in self.steps:
            if step.id == COVERAGE:
                continue
            for choice in step.choices:
                tier = self.language.tier(step.id, choice.id)
                if tier is not None:
                    owned.update(tier.parameters)
        return [p for name, p in self.parameters.items() if name not in owned]

    def step_of_parameter(self, draft: Draft, name: str) -> str:
        """The step where a parameter is asked, given the draft's answers."""
        for step in self.steps:
            if step.id == COVERAGE:
                continue
            if any(p.name == name for p in self.tier_parameters(step.id, chosen(draft, step.id))):
                return step.id
        return COVERAGE

    def questions(self, step_id: str) -> list[Question]:
        """The yes/no parameters the standards ask on a step (from their data)."""
        out: dict[str, Question] = {}
        for standard in self.standards:
            for criterion in standard.criteria:
                for cond in criterion.requires:
                    if cond.asked_on == step_id and cond.parameter and cond.question:
                        text = " ".join(cond.question.split())
                        default = cond.default is True
                        out.setdefault(
                            cond.parameter,
                            Question(cond.parameter, text, default, standard.short_title),
                        )
        return list(out.values())

    # -- language --

    def tier_language(
        self, step_id: str, choice_id: str, draft: Draft, bill: Bill | None = None
    ) -> str:
        """The exact text a tier adds to `draft`'s bill ("" when it adds none).

        Placeholders are filled and words put as the bill does (the profile's
        defaults, then the draft's values; "this article", the prosecutor's
        name); with the draft's `bill`, a cross-reference reads as that bill
        numbers it ("subsection (f)").
        """
        return self.tier_texts(step_id, (choice_id,), draft, bill)[choice_id]

    def tier_texts(
        self, step_id: str, choice_ids: Sequence[str], draft: Draft, bill: Bill | None = None
    ) -> dict[str, str]:
        """`tier_language` for several tiers of one step: the bill's numbering,
        the effective parameters and the word forms are worked out once.

        Kept by bill for the views the engine keeps (a view's bill is its
        draft's: see view), as the wizard asks on every change, twice.
        """
        from drafter.assembly import bill_wording
        from drafter.bill import reference_words

        key = (step_id, tuple(choice_ids), id(bill))
        kept = self._tier_texts.get(key) if bill is not None else None
        if kept is not None and kept[0] is bill and kept[1] == draft:
            return dict(kept[2])
        refs = reference_words(bill) if bill is not None else None
        params = self.profile.parameters_for(draft)
        wording = bill_wording(draft, self.profile)
        texts = {
            cid: wording.statute(self.language.preview(step_id, cid, params, refs) or "")
            for cid in choice_ids
        }
        if bill is not None:
            if len(self._tier_texts) >= 4 * VIEWS_KEPT:
                self._tier_texts.clear()
            self._tier_texts[key] = (bill, draft, texts)
        return dict(texts)

    def tier_note(self, step_id: str, choice_id: str) -> tuple[str, str]:
        """Why the tier's language is worded so, and its source."""
        tier = self.language.tier(step_id, choice_id)
        if tier is None:
            return "", ""
        return " ".join(tier.note.split()), " ".join(tier.source.split())

    # -- the draft as a whole --

    def view(self, draft: Draft) -> DraftView:
        """Score and assemble a draft: what every screen shows comes from here.

        The last few are kept: comparing tiers back and forth, or undoing a
        choice, comes back to a draft just seen, and its view is what it was
        (an equal draft is the same bill; the engine's rubric, language and
        style are its own for its life).
        """
        views = self._views
        for i, kept in enumerate(views):
            if kept.draft == draft:
                views.append(views.pop(i))
                return kept if kept.draft is draft else replace(kept, draft=draft)
        found = self._view(draft)
        views.append(found)
        del views[:-VIEWS_KEPT]
        return found

    def _view(self, draft: Draft) -> DraftView:
        card = score(self.rubric, draft)
        bill, bill_error = None, None
        bill_warnings: tuple[Notice, ...] = ()
        try:
            bill = self.bill(draft, card)
        except UserError as exc:
            bill_error = exc.message
        else:
            bill_warnings = bill.warnings
        statuses = tuple(evaluate_draft(s, self.rubric, draft) for s in self.standards)
        return DraftView(
            draft=draft,
            card=card,
            bill=bill,
            bill_error=bill_error,
            warnings=draft_warnings(self, draft, card, bill_warnings),
            standards=statuses,
            standard_lines=tuple((s.met, *status_brief(s, self.rubric)) for s in statuses),
        )

    def bill(self, draft: Draft, card: Scorecard | None = None) -> Bill:
        """The draft's bill, from the same builder the command line uses."""
        from drafter.assembly import build_bill

        return build_bill(
            draft, self.rubric, self.language, card, styled=(self.profile, self.profile_note)
        )

    def export(
        self, draft: Draft, path: str | Path, fmt: str, force: bool = False, note: str | None = None
    ) -> None:
        """Write the bill through the one output path (raises OutputExists unless `force`).

        `note` is the drafter note (none, short, full); None gives the format's default.
        """
        from drafter.output import refuse_existing, write_output
        from drafter.render import render_bill

        refuse_existing(path, force)
        data = render_bill(self.bill(draft), fmt, note)
        write_output(data, path, fmt=fmt, force=force)


def _blank(jurisdiction: str | None) -> bool:
    return jurisdiction is None or not jurisdiction.strip()


def standards_for(rubric: Rubric) -> tuple[CriteriaStandard, ...]:
    from drafter.standards import shipped_criteria_for

    try:
        return shipped_criteria_for(rubric)
    except UserError:
        # A rubric of the same id with other tiers: the shipped standard cannot
        # be read against it, so the wizard shows the score alone.
        return ()


def new_draft(jurisdiction: str | None = None) -> Draft:
    """A fresh draft: covers adults (the only coverage that can earn points)."""
    return Draft(jurisdiction=jurisdiction or None, coverage="adults")


# The wizard's steps are defined in tui/steps.py; screens ask for them here.
__all__ = [
    "BILL_COVERAGES",
    "BILL_FIELD_LABELS",
    "COVERAGE",
    "Choice",
    "DraftView",
    "Engine",
    "ExportFormat",
    "ParamSpec",
    "ProfileInfo",
    "Question",
    "Step",
    "Warning_",
    "answer",
    "chosen",
    "export_formats",
    "list_profiles",
    "load_profile",
    "new_draft",
    "profile_for",
    "render_bill_text",
    "steps_for",
]
