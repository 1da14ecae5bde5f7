"""Model language compiled: texts split once into literal parts and placeholders, and filled.

A `Template` is a text split into literal parts and parameter names, so filling
it is a join; a `CompiledProvision` is one provision ready for assembly; the
helpers turn a draft's parameter values into bill text (lists as a series,
unfilled values as a visible [PLACEHOLDER], child items punctuated).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from drafter.language_schema import Parameter
from drafter.textsafe import visible

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class Template:
    """A text split once into literal parts and parameter names.

    `parts` alternates literal, name, literal, ... ({ref:...} stays literal: it
    is resolved at render time, when labels are known).
    """

    parts: tuple[str, ...]

    @classmethod
    def compile(cls, text: str) -> Template:
        return cls(tuple(PLACEHOLDER.split(text)))

    def names(self) -> tuple[str, ...]:
        return self.parts[1::2]

    def fill(self, values: Mapping[str, str]) -> str:
        parts = self.parts
        if len(parts) == 1:
            return parts[0]
        out = list(parts)
        for i in range(1, len(parts), 2):
            out[i] = values[parts[i]]
        return "".join(out)


def series(items: Iterable[str], conjunction: str = "and") -> str:
    """ "a", "a and b", "a, b, and c" (the serial comma, as drafting manuals prefer)."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


@dataclass(frozen=True, slots=True)
class CompiledProvision:
    category: str
    tier: str
    slot: str
    heading: str | None
    text: Template
    items: tuple[Template, ...]
    items_from: str | None
    items_conjunction: str | None
    terms: tuple[str, ...]
    parameters: tuple[str, ...]
    when_filled: tuple[str, ...] = ()
    when_empty: tuple[str, ...] = ()
    #: For a frame provision: why it is there and where it comes from.
    note: str = ""
    source: str = ""

    def applies(self, params: Mapping[str, Any], decls: Mapping[str, Parameter]) -> bool:
        """Whether the provision belongs in a bill with these parameter values."""

        def filled(name: str) -> bool:
            return not is_empty(params.get(name, decls[name].default))

        return all(filled(n) for n in self.when_filled) and not any(
            filled(n) for n in self.when_empty
        )


@dataclass(frozen=True, slots=True)
class TierLanguage:
    category: str
    tier: str
    absent: bool
    note: str
    source: str
    provisions: tuple[CompiledProvision, ...]
    title: str | None = None

    @property
    def parameters(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for p in self.provisions:
            for name in p.parameters:
                seen[name] = None
            if p.items_from:
                seen[p.items_from] = None
        return tuple(seen)

    @property
    def slots(self) -> tuple[str, ...]:
        return tuple(p.slot for p in self.provisions)


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def format_value(value: Any, decl: Parameter) -> str:
    if is_empty(value):
        return f"[{decl.placeholder}]"
    if isinstance(value, (list, tuple)):
        return series(visible(str(v)) for v in value)
    return visible(str(value))


def item_texts(
    p: CompiledProvision,
    params: Mapping[str, Any],
    values: Mapping[str, str],
    decls: Mapping[str, Parameter],
) -> list[str]:
    """A provision's child paragraphs: its own items, or a list parameter's values.

    An unfilled list parameter gives one visible `[PLACEHOLDER]` item.
    """
    if p.items:
        return [t.fill(values) for t in p.items]
    if p.items_from:
        decl = decls[p.items_from]
        raw = params.get(p.items_from, decl.default)
        if isinstance(raw, (list, tuple)) and not is_empty(raw):
            return [visible(str(v)) for v in raw]
        if isinstance(raw, str) and raw.strip():
            # A draft file's string is one item, commas and all: never split.
            return [visible(raw.strip())]
        return [f"[{decl.placeholder}]"]
    return []


def run_in(lead: str, item: str) -> str:
    """A lone item run into its lead-in sentence, ended once.

    One item (an unfilled list's `[PLACEHOLDER]`, or a list of one) reads in the
    sentence after its lead-in's colon, not as a paragraph of its own:
    "... or one of the following violent felonies: robbery." `item` may come
    from punctuate_items already ended with a period; it is not ended twice.
    """
    return f"{lead.rstrip()} {item.rstrip().rstrip('.;')}."


def punctuate_items(items: list[str], p: CompiledProvision) -> list[str]:
    """End items ";", the next-to-last "; and"/"; or", the last "." (drafting style).

    Items that end in their own punctuation, or provisions without a
    conjunction, are left as written.
    """
    if p.items_conjunction is None or not items:
        return items
    out = []
    last = len(items) - 1
    for i, item in enumerate(items):
        if item[-1:] in ".;:,":
            out.append(item)
        elif i == last:
            out.append(item + ".")
        elif i == last - 1:
            out.append(f"{item}; {p.items_conjunction}")
        else:
            out.append(item + ";")
    return out
