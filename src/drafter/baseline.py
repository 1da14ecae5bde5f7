"""Baselines: where a state stands today, as a Draft the scorer and advisor take.

A baseline comes from one of three places, told apart by what the argument is:

- a draft file (`format: drafter/1`);
- a jurisdiction profile, by name ("Missouri", "mo") or as a profile file
  (`format: drafter-jurisdiction/1`), whose `current_law` becomes a draft;
- a statute's text (.txt, .md, .docx, .html, or "-" for standard input), analyzed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from drafter.criteria_eval import (
    COVERAGE,
    FindingLike,
    StandardStatus,
    evaluate_draft,
    evaluate_reading,
)
from drafter.draft import Draft, StartsFrom, check_choice, draft_from_doc
from drafter.errors import UserError
from drafter.rubric import Rubric
from drafter.statute_kinds import STATUTE_ENDINGS, STATUTE_SUFFIXES
from drafter.yamlio import load_yaml

if TYPE_CHECKING:
    from drafter.criteria import CriteriaStandard
    from drafter.jurisdiction import Profile
    from drafter.reader import Analysis

Kind = Literal["draft", "profile", "statute"]
_YAML = (".yaml", ".yml")


@dataclass(frozen=True)
class Baseline:
    draft: Draft
    #: What to call it: the jurisdiction, or the file's stem.
    name: str
    kind: Kind
    source: str
    analysis: Analysis | None = None
    profile: Profile | None = None


def profile_draft(profile: Profile, rubric: Rubric) -> Draft:
    """A profile's recorded current law as a draft (open where nothing is recorded)."""
    law = profile.current_law
    if law is None and profile.law is not None and profile.law.status == "unknown":
        raise UserError(
            profile.path or profile.name,
            f"{profile.name}: status unknown ({profile.law.status_note}); analyze its "
            "statute's text (drafter analyze FILE --save DRAFT.yaml) or write a draft file",
        )
    if law is None:
        raise UserError(
            profile.path or profile.name,
            f"{profile.name} has no current law recorded; analyze its statute "
            "(drafter analyze FILE --save DRAFT.yaml) or write a draft file",
        )
    choices: dict[str, str] = {}
    for category, entry in law.tiers.items():
        try:
            choices[category] = check_choice(rubric, law.coverage, category, entry.tier)
        except UserError as exc:
            raise UserError(profile.path or profile.name, f"current_law: {exc.message}") from None
    return Draft(
        jurisdiction=profile.name,
        starts_from=StartsFrom(law=profile.name),
        coverage=law.coverage,
        choices=choices,
        notes=f"Current law: {law.citation} ({law.source}).",
    )


def load_baseline(arg: str, rubric: Rubric) -> Baseline:
    """Resolve a draft file, a profile (name or file) or a statute text into a Baseline."""
    from drafter.jurisdiction import load_profile, load_profile_file

    if arg == "-":
        return _statute(arg, rubric)
    path = Path(arg)
    suffix = path.suffix.casefold()
    if path.exists() or suffix in _YAML or suffix in STATUTE_SUFFIXES or "/" in arg or "\\" in arg:
        if suffix in _YAML:
            doc = load_yaml(path, "draft or profile file")
            if isinstance(doc.data, dict) and str(doc.data.get("format", "")).startswith(
                "drafter-jurisdiction/"
            ):
                profile = load_profile_file(path)
                return Baseline(
                    profile_draft(profile, rubric), profile.name, "profile", arg, profile=profile
                )
            draft = draft_from_doc(doc, rubric)
            return Baseline(
                draft,
                draft.jurisdiction or path.stem,
                "draft",
                arg,
                profile=started_profile(draft.starts_from),
            )
        return _statute(arg, rubric)
    try:
        profile = load_profile(arg)
    except UserError:
        raise UserError(
            arg,
            "no such file, and not a jurisdiction profile's name; give a draft (.yaml), a "
            f"statute ({STATUTE_ENDINGS}) or a profile name such as Missouri",
        ) from None
    return Baseline(profile_draft(profile, rubric), profile.name, "profile", arg, profile=profile)


def started_profile(starts: StartsFrom | None) -> Profile | None:
    """The profile whose recorded law a draft started from (`starts_from: law:`), so
    advice on the draft reads that law's open and arguable calls as it did then;
    None for a draft begun afresh, from a statute file, or from a profile since
    removed (the draft is then read as it stands)."""
    from drafter.jurisdiction import load_profile

    if starts is None or starts.law is None:
        return None
    try:
        return load_profile(starts.law)
    except UserError:
        return None


def _statute(arg: str, rubric: Rubric) -> Baseline:
    from drafter.reader import analyze_file

    analysis = analyze_file(arg, rubric)
    name = "pasted statute" if arg == "-" else Path(arg).stem
    return Baseline(analysis.draft(rubric), name, "statute", arg, analysis=analysis)


def reading_findings(analysis: Analysis) -> dict[str, FindingLike]:
    """The reader's public results as a criteria standard reads them: id -> finding."""
    found: dict[str, FindingLike] = {f.category: f for f in analysis.findings}
    found[COVERAGE] = analysis.coverage
    return found


def standard_status(standard: CriteriaStandard, rubric: Rubric, base: Baseline) -> StandardStatus:
    """A law's status against a criteria standard.

    A statute is judged from the reader's findings (with their confidence and
    quotes); a draft, or a profile's recorded law, from its coverage, tiers and
    parameters.
    """
    if base.analysis is not None:
        return evaluate_reading(standard, rubric, reading_findings(base.analysis))
    return evaluate_draft(standard, rubric, base.draft)


__all__ = [
    "Baseline",
    "load_baseline",
    "profile_draft",
    "reading_findings",
    "standard_status",
    "started_profile",
]
