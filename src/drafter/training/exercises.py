"""Exercise sets: the `drafter-exercises/1` file, checked against the rubric.

A trainer writes the file (documented in exercises/README.md): provisions,
each with the tier it earns in one category, the decisive words and an
explanation. `load_exercise_set` checks it with `FILE:LINE` errors and finds
where each decisive phrase is in its provision.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from drafter.errors import UserError
from drafter.paths import data_dir
from drafter.reader.text import Span
from drafter.rubric import Category, Rubric, Tier
from drafter.validation import validate_doc
from drafter.yamlio import YamlDoc, load_yaml

EXERCISES_FORMAT = "drafter-exercises/1"
FORMAT_PREFIX = "drafter-exercises/"


# --- the file -----------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _ExerciseIn(_Model):
    id: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        description="letters, digits, '-', '_' or '.', e.g. nexus-1",
    )
    category: StrictStr
    provision: StrictStr = Field(min_length=1)
    answer: StrictStr | StrictInt
    decisive: StrictStr | list[StrictStr]
    explanation: StrictStr = Field(min_length=1)


class _SetIn(_Model):
    format: Literal["drafter-exercises/1"]
    title: StrictStr = Field(min_length=1)
    rubric: StrictStr
    description: StrictStr | None = None
    exercises: list[_ExerciseIn] = Field(min_length=1)


# --- the checked set ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    category: str
    #: The provision as written in the file (trailing whitespace trimmed).
    provision: str
    #: The tier id the provision earns (an answer given as points is resolved).
    answer: str
    #: The decisive words, each as written in the file.
    decisive: tuple[str, ...]
    #: Where each decisive phrase is in `provision` (first occurrence).
    decisive_spans: tuple[Span, ...]
    explanation: str
    #: The line of the exercise in its file (for messages).
    line: int | None = None


@dataclass(frozen=True)
class ExerciseSet:
    path: str
    title: str
    description: str
    rubric: Rubric
    exercises: tuple[Exercise, ...]

    def category(self, category_id: str) -> Category:
        cat = self.rubric.category(category_id)
        if cat is None:  # pragma: no cover - checked on load
            raise KeyError(category_id)
        return cat

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories the set exercises, in the rubric's order."""
        used = {e.category for e in self.exercises}
        return tuple(c for c in self.rubric.category_ids if c in used)

    def count(self, category_id: str) -> int:
        return sum(1 for e in self.exercises if e.category == category_id)


def default_set_path(rubric: Rubric) -> Path:
    """The shipped exercise set for `rubric` (exercises/RUBRIC_ID.yaml)."""
    return data_dir("exercises") / f"{rubric.id}.yaml"


def choices_for(category: Category) -> tuple[Tier, ...]:
    """The tiers a trainee picks from: those a statute can take, lowest first."""
    return tuple(sorted(category.statute_tiers, key=lambda t: t.points))


def squash(text: str) -> str:
    return " ".join(text.split())


def _find(provision: str, phrase: str) -> Span | None:
    """`phrase` in `provision`, word for word; line breaks and space runs count as one space."""
    needle = squash(phrase)
    if not needle:
        return None
    # The provision's words with their offsets, joined by single spaces.
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", provision)]
    flat = " ".join(provision[a:b] for a, b in words)
    at = flat.find(needle)
    if at < 0:
        return None
    # Map the flat offsets back to the provision.
    starts, pos = [], 0
    for a, b in words:
        starts.append(pos)
        pos += (b - a) + 1
    first = max(i for i, p in enumerate(starts) if p <= at)
    last = max(i for i, p in enumerate(starts) if p < at + len(needle))
    start = words[first][0] + (at - starts[first])
    end = words[last][0] + (at + len(needle) - starts[last])
    return Span(start, end, provision[start:end])


def did_you_mean(given: str, known: Iterable[str]) -> str:
    """ "did you mean 'x'? " for a prefix or a close spelling, else ""."""
    known = list(known)
    close = [k for k in known if k.startswith(given.lower())] if given else []
    close = close or difflib.get_close_matches(given, known, n=1)
    return f"did you mean {close[0]!r}? " if len(close) == 1 else ""


def _tier_list(cat: Category) -> str:
    return ", ".join(f"{t.id} ({t.points})" for t in choices_for(cat))


