"""Loading the reader's rules: the signals file beside the rubric, validated, compiled."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from drafter.errors import UserError
from drafter.paths import data_dir
from drafter.reader.literals import _required_literals, _top_level_branches, _upper_letter
from drafter.reader.match import Negation, Phrase, Signals, TierSignals, _Branch
from drafter.rubric import Rubric
from drafter.validation import validate_doc
from drafter.yamlio import YamlDoc, load_yaml


class _TierSignals(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    any_: tuple[str, ...] = ()
    all_: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    absent: bool = False
    negatable: bool = True
    describe: str = ""
    #: Tiers of the same category this one gives way to: when one of them
    #: shows, this one does not (vacatur gives way to vacatur on the merits).
    yields_to: tuple[str, ...] = ()

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
        if self.absent and (self.any_ or self.all_ or self.unless):
            raise ValueError("a tier read by absence has no any:, all: or unless: patterns")
        if not self.absent and not (self.any_ or self.all_):
            raise ValueError("give any: or all: patterns, or absent: true")
        if self.also and not self.absent:
            raise ValueError("also: (supporting phrases) is for a tier read by absence")
        return self


class _Negation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: A regex of negation cues ("no", "not", "without", "regardless of" ...).
    cues: str
    #: How many words before a phrase a cue may stand and still negate it.
    window_words: int = Field(default=6, ge=1, le=30)
    #: What ends a clause: a cue beyond it negates nothing here.
    breaks: str = r"[.;:,]"


class _SignalsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rubric: str
    normalize: str = ""
    negation: _Negation | None = None
    relief_statute: _TierSignals | None = None
    categories: dict[str, dict[str, _TierSignals]]


def default_signals_path(rubric: Rubric) -> Path:
    return data_dir("rubric") / f"{rubric.id}.signals.yaml"


def _compile_phrase(
    doc: YamlDoc, loc: tuple[str | int, ...], text: str, negation: Negation | None
) -> Phrase:
    upper = _upper_letter(text)
    if upper is not None:
        raise doc.error(
            loc,
            f"pattern {text!r} has the capital {upper!r}; patterns are matched against "
            "lower-cased text, so write them in lower case",
        )
    try:
        pattern = re.compile(text)
        branches = tuple(_branch(b) for b in _top_level_branches(text))
    except re.error as exc:
        raise doc.error(loc, f"bad regular expression: {exc}") from None
    return Phrase(pattern, branches, negation)


def _branch(text: str) -> _Branch:
    needs, anchors = _required_literals(text)
    return _Branch(re.compile(text), needs, anchors)


def _compile_tier(
    doc: YamlDoc,
    loc: tuple[str | int, ...],
    category: str,
    tier: str,
    spec: _TierSignals,
    negation: Negation | None,
    cache: dict[tuple[str, bool], Phrase],
    siblings: dict[str, TierSignals] | None = None,
) -> TierSignals:
    neg = negation if spec.negatable else None

    def phrases(kind: str, texts: tuple[str, ...], negate: Negation | None) -> tuple[Phrase, ...]:
        out = []
        for i, text in enumerate(texts):
            key = (text, negate is not None)
            if key not in cache:
                cache[key] = _compile_phrase(doc, (*loc, kind, i), text, negate)
            out.append(cache[key])
        return tuple(out)

    return TierSignals(
        category,
        tier,
        phrases("any", spec.any_, neg),
        phrases("all", spec.all_, neg),
        spec.absent,
        # An exclusion counts only where it is really said: negation applies to it too.
        phrases("unless", spec.unless, negation),
        phrases("also", spec.also, negation),
        " ".join(spec.describe.split()),
        spec.yields_to,
        siblings if siblings is not None else {},
    )


def _check_no_cycle(doc: YamlDoc, category: str, edges: dict[str, tuple[str, ...]]) -> None:
    state: dict[str, int] = {}

    def visit(tier: str, path: tuple[str, ...]) -> None:
        if state.get(tier) == 2:
            return
        if state.get(tier) == 1:
            loop = " -> ".join((*path[path.index(tier) :], tier))
            raise doc.error(
                ("categories", category), f"{category}: yields_to goes round in a circle: {loop}"
            )
        state[tier] = 1
        for other in edges.get(tier, ()):
            visit(other, (*path, tier))
        state[tier] = 2

    for tier in edges:
        visit(tier, ())


def load_signals(rubric: Rubric, path: str | Path | None = None) -> Signals:
    """Load the signals beside the rubric (or `path`) and check them against it."""
    path = Path(path) if path is not None else default_signals_path(rubric)
    doc = load_yaml(path, "signals file")
    raw = validate_doc(_SignalsFile, doc, "signals file")
    if raw.rubric != rubric.id:
        raise doc.error(("rubric",), f"signals are for rubric {raw.rubric!r}, not {rubric.id!r}")
    negation: Negation | None = None
    if raw.negation is not None:
        try:
            negation = Negation(
                re.compile(raw.negation.cues),
                raw.negation.window_words,
                re.compile(raw.negation.breaks),
            )
        except re.error as exc:
            raise doc.error(("negation",), f"bad regular expression: {exc}") from None
    cache: dict[tuple[str, bool], Phrase] = {}
    gate = None
    if raw.relief_statute is not None:
        if raw.relief_statute.absent:
            raise doc.error(("relief_statute",), "relief_statute needs patterns, not absent")
        gate = _compile_tier(
            doc, ("relief_statute",), "relief_statute", "relief_statute",
            raw.relief_statute, negation, cache,
        )  # fmt: skip
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
        siblings: dict[str, TierSignals] = {}
        for tier, spec in tiers.items():
            if tier not in known:
                raise doc.error(
                    ("categories", category, tier), f"unknown tier {tier!r} in {category}"
                )
            for other in spec.yields_to:
                if other not in tiers or other == tier:
                    raise doc.error(
                        ("categories", category, tier, "yields_to"),
                        f"{category}: {tier} yields to {other!r}, which is not another tier "
                        f"here; choose from {', '.join(t for t in tiers if t != tier)}",
                    )
            siblings[tier] = _compile_tier(
                doc, ("categories", category, tier), category, tier, spec, negation, cache,
                siblings,
            )  # fmt: skip
        _check_no_cycle(doc, category, {t: s.yields_to for t, s in tiers.items()})
        compiled[category] = siblings
    for cat in rubric.categories:
        missing = [t.id for t in cat.tiers if t.id not in compiled.get(cat.id, {})]
        if missing:
            raise UserError(path, f"{cat.id}: no signals for tier(s) {', '.join(missing)}")
    return Signals(raw.rubric, compiled, str(path), gate, negation)
