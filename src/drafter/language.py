"""Model statute language: a provision per tier, the bill frame, parameters.

All of it is data in model_language/. This module loads it and checks it
(FILE:LINE errors) into a `Language`: the files' shape is
drafter.language_schema; the compiled texts and how they are filled with a
draft's parameter values are drafter.language_text (its names are re-exported
here, where the assembler, the profiles and the amend package import them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.errors import UserError
from drafter.language_schema import (
    CategoryFile,
    ClosingSection,
    Definition,
    Frame,
    FrameProvision,
    Parameter,
    ParametersFile,
    Provision,
    TierEntry,
)
from drafter.language_text import (
    PLACEHOLDER,
    CompiledProvision,
    Template,
    TierLanguage,
    format_value,
    is_empty,
    item_texts,
    punctuate_items,
    run_in,
    series,
)
from drafter.paths import data_dir
from drafter.validation import validate_doc
from drafter.yamlio import YamlDoc, load_yaml

_ANY_BRACE = re.compile(r"\{([^{}]*)\}")
_REF = re.compile(r"\{ref:([a-z0-9_.]+)\}")


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

    def preview(
        self,
        category_id: str,
        tier_id: str,
        params: Mapping[str, Any],
        refs: Callable[[str], str | None] | None = None,
    ) -> str:
        """The text a tier adds, placeholders filled (or shown as [COURT]).

        `refs` gives the words for a cross-reference (`{ref:nexus}`: "subsection
        (f)", as the bill numbers it); a reference it cannot place, or any
        without it, is shown as "[the nexus provision]".
        """

        def ref(match: re.Match[str]) -> str:
            key = match.group(1)
            words = refs(key) if refs is not None else None
            return words or f"[the {key.replace('_', ' ')} provision]"

        lang = self.tier(category_id, tier_id)
        if lang is None:
            return ""
        if lang.absent:
            return "(No provision: this tier is the absence of one.)"
        values = self.values(params)
        chunks = []
        for p in lang.provisions:
            text = _REF.sub(ref, p.text.fill(values))
            items = punctuate_items(item_texts(p, params, values, self.parameters), p)
            if len(items) == 1:
                # As the bill words it: one item runs into the sentence.
                lines = [run_in(text, items[0])]
            else:
                lines = [text]
                lines.extend(f"  ({i}) {t}" for i, t in enumerate(items, start=1))
            chunks.append("\n".join(lines))
        return "\n\n".join(chunks)


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
        if not PLACEHOLDER.fullmatch(match.group(0)):
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


__all__ = [
    "CategoryFile",
    "ClosingSection",
    "CompiledProvision",
    "Definition",
    "Frame",
    "FrameProvision",
    "Language",
    "Parameter",
    "ParametersFile",
    "Provision",
    "Template",
    "TierEntry",
    "TierLanguage",
    "format_value",
    "is_empty",
    "item_texts",
    "load_language",
    "punctuate_items",
    "run_in",
    "series",
]
