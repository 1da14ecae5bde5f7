"""`drafter validate`: the data's own consistency, checked end to end.

- every tier a statute can take has language (coverage included);
- every placeholder is declared (checked on load) and every cross-reference
  names a slot that every bill has;
- every tier's signals are found in its own language, and no other tier's
  signals of the same category are found anywhere in the language or frame;
- every jurisdiction profile loads, and its law is sourced and read (law_checks);
- each draft file given loads;
- no text in any of those files holds a control character or bidi override
  (drafter shows them as pictures, but data meant for bills should not hold them).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from drafter.bill import Bill
from drafter.errors import UserError
from drafter.language import Language, load_language
from drafter.paths import data_dir, default_rubric_path
from drafter.reader import Signals, load_signals, normalize_fast
from drafter.rubric import COVERAGE, Rubric
from drafter.textsafe import first_unsafe
from drafter.yamlio import Loc, load_yaml


def _sample_values(language: Language) -> dict[str, str]:
    # Sample values that carry no signal words of their own, except a text
    # default (the records remedy's "sealing"), which is what a bill shows.
    out = {}
    for name, decl in language.parameters.items():
        if decl.type == "text" and isinstance(decl.default, str):
            out[name] = decl.default
        elif decl.type == "list":
            out[name] = "first item, second item, and third item"
        elif decl.type == "number":
            out[name] = "3"
        else:
            out[name] = f"the {name.replace('_', ' ')} value"
    return out


def _tier_texts(language: Language) -> dict[tuple[str, str], str]:
    values = _sample_values(language)
    out = {}
    for key, lang in language.tiers.items():
        parts = []
        for p in lang.provisions:
            parts.append(p.text.fill(values))
            parts.extend(t.fill(values) for t in p.items)
        out[key] = normalize_fast(" ".join(parts))
    return out


def check_language(
    rubric: Rubric,
    language: Language,
    signals: Signals,
    render: Callable[[Bill], str] | None = None,
) -> list[UserError]:
    """Check the model language against the rubric and the signals; with `render`
    (a bill as plain text), also assemble bills and read each one back."""
    where = language.folder
    problems: list[UserError] = []
    for cat in rubric.categories:
        for tier in cat.statute_tiers:
            if language.tier(cat.id, tier.id) is None:
                problems.append(
                    UserError(where, f"{cat.id}: tier {tier.id!r} has no model language; add it")
                )
    for cov in ("adults", "minors_only"):
        if language.tier(COVERAGE, cov) is None:
            problems.append(UserError(where, f"coverage {cov!r} has no model language; add it"))

    # A reference must point at a slot every bill has: one that every tier of
    # some category fills (an open category keeps its slot with a placeholder).
    # The frame's unconditional provisions are in every bill too.
    always: set[str] = {
        p.slot for p in language.frame_provisions if not (p.when_filled or p.when_empty)
    }
    for cat_id in {c for c, _ in language.tiers}:
        cat_tiers = [t for (c, _), t in language.tiers.items() if c == cat_id]
        if all(not t.absent for t in cat_tiers):
            common = set.intersection(*(set(t.slots) for t in cat_tiers))
            always |= common
    frame = [("frame", p.tier, p) for p in language.frame_provisions]
    tiered = [(c, t, p) for (c, t), lang in language.tiers.items() for p in lang.provisions]
    for cat_id, tier_id, p in (*tiered, *frame):
        for template in (p.text, *p.items):
            for part in template.parts[0::2]:
                for ref in _refs(part):
                    if ref not in always:
                        problems.append(
                            UserError(
                                where,
                                f"{cat_id}: {tier_id}: reference {{ref:{ref}}} names a "
                                "slot that not every bill has; refer to one of "
                                + ", ".join(sorted(always)),
                            )
                        )

    texts = _tier_texts(language)
    for category, tiers in signals.categories.items():
        for tier_id, sig in tiers.items():
            own = texts.get((category, tier_id))
            if own is None:
                continue
            if not sig.absent and sig.search(own) is None:
                problems.append(
                    UserError(
                        signals.path,
                        f"{category}: {tier_id}: its signals are not found in its own language",
                    )
                )
            for other_id, other in tiers.items():
                if other_id != tier_id and other.search(own) is not None:
                    problems.append(
                        UserError(
                            signals.path,
                            f"{category}: the language of {tier_id} shows the signals of "
                            f"{other_id}",
                        )
                    )
    # A frame provision earns no tier, so it may show no tier's signals, unless
    # the tier yields to every other tier of its category (serving the
    # prosecutor reads as a voice without a veto, which any other discretion
    # tier overrides), so it can never change what a bill reads as.
    values = _sample_values(language)
    for p in language.frame_provisions:
        text = normalize_fast(" ".join([p.text.fill(values), *(t.fill(values) for t in p.items)]))
        for category, tiers in signals.categories.items():
            for tier_id, sig in tiers.items():
                others = {t for t, s in tiers.items() if t != tier_id and not s.absent}
                if others and others <= set(sig.yields_to):
                    continue
                if not sig.absent and sig.search(text) is not None:
                    problems.append(
                        UserError(
                            where,
                            f"frame: {p.tier}: shows the signals of {category}: {tier_id}; "
                            "reword it, or move the words into that tier's language",
                        )
                    )
    if not problems and render is not None:
        problems.extend(check_read_back(rubric, language, signals, render))
    return problems


def rotations(rubric: Rubric) -> list[dict[str, str]]:
    """A fixed set of whole drafts that puts every tier beside many others.

    For each category and tier, the other categories take their tier number
    k (mod their count) for k in 0..5: every tier appears in six different
    surroundings, and every pair of tiers of neighbouring sizes meets.
    """
    cats = [(c.id, [t.id for t in c.statute_tiers]) for c in rubric.categories]
    out = []
    for cat_id, tiers in cats:
        for tier in tiers:
            for k in range(6):
                choice = {c: ts[(k + i) % len(ts)] for i, (c, ts) in enumerate(cats)}
                choice[cat_id] = tier
                out.append(choice)
    return out


def check_read_back(
    rubric: Rubric, language: Language, signals: Signals, render: Callable[[Bill], str]
) -> list[UserError]:
    """Assemble bills and read each one back: the chosen tiers, and no others.

    Read as `drafter analyze` reads a statute (by provision; the notes under the
    bill are not the statute), so what validate promises is what a user sees.
    """
    from drafter.assembly import assemble
    from drafter.draft import Draft
    from drafter.jurisdiction import list_profiles
    from drafter.reader import analyze

    problems: list[UserError] = []
    profiles = list_profiles()
    for i, choices in enumerate(rotations(rubric)):
        coverage = "adults" if i % 2 == 0 else "minors_only"
        draft = Draft(coverage=coverage, choices=choices)
        bill = assemble(draft, rubric, language, profiles[i % len(profiles)])
        analysis = analyze(render(bill), rubric, signals)
        read = {f.category: f for f in (analysis.coverage, *analysis.findings)}
        expected = {**choices, COVERAGE: coverage}
        for category, f in read.items():
            tiers = list(f.candidates) if f.confidence == "ambiguous" else [f.tier or ""]
            if tiers != [expected[category]]:
                problems.append(
                    UserError(
                        signals.path,
                        f"{category}: a bill choosing {expected[category]!r} reads as "
                        f"{', '.join(tiers) or 'nothing'} (with {choices})",
                    )
                )
        if len(problems) > 5:
            break
    return problems


def _refs(text: str) -> list[str]:
    from drafter.bill import refs_in

    return refs_in(text)


def check_text(paths: list[str | Path]) -> list[UserError]:
    """Every string (key or value) holding a control character or bidi control."""
    problems: list[UserError] = []
    for path in dict.fromkeys(str(p) for p in paths):
        if not Path(path).is_file():
            continue
        doc = load_yaml(path)
        found_here: list[UserError] = []
        stack: list[tuple[Loc, Any]] = [((), doc.data)]
        while stack:
            loc, value = stack.pop()
            if isinstance(value, dict):
                for key, item in value.items():
                    stack.append(((*loc, key), key))
                    stack.append(((*loc, key), item))
            elif isinstance(value, list):
                stack.extend(((*loc, i), item) for i, item in enumerate(value))
            elif isinstance(value, str) and (found := first_unsafe(value)):
                found_here.append(
                    doc.error(loc, f"text holds a {found}; remove it (it can disguise text)")
                )
        problems.extend(sorted(found_here, key=lambda e: e.line or 0))
    return problems


def check_all(
    rubric: Rubric,
    language_dir: str | None,
    signals_path: str | None,
    drafts: list[str],
    rubric_path: str | None = None,
    render: Callable[[Bill], str] | None = None,
) -> tuple[list[UserError], str]:
    """Run every check; returns the problems and, when none, a summary.

    `render` turns a bill into plain text for the read-back check (the command
    line passes drafter.render.text.render_text; this module renders nothing).
    """
    problems: list[UserError] = []
    language = load_language(language_dir)
    signals = load_signals(rubric, signals_path)
    problems.extend(check_language(rubric, language, signals, render))

    from drafter.jurisdiction import list_profiles

    profiles = list_profiles()
    from drafter.jurisdiction_index import unlisted_files
    from drafter.law_checks import check_atlas
    from drafter.paths import shared_dir

    shared = shared_dir()
    problems.extend(check_atlas(rubric, profiles, shared))
    problems.extend(
        UserError(path, "not listed in jurisdictions/index.yaml; add it there")
        for path in unlisted_files()
    )
    from drafter.standards import list_standards

    # Every shipped standard file, criteria ones checked against the shipped rubric.
    try:
        standards = ", ".join(f"{i.standard.id} ({i.kind})" for i in list_standards())
    except UserError as exc:
        problems.append(exc)
        standards = ""
    from drafter.draft import load_draft
    from drafter.training import check_file, check_shipped

    # Exercise sets and lessons files (format: drafter-exercises/1,
    # drafter-lessons/1) are checked as such; anything else as a draft.
    training_problems, training_summary = check_shipped(rubric)
    problems.extend(training_problems)
    checked: list[str] = []
    for path in drafts:
        try:
            what = check_file(path, rubric)
            if what is None:
                load_draft(path, rubric)
            else:
                checked.append(what)
        except UserError as exc:
            problems.append(exc)
    text_files = [
        rubric_path or default_rubric_path(),
        *sorted(Path(language.folder).rglob("*.yaml")),
        signals.path,
        *(p.path for p in profiles if p.path),
        *sorted(data_dir("exercises").glob("*.yaml")),
        *drafts,
    ]
    if not problems:
        problems.extend(check_text(text_files))
    n_tiers = sum(len(c.statute_tiers) for c in rubric.categories)
    summary = (
        f"ok: rubric {rubric.id}: {len(rubric.categories)} categories, {n_tiers} statute tiers\n"
        f"ok: model language {Path(language.folder).name}/: "
        f"{len(language.tiers)} tier entries, {len(language.parameters)} parameters\n"
        f"ok: signals: every tier reads from its own language and no other\n"
        f"ok: standards: {standards}\n"
        f"ok: jurisdictions: {len(profiles) - 1} profiles and the generic one; every law "
        "sourced, every reading complete or open with a reason"
        + (
            f"; every decisive quote found in its text ({shared})\n"
            if shared is not None
            else "; quotes not checked (no shared folder with the texts)\n"
        )
    )
    summary += training_summary
    summary += "".join(f"ok: {what}\n" for what in checked)
    if len(drafts) > len(checked):
        summary += f"ok: {len(drafts) - len(checked)} draft file(s)\n"
    return problems, summary
