"""Signals: the phrases and patterns that identify each tier in statute text.

Data in rubric/<rubric>.signals.yaml, read by `drafter validate` (on assembled
bills) and by the statute analyzer (on real statutes). Patterns are searched
case-insensitively on normalized text: line-break hyphens joined, whitespace
collapsed. Evidence spans map back to offsets in the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from drafter.errors import UserError
from drafter.paths import data_dir
from drafter.rubric import Rubric
from drafter.validation import validate_doc
from drafter.yamlio import load_yaml


class _TierSignals(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    any_: tuple[str, ...] = ()
    all_: tuple[str, ...] = ()
    absent: bool = False

    @model_validator(mode="before")
    @classmethod
    def _rename(cls, data: object) -> object:
        # `any` and `all` are the natural YAML keys but shadow Python builtins.
        if isinstance(data, dict):
            data = dict(data)
            for key in ("any", "all"):
                if key in data:
                    data[f"{key}_"] = data.pop(key)
        return data

    @model_validator(mode="after")
    def _shape(self) -> _TierSignals:
        if self.absent and (self.any_ or self.all_):
            raise ValueError("a tier read by absence has no patterns")
        if not self.absent and not (self.any_ or self.all_):
            raise ValueError("give any: or all: patterns, or absent: true")
        return self


class _SignalsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rubric: str
    normalize: str = ""
    categories: dict[str, dict[str, _TierSignals]]


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted piece of the original text: [start, end) character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TierSignals:
    category: str
    tier: str
    any_: tuple[re.Pattern[str], ...]
    all_: tuple[re.Pattern[str], ...]
    absent: bool

    def search(self, norm: str) -> list[tuple[int, int]] | None:
        """Spans (in normalized text) proving this tier, or None if it is not there."""
        if self.absent:
            return None
        spans: list[tuple[int, int]] = []
        if self.any_:
            for pattern in self.any_:
                m = pattern.search(norm)
                if m:
                    spans.append(_evidence(m))
                    break
            else:
                return None
        for pattern in self.all_:
            m = pattern.search(norm)
            if not m:
                return None
            spans.append(_evidence(m))
        return spans

    @property
    def patterns(self) -> tuple[str, ...]:
        return tuple(p.pattern for p in (*self.any_, *self.all_))


def _evidence(m: re.Match[str]) -> tuple[int, int]:
    if "ev" in m.re.groupindex and m.group("ev") is not None:
        return m.span("ev")
    return m.span()


@dataclass(frozen=True)
class Signals:
    rubric_id: str
    #: category id -> tier id -> signals, in the file's order.
    categories: dict[str, dict[str, TierSignals]]
    path: str

    def tier(self, category: str, tier: str) -> TierSignals | None:
        return self.categories.get(category, {}).get(tier)


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    #: offsets[i] is the index in the original text of normalized character i.
    offsets: tuple[int, ...] | list[int]
    original: str

    def span(self, start: int, end: int) -> Span:
        if start >= end:
            return Span(start, start, "")
        a = self.offsets[start]
        b = self.offsets[end - 1] + 1
        return Span(a, b, self.original[a:b])


_HYPHEN_BREAK = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> Normalized:
    """Join words hyphenated across line breaks and collapse whitespace, keeping offsets."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    # One pass over the breaks and whitespace runs, in order.
    for m in re.finditer(f"{_HYPHEN_BREAK.pattern}|{_SPACE.pattern}", text):
        start, end = m.span()
        out.append(text[pos:start])
        offsets.extend(range(pos, start))
        if not m.group().startswith("-"):
            out.append(" ")
            offsets.append(start)
        pos = end
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return Normalized("".join(out), offsets, text)


def normalize_fast(text: str) -> str:
    """The normalized text alone (no offsets): for read-back of generated bills."""
    return _SPACE.sub(" ", _HYPHEN_BREAK.sub("", text))


def read_tiers(signals: Signals, norm: str) -> dict[str, list[str]]:
    """The tiers whose signals the (normalized) text shows, per category.

    A category none of whose positive tiers shows reads as its absence tier.
    """
    out: dict[str, list[str]] = {}
    for category, tiers in signals.categories.items():
        found = [t for t, s in tiers.items() if not s.absent and s.search(norm) is not None]
        if not found:
            found = [t for t, s in tiers.items() if s.absent]
        out[category] = found
    return out


def default_signals_path(rubric: Rubric) -> Path:
    return data_dir("rubric") / f"{rubric.id}.signals.yaml"


def load_signals(rubric: Rubric, path: str | Path | None = None) -> Signals:
    """Load the signals beside the rubric (or `path`) and check them against it."""
    path = Path(path) if path is not None else default_signals_path(rubric)
    doc = load_yaml(path, "signals file")
    raw = validate_doc(_SignalsFile, doc, "signals file")
    if raw.rubric != rubric.id:
        raise doc.error(("rubric",), f"signals are for rubric {raw.rubric!r}, not {rubric.id!r}")
    compiled: dict[str, dict[str, TierSignals]] = {}
    for category, tiers in raw.categories.items():
        cat = rubric.category(category)
        if cat is None and category != "coverage":
            raise doc.error(("categories", category), f"unknown category {category!r}")
        known = {t.id for t in cat.tiers} if cat else set(rubric.coverage)
        absent = [t for t, s in tiers.items() if s.absent]
        if len(absent) > 1:
            raise doc.error(
                ("categories", category),
                f"{category}: only one tier can be read by absence, not {', '.join(absent)}",
            )
        compiled[category] = {}
        for tier, spec in tiers.items():
            if tier not in known:
                raise doc.error(
                    ("categories", category, tier), f"unknown tier {tier!r} in {category}"
                )
            patterns = []
            for kind, texts in (("any", spec.any_), ("all", spec.all_)):
                for i, text in enumerate(texts):
                    try:
                        patterns.append(re.compile(text, re.IGNORECASE))
                    except re.error as exc:
                        raise doc.error(
                            ("categories", category, tier, kind, i),
                            f"bad regular expression: {exc}",
                        ) from None
            n_any = len(spec.any_)
            compiled[category][tier] = TierSignals(
                category, tier, tuple(patterns[:n_any]), tuple(patterns[n_any:]), spec.absent
            )
    for cat in rubric.categories:
        missing = [t.id for t in cat.tiers if t.id not in compiled.get(cat.id, {})]
        if missing:
            raise UserError(path, f"{cat.id}: no signals for tier(s) {', '.join(missing)}")
    return Signals(raw.rubric, compiled, str(path))