def _resolve_answer(doc: YamlDoc, loc: tuple[str | int, ...], cat: Category, answer: Any) -> str:
    if isinstance(answer, int):
        tier = cat.tier_by_points(answer)
        if tier is None:
            raise doc.error(
                loc,
                f"no tier of {cat.id} is worth {answer} points; use one of: {_tier_list(cat)}",
            )
    else:
        tier = cat.tier(answer)
        if tier is None and answer.strip().isdigit():
            tier = cat.tier_by_points(int(answer))
        if tier is None:
            close = difflib.get_close_matches(answer, [t.id for t in cat.tiers], n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise doc.error(
                loc,
                f"{cat.id} has no tier {answer!r}; {hint}use a tier id or its points: "
                f"{_tier_list(cat)}",
            )
    if tier.no_statute:
        raise doc.error(
            loc,
            f"tier {tier.id!r} of {cat.id} means there is no trafficking-specific statute; "
            f"an exercise's provision is statute text, so use one of: {_tier_list(cat)}",
        )
    return tier.id


def is_exercise_file(path: str | Path) -> bool:
    """Whether `path` is a YAML file that says `format: drafter-exercises/...`.

    Unreadable or invalid files are not (the caller's own loader reports them).
    """
    try:
        doc = load_yaml(path)
    except UserError:
        return False
    fmt = doc.data.get("format") if isinstance(doc.data, dict) else None
    return isinstance(fmt, str) and fmt.startswith(FORMAT_PREFIX)


def _check_fields(
    doc: YamlDoc, loc: tuple[str | int, ...], data: dict[Any, Any], model: type[BaseModel]
) -> None:
    """An unknown (often misspelt) field, named before any "missing field" error."""
    known = list(model.model_fields)
    for key in data:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "fields: " + ", ".join(known)
            raise doc.error((*loc, key), f"unknown field {key!r}; {hint}")


def load_exercise_set(path: str | Path, rubric: Rubric) -> ExerciseSet:
    """Read and check an exercise set against `rubric`; `FILE:LINE` errors."""
    doc = load_yaml(path, "exercise set")
    if isinstance(doc.data, dict):
        fmt = doc.data.get("format")
        if isinstance(fmt, str) and fmt.startswith(FORMAT_PREFIX) and fmt != EXERCISES_FORMAT:
            raise doc.error(
                ("format",),
                f"exercise set format {fmt!r} is not supported; this drafter reads "
                f"{EXERCISES_FORMAT!r}",
            )
        if isinstance(fmt, str) and not fmt.startswith(FORMAT_PREFIX):
            raise doc.error(
                ("format",),
                f"this is a {fmt!r} file, not an exercise set; an exercise set starts with "
                f"'format: {EXERCISES_FORMAT}' (see exercises/README.md)",
            )
        if "format" not in doc.data:
            raise doc.error(
                (), f"missing 'format: {EXERCISES_FORMAT}' (the first line of an exercise set)"
            )
        _check_fields(doc, (), doc.data, _SetIn)
        items = doc.data.get("exercises")
        if isinstance(items, list):
            for i, item in enumerate(items):
                if isinstance(item, dict):
                    _check_fields(doc, ("exercises", i), item, _ExerciseIn)
    raw = validate_doc(_SetIn, doc, "exercise set")
    if raw.rubric != rubric.id:
        raise doc.error(
            ("rubric",),
            f"this set is for rubric {raw.rubric!r}, but drafter is using {rubric.id!r}; "
            f"give --rubric the file of rubric {raw.rubric!r}, or change the set's rubric",
        )
    seen: dict[str, int | None] = {}
    exercises = []
    for i, ex in enumerate(raw.exercises):
        base: tuple[str | int, ...] = ("exercises", i)
        if ex.id in seen:
            first = seen[ex.id]
            where = f" (first on line {first})" if first else ""
            raise doc.error(
                (*base, "id"), f"exercise id {ex.id!r} is used twice{where}; ids must be unique"
            )
        seen[ex.id] = doc.line_of((*base, "id"))
        cat = rubric.category(ex.category)
        if cat is None:
            hint = did_you_mean(ex.category, rubric.category_ids)
            raise doc.error(
                (*base, "category"),
                f"unknown category {ex.category!r}; {hint}one of: {', '.join(rubric.category_ids)}",
            )
        answer = _resolve_answer(doc, (*base, "answer"), cat, ex.answer)
        phrases = (ex.decisive,) if isinstance(ex.decisive, str) else tuple(ex.decisive)
        if not phrases:
            raise doc.error((*base, "decisive"), "give at least one decisive phrase")
        spans = []
        for j, phrase in enumerate(phrases):
            loc = (*base, "decisive") if isinstance(ex.decisive, str) else (*base, "decisive", j)
            if not phrase.strip():
                raise doc.error(loc, "a decisive phrase is empty; quote words of the provision")
            span = _find(ex.provision, phrase)
            if span is None:
                if _find(ex.provision.lower(), phrase.lower()) is not None:
                    why = "it is there, but with different capital letters; copy it exactly"
                else:
                    why = "copy the words exactly as the provision has them (same quotes and case)"
                raise doc.error(
                    loc, f"{ex.id}: the decisive words {phrase!r} are not in the provision; {why}"
                )
            spans.append(span)
        exercises.append(
            Exercise(
                id=ex.id,
                category=cat.id,
                provision=ex.provision.rstrip(),
                answer=answer,
                decisive=tuple(squash(p) for p in phrases),
                decisive_spans=tuple(spans),
                explanation=squash(ex.explanation),
                line=doc.line_of(base),
            )
        )
    return ExerciseSet(
        path=str(path),
        title=squash(raw.title),
        description=squash(raw.description or ""),
        rubric=rubric,
        exercises=tuple(exercises),
    )
