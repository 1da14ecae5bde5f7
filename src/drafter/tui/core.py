"""The wizard's one door into the core: rubric, model language, profiles, bills.

Every screen asks this module, never the core directly, so a change in a core
signature is fixed here once. Nothing here imports textual: it is plain Python
the tests can call without a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from drafter.criteria import CriteriaStandard
from drafter.criteria_eval import Met, StandardStatus, evaluate_draft
from drafter.draft import Draft
from drafter.errors import UserError
from drafter.notice import Notice
from drafter.render.standards import status_brief
from drafter.rubric import COVERAGE, COVERAGES, Category, Rubric, load_rubric
from drafter.scoring import Scorecard, score

#: The bill target's fields as the About-the-bill step names them.
BILL_FIELD_LABELS = {"section": "Section number", "chapter": "Chapter", "code": "Code"}

#: Coverages a bill can have. `none` describes a state without a statute.
BILL_COVERAGES = ("adults", "minors_only")


@dataclass(frozen=True)
class ParamSpec:
    """A placeholder the model language needs filled (`{court}` and the like)."""

    name: str
    type: str  # text | number | list
    prompt: str
    help: str = ""
    default: Any = None
    placeholder: str = ""


@dataclass(frozen=True)
class ProfileInfo:
    """A jurisdiction profile as the start screen lists it."""

    id: str
    name: str


@dataclass(frozen=True)
class Choice:
    """One answer the user can give on a step: a tier, or a coverage."""

    id: str
    label: str
    #: Points it earns (None on the coverage step, which earns nothing itself).
    points: int | None
    criterion: str


@dataclass(frozen=True)
class Step:
    """A page of the wizard: the coverage gate, or one rubric category."""

    id: str
    title: str
    short: str
    why: str
    choices: tuple[Choice, ...]
    max: int | None = None

    def choice(self, choice_id: str | None) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


@dataclass(frozen=True)
class Question:
    """A yes/no draft parameter a criteria standard reads, asked on one step."""

    name: str
    text: str
    #: The value a draft that does not say has.
    default: bool
    #: The standard that reads it ("Federal 10381(c)(3)").
    standard: str


@dataclass(frozen=True)
class Warning_:
    """Something the user still owes, and the step where they can settle it."""

    text: str
    step: str | None


@dataclass(frozen=True)
class DraftView:
    """Everything the screens show, computed from one Draft at once."""

    draft: Draft
    card: Scorecard
    #: The assembled bill (None when none can be assembled, e.g. coverage none).
    bill: Any
    #: Why there is no bill.
    bill_error: str | None
    warnings: tuple[Warning_, ...] = field(default=())
    #: The draft against each criteria standard the rubric has (the federal preference).
    standards: tuple[StandardStatus, ...] = field(default=())
    #: Each standard in brief, as the score panel shows it: met, headline, what is missing.
    standard_lines: tuple[tuple[Met, str, str], ...] = field(default=())

    def bill_text(self, width: int = 72) -> str:
        """The bill as plain text wrapped at `width` ("" when there is no bill)."""
        if self.bill is None:
            return ""
        return render_bill_text(self.bill, width)


def steps_for(rubric: Rubric) -> tuple[Step, ...]:
    """Coverage first, then every category in the rubric's order."""
    cov = rubric.coverage
    coverage = Step(
        id=COVERAGE,
        title="Who the law covers",
        short="Coverage",
        why=(
            "The rubric credits only relief for survivors arrested or prosecuted as "
            "adults. A law that reaches only people who were minors at the time scores "
            "0 in every category and cannot be ranked, whatever else it says."
        ),
        choices=tuple(
            Choice(c, cov[c].label, None, " ".join(cov[c].description.split()))
            for c in BILL_COVERAGES
            if c in cov
        ),
    )
    return (coverage, *(_category_step(c) for c in rubric.categories))


def _category_step(cat: Category) -> Step:
    return Step(
        id=cat.id,
        title=cat.title,
        short=cat.short,
        why=" ".join(cat.why.split()),
        choices=tuple(
            Choice(t.id, t.label, t.points, " ".join(t.criterion.split()))
            for t in cat.statute_tiers
        ),
        max=cat.max,
    )


def chosen(draft: Draft, step_id: str) -> str | None:
    """The answer the draft holds for a step."""
    if step_id == COVERAGE:
        return draft.coverage
    return draft.choices.get(step_id)


def answer(draft: Draft, step_id: str, choice_id: str, rubric: Rubric) -> Draft:
    """A new draft with one step answered (a coverage, or a category's tier)."""
    if step_id != COVERAGE:
        return draft.choose(step_id, choice_id)
    if choice_id not in COVERAGES:
        raise ValueError(f"not a coverage: {choice_id!r}")
    return draft.with_coverage(choice_id, rubric)


