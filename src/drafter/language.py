"""Model statute language: a provision per tier, the bill frame, parameters.

All of it is data in model_language/. This module validates it (FILE:LINE
errors), pre-splits each text into literal and placeholder parts so assembly is
a join, and fills placeholders with a draft's parameter values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, model_validator

from drafter.errors import UserError
from drafter.paths import data_dir
from drafter.textsafe import visible
from drafter.validation import validate_doc
from drafter.yamlio import YamlDoc, load_yaml

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_ANY_BRACE = re.compile(r"\{([^{}]*)\}")
_REF = re.compile(r"\{ref:([a-z0-9_.]+)\}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Parameter(_Model):
    type: Literal["text", "number", "list"] = "text"
    prompt: str
    help: str
    default: StrictStr | StrictInt | list[StrictStr] | None = None
    placeholder: str = Field(pattern=r"^[A-Z0-9][A-Z0-9 _-]*$")
    #: Filled in from the mapping key on load.
    name: str = ""


class Provision(_Model):
    slot: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    heading: str | None = None
    text: str
    items: tuple[str, ...] = ()
    items_from: str | None = None
    #: Joins the last two items ("; and" / "; or"); each item ends with ";"
    #: and the last with "." unless the item carries its own punctuation.
    items_conjunction: Literal["and", "or"] | None = None
    terms: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()
    #: Include the provision only when each of these parameters has a value
    #: (a state's victims' rights law, say), or only when each is empty.
    when_filled: tuple[str, ...] = ()
    when_empty: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _no_lone_item(self) -> Provision:
        if len(self.items) == 1:
            raise ValueError("a provision with items needs at least two (no lone subdivision)")
        if self.items and self.items_from:
            raise ValueError("use either items or items_from, not both")
        return self


class TierEntry(_Model):
    """One tier's language: a single provision inline, several, or none (absent)."""

    absent: bool = False
    note: str
    source: str
    #: A phrase the bill's title adds when this tier is chosen (the records a
    #: bill reaches belong in its title).
    title: str | None = None
    # A single provision may be written inline...
    slot: str | None = None
    heading: str | None = None
    text: str | None = None
    items: tuple[str, ...] = ()
    items_from: str | None = None
    items_conjunction: Literal["and", "or"] | None = None
    terms: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()
    # ...or several as a list.
    provisions: tuple[Provision, ...] = ()

    @model_validator(mode="after")
    def _shape(self) -> TierEntry:
        inline = self.text is not None or self.slot is not None
        if self.absent and (inline or self.provisions):
            raise ValueError("an absent tier has no text or provisions")
        if not self.absent and not inline and not self.provisions:
            raise ValueError("give text and slot, a list of provisions, or absent: true")
        if inline and self.provisions:
            raise ValueError("give either inline text or a provisions list, not both")
        if inline and (self.text is None or self.slot is None):
            raise ValueError("an inline provision needs both slot and text")
        return self

    def all_provisions(self) -> tuple[Provision, ...]:
        if self.absent:
            return ()
        if self.provisions:
            return self.provisions
        return (
            Provision(
                slot=self.slot or "",
                heading=self.heading,
                text=self.text or "",
                items=self.items,
                items_from=self.items_from,
                items_conjunction=self.items_conjunction,
                terms=self.terms,
                parameters=self.parameters,
            ),
        )


class CategoryFile(_Model):
    category: str
    provisions: dict[str, TierEntry]


class Definition(_Model):
    text: str
    parameters: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


class ClosingSection(_Model):
    heading: str
    text: str
    parameters: tuple[str, ...] = ()


class FrameProvision(Provision):
    """A provision every bill carries, whatever tiers are chosen (who may file,
    service, the decision, what happens to the order): no choice of tiers can
    remove it, so no combination contradicts another."""

    note: str
    source: str


