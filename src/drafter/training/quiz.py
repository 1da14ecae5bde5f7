"""The plain-terminal quiz behind `drafter train --text`, and its texts."""

from __future__ import annotations

import re
import shlex
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from drafter.training.exercises import default_set_path
from drafter.training.session import Feedback, Session, Summary, TierRef

#: A line that opens an item of a provision: (1), (a), 2., a.
ITEM_START = re.compile(r"^\s*(?:\([0-9a-zA-Z]{1,4}\)|[0-9]{1,3}\.|[a-z]\.)\s")


def reflow(text: str, width: int, indent: str = "") -> str:
    """Re-wrap a provision for the terminal, keeping paragraphs and (1)/(a) items."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text.strip()):
        blocks: list[str] = []
        for line in para.splitlines():
            if not blocks or ITEM_START.match(line):
                blocks.append(line.strip())
            else:
                blocks[-1] += " " + line.strip()
        for k, block in enumerate(blocks):
            item = k > 0 and ITEM_START.match(block) is not None
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
            + (f"Shuffled with seed {session.seed}. " if session.seed is not None else "")
            + "Type the number of the tier the provision earns; q stops.",
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
    if session.seed is not None:
        again += f" --seed {session.seed}"
    out("\n" + summary_text(session.summary(), width, again, es.categories))
    return code
