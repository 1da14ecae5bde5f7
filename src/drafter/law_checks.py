"""`drafter validate` on the atlas: every profile's law is sourced, complete and true to its text.

- every jurisdiction (not the generic profile) records its law: a status and a
  source, and citations wherever a statute exists;
- every reading names a real tier of a real category (and its `other` tiers),
  and covers every category, or says why the rest are open;
- the texts a reading was made from exist in the shared folder, and each
  decisive quote occurs in them (checked only where the folder is present);
- a sourced marking convention agrees with the style the bills are drawn in.
"""

from __future__ import annotations

import re
from pathlib import Path

from drafter.errors import UserError
from drafter.jurisdiction import Profile
from drafter.rubric import Rubric
from drafter.yamlio import load_yaml

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _flat(text: str) -> str:
    # Case, curly quotes and runs of whitespace never decide whether a quote occurs.
    return " ".join(text.translate(_QUOTES).casefold().split())


def quote_occurs(quote: str, text: str) -> bool:
    """True when the quote's parts (split at "...") occur in the text, in order."""
    flat = _flat(text)
    at = 0
    for part in (p.strip() for p in re.split(r"\.\.\.|…", quote)):
        if not part:
            continue
        found = flat.find(_flat(part), at)
        if found < 0:
            return False
        at = found + len(_flat(part))
    return True


def check_law(profile: Profile, rubric: Rubric, shared: Path | None) -> list[UserError]:
    """Problems with one profile's recorded law (empty when sound)."""
    if profile.is_generic:
        return []
    doc = load_yaml(profile.path, "jurisdiction profile")

    def problem(loc: tuple[str | int, ...], message: str) -> UserError:
        return doc.error(loc, message)

    law = profile.law
    if law is None:
        return [problem((), f"{profile.name}: no law: block; record its status and source")]
    out: list[UserError] = []
    if not law.source:
        out.append(problem(("law",), "law.source is missing: give the official source's URL"))
    cats = {c.id: c for c in rubric.categories}
    for cat_id, reading in law.reading.items():
        loc = ("law", "reading", cat_id)
        cat = cats.get(cat_id)
        if cat is None:
            out.append(problem(loc, f"unknown category {cat_id!r}; one of: {', '.join(cats)}"))
            continue
        tiers = {t.id for t in cat.statute_tiers}
        for tier in (reading.tier, *reading.other):
            if tier is not None and tier not in tiers:
                out.append(
                    problem(loc, f"{cat_id}: unknown tier {tier!r}; one of: {', '.join(tiers)}")
                )
    missing = [c for c in cats if c not in law.reading]
    if law.status in ("adults", "minors_only") and missing and not law.unread:
        out.append(
            problem(
                ("law", "reading"),
                f"{profile.name}: categories not read: {', '.join(missing)}; read them, mark "
                "each open: REASON, or give law.unread: REASON",
            )
        )
    out.extend(_check_quotes(profile, shared, problem))
    out.extend(_check_marking(profile, problem))
    return out


def _check_quotes(profile: Profile, shared: Path | None, problem) -> list[UserError]:  # type: ignore[no-untyped-def]
    law = profile.law
    if shared is None or law is None or law.text is None or not law.text.files:
        return []
    texts = []
    out: list[UserError] = []
    for i, name in enumerate(law.text.files):
        path = shared / name
        if not path.is_file():
            out.append(problem(("law", "text", "files", i), f"{name} is not in {shared}"))
            continue
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
    if out:
        return out
    whole = "\n".join(texts)
    for cat_id, reading in law.reading.items():
        if reading.quote and not quote_occurs(reading.quote, whole):
            out.append(
                problem(
                    ("law", "reading", cat_id, "quote"),
                    f"{cat_id}: the quote {reading.quote!r} does not occur in "
                    f"{', '.join(law.text.files)}; quote the text's own words",
                )
            )
    return out


def _check_marking(profile: Profile, problem) -> list[UserError]:  # type: ignore[no-untyped-def]
    marking = profile.forms.marking
    if marking is None or profile.generic_style:
        return []
    style = profile.style_spec
    if (marking.inserted, marking.deleted) != (style.inserted, style.deleted):
        return [
            problem(
                ("forms", "marking"),
                f"forms.marking ({marking.inserted} / {marking.deleted}) disagrees with "
                f"style ({style.inserted} / {style.deleted}); make them one convention",
            )
        ]
    return []


def check_atlas(rubric: Rubric, profiles: list[Profile], shared: Path | None) -> list[UserError]:
    out: list[UserError] = []
    for profile in profiles:
        out.extend(check_law(profile, rubric, shared))
    return out


__all__ = ["check_atlas", "check_law", "quote_occurs"]
