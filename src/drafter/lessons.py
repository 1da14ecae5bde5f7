"""Lessons: one per category, built from the rubric and the model language.

A lesson says why the category matters, shows every tier beside the model
wording that earns it, marks the words that change between neighbouring tiers
(a word-level diff), and ends with one line on what the weaker wording means for
a survivor. The consequence lines are data (exercises/RUBRIC_ID.lessons.yaml);
everything else comes from the rubric and model_language/.

Pure data: no terminal, no textual. The app and the text quiz render it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from drafter.errors import UserError
from drafter.language import Language
from drafter.paths import data_dir
from drafter.reader.text import Span
from drafter.rubric import Rubric
from drafter.validation import validate_doc
from drafter.yamlio import load_yaml

LESSONS_FORMAT = "drafter-lessons/1"
_WORD = re.compile(r"\S+")
#: Punctuation a word may carry that does not change it ("result," = "result").
_EDGE = "\"'“”‘’()[],.;:"


@dataclass(frozen=True, slots=True)
class WordDiff:
    """What changes from text `a` to text `b`, word by word.

    `deleted` spans are offsets into `a` (words only `a` has), `inserted` spans
    offsets into `b` (words only `b` has). A run of adjacent changed words is
    one span.
    """

    deleted: tuple[Span, ...]
    inserted: tuple[Span, ...]

    @property
    def empty(self) -> bool:
        return not self.deleted and not self.inserted


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _key(word: str) -> str:
    return word.strip(_EDGE).lower() or word


def word_diff(a: str, b: str) -> WordDiff:
    """The word spans deleted from `a` and inserted into `b`.

    Words compare case-insensitively and without surrounding punctuation, so a
    moved comma does not light up the word it sits on.
    """
    wa, wb = _words(a), _words(b)
    matcher = difflib.SequenceMatcher(
        None, [_key(w[2]) for w in wa], [_key(w[2]) for w in wb], autojunk=False
    )
    deleted: list[Span] = []
    inserted: list[Span] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            start, end = wa[i1][0], wa[i2 - 1][1]
            deleted.append(Span(start, end, a[start:end]))
        if j2 > j1:
            start, end = wb[j1][0], wb[j2 - 1][1]
            inserted.append(Span(start, end, b[start:end]))
    return WordDiff(tuple(deleted), tuple(inserted))


def mark(text: str, spans: tuple[Span, ...], open_: str = "[", close: str = "]") -> str:
    """`text` with each span wrapped in `open_` ... `close` (for plain output)."""
    out = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.start):
        out.append(text[pos : span.start])
        out.append(f"{open_}{text[span.start : span.end]}{close}")
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


@dataclass(frozen=True, slots=True)
class LessonTier:
    id: str
    points: int
    label: str
    criterion: str
    #: The model wording that earns the tier, placeholders shown as [COURT];
    #: "" when the tier has no language (a "no statute" tier).
    text: str
    #: What the model wording does, in a sentence or two ("" if none).
    note: str
    #: True when the tier is the absence of a provision (or has no language):
    #: there is no wording to compare.
    absent: bool
    #: The tier below this one (by points), if any.
    previous: str | None
    #: Words of this tier's text that the previous tier's text lacks...
    inserted: tuple[Span, ...]
    #: ...and words of the previous tier's text that this one drops.
    deleted: tuple[Span, ...]

    @property
    def decisive(self) -> str:
        """The inserted words, joined: the phrase that earns the step up."""
        return " … ".join(s.text for s in self.inserted)


@dataclass(frozen=True, slots=True)
class Lesson:
    category: str
    title: str
    short: str
    why: str
    #: One line: what the weaker wording means for a real survivor.
    consequence: str
    max: int
    #: Every tier, lowest points first.
    tiers: tuple[LessonTier, ...]

    def tier(self, tier_id: str) -> LessonTier | None:
        for t in self.tiers:
            if t.id == tier_id:
                return t
        return None

    def compare(self, a: str, b: str) -> WordDiff:
        """The word diff between any two tiers' texts (empty if either is absent)."""
        ta, tb = self.tier(a), self.tier(b)
        if ta is None or tb is None:
            raise KeyError(f"{self.category} has no tier {a if ta is None else b!r}")
        if ta.absent or tb.absent:
            return WordDiff((), ())
        return word_diff(ta.text, tb.text)


# --- consequences (data) ------------------------------------------------------


class _LessonsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["drafter-lessons/1"]
    rubric: str
    consequences: dict[str, str]


def default_lessons_path(rubric: Rubric) -> Path:
    return data_dir("exercises") / f"{rubric.id}.lessons.yaml"


