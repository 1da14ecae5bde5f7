"""The jurisdiction profile's schema: the pydantic models a profile file validates into.

Loading, the generic fallback and lookup by name live in drafter.jurisdiction;
this module says what a profile may hold and derives the renderer's Style and
the effective draft parameters from it.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from drafter.bill import Style
from drafter.jurisdiction_index import norm as _norm
from drafter.language import series
from drafter.law import Deleted, Form, Forms, Inserted, Kind, Law
from drafter.page import PageSpec
from drafter.rubric import Coverage

if TYPE_CHECKING:
    from drafter.draft import Draft

PROFILE_FORMAT = "drafter-jurisdiction/1"
GENERIC_ID = "generic"


class _Model(BaseModel):
    # Schemas built on first validation: a start from the cache validates none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


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
    inserted: Inserted
    deleted: Deleted
    #: How the statute names the act within itself: "this act" or "this Act".
    act_name: Literal["this act", "this Act"] = "this act"
    #: How a prohibition is written: "shall not" or "may not" (Texas).
    prohibition: Literal["shall not", "may not"] = "shall not"
    #: '"Term" means ...' or Missouri's '"Term", ...'.
    definition_form: Literal["means", "comma"] = "means"
    #: How each definition but the last ends ("." or Missouri's ";").
    definition_end: Literal[".", ";"] = "."
    #: Whether the text names the prosecutor by the state's own term
    #: (forms.prosecutor: "district attorney") instead of the defined
    #: "prosecuting attorney"; without it the term only fills the definition.
    prosecutor_term: bool = False
    #: The unit a code is divided into, by code ("Code of Criminal Procedure":
    #: article); any other code is divided into sections.
    units: dict[str, str] = Field(default_factory=dict)
    #: The heading line per unit ("article": "Art. {number}. {heading}."),
    #: when it differs from section_heading_format.
    unit_heading_formats: dict[str, str] = Field(default_factory=dict)


class ActionForms(_Model):
    new: str = Field(min_length=1)
    reenact: str = Field(min_length=1)


class Closing(_Model):
    """The closing bill sections the state's bills carry by default."""

    #: The effective-date section's text, or null when the state's default
    #: (e.g. Missouri's August 28 after the session) needs none.
    effective_date: str | None = None
    #: Whether a severability section is included by default.
    severability: bool = False
    #: The state's wording for it (used when severability is turned on).
    severability_text: str | None = None
    #: The applicability section per bill action, in the state's form; the
    #: frame's wording when absent. May use {section}, {code}, {unit}.
    applicability: ActionForms | None = None


class Protection(_Model):
    """Something the current section gives that a reenactment must not drop."""

    text: str = Field(min_length=1)
    #: The slot of the model language that restates it.
    restated_in: str = Field(min_length=1)


class CurrentTier(_Model):
    tier: str = Field(min_length=1)
    source: str = Field(min_length=1)


class CurrentLaw(_Model):
    """The law's reading as a baseline takes it: a view of the profile's `law:` block."""

    citation: str = Field(min_length=1)
    source: str = Field(min_length=1)
    coverage: Coverage
    #: category id -> the tier the current law earns, with where that reading came from
    #: (categories left open are absent).
    tiers: dict[str, CurrentTier] = Field(default_factory=dict)


