"""Loading the reader's rules: the signals file beside the rubric, validated, compiled."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from drafter.errors import UserError
from drafter.paths import data_dir
from drafter.reader.literals import _top_level_branches, _upper_letter
from drafter.reader.match import Negation, Phrase
from drafter.reader.patterns import (
    _branch,
    _check_lower_and_safe,
    _layout_rules,
    _refuse_backtracking,
    _regex,
)
from drafter.reader.schema import _Item, _Reading, _SignalsFile, _TierSignals
from drafter.reader.tiers import CategoryReading, Signals, TierSignals, WhenSilent
from drafter.rubric import Rubric
from drafter.validation import validate_doc
from drafter.yamlio import YamlDoc, load_yaml


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
    _refuse_backtracking(doc, loc, text)
    try:
        pattern = re.compile(text)
        branches = tuple(_branch(b) for b in _top_level_branches(text))
    except re.error as exc:
        raise doc.error(loc, f"bad regular expression: {exc}") from None
    return Phrase(pattern, branches, negation)


def _compile_tier(
    doc: YamlDoc,
    loc: tuple[str | int, ...],
    category: str,
    tier: str,
    spec: _TierSignals,
    negation: Negation | None,
    cache: dict[tuple[object, ...], Phrase],
    siblings: dict[str, TierSignals] | None = None,
) -> TierSignals:
    neg = negation if spec.negatable else None
    if spec.negated_by is not None and negation is not None:
        cues = _regex(doc, (*loc, "negated_by"), spec.negated_by)
        neg = replace(negation, cues=cues)
    if spec.waived_by is not None and neg is not None:
        waivers = _regex(doc, (*loc, "waived_by"), spec.waived_by)
        neg = replace(neg, waivers=waivers)
    outside = (
        _regex(doc, (*loc, "not_in_sentence_with"), "|".join(spec.not_in_sentence_with))
        if spec.not_in_sentence_with
        else None
    )

    def phrase(at: tuple[str | int, ...], text: str, negate: Negation | None, **kw) -> Phrase:  # type: ignore[no-untyped-def]
        key = (
            text,
            id(negate) if negate else None,
            kw.get("outside"),
            kw.get("unless", ()),
            kw.get("own_sentence", False),
        )
        if key not in cache:
            base = _compile_phrase(doc, at, text, negate)
            cache[key] = replace(base, **kw) if kw else base
        return cache[key]

    def phrases(
        kind: str, items: tuple[str | _Item, ...], negate: Negation | None, scoped: bool = True
    ) -> tuple[Phrase, ...]:
        out = []
        for i, item in enumerate(items):
            kw: dict[str, object] = {}
            if scoped and outside is not None:
                kw["outside"] = outside
            text = item
            if isinstance(item, _Item):
                text = item.pattern
                if item.own_sentence:
                    kw["own_sentence"] = True
                if item.unless:
                    kw["unless"] = tuple(
                        phrase((*loc, kind, i, "unless", j), u, negation)
                        for j, u in enumerate(item.unless)
                    )
            out.append(phrase((*loc, kind, i), str(text), negate, **kw))
        return tuple(out)

    if spec.arguable_with is not None and siblings is not None and spec.arguable_with == tier:
        raise doc.error((*loc, "arguable_with"), f"{tier} cannot be arguable with itself")
    return TierSignals(
        category,
        tier,
        phrases("any", spec.any_, neg),
        phrases("all", spec.all_, neg),
        spec.absent,
        # An exclusion counts only where it is really said: negation applies to it too.
        phrases("unless", spec.unless, negation, scoped=False),
        phrases("also", spec.also, negation, scoped=False),
        " ".join(spec.describe.split()),
        spec.yields_to,
        phrases("arguable", spec.arguable, neg),
        spec.arguable_with,
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


_NAME_REF = re.compile(r"\{([a-z_]+)\}")
_PARENS = re.compile(r"\(([^()]*)\)")


def own_name_pattern(name: str) -> tuple[str, ...]:
    """Patterns for a name as a profile writes it ("the Government (United States
    Attorney)" is "government" and "united states attorney"), plural allowed."""
    low = " ".join(name.lower().replace("\u2019", "'").split())
    parts = [_PARENS.sub("", low), *_PARENS.findall(low)]
    out = []
    for part in parts:
        part = part.strip(" ,;")
        if part.startswith("the "):
            part = part[4:]
        if part:
            out.append(re.escape(part) + "s?")
    return tuple(out)


