"""Jurisdiction profiles: a state's drafting conventions, as data.

A profile (jurisdictions/<state>.yaml) holds the constitutionally required
enacting clause, the title and instruction forms for a new or re-enacted
section, the numbering ladder and labels, the closing sections a bill in that
state carries, how a redline marks new and deleted text, parameter defaults we
are sure of, and where each fact came from. Changing any of it never needs code.

Values may hold `{name}` placeholders; the assembler fills them from the draft's
parameters (and these defaults), and one left empty shows as `[NAME]`.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from drafter.bill import Style
from drafter.errors import UserError
from drafter.paths import data_dir
from drafter.rubric import Coverage
from drafter.validation import validate_doc
from drafter.yamlio import Loc, YamlDoc, load_yaml

PROFILE_FORMAT = "drafter-jurisdiction/1"
GENERIC_ID = "generic"

#: Placeholders the title and instruction forms may use (the draft's bill target
#: gives section and chapter; subject and code come from parameters/defaults).
TARGET_FIELDS = frozenset({"subject", "section", "chapter", "code", "state"})
_COUNTERS = ("{a}", "{A}", "{1}", "{i}", "{I}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TitleForms(_Model):
    """Lines of the title block, per bill action."""

    new: tuple[str, ...] = Field(min_length=1)
    reenact: tuple[str, ...] = Field(min_length=1)


class InstructionForms(_Model):
    """The bill section that tells the revisor what to do with the statute text."""

    new: str = Field(min_length=1)
    reenact: str = Field(min_length=1)


class StyleSpec(_Model):
    """The file's form of `drafter.bill.Style`; see that class for each field."""

    ladder: tuple[str, ...] = Field(min_length=1)
    level_names: tuple[str, ...] = Field(min_length=1)
    ref_suffix: str = ""
    ref_joined: bool = True
    bill_section_labels: Literal["letters", "numbers"] = "numbers"
    bill_section_format: str = Field(min_length=1)
    later_bill_section_format: str | None = None
    section_heading_format: str = Field(min_length=1)
    heading_caps: bool = False
    first_subsection_inline: bool = False
    subdivision_headings: bool = False
    definitions_lead: str = Field(min_length=1)
    inserted: Literal["bold", "underline", "italic", "underline_italic"]
    deleted: Literal["bracket_bold", "bracket_strike", "brackets", "strike"]


class Closing(_Model):
    """The closing bill sections the state's bills carry by default."""

    #: The effective-date section's text, or null when the state's default
    #: (e.g. Missouri's August 28 after the session) needs none.
    effective_date: str | None = None
    #: Whether a severability section is included by default.
    severability: bool = False
    #: The state's wording for it (used when severability is turned on).
    severability_text: str | None = None


class CurrentTier(_Model):
    tier: str = Field(min_length=1)
    source: str = Field(min_length=1)


class CurrentLaw(_Model):
    """The state's law as it stands (filled in fully by a later issue)."""

    citation: str = Field(min_length=1)
    source: str = Field(min_length=1)
    coverage: Coverage
    #: category id -> the tier the current law earns, with where that reading came from.
    tiers: dict[str, CurrentTier] = Field(default_factory=dict)


