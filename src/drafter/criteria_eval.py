"""Does a law meet a criteria standard? Met, not met, or unclear, with what is missing.

Both directions read the same data: a draft is judged by its coverage, tiers
and parameters (`evaluate_draft`); a statute by the reader's findings for the
same categories (`evaluate_reading`), each carrying the finding's confidence
and quoted evidence. Nothing here knows any criterion's id: a new standard is a
new data file. Pure and fast: the wizard calls it on every keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from drafter.criteria import Condition, CriteriaStandard, Scalar, tier_ids
from drafter.draft import Draft
from drafter.rubric import COVERAGE, Rubric

#: What a condition or criterion comes to: True met, False not met, None unclear.
Met = bool | None


class QuoteLike(Protocol):
    @property
    def quote(self) -> str: ...
    @property
    def role(self) -> str: ...


class FindingLike(Protocol):
    """What the reader's public findings give (drafter's reader Finding has these)."""

    @property
    def tier(self) -> str | None: ...
    @property
    def confidence(self) -> str: ...
    @property
    def candidates(self) -> tuple[str, ...]: ...
    @property
    def evidence(self) -> Sequence[QuoteLike]: ...


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a condition is met: what the law has, and (for a statute) the words showing it."""

    subject: str
    value: Scalar | None
    #: "draft" for a draft's choice; the reader's confidence for a statute.
    confidence: str
    quote: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "value": self.value,
            "confidence": self.confidence,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Missing:
    """A condition not met (or unclear): what the law has, and what would meet it."""

    subject: str
    kind: Literal["coverage", "category", "parameter"]
    #: What the law has now (None when the draft leaves it open or the reader found nothing).
    have: Scalar | None
    #: The tiers, coverages or values that would meet the condition.
    meet_with: tuple[Scalar, ...]
    #: The standard's own words for what is needed.
    says: str
    #: False: the law fails it; None: a person must decide (open, ambiguous, not found).
    met: Met

    def to_json(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "kind": self.kind,
            "have": self.have,
            "meet_with": list(self.meet_with),
            "says": self.says,
            "met": self.met,
        }


@dataclass(frozen=True, slots=True)
class CriterionStatus:
    id: str
    label: str
    citation: str
    met: Met
    missing: tuple[Missing, ...]
    evidence: tuple[Evidence, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "citation": self.citation,
            "met": self.met,
            "missing": [m.to_json() for m in self.missing],
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class StandardStatus:
    id: str
    title: str
    short_title: str
    citation: str
    #: What meeting it does and does not mean (the standard's own words).
    effect: str
    #: "draft" or "statute": what was judged.
    basis: Literal["draft", "statute"]
    met: Met
    criteria: tuple[CriterionStatus, ...]

    @property
    def unmet(self) -> tuple[CriterionStatus, ...]:
        """The criteria not met or unclear, in the standard's order."""
        return tuple(c for c in self.criteria if c.met is not True)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "citation": self.citation,
            "basis": self.basis,
            "met": self.met,
            "criteria": [c.to_json() for c in self.criteria],
        }


def combine(results: Sequence[Met]) -> Met:
    """All met: met; any not met: not met; otherwise unclear."""
    if any(r is False for r in results):
        return False
    if all(r is True for r in results):
        return True
    return None


def _passing(rubric: Rubric, cond: Condition) -> tuple[Scalar, ...]:
    if cond.kind == "coverage":
        return tuple(cond.coverage or ())
    if cond.kind == "category":
        return tier_ids(rubric, cond.subject, cond.tiers, cond.at_least)
    return tuple(cond.values or ())


# A condition's outcome: met, and the evidence (when met) or what is missing.
_Outcome = tuple[Met, Evidence | None, Missing | None]


def _outcome(
    rubric: Rubric,
    cond: Condition,
    have: Scalar | None,
    met: Met,
    confidence: str,
    quote: str | None,
) -> _Outcome:
    if met is True:
        return True, Evidence(cond.subject, have, confidence, quote), None
    missing = Missing(cond.subject, cond.kind, have, _passing(rubric, cond), cond.says, met)
    return met, None, missing


def _draft_condition(rubric: Rubric, cond: Condition, draft: Draft) -> _Outcome:
    have: Scalar | None
    if cond.kind == "coverage":
        have = draft.coverage
    elif cond.kind == "category":
        have = draft.choices.get(cond.subject)
        if have is None:
            # An open category: the draft has not said yet.
            return _outcome(rubric, cond, None, None, "draft", None)
    else:
        value = draft.parameters.get(cond.subject, cond.default)
        have = value if isinstance(value, (bool, int, str)) else None
    return _outcome(rubric, cond, have, _member(have, _passing(rubric, cond)), "draft", None)


def _member(have: Scalar | None, passing: tuple[Scalar, ...]) -> bool:
    # Strict: a parameter set to 0 is not `false`, nor 1 `true`.
    return any(type(have) is type(v) and have == v for v in passing)


