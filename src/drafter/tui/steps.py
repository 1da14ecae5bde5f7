"""The wizard's pages: the coverage gate, then one step per rubric category.

A Step is what a page asks (its choices: coverages, or a category's tiers);
a ParamSpec is a placeholder the model language needs filled, a Question a
yes/no fact a criteria standard reads. Plain Python, no textual: the screens
and the tests read the same steps (through `drafter.tui.core`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from drafter.draft import Draft
from drafter.rubric import COVERAGE, COVERAGES, Category, Rubric

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


__all__ = [
    "BILL_COVERAGES",
    "Choice",
    "ParamSpec",
    "Question",
    "Step",
    "answer",
    "chosen",
    "steps_for",
]
