"""Training: exercise sets, a scoring session with feedback, and the text quiz.

An exercise set is a YAML file a trainer writes (format `drafter-exercises/1`,
documented in exercises/README.md): provisions, each with the tier it earns in
one category, the decisive words, and an explanation. `load_exercise_set`
checks it against the rubric with `FILE:LINE` errors; `Session` runs it (pure:
no terminal); `run_text_quiz` is the plain-terminal front end behind
`drafter train --text`. The app builds on `Session` and never the other way
round: nothing here imports textual.
"""

from __future__ import annotations

import difflib
import re
import shlex
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
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
_FORMAT_PREFIX = "drafter-exercises/"


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


def _squash(text: str) -> str:
    return " ".join(text.split())


def _find(provision: str, phrase: str) -> Span | None:
    """`phrase` in `provision`, word for word; line breaks and space runs count as one space."""
    needle = _squash(phrase)
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


def _did_you_mean(given: str, known: Iterable[str]) -> str:
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
    return isinstance(fmt, str) and fmt.startswith(_FORMAT_PREFIX)


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
        if isinstance(fmt, str) and fmt.startswith(_FORMAT_PREFIX) and fmt != EXERCISES_FORMAT:
            raise doc.error(
                ("format",),
                f"exercise set format {fmt!r} is not supported; this drafter reads "
                f"{EXERCISES_FORMAT!r}",
            )
        if isinstance(fmt, str) and not fmt.startswith(_FORMAT_PREFIX):
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
            hint = _did_you_mean(ex.category, rubric.category_ids)
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
                decisive=tuple(_squash(p) for p in phrases),
                decisive_spans=tuple(spans),
                explanation=_squash(ex.explanation),
                line=doc.line_of(base),
            )
        )
    return ExerciseSet(
        path=str(path),
        title=_squash(raw.title),
        description=_squash(raw.description or ""),
        rubric=rubric,
        exercises=tuple(exercises),
    )


# --- a session ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TierRef:
    id: str
    points: int
    label: str

    @classmethod
    def of(cls, tier: Tier) -> TierRef:
        return cls(tier.id, tier.points, tier.label)

    def describe(self) -> str:
        unit = "point" if self.points == 1 else "points"
        return f"{self.label} ({self.points} {unit})"


@dataclass(frozen=True, slots=True)
class Feedback:
    exercise: Exercise
    correct: bool
    expected: TierRef
    chosen: TierRef
    #: The decisive words of the provision, quoted back.
    decisive: tuple[str, ...]
    explanation: str

    @property
    def quote(self) -> str:
        return " ... ".join(f'"{d}"' for d in self.decisive)


@dataclass(frozen=True, slots=True)
class CategoryScore:
    category: str
    title: str
    correct: int
    answered: int
    #: Exercises of this category in the session (answered or not).
    total: int


@dataclass(frozen=True, slots=True)
class Summary:
    correct: int
    answered: int
    total: int
    #: Per category, in the rubric's order (only categories the session has).
    categories: tuple[CategoryScore, ...]
    #: Categories with at least one wrong answer: where to review.
    review: tuple[str, ...]
    #: Ids of the exercises answered wrongly.
    missed: tuple[str, ...]

    @property
    def finished(self) -> bool:
        return self.answered == self.total


@dataclass
class Session:
    """One trainee's pass through an exercise set, in the set's order.

    `answer` scores the current exercise and moves on; `skip` moves on without
    scoring. `categories` limits the session to some categories.
    """

    exercise_set: ExerciseSet
    categories: Iterable[str] | None = None
    exercises: tuple[Exercise, ...] = field(init=False)
    position: int = field(init=False, default=0)
    results: list[Feedback] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        wanted = None if self.categories is None else set(self.categories)
        if wanted is not None:
            unknown = sorted(c for c in wanted if self.exercise_set.rubric.category(c) is None)
            if unknown:
                raise UserError(
                    None,
                    f"unknown category {unknown[0]!r}; "
                    + _did_you_mean(unknown[0], self.exercise_set.rubric.category_ids)
                    + "one of: "
                    + ", ".join(self.exercise_set.rubric.category_ids),
                )
        self.exercises = tuple(
            e for e in self.exercise_set.exercises if wanted is None or e.category in wanted
        )
        if not self.exercises:
            raise UserError(
                self.exercise_set.path,
                "has no exercises in the chosen categories: "
                + ", ".join(sorted(wanted or ()))
                + "; choose others",
            )

    @property
    def total(self) -> int:
        return len(self.exercises)

    @property
    def done(self) -> bool:
        return self.position >= len(self.exercises)

    @property
    def current(self) -> Exercise | None:
        return None if self.done else self.exercises[self.position]

    def category(self, exercise: Exercise | None = None) -> Category:
        ex = exercise or self._current()
        return self.exercise_set.category(ex.category)

    def choices(self, exercise: Exercise | None = None) -> tuple[TierRef, ...]:
        """The tiers to pick from for `exercise` (the current one by default)."""
        return tuple(TierRef.of(t) for t in choices_for(self.category(exercise)))

    def _current(self) -> Exercise:
        if self.done:
            raise IndexError("the session is over: every exercise has been shown")
        return self.exercises[self.position]

    def answer(self, choice: str | int) -> Feedback:
        """Score `choice` (a tier id, or its points) for the current exercise."""
        ex = self._current()
        cat = self.category(ex)
        tier = cat.tier_by_points(choice) if isinstance(choice, int) else cat.tier(choice)
        if tier is None or tier.no_statute:
            raise ValueError(f"{choice!r} is not a tier to choose in {cat.id}")
        expected = cat.tier(ex.answer)
        assert expected is not None
        feedback = Feedback(
            exercise=ex,
            correct=tier.id == expected.id,
            expected=TierRef.of(expected),
            chosen=TierRef.of(tier),
            decisive=ex.decisive,
            explanation=ex.explanation,
        )
        self.results.append(feedback)
        self.position += 1
        return feedback

    def skip(self) -> None:
        self._current()
        self.position += 1

    def summary(self) -> Summary:
        by_cat: dict[str, list[int]] = {}
        for ex in self.exercises:
            by_cat.setdefault(ex.category, [0, 0, 0])[2] += 1
        for fb in self.results:
            counts = by_cat[fb.exercise.category]
            counts[1] += 1
            counts[0] += fb.correct
        rubric = self.exercise_set.rubric
        cats = tuple(
            CategoryScore(c.id, c.title, *by_cat[c.id]) for c in rubric.categories if c.id in by_cat
        )
        return Summary(
            correct=sum(c.correct for c in cats),
            answered=len(self.results),
            total=len(self.exercises),
            categories=cats,
            review=tuple(c.category for c in cats if c.correct < c.answered),
            missed=tuple(fb.exercise.id for fb in self.results if not fb.correct),
        )


