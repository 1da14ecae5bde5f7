"""The signals file's shape, validated with file:line errors (what a rules author writes)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Item(BaseModel):
    """A pattern with exclusions of its own (when the tier's would reach too far)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: str
    #: The pattern does not count when one of these appears anywhere in the text.
    unless: tuple[str, ...] = ()
    #: Its sentence decides: when this pattern proves the tier, the tier's own
    #: `unless` is looked for only in the sentence it matched in (a remedy that
    #: names the offenses it reaches is not widened by another provision's words).
    own_sentence: bool = False


class _TierSignals(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    any_: tuple[str | _Item, ...] = ()
    all_: tuple[str | _Item, ...] = ()
    #: A match does not count when its sentence matches one of these.
    not_in_sentence_with: tuple[str, ...] = ()
    #: Negation cues for this tier instead of the file's (a restrictive
    #: condition is often said as a prohibition: "no charge pending").
    negated_by: str | None = None
    #: Waivers: cues that void a match anywhere after them in their clause, past
    #: the negation's few words ("is not subject to a requirement that ... have
    #: completed the sentence"); the clause ends at the negation's breaks or at
    #: `waiver_breaks`.
    waived_by: str | None = None
    #: Phrases that make the tier arguable: shown only by these, the reading is
    #: ambiguous between this tier and `arguable_with`.
    arguable: tuple[str, ...] = ()
    arguable_with: str | None = None
    unless: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    absent: bool = False
    negatable: bool = True
    describe: str = ""
    #: Tiers of the same category this one gives way to: when one of them
    #: shows, this one does not (vacatur gives way to vacatur on the merits).
    yields_to: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _rename(cls, data: object) -> object:
        # `any` and `all` are the natural YAML keys but shadow Python builtins.
        if isinstance(data, dict):
            data = dict(data)
            for key in ("any", "all"):
                if key in data:
                    data[f"{key}_"] = data.pop(key)
        return data

    @model_validator(mode="after")
    def _shape(self) -> _TierSignals:
        if self.absent and (self.any_ or self.all_ or self.unless):
            raise ValueError("a tier read by absence has no any:, all: or unless: patterns")
        if not self.absent and not (self.any_ or self.all_):
            raise ValueError("give any: or all: patterns, or absent: true")
        if self.also and not self.absent:
            raise ValueError("also: (supporting phrases) is for a tier read by absence")
        if bool(self.arguable) != bool(self.arguable_with):
            raise ValueError("arguable: and arguable_with: go together")
        return self


class _WhenSilent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: What must show for silence to be read this way (the court decides).
    given: tuple[str, ...]
    #: The tiers a reader weighs when the text says nothing more.
    ambiguous: tuple[str, ...] = ()
    #: Or the one tier silence then reads as, plainly (a remedy for "a conviction"
    #: that no offense, class or list limits reaches every offense).
    reads: str | None = None
    note: str

    @model_validator(mode="after")
    def _one_reading(self) -> _WhenSilent:
        if (self.reads is None) == (len(self.ambiguous) < 2):
            raise ValueError("give reads: (one tier) or ambiguous: (two tiers or more), not both")
        return self


class _Silence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: The tier the rubric reads a text's silence on the category as.
    reads: str
    #: Why, in words (shown with the reading).
    note: str


class _Reading(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: Which sentences are evidence: operative ones, definitions.
    reads: tuple[Literal["operative", "definition"], ...] = ("operative", "definition")
    #: Words that show a provision speaks to the category (named when no tier shows).
    topic: tuple[str, ...] = ()
    #: Words that show the text settles the category in terms no tier names (a
    #: standard of proof the rubric does not list): then the tier read by absence
    #: is not read; the category is "not found", naming them.
    unweighed: tuple[str, ...] = ()
    #: Only definitions of terms with one of these count ("qualifying offense"
    #: means ...; not what "services" or "commercial sexual activity" means).
    definitions_of: tuple[str, ...] = ()
    #: No tier of the category counts a match in a sentence with one of these
    #: (added to each tier's own `not_in_sentence_with`).
    not_in_sentence_with: tuple[str, ...] = ()
    when_silent: _WhenSilent | None = None
    #: A text that says nothing of the category (no tier shows and no topic word
    #: is anywhere in it) reads as this tier, by absence.
    silence: _Silence | None = None


class _Negation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: A regex of negation cues ("no", "not", "without", "regardless of" ...).
    cues: str
    #: How many words before a phrase a cue may stand and still negate it.
    window_words: int = Field(default=6, ge=1, le=30)
    #: What ends a clause: a cue beyond it negates nothing here.
    breaks: str = r"[.;:,]"
    #: Where a waiver's reach (a tier's `waived_by`) ends within a clause: a new
    #: predicate joined on ("... need not pay a fee and shall have completed").
    waiver_breaks: str = r"\b(?:and|or|but) (?:\w+ ){0,2}(?:shall|must|may|will)\b"


class _Provisions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    verbs: str
    history: tuple[str, ...] = ()
    commentary: tuple[str, ...] = ()
    reference: tuple[str, ...] = ()
    definition: tuple[str, ...] = ()
    #: A sentence that opens a remedy, and the subject that makes it this law's.
    remedy: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    #: A sentence that spares the survivor liability (immunity, a defense), and
    #: the words of record relief: beside a relief provision, a defense is another
    #: remedy, whose nexus and offenses are not the relief's.
    defense: tuple[str, ...] = ()
    relief: tuple[str, ...] = ()
    #: A lead-in that offers its items as alternatives: in a general law, the items
    #: that never name the subject are other routes.
    alternatives: tuple[str, ...] = ()
    #: What shows a text is an amending bill (its enacting clause, its note on how
    #: struck matter is printed), and how the matter a bill strikes is marked:
    #: in a bill, struck matter is not the law the bill leaves.
    bill: tuple[str, ...] = ()
    struck: tuple[str, ...] = ()
    #: Markup that strikes wherever it stands (<del>...</del>), bill or not.
    struck_anywhere: tuple[str, ...] = ()


class _SignalsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rubric: str
    normalize: str = ""
    #: Names one actor goes by ("prosecutor": district attorney, attorney for the
    #: state ...): a pattern writes `{prosecutor}` for any of them.
    names: dict[str, tuple[str, ...]] = {}
    provisions: _Provisions | None = None
    negation: _Negation | None = None
    relief_statute: _TierSignals | None = None
    reading: dict[str, _Reading] = {}
    categories: dict[str, dict[str, _TierSignals]]