class Profile(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    format: Literal["drafter-jurisdiction/1"]
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: str = Field(min_length=1)
    #: The state's name in running text; "{state}" in the generic profile.
    state: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    #: Akoma Ntoso FRBRcountry code: "us-mo", or "us" for the generic profile.
    country: str = Field(pattern=r"^[a-z]{2}(-[a-z0-9]{1,8})?$")
    enacting_clause: str = Field(min_length=1)
    title: TitleForms
    instruction: InstructionForms
    #: The file's `style:` block (the name `style` is the method giving a Style).
    style_spec: StyleSpec = Field(alias="style")
    closing: Closing = Field(default_factory=Closing)
    #: Parameter defaults, only where the citation is certain.
    defaults: dict[str, str] = Field(default_factory=dict)
    #: fact -> where it came from.
    sources: dict[str, str] = Field(default_factory=dict)
    current_law: CurrentLaw | None = None
    notes: str | None = None
    #: The file this profile was read from (set by the loader, not the file).
    path: str = ""

    @cached_property
    def bill_style(self) -> Style:
        s = self.style_spec
        return Style(
            ladder=s.ladder,
            level_names=s.level_names,
            ref_suffix=s.ref_suffix,
            ref_joined=s.ref_joined,
            bill_section_labels=s.bill_section_labels,
            bill_section_format=s.bill_section_format,
            later_bill_section_format=s.later_bill_section_format,
            section_heading_format=s.section_heading_format,
            first_subsection_inline=s.first_subsection_inline,
            heading_caps=s.heading_caps,
            subdivision_headings=s.subdivision_headings,
            definitions_lead=s.definitions_lead,
            inserted=s.inserted,
            deleted=s.deleted,
        )

    def style(self) -> Style:
        """The renderer's `drafter.bill.Style` for this profile (built once)."""
        return self.bill_style

    @property
    def is_generic(self) -> bool:
        return self.id == GENERIC_ID

    def parameter_defaults(self) -> dict[str, str]:
        """Defaults for the model language's placeholders, the state's name included.

        The generic profile's `state` is itself a placeholder, so it is left
        for the user to fill rather than offered as a default.
        """
        out = dict(self.defaults)
        if "{" not in self.state:
            out.setdefault("state", self.state)
        return out

    def matches(self, name: str) -> bool:
        want = _norm(name)
        return any(_norm(n) == want for n in (self.id, self.name, *self.aliases))


def _norm(name: str) -> str:
    # "New York", "new-york", "new_york" and "NEW YORK" all name one profile.
    return " ".join(name.replace("-", " ").replace("_", " ").replace(".", " ").split()).casefold()


def _format_fields(template: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]


def _check_template(doc: YamlDoc, loc: Loc, template: str, allowed: Iterable[str]) -> None:
    """A `{name}` template must parse and use only names the renderer fills."""
    try:
        fields = _format_fields(template)
    except ValueError as exc:
        raise doc.error(
            loc, f"{template!r} is not a valid template ({exc}); write {{{{ for {{"
        ) from None
    allowed = set(allowed)
    for name in fields:
        if name not in allowed:
            names = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "none"
            raise doc.error(loc, f"{template!r} uses {{{name}}}; it may use only {names}")


def _check_placeholders(doc: YamlDoc, loc: Loc, text: str) -> None:
    """Free text may hold any `{identifier}` placeholder, but it must parse."""
    try:
        fields = _format_fields(text)
    except ValueError as exc:
        raise doc.error(loc, f"{text!r} has a broken placeholder ({exc}); write {{name}}") from None
    for name in fields:
        if not name.isidentifier():
            raise doc.error(loc, f"{text!r}: placeholder {{{name}}} must be a plain name")


def check_profile(profile: Profile, doc: YamlDoc) -> None:
    """The rules pydantic's field types cannot say."""
    s = profile.style_spec
    for i, pattern in enumerate(s.ladder):
        if sum(pattern.count(c) for c in _COUNTERS) != 1:
            raise doc.error(
                ("style", "ladder", i),
                f"ladder entry {pattern!r} must hold exactly one counter: "
                "{1}, {a}, {A}, {i} or {I}",
            )
    _check_template(doc, ("style", "bill_section_format"), s.bill_section_format, ["label"])
    if s.later_bill_section_format is not None:
        _check_template(
            doc, ("style", "later_bill_section_format"), s.later_bill_section_format, ["label"]
        )
    _check_template(
        doc, ("style", "section_heading_format"), s.section_heading_format, ["number", "heading"]
    )
    for action in ("new", "reenact"):
        for i, line in enumerate(getattr(profile.title, action)):
            _check_template(doc, ("title", action, i), line, TARGET_FIELDS)
        _check_template(
            doc, ("instruction", action), getattr(profile.instruction, action), TARGET_FIELDS
        )
    _check_placeholders(doc, ("enacting_clause",), profile.enacting_clause)
    _check_placeholders(doc, ("state",), profile.state)
    if profile.closing.effective_date is not None:
        _check_placeholders(doc, ("closing", "effective_date"), profile.closing.effective_date)
    if profile.closing.severability and not profile.closing.severability_text:
        raise doc.error(
            ("closing", "severability"),
            "severability is on but closing.severability_text is missing; add the wording",
        )
    for key in profile.defaults:
        if not key.isidentifier():
            raise doc.error(("defaults", key), f"parameter name {key!r} must be a plain name")


def load_profile_file(path: str | Path) -> Profile:
    """Load and check one profile file."""
    doc = load_yaml(path, "jurisdiction profile")
    profile = validate_doc(Profile, doc, "jurisdiction profile")
    if "path" in doc.data:
        raise doc.error(("path",), "unknown field 'path'; remove it")
    check_profile(profile, doc)
    return profile.model_copy(update={"path": str(path)})


@cache
def _shipped(folder: Path) -> tuple[Profile, ...]:
    # Shipped files never change while drafter runs; load them once per process.
    profiles: list[Profile] = []
    owners: dict[str, Profile] = {}
    for path in sorted(folder.glob("*.yaml")):
        profile = load_profile_file(path)
        for name in (profile.id, profile.name, *profile.aliases):
            other = owners.get(_norm(name))
            if other is not None and other.id != profile.id:
                raise UserError(
                    path, f"name {name!r} is already used by {other.path}; names must be unique"
                )
            owners[_norm(name)] = profile
        profiles.append(profile)
    return tuple(profiles)


def list_profiles() -> list[Profile]:
    """Every shipped profile, the generic one first, then by name."""
    return sorted(_shipped(data_dir("jurisdictions")), key=lambda p: (not p.is_generic, p.name))


def _looks_like_path(name: str) -> bool:
    return name.endswith((".yaml", ".yml"))


def load_profile(name_or_path: str | None = None) -> Profile:
    """A profile by name ("Missouri", "mo", "new-york"), by path, or generic for None."""
    if name_or_path is None or not name_or_path.strip():
        name_or_path = GENERIC_ID
    if _looks_like_path(name_or_path):
        return load_profile_file(name_or_path)
    for profile in list_profiles():
        if profile.matches(name_or_path):
            return profile
    known = ", ".join(f"{p.name} ({p.id})" for p in list_profiles())
    raise UserError(
        None,
        f"unknown jurisdiction {name_or_path!r}; known: {known}, "
        "or give the path of a profile .yaml file",
    )


__all__ = [
    "PROFILE_FORMAT",
    "Closing",
    "CurrentLaw",
    "Profile",
    "StyleSpec",
    "list_profiles",
    "load_profile",
    "load_profile_file",
]


def profile_for(jurisdiction: str | None) -> tuple[Profile, str | None]:
    """The drafting style for a draft's free-text jurisdiction, and a note if generic.

    A name with a profile gets it; a path to a profile file loads that file (its
    errors are the user's to fix); any other name drafts in the generic style
    with the name as the state, and says so.
    """
    if jurisdiction is None or not jurisdiction.strip():
        return load_profile(None), None
    if _looks_like_path(jurisdiction):
        return load_profile_file(jurisdiction), None
    for profile in list_profiles():
        if profile.matches(jurisdiction):
            return profile, None
    note = (
        f"no drafting profile for {jurisdiction!r}: drafted in the generic style "
        "(profiles: " + ", ".join(p.name for p in list_profiles()) + ")"
    )
    return load_profile(None), note