# --- the plain-terminal quiz --------------------------------------------------

_ITEM = re.compile(r"^\s*(?:\([0-9a-zA-Z]{1,4}\)|[0-9]{1,3}\.|[a-z]\.)\s")


def reflow(text: str, width: int, indent: str = "") -> str:
    """Re-wrap a provision for the terminal, keeping paragraphs and (1)/(a) items."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text.strip()):
        blocks: list[str] = []
        for line in para.splitlines():
            if not blocks or _ITEM.match(line):
                blocks.append(line.strip())
            else:
                blocks[-1] += " " + line.strip()
        for k, block in enumerate(blocks):
            item = k > 0 and _ITEM.match(block) is not None
            first = indent + ("    " if item else "")
            out.append(
                textwrap.fill(
                    block,
                    width,
                    initial_indent=first,
                    subsequent_indent=first + ("    " if item else ""),
                    break_on_hyphens=False,
                    break_long_words=False,
                )
            )
        out.append("")
    return "\n".join(out).rstrip("\n")


def feedback_text(fb: Feedback, width: int = 78) -> str:
    if fb.correct:
        head = f"Correct: {fb.expected.describe()}."
    else:
        head = (
            f"Not quite: you chose {fb.chosen.describe()}; "
            f"the provision earns {fb.expected.describe()}."
        )
    lines = [
        textwrap.fill(head, width, subsequent_indent="  "),
        textwrap.fill(f"Decisive words: {fb.quote}", width, subsequent_indent="  "),
        textwrap.fill(f"Why: {fb.explanation}", width, subsequent_indent="  "),
    ]
    return "\n".join(lines)


def summary_text(
    summary: Summary,
    width: int = 78,
    again: str | None = None,
    set_categories: Iterable[str] = (),
) -> str:
    """The summary as plain text.

    `again` is the command that reruns the set; `set_categories` are all the
    categories of the set (when the review covers all of them, the hint needs
    no --category).
    """
    lines = ["-- Summary " + "-" * max(0, width - 11)]
    if summary.answered == 0:
        lines.append("No exercises answered.")
        return "\n".join(lines) + "\n"
    lines.append(
        f"{summary.correct} of {summary.answered} correct"
        + ("" if summary.finished else f" ({summary.total - summary.answered} not reached)")
    )
    shown = [c for c in summary.categories if c.answered]
    title_w = max(len(c.title) for c in shown)
    for c in shown:
        score = f"{c.correct} of {c.answered}"
        if c.correct < c.answered:
            score += "   review"
        lines.append(f"  {c.title:<{title_w}}  {score}")
    unreached = [c.title for c in summary.categories if not c.answered]
    if unreached:
        lines.append(textwrap.fill("Not reached: " + "; ".join(unreached) + ".", width))
    if summary.review:
        titles = {c.category: c.title for c in summary.categories}
        lines.append(
            textwrap.fill(
                "To review: " + "; ".join(titles[r] for r in summary.review) + ".",
                width,
                subsequent_indent="  ",
            )
        )
        if again:
            cats = " ".join(f"--category {r}" for r in summary.review)
            if set(summary.review) >= set(
                set_categories or (c.category for c in summary.categories)
            ):
                cats = ""
            for head, cmd in (
                ("Lessons:", f"drafter train --text --lessons {cats}"),
                ("Practise again:", f"{again} {cats}"),
            ):
                lines.append(
                    textwrap.fill(
                        f"{head} {cmd.strip()}",
                        width,
                        subsequent_indent="  ",
                        break_on_hyphens=False,
                        break_long_words=False,
                    )
                )
    elif summary.finished:
        lines.append("Every answer correct.")
    return "\n".join(lines) + "\n"


def run_text_quiz(
    session: Session,
    *,
    read: Callable[[str], str] = input,
    write: Callable[[str], Any] | None = None,
    echo: bool = False,
    width: int = 78,
) -> int:
    """Run `session` as a numbered-choice quiz on a plain terminal.

    `read` is `input` (EOF ends the quiz with the summary so far); `write`
    prints text as given. `echo` repeats each answer (for piped input, where
    the terminal does not show it). Returns the exit code.
    """
    import sys

    out = write or (lambda s: (sys.stdout.write(s), sys.stdout.flush()))
    es = session.exercise_set
    header = [es.title, "=" * min(width, len(es.title))]
    if es.description:
        header.append(textwrap.fill(es.description, width))
    n_cats = len({e.category for e in session.exercises})
    header.append(
        textwrap.fill(
            f"{session.total} exercise{'s' if session.total != 1 else ''} in {n_cats} "
            f"categor{'ies' if n_cats != 1 else 'y'}, scored on {es.rubric.short_title}. "
            "Type the number of the tier the provision earns; q stops.",
            width,
        )
    )
    out("\n".join(header) + "\n")
    code = 0
    while not session.done:
        ex = session.current
        assert ex is not None
        cat = session.category()
        choices = session.choices()
        tag = f"-- Exercise {session.position + 1} of {session.total} - {cat.title} "
        out("\n" + tag + "-" * max(0, width - len(tag)) + "\n\n")
        out(reflow(ex.provision, width, "    ") + "\n\n")
        label_w = max(len(c.label) for c in choices)
        for n, c in enumerate(choices, start=1):
            unit = "point" if c.points == 1 else "points"
            out(f"  {n:>2}  {c.label:<{label_w}}  {c.points:>2} {unit}\n")
        prompt = f"Which tier? (1-{len(choices)}, q to stop): "
        picked: TierRef | None = None
        try:
            while picked is None:
                raw = read(prompt)
                if echo:
                    out(raw + "\n")
                text = raw.strip().lower()
                if text in {"q", "quit", "exit"}:
                    break
                if text.isdigit() and 1 <= int(text) <= len(choices):
                    picked = choices[int(text) - 1]
                else:
                    picked = next((c for c in choices if c.id == text), None)
                    if picked is None:
                        out(f"Type a number from 1 to {len(choices)}, or q to stop.\n")
        except EOFError:
            out("\n")
        except KeyboardInterrupt:
            out("\n")
            code = 130
        if picked is None:
            break
        out(feedback_text(session.answer(picked.id), width) + "\n")
    again = "drafter train --text"
    if Path(es.path).resolve() != default_set_path(es.rubric).resolve():
        again += " " + shlex.quote(es.path)
    out("\n" + summary_text(session.summary(), width, again, es.categories))
    return code


# --- validate -----------------------------------------------------------------


def check_file(path: str | Path, rubric: Rubric) -> str | None:
    """Check `path` if it is an exercise set or a lessons file; None if it is neither.

    Returns a one-line description of what was checked (for `drafter validate`).
    """
    try:
        doc = load_yaml(path)
    except UserError:
        return None
    fmt = doc.data.get("format") if isinstance(doc.data, dict) else None
    if not isinstance(fmt, str):
        return None
    if fmt.startswith(_FORMAT_PREFIX):
        es = load_exercise_set(path, rubric)
        return f"exercise set {Path(path).name}: {len(es.exercises)} exercises"
    if fmt.startswith("drafter-lessons/"):
        from drafter.lessons import check_lessons_file

        n = check_lessons_file(path, rubric)
        return f"lessons {Path(path).name}: {n} categories"
    return None


def check_shipped(rubric: Rubric) -> tuple[list[UserError], str]:
    """Check the exercise set and lessons shipped for `rubric`, if there are any."""
    from drafter.lessons import check_lessons_file, default_lessons_path

    problems: list[UserError] = []
    done: list[str] = []
    path = default_set_path(rubric)
    if path.is_file():
        try:
            es = load_exercise_set(path, rubric)
            done.append(f"{path.name} ({len(es.exercises)} exercises)")
        except UserError as exc:
            problems.append(exc)
    lessons = default_lessons_path(rubric)
    if lessons.is_file():
        try:
            check_lessons_file(lessons, rubric)
            done.append(f"{lessons.name}")
        except UserError as exc:
            problems.append(exc)
    summary = f"ok: training: {', '.join(done)}\n" if done and not problems else ""
    return problems, summary


__all__ = [
    "EXERCISES_FORMAT",
    "CategoryScore",
    "Exercise",
    "ExerciseSet",
    "Feedback",
    "Session",
    "Summary",
    "TierRef",
    "check_file",
    "check_shipped",
    "choices_for",
    "default_set_path",
    "feedback_text",
    "is_exercise_file",
    "load_exercise_set",
    "run_text_quiz",
    "summary_text",
]