def _reading_condition(
    rubric: Rubric, cond: Condition, findings: Mapping[str, FindingLike]
) -> _Outcome:
    if cond.kind != "coverage":
        gated = _gated(rubric, cond, findings)
        if gated is not None:
            return gated
    if cond.kind == "parameter":
        return _stand_in_condition(rubric, cond, findings)
    finding = findings.get(cond.subject)
    if finding is None or finding.tier is None:
        return _outcome(rubric, cond, None, None, "not found", None)
    met = _read_met(finding, _passing(rubric, cond), otherwise=False)
    return _outcome(rubric, cond, finding.tier, met, finding.confidence, _quote(finding))


def _gated(rubric: Rubric, cond: Condition, findings: Mapping[str, FindingLike]) -> _Outcome | None:
    """Not met, for want of a statute for adults, when the coverage the reader found earns nothing.

    The rubric's gate scores every category of a minors-only law, or of no law, at 0;
    its categories then say nothing a criterion could rely on, so the criterion is
    not met (rather than unclear), and what is missing is the coverage.
    """
    found = findings.get(COVERAGE)
    have = found.tier if found is not None else None
    rule = next((r for c, r in rubric.coverage.items() if c == have), None)
    if rule is None or rule.rankable:
        return None
    rankable = tuple(c for c, r in rubric.coverage.items() if r.rankable)
    says = f"{cond.says} (not possible under this law: {rule.reason or rule.label})"
    return False, None, Missing(COVERAGE, "coverage", have, rankable, says, False)


def _stand_in_condition(
    rubric: Rubric, cond: Condition, findings: Mapping[str, FindingLike]
) -> _Outcome:
    """A parameter in a statute: the reader finding the standard names stands in for it."""
    s = cond.in_statute
    if s is None:
        # A fact no reader finding shows: a person must check the statute.
        return _outcome(rubric, cond, None, None, "not found", None)
    passing: tuple[Scalar, ...] = tier_ids(rubric, s.category, s.tiers, s.at_least)
    finding = findings.get(s.category)
    have = finding.tier if finding is not None else None
    met: Met = None
    if finding is not None and have is not None:
        met = _read_met(finding, passing, otherwise=False if s.otherwise == "not_met" else None)
    if met is True and finding is not None:
        value = cond.values[0] if cond.values else None
        return True, Evidence(cond.subject, value, finding.confidence, _quote(finding)), None
    # What is missing is what the reader read: the stand-in category's tier.
    return met, None, Missing(s.category, "category", have, passing, cond.says, met)


def _read_met(finding: FindingLike, passing: tuple[Scalar, ...], otherwise: Met) -> Met:
    read = finding.candidates or (finding.tier,)
    if all(t in passing for t in read):
        return True
    if any(t in passing for t in read):
        return None  # ambiguous readings on both sides of the line
    return otherwise


def _quote(finding: FindingLike) -> str | None:
    return next((e.quote for e in finding.evidence if e.role in ("match", "support")), None)


def _unique_coverage(missing: Iterable[Missing]) -> tuple[Missing, ...]:
    # The coverage a law lacks is said once per criterion, however many conditions it gates.
    out: list[Missing] = []
    for m in missing:
        if m.kind != "coverage" or not any(o.kind == "coverage" for o in out):
            out.append(m)
    return tuple(out)


def _status(
    standard: CriteriaStandard,
    basis: Literal["draft", "statute"],
    judge: Any,
) -> StandardStatus:
    out: list[CriterionStatus] = []
    for criterion in standard.criteria:
        outcomes: list[_Outcome] = [judge(cond) for cond in criterion.requires]
        out.append(
            CriterionStatus(
                id=criterion.id,
                label=criterion.label,
                citation=criterion.citation,
                met=combine([o[0] for o in outcomes]),
                missing=_unique_coverage(o[2] for o in outcomes if o[2] is not None),
                evidence=tuple(o[1] for o in outcomes if o[1] is not None),
            )
        )
    return StandardStatus(
        id=standard.id,
        title=standard.title,
        short_title=standard.short_title,
        citation=standard.citation,
        effect=standard.effect,
        basis=basis,
        met=combine([c.met for c in out]),
        criteria=tuple(out),
    )


def evaluate_draft(standard: CriteriaStandard, rubric: Rubric, draft: Draft) -> StandardStatus:
    """A draft's status from its coverage, tiers and parameters."""
    return _status(standard, "draft", lambda cond: _draft_condition(rubric, cond, draft))


def evaluate_reading(
    standard: CriteriaStandard, rubric: Rubric, findings: Mapping[str, FindingLike]
) -> StandardStatus:
    """A statute's status from the reader's findings (category id or "coverage" -> finding)."""
    return _status(standard, "statute", lambda cond: _reading_condition(rubric, cond, findings))


__all__ = [
    "COVERAGE",
    "CriterionStatus",
    "Evidence",
    "FindingLike",
    "Met",
    "Missing",
    "StandardStatus",
    "combine",
    "evaluate_draft",
    "evaluate_reading",
]