def load_consequences(
    rubric: Rubric, path: str | Path | None = None, *, require_all: bool = False
) -> dict[str, str]:
    """Category id -> consequence line, from a lessons file.

    With no `path`, the file shipped for this rubric; if there is none, no
    consequences (a new rubric's lessons still build). `require_all` makes a
    category without a line an error (what `drafter validate` asks).
    """
    if path is None:
        path = default_lessons_path(rubric)
        if not path.is_file():
            return {}
    doc = load_yaml(path, "lessons file")
    data = validate_doc(_LessonsFile, doc, "lessons file")
    if data.rubric != rubric.id:
        raise doc.error(
            ("rubric",),
            f"these lessons are for rubric {data.rubric!r}, not {rubric.id!r}; "
            "give --rubric the matching rubric file",
        )
    for cat_id, line in data.consequences.items():
        if rubric.category(cat_id) is None:
            raise doc.error(
                ("consequences", cat_id),
                f"unknown category {cat_id!r}; one of: {', '.join(rubric.category_ids)}",
            )
        if not line.strip():
            raise doc.error(("consequences", cat_id), f"{cat_id}: the consequence is empty")
    if require_all:
        missing = [c for c in rubric.category_ids if c not in data.consequences]
        if missing:
            raise doc.error(
                ("consequences",), f"no consequence for {', '.join(missing)}; add one line each"
            )
    return {k: " ".join(v.split()) for k, v in data.consequences.items()}


def check_lessons_file(path: str | Path, rubric: Rubric) -> int:
    """Validate a lessons file for `drafter validate`; returns the number of lines."""
    return len(load_consequences(rubric, path, require_all=True))


# --- building -----------------------------------------------------------------


def build_lessons(
    rubric: Rubric,
    language: Language,
    params: Mapping[str, object] | None = None,
    consequences: Mapping[str, str] | None = None,
) -> list[Lesson]:
    """A lesson per category, in the rubric's order.

    `params` fills the model language's placeholders (none: they show as
    [COURT] and the like); `consequences` overrides the shipped lessons file.
    """
    params = params or {}
    lines = dict(consequences) if consequences is not None else load_consequences(rubric)
    lessons = []
    for cat in rubric.categories:
        tiers: list[LessonTier] = []
        prev: LessonTier | None = None
        for tier in sorted(cat.tiers, key=lambda t: t.points):
            lang = language.tier(cat.id, tier.id)
            absent = lang is None or lang.absent
            text = "" if lang is None else language.preview(cat.id, tier.id, params)
            inserted: tuple[Span, ...] = ()
            deleted: tuple[Span, ...] = ()
            if prev is not None and not absent and not prev.absent:
                diff = word_diff(prev.text, text)
                inserted, deleted = diff.inserted, diff.deleted
            current = LessonTier(
                id=tier.id,
                points=tier.points,
                label=tier.label,
                criterion=" ".join(tier.criterion.split()),
                text=text,
                note=" ".join(lang.note.split()) if lang is not None else "",
                absent=absent,
                previous=prev.id if prev is not None else None,
                inserted=inserted,
                deleted=deleted,
            )
            tiers.append(current)
            prev = current
        lessons.append(
            Lesson(
                category=cat.id,
                title=cat.title,
                short=cat.short,
                why=" ".join(cat.why.split()),
                consequence=lines.get(cat.id, ""),
                max=cat.max,
                tiers=tuple(tiers),
            )
        )
    return lessons


def lesson_text(lesson: Lesson, width: int = 78) -> str:
    """A lesson as plain text: changed words in [brackets], removed ones listed."""
    import textwrap

    def wrap(text: str, indent: str = "") -> str:
        return "\n".join(
            textwrap.fill(
                para,
                width,
                initial_indent=indent,
                subsequent_indent=indent,
                break_on_hyphens=False,
            )
            for para in text.split("\n")
            if para.strip()
        )

    out = [lesson.title.upper(), "", wrap(lesson.why), ""]
    for t in lesson.tiers:
        out.append(f"{t.points:>3}  {t.label}")
        out.append(wrap(t.criterion, "     "))
        if t.text and not t.absent:
            out.append(wrap(mark(t.text, t.inserted), "     | "))
            if t.deleted:
                dropped = "; ".join('"' + " ".join(s.text.split()) + '"' for s in t.deleted)
                out.append(wrap(f"drops {dropped} from the tier below", "     "))
        elif t.note:
            out.append(wrap(t.note, "     "))
        out.append("")
    if lesson.consequence:
        out.append(wrap(f"In practice: {lesson.consequence}"))
    return "\n".join(out).rstrip() + "\n"


__all__ = [
    "LESSONS_FORMAT",
    "Lesson",
    "LessonTier",
    "Span",
    "UserError",
    "WordDiff",
    "build_lessons",
    "check_lessons_file",
    "default_lessons_path",
    "lesson_text",
    "load_consequences",
    "mark",
    "word_diff",
]
