"""A jurisdiction's law as it stands: status, citations, sources, and a reading.

This is the `law:` block of a jurisdiction profile (jurisdictions/<id>.yaml)
and the `forms:` block beside it. A reading says, per rubric category, which
tier the statute's text earns, how sure the reader is, where in the text
(pinpoint), the decisive words (a short quote, checked against the text where
we hold it), and why, in our words. A category the text leaves arguable names
the other defensible tier(s); a category we cannot read is open, with the
reason. A reading is never partial: every category is read or open, so a
baseline built from it never silently counts an unread category as zero.

Pure data: nothing here knows the rubric's tier ids (the validator checks them
against the rubric) or the terminal.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: What a jurisdiction's trafficking-specific relief law reaches.
Status = Literal["adults", "minors_only", "none", "unknown"]
Confidence = Literal["sure", "arguable"]
#: A state, the District of Columbia, the federal law, or a territory.
Kind = Literal["state", "district", "federal", "territory", "generic"]
#: The most words a decisive quote may hold: a quote, not a copy of the text.
QUOTE_WORDS = 12


class _Model(BaseModel):
    # Schemas built on first validation: a start from the cache validates none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Reading(_Model):
    """One category of one statute, as a careful reader calls it (or leaves it open)."""

    #: The rubric tier id this text earns (None when open).
    tier: str | None = None
    confidence: Confidence | None = None
    #: Where in the text: "(b)(3)", "subsec. F", "§ 22-1845(b)"; "whole section" for silence.
    pinpoint: str | None = None
    #: The decisive words, verbatim; None when the tier is read from silence.
    quote: str | None = None
    #: One line, in our words.
    why: str | None = None
    #: For an arguable call: the other defensible tier(s).
    other: tuple[str, ...] = ()
    #: Where `drafter analyze` on the same text reads otherwise: what it reads and
    #: why this reading is the right one.
    analyzer: str | None = None
    #: Set instead of a tier: why the category cannot be read.
    open: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _read_or_open(self) -> Reading:
        if self.open is not None:
            if self.tier is not None:
                raise ValueError("give either a tier or open: REASON, not both")
            return self
        missing = [f for f in ("tier", "confidence", "pinpoint", "why") if getattr(self, f) is None]
        if missing:
            raise ValueError(
                f"a reading needs {', '.join(missing)} (or open: REASON when it cannot be read)"
            )
        if self.quote is not None and len(self.quote.split()) > QUOTE_WORDS:
            raise ValueError(
                f"quote has {len(self.quote.split())} words; quote at most {QUOTE_WORDS} "
                "decisive words"
            )
        if self.confidence == "arguable" and not self.other:
            raise ValueError("an arguable reading names the other defensible tier(s) in other:")
        if self.tier in self.other:
            raise ValueError(f"other: repeats the reading's own tier {self.tier!r}")
        return self

    @property
    def is_open(self) -> bool:
        return self.open is not None

    def summary(self) -> str:
        """One line: where, the quoted words, and why (as a baseline's source)."""
        if self.open is not None:
            return f"open: {self.open}"
        quoted = f' "{self.quote}"' if self.quote else " (silent)"
        return f"{self.pinpoint}:{quoted}; {self.why}"


class TextSource(_Model):
    """The text a reading was made from, and which version it shows."""

    #: A file under the shared reference folder (e.g. atlas/statutes/ID-67-3014.txt).
    files: tuple[str, ...] = ()
    #: A page found with the search tools (URL), when no file is held.
    page: str | None = None
    #: The version the text shows (its latest amendment note, its date).
    version: str = Field(min_length=1)


class Law(_Model):
    """The trafficking-specific relief law as it stands, with its sources."""

    status: Status
    #: Why the status is what it is where that is not obvious from the text:
    #: required for unknown, and where it differs from Polaris's 2023 count.
    status_note: str | None = None
    citations: tuple[str, ...] = ()
    #: The official source: the legislature's or code publisher's page.
    source: str | None = None
    #: The latest amendment the text shows (not proof that the text is current).
    latest_amendment: str | None = None
    text: TextSource | None = None
    #: When the reading was made.
    read_on: date | None = None
    #: category id -> reading. Every category, unless `unread` says why the rest are open.
    reading: dict[str, Reading] = Field(default_factory=dict)
    #: The reason every category not in `reading` is open (e.g. no text held).
    unread: str | None = Field(default=None, min_length=1)
    notes: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Law:
        if self.status == "unknown" and not self.status_note:
            raise ValueError("status unknown needs status_note: why we cannot tell")
        if self.status in ("adults", "minors_only") and not self.citations:
            raise ValueError(f"status {self.status} needs the statute's citations")
        if self.status in ("none", "unknown") and self.reading:
            raise ValueError(f"status {self.status}: there is no statute to read; drop reading")
        if self.reading and self.text is None:
            raise ValueError("a reading needs text: the file or page it was made from")
        if self.reading and self.read_on is None:
            raise ValueError("a reading needs read_on: the date it was made")
        return self

    def reading_for(self, category: str) -> Reading:
        """The category's reading, or an open one with the recorded reason."""
        found = self.reading.get(category)
        if found is not None:
            return found
        reason = self.unread or "not read"
        if self.status in ("none", "unknown"):
            reason = self.status_note or reason
        return Reading(open=reason)


class Form(_Model):
    """One drafting form the state's bills use, and where it is documented."""

    text: str = Field(min_length=1)
    source: str = Field(min_length=1)


#: How new matter is marked (Maryland and Colorado print it in capitals, Nevada in bold italics).
Inserted = Literal["bold", "underline", "italic", "underline_italic", "bold_italic", "capitals"]
#: How omitted matter is marked (Alaska: in brackets and capitals).
Deleted = Literal["bracket_bold", "bracket_strike", "brackets", "strike", "capitals_brackets"]


class Marking(_Model):
    """How the state's bills mark new and deleted text."""

    inserted: Inserted
    deleted: Deleted
    source: str = Field(min_length=1)


class AmendingForm(_Model):
    """How the state's bills amend a section in place (drafter amend).

    `clause` may use {section}, {code}, {unit} ({Unit} capitalized), {history},
    {effective} (the effective_date parameter), {renumbered_by} (" and as
    renumbered by section one of this act" when the repeal section renumbers a
    unit the clause amends, else ""),
    {changes} ("amending Subsections (a) and (c) and adding Subsection (f)"),
    {provisions} ("paragraph (i) of subdivision 1 and subdivision 6", first
    letter capitalized when the clause opens with it) and {verb} ("is"/"are").
    """

    #: "section": the bill restates the whole section (Missouri's repeal and
    #: reenactment); "provisions": only the provisions it changes (Texas, New York).
    restates: Literal["section", "provisions"]
    clause: str = Field(min_length=1)
    #: The clause for provisions a bill adds, in a bill section of their own
    #: (New York: "... is amended by adding a new subdivision 7 to read as
    #: follows:"); {added} names them. Without it one clause names both.
    add_clause: str | None = None
    #: Where a new provision goes: "end" (the next label after the last),
    #: "after" the provision it belongs with, labelled (a-1) (Texas), or
    #: "in_place": after the provision it belongs with, taking the next label
    #: and renumbering the ones after it (drafter.amend.renumber).
    inserts: Literal["end", "after", "in_place"] = "end"
    #: When restating provisions, how deep a restated unit goes: 1 restates
    #: whole subsections (Texas), 2 paragraphs within them (New York).
    depth: int = Field(default=1, ge=1, le=3)
    #: The section's last top-level label when the text held is an excerpt
    #: that stops short of it (New York's 440.10 runs to subdivision 9), so a
    #: provision added at the end takes the label after it.
    last_label: Form | None = None
    #: The last amendment of the provisions the bill restates, for {history}
    #: ("chapter 629 of the laws of 2021"); the draft's `history` parameter wins.
    history: Form | None = None
    #: What a provision struck whole leaves: "renumber" moves the ones after it up
    #: (drafter.amend.renumber); "gap" leaves their labels as they are (Texas
    #: repeals a subsection and does not reletter the rest).
    struck: Literal["renumber", "gap"] = "renumber"
    #: For a form that restates provisions: the clause of a bill section of its own
    #: that repeals the units struck whole, not restated ("Section 411.0728(c),
    #: Government Code, is repealed."). It may use {repealed} ("Subsection 3",
    #: "Paragraphs (b) and (c) of subdivision 3"; {Repealed} capitalized),
    #: {cited} ("Section 411.0728(c)", "Sections 411.0728(c) and (d)"), {verb},
    #: and {renumbered}: the units moved up after it, in the state's words (" and
    #: subdivisions 4 and 5 are renumbered subdivisions 3 and 4"), "" if none.
    repeal_clause: str | None = None
    #: What the bill's title adds when the bill repeals units (New York: "; and to
    #: repeal certain provisions of such law relating thereto"): a title must
    #: express all the bill does.
    repeal_title: str | None = None
    #: How {renumbered} is worded: {moved} and {moved_to} name the units before
    #: and after, {verb} is "is"/"are", and {renumbered} is "renumbered" for
    #: numbers and "relettered" for letters (New York's words).
    renumber_words: str = " and {moved} {verb} redesignated as {moved_to}"
    source: str = Field(min_length=1)

    @property
    def repeals_apart(self) -> bool:
        """Whether units struck whole are repealed in a bill section of their own
        (restated only where they change otherwise), not restated struck through."""
        return self.restates == "provisions" and bool(self.repeal_clause)


class Forms(_Model):
    """The state's own drafting forms, each with its source (all optional)."""

    enacting_clause: Form | None = None
    code_name: Form | None = None
    section_form: Form | None = None
    amending_clause: Form | None = None
    prosecutor: Form | None = None
    marking: Marking | None = None
    #: How a bill amends the section in place (drafter amend); generic when absent.
    amending: AmendingForm | None = None


__all__ = [
    "QUOTE_WORDS",
    "AmendingForm",
    "Confidence",
    "Deleted",
    "Form",
    "Forms",
    "Inserted",
    "Kind",
    "Law",
    "Marking",
    "Reading",
    "Status",
    "TextSource",
]