class Frame(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    section_heading: str
    title_subject: str
    short_title: str
    #: Heading per slot, in the order the subsections appear in the section
    #: ("definitions" first). A provision's own heading wins.
    slot_headings: dict[str, str]
    definitions: dict[str, Definition]
    #: Provisions in every bill, by name, each in its slot after the tiers'.
    provisions: dict[str, FrameProvision] = Field(default_factory=dict)
    applicability: ClosingSection
    severability: ClosingSection

    @cached_property
    def slots(self) -> tuple[str, ...]:
        return tuple(self.slot_headings)


class ParametersFile(_Model):
    parameters: dict[str, Parameter]


# --- compiled text ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Template:
    """A text split once into literal parts and parameter names.

    `parts` alternates literal, name, literal, ... ({ref:...} stays literal: it
    is resolved at render time, when labels are known).
    """

    parts: tuple[str, ...]

    @classmethod
    def compile(cls, text: str) -> Template:
        return cls(tuple(_PLACEHOLDER.split(text)))

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


@dataclass(frozen=True)
class Language:
    """The whole model language, validated and compiled."""

    frame: Frame
    parameters: dict[str, Parameter]
    tiers: dict[tuple[str, str], TierLanguage]
    definitions: dict[str, Template]
    #: category id -> the slot its provisions go in (for open categories).
    category_slots: dict[str, str]
    folder: str
    #: The frame's provisions, in file order (category "frame", tier = name).
    frame_provisions: tuple[CompiledProvision, ...] = ()

    def tier(self, category_id: str, tier_id: str) -> TierLanguage | None:
        return self.tiers.get((category_id, tier_id))

    def values(self, params: Mapping[str, Any]) -> dict[str, str]:
        """Every declared parameter as text: the value, or `[PLACEHOLDER]`."""
        out: dict[str, str] = {}
        for name, decl in self.parameters.items():
            value = params.get(name, decl.default)
            out[name] = format_value(value, decl)
        return out

    def help_text(self, name: str, defaults: Mapping[str, Any], state: str | None) -> str:
        """A parameter's help, with the jurisdiction's own value as its example.

        The shipped help names no state's law; the draft's profile supplies the
        example, so a Texas draft sees Texas citations (and a state with no
        profile value sees none rather than another state's).
        """
        decl = self.parameters[name]
        text = " ".join(decl.help.split())
        value = defaults.get(name)
        if is_empty(value) or not state or "{" in state:
            return text
        return f"{text} {state}: {format_value(value, decl)}."

    def missing(self, names: Iterable[str], params: Mapping[str, Any]) -> list[str]:
        """Which of `names` have neither a value nor a default."""
        out = []
        for name in names:
            decl = self.parameters[name]
            if is_empty(params.get(name, decl.default)):
                out.append(name)
        return out

    def preview(self, category_id: str, tier_id: str, params: Mapping[str, Any]) -> str:
        """The text a tier adds, placeholders filled (or shown as [COURT])."""
        lang = self.tier(category_id, tier_id)
        if lang is None:
            return ""
        if lang.absent:
            return "(No provision: this tier is the absence of one.)"
        values = self.values(params)
        chunks = []
        for p in lang.provisions:
            text = _REF.sub(lambda m: f"[{m.group(1)}]", p.text.fill(values))
            lines = [text]
            items = punctuate_items(item_texts(p, params, values, self.parameters), p)
            lines.extend(f"  ({i}) {t}" for i, t in enumerate(items, start=1))
            chunks.append("\n".join(lines))
        return "\n\n".join(chunks)


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


# --- loading ------------------------------------------------------------------


def _check_placeholders(
    doc: YamlDoc,
    loc: tuple[str | int, ...],
    text: str,
    declared: Iterable[str],
    params: Mapping[str, Parameter],
) -> None:
    listed = set(declared)
    for match in _ANY_BRACE.finditer(text):
        inner = match.group(1)
        if inner.startswith("ref:"):
            continue
        if not _PLACEHOLDER.fullmatch(match.group(0)):
            raise doc.error(loc, f"malformed placeholder {match.group(0)!r}; use {{name}}")
        if inner not in params:
            raise doc.error(
                loc, f"placeholder {{{inner}}} is not declared in parameters.yaml; declare it"
            )
        if inner not in listed:
            raise doc.error(loc, f"placeholder {{{inner}}} is used but not listed in parameters")


def load_language(folder: str | Path | None = None) -> Language:
    """Load and check model_language/ (the shipped one by default)."""
    root = Path(folder) if folder is not None else data_dir("model_language")
    if not root.is_dir():
        raise UserError(root, "model language folder not found; give a folder of YAML files")
    pdoc = load_yaml(root / "parameters.yaml", "parameters file")
    params_file = validate_doc(ParametersFile, pdoc, "parameters file")
    params = {k: v.model_copy(update={"name": k}) for k, v in params_file.parameters.items()}
    for name, decl in params.items():
        if decl.default is not None:
            ok = {
                "text": isinstance(decl.default, str),
                "number": isinstance(decl.default, int),
                "list": isinstance(decl.default, list),
            }[decl.type]
            if not ok:
                raise pdoc.error(
                    ("parameters", name, "default"), f"default does not match type {decl.type}"
                )

    fdoc = load_yaml(root / "frame.yaml", "frame file")
    frame = validate_doc(Frame, fdoc, "frame file")
    definitions: dict[str, Template] = {}
    for term, d in frame.definitions.items():
        _check_placeholders(fdoc, ("definitions", term), d.text, d.parameters, params)
        definitions[term] = Template.compile(d.text)
    for key in ("applicability", "severability"):
        closing = getattr(frame, key)
        _check_placeholders(fdoc, (key, "text"), closing.text, closing.parameters, params)
    for term, d in frame.definitions.items():
        for other in d.terms:
            if other not in frame.definitions:
                raise fdoc.error(("definitions", term, "terms"), f"term {other!r} is not defined")

    frame_provisions = tuple(
        _compile(fdoc, ("provisions", name), prov, "frame", name, frame, params)
        for name, prov in frame.provisions.items()
    )

    tiers: dict[tuple[str, str], TierLanguage] = {}
    category_slots: dict[str, str] = {}
    for path in sorted(root.glob("*.yaml")):
        if path.name in {"parameters.yaml", "frame.yaml"}:
            continue
        doc = load_yaml(path, "model language file")
        cat_file = validate_doc(CategoryFile, doc, "model language file")
        for tier_id, entry in cat_file.provisions.items():
            compiled = []
            for i, prov in enumerate(entry.all_provisions()):
                loc: tuple[str | int, ...] = ("provisions", tier_id)
                if entry.provisions:
                    loc = (*loc, "provisions", i)
                compiled.append(_compile(doc, loc, prov, cat_file.category, tier_id, frame, params))
                category_slots.setdefault(cat_file.category, prov.slot)
            tier_key = (cat_file.category, tier_id)
            if tier_key in tiers:
                raise doc.error(("provisions", tier_id), f"{tier_key} has language in two files")
            tiers[tier_key] = TierLanguage(
                category=cat_file.category,
                tier=tier_id,
                absent=entry.absent,
                note=entry.note,
                source=entry.source,
                provisions=tuple(compiled),
                title=entry.title,
            )
    return Language(
        frame=frame,
        parameters=params,
        tiers=tiers,
        definitions=definitions,
        category_slots=category_slots,
        folder=str(root),
        frame_provisions=frame_provisions,
    )


def _compile(
    doc: YamlDoc,
    loc: tuple[str | int, ...],
    prov: Provision,
    category: str,
    tier: str,
    frame: Frame,
    params: Mapping[str, Parameter],
) -> CompiledProvision:
    """Check one provision against the frame and parameters, and compile it."""
    if prov.slot not in frame.slots:
        raise doc.error(
            (*loc, "slot"),
            f"slot {prov.slot!r} is not one of frame.yaml's slots: " + ", ".join(frame.slots),
        )
    for term in prov.terms:
        if term not in frame.definitions:
            raise doc.error((*loc, "terms"), f"term {term!r} is not defined in frame.yaml")
    conditional = (*prov.when_filled, *prov.when_empty)
    for name in (*prov.parameters, *([prov.items_from] if prov.items_from else []), *conditional):
        if name not in params:
            raise doc.error((*loc, "parameters"), f"parameter {name!r} is not declared")
    if prov.items_from and params[prov.items_from].type != "list":
        raise doc.error((*loc, "items_from"), "items_from must name a list parameter")
    for text in (prov.text, *prov.items):
        _check_placeholders(doc, (*loc, "text"), text, prov.parameters, params)
    return CompiledProvision(
        category=category,
        tier=tier,
        slot=prov.slot,
        heading=prov.heading,
        text=Template.compile(prov.text.strip()),
        items=tuple(Template.compile(t.strip()) for t in prov.items),
        items_from=prov.items_from,
        items_conjunction=prov.items_conjunction,
        terms=prov.terms,
        parameters=prov.parameters,
        when_filled=prov.when_filled,
        when_empty=prov.when_empty,
        note=getattr(prov, "note", ""),
        source=getattr(prov, "source", ""),
    )
