"""The rubric as data: categories, tiers, points, the coverage gate, grades.

Loaded from YAML (rubric/polaris-2019.yaml ships) and validated once. Nothing
about a particular rubric is in code, so a later revision loads unchanged.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from drafter.errors import UserError
from drafter.paths import default_rubric_path
from drafter.validation import validate_doc
from drafter.yamlio import YamlDoc, load_yaml

Coverage = Literal["adults", "minors_only", "none"]
COVERAGES: tuple[Coverage, ...] = ("adults", "minors_only", "none")
#: The coverage gate's id where a category id is expected: its model language,
#: an advised change, a wizard step, a lock. The one spelling of it.
COVERAGE = "coverage"
_ID = r"^[a-z][a-z0-9_]*$"


class _Model(BaseModel):
    # Schemas built on first validation: a start from the cache validates none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Tier(_Model):
    id: str = Field(pattern=_ID)
    points: int = Field(ge=0)
    label: str
    criterion: str
    #: True for the 0 tiers that mean "no trafficking-specific statute".
    no_statute: bool = False


class Category(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    id: str = Field(pattern=_ID)
    title: str
    alt_titles: tuple[str, ...] = ()
    short: str
    why: str
    #: How drafter reads the card's criteria where a statute could be read two
    #: ways (confidentiality before relief vs sealing after it).
    reading: str | None = None
    tiers: tuple[Tier, ...] = Field(min_length=1)

    @cached_property
    def max(self) -> int:
        return max(t.points for t in self.tiers)

    @cached_property
    def _by_id(self) -> dict[str, Tier]:
        return {t.id: t for t in self.tiers}

    @cached_property
    def _by_points(self) -> dict[int, Tier]:
        return {t.points: t for t in self.tiers}

    def tier(self, tier_id: str) -> Tier | None:
        return self._by_id.get(tier_id)

    def tier_by_points(self, points: int) -> Tier | None:
        return self._by_points.get(points)

    @property
    def statute_tiers(self) -> tuple[Tier, ...]:
        """The tiers a statute can take (not the "no statute" ones)."""
        return tuple(t for t in self.tiers if not t.no_statute)


class CoverageRule(_Model):
    label: str
    description: str
    rankable: bool
    reason: str | None = None


class GradeBand(_Model):
    grade: str = Field(min_length=1)
    min: int = Field(ge=0)
    max: int = Field(ge=0)


class Grades(_Model):
    note: str
    default_reading: bool = True
    bands: tuple[GradeBand, ...] = Field(min_length=1)


class Source(_Model):
    title: str
    publisher: str
    authors: tuple[str, ...] = ()
    date: str
    url: str | None = None


class Rubric(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    format: Literal["drafter-rubric/1"]
    #: A points rubric; a criteria standard (criteria.py) says `kind: criteria`.
    kind: Literal["points"] = "points"
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: str
    short_title: str
    total: int = Field(gt=0)
    source: Source
    coverage: dict[Coverage, CoverageRule]
    grades: Grades
    categories: tuple[Category, ...] = Field(min_length=1)

    @cached_property
    def _by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    def category(self, category_id: str) -> Category | None:
        return self._by_id.get(category_id)

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)

    def grade_for(self, total: int) -> str | None:
        for band in self.grades.bands:
            if band.min <= total <= band.max:
                return band.grade
        return None


def check_rubric(rubric: Rubric, doc: YamlDoc) -> None:
    """The rules pydantic's field types cannot say."""
    seen_cats: dict[str, int] = {}
    for ci, cat in enumerate(rubric.categories):
        if cat.id in seen_cats:
            raise doc.error(
                ("categories", ci, "id"),
                f"category id {cat.id!r} is used twice; category ids must be unique",
            )
        seen_cats[cat.id] = ci
        ids: set[str] = set()
        points: dict[int, str] = {}
        for ti, tier in enumerate(cat.tiers):
            if tier.id in ids:
                raise doc.error(
                    ("categories", ci, "tiers", ti, "id"),
                    f"tier id {tier.id!r} is used twice in {cat.id}; tier ids must be unique",
                )
            ids.add(tier.id)
            if tier.points in points:
                raise doc.error(
                    ("categories", ci, "tiers", ti, "points"),
                    f"{cat.id}: tiers {points[tier.points]!r} and {tier.id!r} both give "
                    f"{tier.points} points; points must be unique within a category",
                )
            points[tier.points] = tier.id
    for cov in COVERAGES:
        if cov not in rubric.coverage:
            raise doc.error(("coverage",), f"coverage rule {cov!r} is missing; add it")
        rule = rubric.coverage[cov]
        if not rule.rankable and not rule.reason:
            raise doc.error(
                ("coverage", cov), f"coverage {cov!r} is not rankable but gives no reason"
            )
    total = sum(c.max for c in rubric.categories)
    if total != rubric.total:
        raise doc.error(
            ("total",),
            f"category maxima sum to {total}, not the declared total {rubric.total}; "
            "fix a tier's points or the total",
        )
    covered: dict[int, str] = {}
    for bi, band in enumerate(rubric.grades.bands):
        if band.min > band.max:
            raise doc.error(
                ("grades", "bands", bi), f"grade {band.grade}: min {band.min} is above max"
            )
        for score in range(band.min, band.max + 1):
            if score in covered:
                raise doc.error(
                    ("grades", "bands", bi),
                    f"grades {covered[score]} and {band.grade} overlap at {score}",
                )
            covered[score] = band.grade
    missing = [s for s in range(rubric.total + 1) if s not in covered]
    if missing:
        raise doc.error(
            ("grades", "bands"),
            f"grade bands leave scores {_ranges(missing)} without a grade; "
            f"bands must cover 0 to {rubric.total}",
        )
    beyond = [s for s in covered if s > rubric.total]
    if beyond:
        raise doc.error(("grades", "bands"), f"grade bands go past the total {rubric.total}")


def _ranges(values: list[int]) -> str:
    out: list[str] = []
    start = prev = values[0]
    for v in [*values[1:], None]:
        if v is not None and v == prev + 1:
            prev = v
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if v is not None:
            start = prev = v
    return ", ".join(out)


def load_rubric(path: str | Path | None = None) -> Rubric:
    """Load and check a points rubric file (the shipped one by default)."""
    doc = load_yaml(path if path is not None else default_rubric_path(), "rubric file")
    return rubric_from_doc(doc)


def rubric_from_doc(doc: YamlDoc) -> Rubric:
    """Validate a parsed rubric file; standards.load_standard comes here for `kind: points`."""
    if isinstance(doc.data, dict) and doc.data.get("kind", "points") != "points":
        raise doc.error(
            ("kind",),
            f"this is a {doc.data.get('kind')} standard, not a points rubric; "
            "give it with --standard instead of --rubric",
        )
    rubric = validate_doc(Rubric, doc, "rubric")
    check_rubric(rubric, doc)
    return rubric


__all__ = [
    "COVERAGE",
    "COVERAGES",
    "Category",
    "Coverage",
    "Rubric",
    "Tier",
    "UserError",
    "load_rubric",
    "rubric_from_doc",
]
