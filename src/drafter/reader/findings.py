"""What the reader finds: evidence, one finding per category, the whole reading."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

from drafter.draft import Draft
from drafter.rubric import COVERAGE, Rubric

Confidence = Literal["clear", "ambiguous", "by absence", "not found"]
CONFIDENCES: tuple[Confidence, ...] = ("clear", "ambiguous", "by absence", "not found")
ANALYSIS_FORMAT = "drafter/analysis@1"
#: What the offsets of a reading of a web page are into (said in the JSON and the report).
EXTRACTED_OFFSETS = (
    "character offsets into extracted_text: the text of the HTML file as a browser shows "
    "it (tags, scripts and styles left out, entities decoded, one line per block), not "
    "into the HTML"
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quoted span of the original text: `text[start:end] == quote`."""

    tier: str
    start: int
    end: int
    quote: str
    #: "match" proves the tier; "support" backs a reading by absence or from
    #: silence; "negated" is a phrase a negation cue voided; "seen" is a tier's
    #: phrase in a text that is not a trafficking-specific relief statute (not
    #: counted); "topic" is where the text speaks to a category in words the
    #: reader does not weigh (a category not found).
    role: str = "match"
    #: The label of the provision the quote stands in ("(b)(7)"), when known.
    provision: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "tier": self.tier,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "role": self.role,
            "provision": self.provision,
        }


class ProvisionRef(NamedTuple):
    """A provision of the statute as the reader split it: label, heading, offsets.

    (A named tuple, as the layout's provisions are: a statute has thousands, and a
    tuple is made four times faster than a frozen dataclass, which sets each field
    through object.__setattr__; it shows as one: "ProvisionRef(label='(a)', ...)".)"""

    label: str
    start: int
    end: int
    heading: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "start": self.start, "end": self.end, "heading": self.heading}


@dataclass(frozen=True, slots=True)
class Finding:
    category: str
    title: str
    #: The tier read (None when not found).
    tier: str | None
    confidence: Confidence
    #: Every tier whose signals show (more than one when ambiguous).
    candidates: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    #: For readings by absence and not-found ones: what was looked for, in words.
    looked_for: tuple[str, ...] = ()
    note: str = ""

    def to_json(self, rubric: Rubric | None = None) -> dict[str, Any]:
        points = None
        if rubric is not None and self.tier is not None:
            cat = rubric.category(self.category)
            tier = cat.tier(self.tier) if cat is not None else None
            points = tier.points if tier is not None else None
        return {
            "category": self.category,
            "title": self.title,
            "tier": self.tier,
            "points": points,
            "confidence": self.confidence,
            "candidates": list(self.candidates),
            "evidence": [e.to_json() for e in self.evidence],
            "looked_for": list(self.looked_for),
            "note": self.note,
        }


@dataclass(frozen=True)
class Analysis:
    """A statute's reading: the relief-statute gate, coverage, one finding per category."""

    text: str
    source: str | None
    relief_statute: bool
    relief_evidence: tuple[Evidence, ...]
    coverage: Finding
    findings: tuple[Finding, ...]
    rubric_id: str
    #: The provisions the text was split into, in order.
    provisions: tuple[ProvisionRef, ...] = ()
    #: What `text` was extracted from when it is not the file's own ("html": the
    #: text a browser shows of a web page); offsets are into `text` either way.
    extracted_from: str | None = None
    _by_id: dict[str, Finding] = field(default_factory=dict, repr=False, compare=False)

    def finding(self, category_id: str) -> Finding:
        if category_id == COVERAGE:
            return self.coverage
        if not self._by_id:
            self._by_id.update({f.category: f for f in self.findings})
        return self._by_id[category_id]

    def tiers(self) -> dict[str, str | None]:
        """category id (and "coverage") -> the tier read, None when not found."""
        out: dict[str, str | None] = {COVERAGE: self.coverage.tier}
        out.update({f.category: f.tier for f in self.findings})
        return out

    def draft(
        self, rubric: Rubric, jurisdiction: str | None = None, notes: str | None = None
    ) -> Draft:
        """A draft whose choices are the clear, ambiguous and by-absence readings.

        Not-found categories stay open; coverage is what the text says.
        """
        coverage = self.coverage.tier or "adults"
        read = Draft(
            jurisdiction=jurisdiction,
            coverage="none",
            choices={f.category: f.tier for f in self.findings if f.tier is not None},
            notes=notes if notes is not None else self.summary_note(),
        )
        # Draft keeps a "no statute" reading only when the coverage is none.
        return read.with_coverage(coverage, rubric)  # type: ignore[arg-type]

    def summary_note(self) -> str:
        where = f" of {Path(self.source).name}" if self.source and self.source != "-" else ""
        parts = [f"Read by drafter analyze from the text{where}; check each reading against it."]
        ambiguous = [f for f in self.findings if f.confidence == "ambiguous"]
        if ambiguous:
            parts.append(
                "Ambiguous (the lowest reading kept): "
                + "; ".join(f"{f.category} ({', '.join(f.candidates)})" for f in ambiguous)
                + "."
            )
        missing = [f.category for f in self.findings if f.confidence == "not found"]
        if missing:
            parts.append("Not found, left open: " + ", ".join(missing) + ".")
        return " ".join(parts)

    def to_json(self, rubric: Rubric) -> dict[str, Any]:
        return {
            "format": ANALYSIS_FORMAT,
            "rubric": self.rubric_id,
            "source": self.source,
            "characters": len(self.text),
            "relief_statute": self.relief_statute,
            "relief_evidence": [e.to_json() for e in self.relief_evidence],
            "coverage": self.coverage.to_json(),
            "findings": [f.to_json(rubric) for f in self.findings],
            "provisions": [p.to_json() for p in self.provisions],
            **(self._extracted_json() if self.extracted_from else {}),
        }

    def _extracted_json(self) -> dict[str, Any]:
        return {
            "extracted_from": self.extracted_from,
            "offsets": EXTRACTED_OFFSETS,
            "extracted_text": self.text,
        }
