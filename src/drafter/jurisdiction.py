"""Jurisdiction profiles: a state's drafting conventions, as data (loading and lookup).

A profile (jurisdictions/<state>.yaml) holds the constitutionally required
enacting clause, the title and instruction forms for a new or re-enacted
section, the numbering ladder and labels, the closing sections a bill in that
state carries, how a redline marks new and deleted text, parameter defaults we
are sure of, and where each fact came from. Changing any of it never needs code.

Values may hold `{name}` placeholders; the assembler fills them from the draft's
parameters (and these defaults), and one left empty shows as `[NAME]`.
The schema (what a profile may hold) is drafter.profile_schema; its models are
re-exported here, where the rest of drafter has always imported them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from drafter.errors import UserError
from drafter.jurisdiction_index import entry_for_id, find_entry, list_entries
from drafter.paths import data_dir
from drafter.profile_checks import TARGET_FIELDS, check_profile
from drafter.profile_schema import (
    GENERIC_ID,
    PROFILE_FORMAT,
    Closing,
    CurrentLaw,
    Profile,
    StyleSpec,
)
from drafter.textsafe import quoted
from drafter.validation import validate_doc
from drafter.yamlio import YamlDoc, load_yaml

#: The fields that make up a bill's structure; a state file may leave them to the generic profile.
DRAFTING_FIELDS = ("enacting_clause", "title", "instruction", "style", "closing")


def _with_generic(doc: YamlDoc) -> tuple[YamlDoc, tuple[str, ...]]:
    """Fill the drafting fields a state file leaves out from the generic profile.

    A sourced enacting clause (forms.enacting_clause) and marking convention
    (forms.marking) are used in place of the generic ones.
    """
    data = doc.data
    if not isinstance(data, dict) or data.get("id") == GENERIC_ID:
        return doc, ()
    missing = [f for f in DRAFTING_FIELDS if f not in data]
    if not missing:
        return doc, ()
    generic = load_yaml(data_dir("jurisdictions") / f"{GENERIC_ID}.yaml", "jurisdiction profile")
    merged = dict(data)
    found = data.get("forms")
    forms: dict[str, Any] = found if isinstance(found, dict) else {}
    marking = forms.get("marking")
    inherited = []
    for name in missing:
        value = generic.data[name]
        clause = forms.get("enacting_clause")
        if name == "enacting_clause" and isinstance(clause, dict) and clause.get("text"):
            value = clause["text"]
        else:
            inherited.append(name)
        if name == "style" and isinstance(marking, dict):
            value = dict(value)
            for side in ("inserted", "deleted"):
                if side in marking:
                    value[side] = marking[side]
        merged[name] = value
    return YamlDoc(doc.path, merged, doc.lines), tuple(inherited)


def load_profile_file(path: str | Path) -> Profile:
    """Load and check one profile file (drafting fields it leaves out come from generic)."""
    doc = load_yaml(path, "jurisdiction profile")
    if isinstance(doc.data, dict):
        for own in ("path", "inherited"):
            if own in doc.data:
                raise doc.error((own,), f"unknown field {own!r}; remove it")
    doc, inherited = _with_generic(doc)
    profile = validate_doc(Profile, doc, "jurisdiction profile")
    check_profile(profile, doc)
    return profile.model_copy(update={"path": str(path), "inherited": inherited})


@cache
def _shipped_file(path: Path) -> Profile:
    # Shipped files never change while drafter runs; load each once, when first asked for.
    profile = load_profile_file(path)
    entry = entry_for_id(profile.id)
    if entry is None or entry.name != profile.name:
        raise UserError(
            path,
            f"{profile.id!r} ({profile.name}) is not listed so in jurisdictions/index.yaml; "
            "add it there with the same id and name",
        )
    return profile.model_copy(
        update={"code": entry.code, "kind": entry.kind, "aliases": entry.aliases}
    )


def shipped_profile(profile_id: str) -> Profile:
    """A shipped profile by its id (the file jurisdictions/<id>.yaml)."""
    return _shipped_file(data_dir("jurisdictions") / f"{profile_id}.yaml")


def list_profiles() -> list[Profile]:
    """Every shipped profile, the generic one first, then by name (loads them all)."""
    return [shipped_profile(e.id) for e in list_entries()]


def is_profile_path(name: str) -> bool:
    """Whether a jurisdiction as typed names a profile file rather than a state."""
    return name.endswith((".yaml", ".yml"))


def _find(name: str) -> Profile | None:
    entry = find_entry(name)
    return None if entry is None else shipped_profile(entry.id)


def load_profile(name_or_path: str | None = None) -> Profile:
    """A profile by name ("Missouri", "MO", "D.C."), by path, or generic for None."""
    if name_or_path is None or not name_or_path.strip():
        name_or_path = GENERIC_ID
    if is_profile_path(name_or_path):
        return load_profile_file(name_or_path)
    found = _find(name_or_path)
    if found is None:
        raise UserError(
            None,
            f"unknown jurisdiction {quoted(name_or_path)}; give a state's name or USPS code "
            "(Missouri, MO), DC, federal, a territory (drafter atlas lists them all), "
            "or the path of a profile .yaml file",
        )
    return found


def profile_for(jurisdiction: str | None) -> tuple[Profile, str | None]:
    """The drafting style for a draft's free-text jurisdiction, and a note if generic.

    A name with a profile gets it; a path to a profile file loads that file (its
    errors are the user's to fix); any other name drafts in the generic style
    with the name as the state, and says so. A profile with no sourced bill
    structure of its own drafts in the generic style too, and says so once.
    """
    if jurisdiction is None or not jurisdiction.strip():
        return load_profile(None), None
    if is_profile_path(jurisdiction):
        profile = load_profile_file(jurisdiction)
    else:
        found = _find(jurisdiction)
        if found is None:
            note = (
                f"no drafting profile for {quoted(jurisdiction)}: drafted in the generic style "
                "(drafter atlas lists the jurisdictions with profiles)"
            )
            return load_profile(None), note
        profile = found
    return profile, generic_style_note(profile)


def generic_style_note(profile: Profile) -> str | None:
    """The one warning for a state whose bill structure is the generic one."""
    if profile.is_generic or not profile.generic_style:
        return None
    clause = profile.forms.enacting_clause
    if clause is not None:
        own = f"with its own enacting clause ({clause.source})"
    else:
        own = "and the generic enacting clause (no sourced clause recorded)"
    return (
        f"no sourced drafting style for {profile.name}: drafted in the generic style {own}; "
        "check the form with the state's bill drafting office"
    )


__all__ = [
    "DRAFTING_FIELDS",
    "PROFILE_FORMAT",
    "TARGET_FIELDS",
    "Closing",
    "CurrentLaw",
    "Profile",
    "StyleSpec",
    "generic_style_note",
    "list_profiles",
    "load_profile",
    "load_profile_file",
    "profile_for",
    "shipped_profile",
]
