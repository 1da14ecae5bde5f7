"""Whether each jurisdiction's law today meets a criteria standard (the federal preference).

The atlas's readings are findings a careful person made: a tier, a confidence
and the decisive words for each category. They are judged exactly as the
reader's findings are (criteria_eval.evaluate_reading), so an open category
leaves its criterion unclear and a met one quotes the statute.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from drafter.atlas import Row
from drafter.criteria import CriteriaStandard
from drafter.criteria_eval import COVERAGE, FindingLike, StandardStatus, evaluate_reading
from drafter.law import Reading
from drafter.rubric import Rubric


@dataclass(frozen=True, slots=True)
class _Quote:
    quote: str
    role: str = "match"


@dataclass(frozen=True, slots=True)
class _ReadingFinding:
    """An atlas reading in the shape of a reader finding."""

    tier: str | None
    confidence: str
    candidates: tuple[str, ...] = ()
    evidence: tuple[_Quote, ...] = ()


def _finding(reading: Reading) -> _ReadingFinding:
    if reading.tier is None:
        return _ReadingFinding(None, "not found")
    quotes = (_Quote(reading.quote),) if reading.quote else ()
    return _ReadingFinding(reading.tier, reading.confidence or "clear", evidence=quotes)


def row_findings(row: Row, rubric: Rubric) -> dict[str, FindingLike]:
    found: dict[str, FindingLike] = {
        cat.id: _finding(row.reading(cat.id)) for cat in rubric.categories
    }
    found[COVERAGE] = _ReadingFinding(row.law.status, "clear")
    return found


def row_standards(
    row: Row, standards: Sequence[CriteriaStandard], rubric: Rubric
) -> tuple[StandardStatus, ...]:
    """Each standard's status for one jurisdiction (none when its status is unknown)."""
    if row.law.status == "unknown":
        return ()
    findings = row_findings(row, rubric)
    return tuple(evaluate_reading(s, rubric, findings) for s in standards)


__all__ = ["row_findings", "row_standards"]
