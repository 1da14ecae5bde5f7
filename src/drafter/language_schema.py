"""The model language files' shape: what model_language/*.yaml may say, validated.

Pydantic models with FILE:LINE errors (through drafter.validation); the loader in
drafter.language checks them against each other and compiles them.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, model_validator


class _Model(BaseModel):
    # Schemas built on first validation: a start from the cache validates none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


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