class Profile(_Model):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    format: Literal["drafter-jurisdiction/1"]
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: str = Field(min_length=1)
    #: The state's name in running text; "{state}" in the generic profile.
    state: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    #: The USPS code ("MO", "DC", "PR"); "US" for the federal law.
    code: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    kind: Kind = "state"
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
    #: The trafficking-specific relief law as it stands, read against the rubric.
    law: Law | None = None
    #: The state's own drafting forms, each with its source.
    forms: Forms = Field(default_factory=Forms)
    #: The state's own term for the records remedy that follows relief, to
    #: follow "order the" ("expunction", "expungement", "sealing"), with its
    #: source; never the vacatur itself, so no style changes a tier.
    relief_term: Form | None = None
    #: Remedies the state's law already gives these records (general sealing, ...).
    existing_remedies: tuple[Form, ...] = ()
    #: The state's crime victims' rights provision.
    victims_rights: Form | None = None
    #: What the current section gives, so that a reenactment restates it.
    protections: tuple[Protection, ...] = ()
    #: How the state's bills look on the page (drafter.page); defaults when absent.
    page: PageSpec = Field(default_factory=PageSpec)
    notes: str | None = None
    #: The file this profile was read from (set by the loader, not the file).
    path: str = ""
    #: Drafting fields the file left out and the generic profile supplied (set by the loader).
    inherited: tuple[str, ...] = ()

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

    def parameter_defaults(self, jurisdiction: str | None = None) -> dict[str, str]:
        """Defaults for the model language's placeholders, the state's name included.

        The generic profile's `state` is itself a placeholder: a draft naming a
        jurisdiction with no profile of its own gets that name as the state;
        otherwise it is left for the user to fill rather than offered.
        """
        out = dict(self.defaults)
        if "{" not in self.state:
            out.setdefault("state", self.state)
        elif self.is_generic and jurisdiction and jurisdiction.strip():
            out.setdefault("state", jurisdiction)
        # The sourced forms fill the model language's parameters of the same job.
        if self.relief_term is not None:
            out.setdefault("relief_term", self.relief_term.text)
        if self.existing_remedies:
            out.setdefault("existing_remedies", series(f.text for f in self.existing_remedies))
        if self.victims_rights is not None:
            out.setdefault("victims_rights", self.victims_rights.text)
        if self.forms.prosecutor is not None:
            office = self.forms.prosecutor.text.removeprefix("the ")
            out.setdefault("prosecuting_office", office)
        # A state drafted in the generic style still names its own code where we can cite it.
        if self.generic_style and self.forms.code_name is not None:
            out.setdefault("code", self.forms.code_name.text)
        return out

    def parameters_for(self, draft: Draft) -> dict[str, Any]:
        """The values a draft's bill fills placeholders with: these defaults, then the draft's.

        The one place effective parameters are computed (assembly, advice, the app).
        """
        out = {**self.parameter_defaults(draft.jurisdiction), **draft.parameters}
        section = draft.bill.section
        code = self.bill_code(draft)
        if self.existing_remedies and "existing_remedies" not in draft.parameters:
            # A bill that enacts (or amends) the very section the profile names as an
            # existing remedy must not make the section "in addition to" itself.
            others = [
                _within(f.text, code)
                for f in self.existing_remedies
                if not (section and _names(f.text, section))
            ]
            if others:
                out["existing_remedies"] = series(others)
            else:
                out.pop("existing_remedies", None)
        if self.victims_rights is not None and "victims_rights" not in draft.parameters:
            out["victims_rights"] = _within(self.victims_rights.text, code)
        return out

    def bill_code(self, draft: Draft) -> str | None:
        """The code the bill's section goes into: the draft's, else this profile's default."""
        return draft.bill.code or self.parameter_defaults(draft.jurisdiction).get("code")

    @property
    def prosecutor_term(self) -> str | None:
        """The prosecutor's name the text uses, when the style names it (New York)."""
        if self.style_spec.prosecutor_term and self.forms.prosecutor is not None:
            return self.forms.prosecutor.text.removeprefix("the ")
        return None

    def unit(self, code: str | None) -> str:
        """The unit the code is divided into: "article" or "section"."""
        return self.style_spec.units.get(code or "", "section")

    @property
    def generic_style(self) -> bool:
        """True when the state's bill structure comes from the generic profile."""
        return "style" in self.inherited

    @property
    def names(self) -> tuple[str, ...]:
        return (self.id, self.name, *((self.code,) if self.code else ()), *self.aliases)

    def matches(self, name: str) -> bool:
        want = _norm(name)
        return any(_norm(n) == want for n in self.names)

    @property
    def current_law(self) -> CurrentLaw | None:
        """The law's reading as a baseline: None when its status is unknown."""
        law = self.law
        if law is None or law.status == "unknown":
            return None
        tiers = {}
        for category, reading in law.reading.items():
            if reading.tier is not None:
                tiers[category] = CurrentTier(tier=reading.tier, source=reading.summary())
        citation = "; ".join(law.citations) or "no trafficking-specific statute"
        source = law.source or law.status_note or "no official source recorded"
        return CurrentLaw(citation=citation, source=source, coverage=law.status, tiers=tiers)


def _within(reference: str, code: object) -> str:
    """A reference as the bill's own code words it: "Chapter 56A, Code of Criminal
    Procedure" is "Chapter 56A" inside that code (a reference without a code's name
    is to the code it appears in: Tex. Gov't Code 311.006, and common drafting usage)."""
    if isinstance(code, str) and code and reference.endswith(f", {code}"):
        return reference.removesuffix(f", {code}")
    return reference


def _names(citation: str, section: str) -> bool:
    """Whether a citation names this section number (not one that merely starts with it)."""
    return re.search(rf"(?<![\w.]){re.escape(section)}(?![\w]|\.\d)", citation) is not None