def _with_names(doc: YamlDoc, extra: Mapping[str, Sequence[str]] | None) -> YamlDoc:
    """The file with each `{name}` in a pattern spelled out from the `names:` block
    (and the names a jurisdiction adds: its own term for the prosecutor)."""
    data = doc.data
    if not isinstance(data, dict):
        return doc
    raw = data.get("names") or {}
    names: dict[str, list[str]] = {}
    if isinstance(raw, dict):
        for key, items in raw.items():
            if isinstance(items, list):
                names[str(key)] = [str(i) for i in items]
                for i, item in enumerate(names[str(key)]):
                    # Checked here, at its own line, before it is spelled out in patterns.
                    _check_lower_and_safe(doc, ("names", key, i), item, "name")
    for key, own in (extra or {}).items():
        names.setdefault(key, []).extend(p for text in own for p in own_name_pattern(text))
    groups = {k: "(?:" + "|".join(v) + ")" for k, v in names.items() if v}

    def walk(node: Any, loc: tuple[str | int, ...]) -> Any:
        if isinstance(node, str):

            def spell(m: re.Match[str]) -> str:
                found = groups.get(m.group(1))
                if found is None:
                    known = ", ".join(f"{{{k}}}" for k in sorted(groups)) or "none"
                    raise doc.error(
                        loc, f"unknown name {m.group()} in a pattern; the names: block has {known}"
                    )
                return found

            return _NAME_REF.sub(spell, node)
        if isinstance(node, dict):
            return {k: walk(v, (*loc, k)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, (*loc, i)) for i, v in enumerate(node)]
        return node

    out = dict(data)
    for key in ("relief_statute", "reading", "categories"):
        if key in out:
            out[key] = walk(out[key], (key,))
    return YamlDoc(doc.path, out, doc.lines)


def load_signals(
    rubric: Rubric,
    path: str | Path | None = None,
    names: Mapping[str, Sequence[str]] | None = None,
) -> Signals:
    """Load the signals beside the rubric (or `path`) and check them against it.

    `names` adds to the file's `names:` block: a jurisdiction's own name for the
    prosecutor ({"prosecutor": ["attorney representing the state"]}), matched
    wherever a pattern says `{prosecutor}`.
    """
    path = Path(path) if path is not None else default_signals_path(rubric)
    doc = _with_names(load_yaml(path, "signals file"), names)
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
                waiver_breaks=re.compile(raw.negation.waiver_breaks),
            )
        except re.error as exc:
            raise doc.error(("negation",), f"bad regular expression: {exc}") from None
    cache: dict[tuple[object, ...], Phrase] = {}
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
        shared = raw.reading[category].not_in_sentence_with if category in raw.reading else ()
        for tier, spec in tiers.items():
            if shared and not spec.absent:
                spec = spec.model_copy(
                    update={"not_in_sentence_with": (*spec.not_in_sentence_with, *shared)}
                )
            if tier not in known:
                raise doc.error(
                    ("categories", category, tier), f"unknown tier {tier!r} in {category}"
                )
            for other in (*spec.yields_to, *filter(None, [spec.arguable_with])):
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
    layout = _layout_rules(doc, raw.provisions)
    reading = {
        category: _compile_reading(doc, category, spec, compiled, negation, cache)
        for category, spec in raw.reading.items()
    }
    return Signals(raw.rubric, compiled, str(path), gate, negation, layout, reading)


def _compile_reading(
    doc: YamlDoc,
    category: str,
    spec: _Reading,
    compiled: dict[str, dict[str, TierSignals]],
    negation: Negation | None,
    cache: dict[tuple[object, ...], Phrase],
) -> CategoryReading:
    loc: tuple[str | int, ...] = ("reading", category)
    if category not in compiled:
        raise doc.error(loc, f"unknown category {category!r}; choose from {', '.join(compiled)}")
    topic = _regex(doc, (*loc, "topic"), "|".join(spec.topic)) if spec.topic else None
    silent = None
    if spec.when_silent is not None:
        for tier in spec.when_silent.ambiguous:
            if tier not in compiled[category]:
                raise doc.error((*loc, "when_silent", "ambiguous"), f"unknown tier {tier!r}")
        reads = spec.when_silent.reads
        if reads is not None and reads not in compiled[category]:
            raise doc.error((*loc, "when_silent", "reads"), f"unknown tier {reads!r}")
        given = _TierSignals(any=spec.when_silent.given)  # type: ignore[call-arg]
        silent = WhenSilent(
            _compile_tier(
                doc, (*loc, "when_silent"), category, "when_silent", given, negation, cache
            ),
            spec.when_silent.ambiguous,
            " ".join(spec.when_silent.note.split()),
            reads,
        )
    terms = (
        _regex(doc, (*loc, "definitions_of"), "|".join(spec.definitions_of))
        if spec.definitions_of
        else None
    )
    silence = None
    if spec.silence is not None:
        if spec.silence.reads not in compiled[category]:
            raise doc.error((*loc, "silence", "reads"), f"unknown tier {spec.silence.reads!r}")
        if topic is None:
            raise doc.error((*loc, "silence"), "give topic: words, so that silence can be told")
        silence = (spec.silence.reads, " ".join(spec.silence.note.split()))
    unweighed = (
        _regex(doc, (*loc, "unweighed"), "|".join(spec.unweighed)) if spec.unweighed else None
    )
    return CategoryReading(frozenset(spec.reads), topic, silent, terms, silence, unweighed)
