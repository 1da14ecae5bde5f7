"""A criteria standard as data: criteria that a law meets, does not meet, or leaves unclear.

The points rubric (rubric.py) says how many points a law earns; a criteria
standard says whether it qualifies for something, such as the federal grant
preference of 34 U.S.C. 10381(c)(3). Each criterion lists conditions on the
same things a draft chooses (coverage, a category's tier, a parameter), so one
evaluator (criteria_eval.py) reads every standard, and a new standard is a new
file, never new code. A condition names the rubric's own category and tier ids;
`check_criteria` proves each one exists in the rubric the standard applies to.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, model_validator

from drafter.rubric import COVERAGE, Coverage, Rubric, Source
from drafter.yamlio import YamlDoc

#: A parameter's value as a condition names it.
Scalar = StrictBool | StrictInt | StrictStr
_ID = r"^[a-z][a-z0-9_]*$"


class _Model(BaseModel):
    # Schemas built on first validation: a start from the cache validates none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _one_tier_test(tiers: tuple[str, ...] | None, at_least: str | None) -> None:
    if (tiers is None) == (at_least is None):
        raise ValueError(
            "a category test gives either 'tiers' (a list of tier ids) or 'at_least' (one tier id)"
        )


class StatuteTest(_Model):
    """How a statute shows a parameter condition: the reader's finding that stands for it.

    A category's tier: one of `tiers`, or any tier worth at least `at_least`'s points.
    """

    category: str = Field(pattern=_ID)
    tiers: tuple[str, ...] | None = Field(default=None, min_length=1)
    at_least: str | None = None
    #: What a finding outside `tiers` means: the condition fails, or a person must look.
    otherwise: Literal["not_met", "unclear"] = "unclear"

    @model_validator(mode="after")
    def _one_way(self) -> StatuteTest:
        _one_tier_test(self.tiers, self.at_least)
        return self


class Condition(_Model):
    """One thing a criterion needs: a coverage, a tier, or a parameter's value."""

    #: What the law needs, in plain words (shown when it is missing).
    says: str = Field(min_length=1)
    coverage: tuple[Coverage, ...] | None = Field(default=None, min_length=1)
    category: str | None = Field(default=None, pattern=_ID)
    tiers: tuple[str, ...] | None = Field(default=None, min_length=1)
    at_least: str | None = None
    parameter: str | None = Field(default=None, pattern=_ID)
    #: The parameter values that meet the condition.
    values: tuple[Scalar, ...] | None = Field(default=None, min_length=1)
    #: The parameter's value when a draft does not set it.
    default: Scalar | None = None
    #: For a parameter condition: the reader finding that shows it in a statute.
    in_statute: StatuteTest | None = None
    #: For a yes/no parameter: the step (a category id, or "coverage") where the
    #: wizard asks it, and the question it asks there (true is "yes").
    asked_on: str | None = Field(default=None, pattern=_ID)
    question: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        kinds = [k for k in ("coverage", "category", "parameter") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(
                "a condition names exactly one of 'coverage', 'category' or 'parameter'"
                + (f" (this one names {' and '.join(kinds)})" if kinds else "")
            )
        if self.category is not None:
            _one_tier_test(self.tiers, self.at_least)
        elif self.tiers is not None or self.at_least is not None:
            raise ValueError("'tiers' and 'at_least' belong to a category condition")
        if self.parameter is not None and self.values is None:
            raise ValueError("a parameter condition lists the 'values' that meet it")
        if self.parameter is None and (
            self.values is not None or self.default is not None or self.in_statute is not None
        ):
            raise ValueError("'values', 'default' and 'in_statute' belong to a parameter condition")
        if (self.asked_on is None) != (self.question is None):
            raise ValueError(
                "'asked_on' and 'question' go together: where the wizard asks, and what"
            )
        if self.asked_on is not None and not all(isinstance(v, bool) for v in self.values or ()):
            raise ValueError(
                "only a yes/no parameter (values true or false) is asked by 'question'"
            )
        return self

    @property
    def kind(self) -> Literal["coverage", "category", "parameter"]:
        if self.coverage is not None:
            return "coverage"
        return "category" if self.category is not None else "parameter"

    @property
    def subject(self) -> str:
        """What the condition is about: "coverage", a category id or a parameter name."""
        return self.category or self.parameter or "coverage"


class Criterion(_Model):
    id: str = Field(pattern=_ID)
    label: str
    #: The provision of law it comes from, e.g. "34 U.S.C. 10381(c)(3)(A)(i)".
    citation: str
    #: Our plain-words reading of what the provision asks of a state's law.
    reading: str
    requires: tuple[Condition, ...] = Field(min_length=1)


class CriteriaStandard(_Model):
    format: Literal["drafter-rubric/1"]
    kind: Literal["criteria"]
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: str
    short_title: str
    #: The points rubric whose category and tier ids the conditions name.
    applies_to: str
    citation: str
    source: Source
    #: What meeting the standard does and does not mean, in plain words.
    effect: str
    criteria: tuple[Criterion, ...] = Field(min_length=1)


def tier_ids(
    rubric: Rubric, category: str, tiers: tuple[str, ...] | None, at_least: str | None
) -> tuple[str, ...]:
    """The tiers that pass a tier test, in the rubric's order (ids already checked)."""
    cat = rubric.category(category)
    if cat is None:
        return ()
    if tiers is not None:
        return tuple(t.id for t in cat.tiers if t.id in tiers)
    floor = cat.tier(at_least or "")
    if floor is None:
        return ()
    return tuple(t.id for t in cat.tiers if t.points >= floor.points)


def check_criteria(standard: CriteriaStandard, doc: YamlDoc, rubric: Rubric) -> None:
    """The rules pydantic cannot say: unique ids, and every id the rubric's own."""
    if standard.applies_to != rubric.id:
        raise doc.error(
            ("applies_to",),
            f"this standard names the tiers of {standard.applies_to!r}, but the rubric in use "
            f"is {rubric.id!r}; score with that rubric or fix applies_to",
        )
    seen: set[str] = set()
    for ci, criterion in enumerate(standard.criteria):
        if criterion.id in seen:
            raise doc.error(
                ("criteria", ci, "id"),
                f"criterion id {criterion.id!r} is used twice; criterion ids must be unique",
            )
        seen.add(criterion.id)
        for ri, cond in enumerate(criterion.requires):
            loc = ("criteria", ci, "requires", ri)
            if cond.category is not None:
                _check_tiers(doc, loc, rubric, cond.category, cond.tiers, cond.at_least)
            if cond.in_statute is not None:
                s = cond.in_statute
                _check_tiers(doc, (*loc, "in_statute"), rubric, s.category, s.tiers, s.at_least)
            asked = cond.asked_on
            if asked is not None and asked != COVERAGE and rubric.category(asked) is None:
                raise doc.error(
                    (*loc, "asked_on"),
                    f"unknown step {asked!r}; 'coverage' or one of "
                    + ", ".join(rubric.category_ids),
                )


def _check_tiers(
    doc: YamlDoc,
    loc: tuple[str | int, ...],
    rubric: Rubric,
    category: str,
    tiers: tuple[str, ...] | None,
    at_least: str | None,
) -> None:
    cat = rubric.category(category)
    if cat is None:
        raise doc.error(
            (*loc, "category"),
            f"unknown category {category!r}; {rubric.id} has: {', '.join(rubric.category_ids)}",
        )
    known = ", ".join(t.id for t in cat.tiers)
    for ti, tier in enumerate(tiers or ()):
        if cat.tier(tier) is None:
            raise doc.error(
                (*loc, "tiers", ti), f"{category}: unknown tier {tier!r}; one of {known}"
            )
    if at_least is not None and cat.tier(at_least) is None:
        raise doc.error(
            (*loc, "at_least"), f"{category}: unknown tier {at_least!r}; one of {known}"
        )


__all__ = [
    "Condition",
    "CriteriaStandard",
    "Criterion",
    "StatuteTest",
    "check_criteria",
    "tier_ids",
]