# --- the core's later modules, imported on first use -------------------------


def list_profiles() -> list[ProfileInfo]:
    """Every jurisdiction profile drafter ships, generic first (from the index: none is loaded)."""
    from drafter.jurisdiction_index import list_entries

    return [ProfileInfo(e.id, e.name) for e in list_entries()]


def load_profile(name: str | None) -> Any:
    from drafter.jurisdiction import load_profile as _load

    return _load(name)


def profile_for(
    jurisdiction: str | None, strict: bool = True, confined: bool = False
) -> tuple[Any, str | None]:
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


def render_bill_text(bill: Any, width: int = 72) -> str:
    """The bill as plain text (the preview and the review screen show this)."""
    from drafter.render.text import render_text

    return render_text(bill, width=max(40, width))


class Engine:
    """The rubric, model language and drafting style a session works with."""

    def __init__(
        self,
        rubric: Rubric,
        language: Any,
        profile: Any,
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
        self.standards = standards if standards is not None else _standards_for(rubric)

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

        profile, note = profile_for(jurisdiction, confined=confined)
        return cls(load_rubric(rubric_path), load_language(), profile, note, confined)

    def with_profile(self, jurisdiction: str | None) -> Engine:
        """The same rubric and language in the drafting style `jurisdiction` names."""
        profile, note = profile_for(jurisdiction, strict=False, confined=self.confined)
        return Engine(
            self.rubric, self.language, profile, note, self.confined, standards=self.standards
        )

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

    def tier_language(self, step_id: str, choice_id: str, params: dict[str, Any]) -> str:
        """The exact text a tier adds to the bill ("" when it adds none)."""
        return self.language.preview(step_id, choice_id, params) or ""

    def tier_note(self, step_id: str, choice_id: str) -> tuple[str, str]:
        """Why the tier's language is worded so, and its source."""
        tier = self.language.tier(step_id, choice_id)
        if tier is None:
            return "", ""
        note = " ".join((getattr(tier, "note", "") or "").split())
        source = " ".join((getattr(tier, "source", "") or "").split())
        return note, source

    # -- the draft as a whole --

    def view(self, draft: Draft) -> DraftView:
        """Score and assemble a draft: what every screen shows comes from here."""
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
            warnings=self._warnings(draft, card, bill_warnings),
            standards=statuses,
            standard_lines=tuple((s.met, *status_brief(s, self.rubric)) for s in statuses),
        )

    def bill(self, draft: Draft, card: Scorecard | None = None) -> Any:
        """The draft's bill, from the same builder the command line uses."""
        from drafter.assembly import build_bill

        return build_bill(
            draft, self.rubric, self.language, card, styled=(self.profile, self.profile_note)
        )

    def _warnings(
        self, draft: Draft, card: Scorecard, bill_warnings: Sequence[Notice]
    ) -> tuple[Warning_, ...]:
        """What is left, each with the step that settles it.

        Unranked and open categories come from the scorecard; the bill's own
        warnings (unfilled parameters, an unset section number) go to the step
        that asks for them, by their kind and subject. The generic-style note
        is shown on the wizard itself, so it is not repeated here.
        """
        out: list[Warning_] = []
        for note in card.notes:
            if note.kind == "unrankable":
                out.append(Warning_(note.text, COVERAGE))
        for cat_id in card.open:
            title = self.step(cat_id).title
            out.append(Warning_(f"{title}: no tier chosen yet (earns 0).", cat_id))
        for notice in bill_warnings:
            name = notice.subject or ""
            if notice.kind == "unfilled_parameter" and name in self.parameters:
                out.append(self._unfilled_warning(draft, name))
            elif notice.kind == "unset_field":
                out.append(self._unset_warning(draft, name))
            elif notice.kind in ("open_category", "generic_style"):
                continue  # listed above, from the scorecard; or shown on the wizard
            else:
                out.append(Warning_(notice.text, None))
        return tuple(out)

    def _unfilled_warning(self, draft: Draft, name: str) -> Warning_:
        spec = self.parameters[name]
        return Warning_(
            f"{spec.prompt}: not filled in; the bill shows [{spec.placeholder}].",
            self.step_of_parameter(draft, name),
        )

    def _unset_warning(self, draft: Draft, name: str) -> Warning_:
        """A bill field (section, chapter, code) or a parameter the title needs."""
        if name in self.parameters:
            return self._unfilled_warning(draft, name)
        label = BILL_FIELD_LABELS.get(name, name.replace("_", " ").capitalize())
        step = COVERAGE if name in BILL_FIELD_LABELS else None
        shown = name.upper().replace("_", " ")
        return Warning_(f"{label}: not set; the bill shows [{shown}].", step)

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


def _standards_for(rubric: Rubric) -> tuple[CriteriaStandard, ...]:
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
