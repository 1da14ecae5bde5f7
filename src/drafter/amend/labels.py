"""Labels for new provisions, so that an amendment renumbers nothing.

A state that adds subsections at the end (Missouri) gets the next label after
the last ("3." after "2."). A state that inserts beside the provision it
belongs with (Texas) labels it from that one: "(a-1)" after "(a)", "(a-2)"
after that; a provision that belongs last still takes the next label ("(f)").
Nothing already in the section changes its label, so no reference to it,
inside or outside the section, breaks. A state that inserts in place
(`in_place`) gives the new provision the label after the one it follows, and
drafter.amend.renumber moves the rest down.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from drafter.amend.fit import Definitions
from drafter.bill import Style, counter, ref_label

#: Where a state puts a new provision: at the end, after the one it belongs with
#: without renumbering ("(a-1)"), or there with the next label (renumbering the rest).
InsertAt = Literal["end", "after", "in_place"]

_DOTTED = re.compile(r"^([A-Za-z]+|\d+)\.$")
_PAREN = re.compile(r"^\(([A-Za-z]+|\d+)(?:-\d+)?\)$")


@dataclass(frozen=True, slots=True)
class Placed:
    """A new provision: its label path, its text, and where it goes."""

    path: tuple[str, ...]
    text: str
    #: The category it carries ("" for the definitions it needs).
    category: str
    #: The provision it follows (with everything under it); None: at the end.
    after: tuple[str, ...] | None = None


def _step(core: str) -> str:
    if core.isdigit():
        return str(int(core) + 1)
    # a..z, then aa, bb, as the ladders do
    n = (len(core) - 1) * 26 + (ord(core[0].lower()) - ord("a")) + 2
    out = counter("a", n)
    return out.upper() if core.isupper() else out


def next_label(label: str) -> str:
    """The label after this one at the same level: "2." -> "3.", "(e)" -> "(f)"."""
    m = _DOTTED.match(label)
    if m:
        return f"{_step(m.group(1))}."
    m = _PAREN.match(label)
    if m:
        return f"({_step(m.group(1))})"
    return label + "-1"


def sub_label(anchor: str, n: int) -> str:
    """The n-th label inserted after `anchor`: "(a)" -> "(a-1)", "1." -> "1-1."."""
    m = _PAREN.match(anchor)
    if m:
        return f"({m.group(1)}-{n})"
    m = _DOTTED.match(anchor)
    if m:
        return f"{m.group(1)}-{n}."
    return f"{anchor}-{n}"


def place_inserts(
    items: Sequence[tuple[str, Sequence[str], str]],
    definitions: Definitions | None,
    provisions: Sequence[tuple[tuple[str, ...], set[str]]],
    slot_of: Mapping[str, str],
    slot_order: Mapping[str, int],
    at: InsertAt,
    last_label: str | None = None,
) -> list[Placed]:
    """Labels and places for new provisions: (slot, texts, category) each, then definitions.

    `last_label` is the section's last top-level label when the text stops short of it."""
    tops: list[str] = []
    carried: dict[str, set[str]] = {}
    for path, cats in provisions:
        if not path:
            continue
        if path[0] not in carried:
            tops.append(path[0])
            carried[path[0]] = set()
        carried[path[0]] |= cats
    if not tops:
        # No labelled subsections: new text follows as unlabelled paragraphs.
        out = [Placed((), " ".join(texts), cat) for _, texts, cat in items]
        return out + ([Placed((), definitions.text, "")] if definitions else [])
    order = {
        top: min((slot_order.get(slot_of.get(c, ""), 99) for c in cats), default=99)
        for top, cats in carried.items()
    }
    out = []
    last = last_label or tops[-1]
    taken = set(tops)
    for slot, texts, cat in items:
        anchor = None
        if at != "end":
            want = slot_order.get(slot, 99)
            anchor = next((t for t in reversed(tops) if order[t] <= want), None)
        if anchor is None or anchor == tops[-1]:
            last = next_label(last)
            out.append(Placed((last,), " ".join(texts), cat))
            continue
        if at == "in_place" or not (_PAREN.match(anchor) or _DOTTED.match(anchor)):
            # The next label, after everything inserted there already; the
            # provisions after it are renumbered (drafter.amend.renumber).
            out.append(Placed((next_label(anchor),), " ".join(texts), cat, (anchor,)))
            continue
        n = 1
        while sub_label(anchor, n) in taken:
            n += 1
        label = sub_label(anchor, n)
        taken.add(label)
        prev = (sub_label(anchor, n - 1),) if n > 1 else (anchor,)
        out.append(Placed((label,), " ".join(texts), cat, prev))
    if definitions:
        last = next_label(last)
        out.append(Placed((last,), definitions.lead, ""))
        out.extend(Placed((last, label), text, "") for label, text in definitions.items)
    return out


def reference(path: tuple[str, ...], style: Style) -> str:
    """A reference to a provision of the section in the style's words."""
    names = style.level_names
    if style.ref_joined:
        return f"{names[0]} {''.join(ref_label(p) for p in path)}{style.ref_suffix}"
    parts = [f"{names[min(i, len(names) - 1)]} {ref_label(label)}" for i, label in enumerate(path)]
    return " of ".join(reversed(parts)) + style.ref_suffix
