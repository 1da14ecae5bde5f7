"""The statute analyzer: statute text in, a reading of every rubric category out.

Pure and offline. For each category a `Finding` says which tier the text reads
as, how sure that is, and why:

- `clear`: exactly one tier's signals show; the evidence quotes them;
- `ambiguous`: several tiers' signals show (Nebraska's nexus reads "direct
  result", "proximately caused" and "while ... a victim"); the reading is the
  lowest-scoring of them, the conservative one, until a person decides;
- `by absence`: the rubric defines the tier by silence (no time limit, no
  burden stated, no presumption, no confidentiality, no extra conditions) and
  the text is a relief statute in which none of the category's other signals
  shows; the evidence is the list of what was looked for;
- `not found`: nothing shows and silence does not decide it.

Every rule is data: the signals file beside the rubric (patterns, exclusions,
negation cues, what makes a text a relief statute). A phrase-based tier is never
claimed without a quoted span, and every span is offsets into the original text
(`text[start:end] == quote`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from drafter.draft import Draft
from drafter.errors import UserError
from drafter.rubric import Rubric
from drafter.signals import (
    Normalized,
    Scanner,
    Signals,
    TierSignals,
    load_signals,
    normalize,
)
from drafter.textsafe import visible
from drafter.yamlio import MAX_FILE_BYTES, decode_text, read_text

Confidence = Literal["clear", "ambiguous", "by absence", "not found"]
CONFIDENCES: tuple[Confidence, ...] = ("clear", "ambiguous", "by absence", "not found")
ANALYSIS_FORMAT = "drafter/analysis@1"
COVERAGE = "coverage"
#: A .docx is a zip; its text is far smaller. Refuse larger files before opening.
MAX_DOCX_BYTES = 10 * 1024 * 1024
#: The document part's uncompressed size limit (guards against zip bombs).
MAX_DOCX_XML_BYTES = 40 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", "")


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quoted span of the original text: `text[start:end] == quote`."""

    tier: str
    start: int
    end: int
    quote: str
    #: "match" proves the tier; "support" backs a reading by absence; "negated"
    #: is a phrase a negation cue voided; "seen" is a tier's phrase in a text
    #: that is not a trafficking-specific relief statute (not counted).
    role: str = "match"

    def to_json(self) -> dict[str, Any]:
        return {
            "tier": self.tier,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "role": self.role,
        }


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

    @property
    def decided(self) -> bool:
        """Whether the finding gives a tier (everything but `not found`)."""
        return self.tier is not None

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
        choices = {}
        for f in self.findings:
            if f.tier is None:
                continue
            tier = rubric.category(f.category).tier(f.tier)  # type: ignore[union-attr]
            if tier is not None and tier.no_statute and coverage != "none":
                continue
            choices[f.category] = f.tier
        return Draft(
            jurisdiction=jurisdiction,
            coverage=coverage,  # type: ignore[arg-type]
            choices=choices,
            notes=notes if notes is not None else self.summary_note(),
        )

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
        }


# --- reading files ------------------------------------------------------------------


def read_statute(path: str | Path) -> str:
    """A statute's text from a .txt/.md/.docx file, or "-" for standard input."""
    if str(path) == "-":
        raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise UserError("<stdin>", f"statute text is over the {MAX_FILE_BYTES:,}-byte limit")
        return _not_empty(decode_text(raw, "<stdin>", "statute text"), "<stdin>")
    p = Path(path)
    suffix = p.suffix.casefold()
    if suffix == ".docx":
        return _not_empty(read_docx_text(p), path)
    if suffix in (".doc", ".pdf", ".rtf", ".odt", ".pages"):
        raise UserError(
            path,
            f"cannot read {suffix} files; save the statute as .docx, .txt or .md "
            "(or paste its text into a .txt file)",
        )
    return _not_empty(read_text(p, "statute text file"), path)


def _not_empty(text: str, where: str | Path) -> str:
    if not text.strip():
        raise UserError(where, "is empty; give a file that holds the statute's text")
    return text


def read_docx_text(path: str | Path) -> str:
    """The text of a Word document, one line per paragraph (tables included)."""
    import zipfile

    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise UserError(path, "no such statute file; check the path") from None
    except OSError as exc:
        raise UserError(path, f"cannot read this file: {exc.strerror}") from None
    if p.is_dir():
        raise UserError(path, "is a directory, not a statute file; give the path of a file")
    if size > MAX_DOCX_BYTES:
        raise UserError(
            path, f"Word file is {size:,} bytes, over the {MAX_DOCX_BYTES:,}-byte limit"
        )
    try:
        with zipfile.ZipFile(p) as zf:
            info = zf.getinfo("word/document.xml")
    except (zipfile.BadZipFile, OSError):
        raise UserError(
            path, "is not a Word .docx file; save the statute as .docx or .txt"
        ) from None
    except KeyError:
        raise UserError(
            path, "is a zip file but not a Word document (no word/document.xml)"
        ) from None
    if info.file_size > MAX_DOCX_XML_BYTES:
        raise UserError(path, "the Word document's text part is too large to read safely")
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(p))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile) as exc:
        # A damaged package: missing parts, wrong content types, broken XML.
        raise UserError(path, f"cannot read this Word file ({type(exc).__name__})") from None
    lines = [
        Paragraph(element, document).text  # type: ignore[arg-type]
        for element in document.element.body.iter(qn("w:p"))
    ]
    return "\n".join(lines).strip("\n") + "\n"


# --- the analysis -------------------------------------------------------------------

_SIGNALS: dict[tuple[str, str | None], Signals] = {}


def signals_for(rubric: Rubric, path: str | Path | None = None) -> Signals:
    """The rubric's signals, loaded once per process."""
    key = (rubric.id, str(path) if path is not None else None)
    if key not in _SIGNALS:
        _SIGNALS[key] = load_signals(rubric, path)
    return _SIGNALS[key]


def _evidence(
    norm: Normalized, tier: str, spans: Iterable[tuple[int, int, str]], role: str
) -> list[Evidence]:
    out = []
    seen: set[tuple[int, int]] = set()
    for s, e, _ in spans:
        span = norm.span(s, e)
        if (span.start, span.end) in seen or span.start == span.end:
            continue
        seen.add((span.start, span.end))
        out.append(Evidence(tier, span.start, span.end, span.text, role))
    return out


def _read_category(
    category: str,
    title: str,
    tiers: dict[str, TierSignals],
    points: dict[str, int],
    no_statute: set[str],
    scan: Scanner,
    norm: Normalized,
    relief: bool,
) -> Finding:
    shown = [t for t, s in tiers.items() if not s.absent and s.shows(scan)]
    seen: list[Evidence] = []
    if not relief:
        # No trafficking-specific statute: only language inside one counts, so
        # what the text says is shown but not read (the rubric's "no statute"
        # tier where the category has one, else not found).
        for t in shown:
            seen.extend(_evidence(norm, t, tiers[t].read(scan).spans, "seen"))
        shown = []
    negated: list[Evidence] = []
    for t, s in tiers.items():
        if not s.absent:
            negated.extend(_evidence(norm, t, s.read(scan).negated, "negated"))
    absent = next((t for t, s in tiers.items() if s.absent), None)
    positives = [t for t, s in tiers.items() if not s.absent]

    def looked_for(names: Iterable[str]) -> tuple[str, ...]:
        return tuple(f"{t}: {tiers[t].describe}" if tiers[t].describe else t for t in names)

    if shown:
        evidence: list[Evidence] = []
        for t in shown:
            evidence.extend(_evidence(norm, t, tiers[t].read(scan).spans, "match"))
        evidence.extend(negated)
        if len(shown) == 1:
            return Finding(category, title, shown[0], "clear", tuple(shown), tuple(evidence))
        # The conservative reading: the lowest-scoring tier whose signals show.
        order = {t: i for i, t in enumerate(points)}
        pick = min(shown, key=lambda t: (points.get(t, 0), order.get(t, 0)))
        listed = ", ".join(f"{t} ({points.get(t, '?')})" for t in shown)
        note = (
            f"Signals of several tiers show: {listed}. Read as the lowest, {pick}, "
            "until you decide which governs."
        )
        return Finding(category, title, pick, "ambiguous", tuple(shown), tuple(evidence), (), note)
    if absent is not None:
        support = _evidence(norm, absent, tiers[absent].read(scan).spans, "support")
        if absent in no_statute:
            if not relief:
                return Finding(
                    category,
                    title,
                    absent,
                    "by absence",
                    (absent,),
                    tuple(support + seen + negated),
                    ("a trafficking-specific relief statute",),
                    "The text is not a trafficking-specific relief statute.",
                )
        elif relief:
            return Finding(
                category,
                title,
                absent,
                "by absence",
                (absent,),
                tuple(support + negated),
                looked_for(positives),
                "None of the other tiers' signals shows; the rubric reads silence as this tier.",
            )
    note = "No tier's signals show; decide this category from the text."
    if not relief:
        note = (
            "The text is not a trafficking-specific relief statute: the rubric counts only "
            "language inside one."
        )
    return Finding(
        category, title, None, "not found", (), tuple(seen + negated), looked_for(positives), note
    )


def analyze(
    text: str,
    rubric: Rubric,
    signals: Signals | None = None,
    source: str | None = None,
) -> Analysis:
    """Read a statute's text against the rubric. Pure: no files, no network."""
    signals = signals or signals_for(rubric)
    norm = normalize(text)
    scan = Scanner(norm.text)
    relief = True
    relief_evidence: list[Evidence] = []
    if signals.relief_statute is not None:
        gate = signals.relief_statute.read(scan)
        relief = gate.present
        if relief:
            relief_evidence = _evidence(norm, "relief_statute", gate.spans, "match")

    cov_tiers = signals.categories.get(COVERAGE, {})
    cov_points = {c: (0 if c != "adults" else 1) for c in rubric.coverage}
    if not relief:
        gate_describe = signals.relief_statute.describe if signals.relief_statute else ""
        coverage = Finding(
            COVERAGE,
            "Coverage",
            "none",
            "by absence",
            ("none",),
            (),
            (gate_describe or "a trafficking-specific relief statute",),
            "No trafficking-specific relief statute found: the rubric scores that 0, unranked.",
        )
    else:
        coverage = _read_category(
            COVERAGE, "Coverage", cov_tiers, cov_points, set(), scan, norm, True
        )
        if coverage.tier is None:
            coverage = Finding(
                COVERAGE, "Coverage", "adults", "by absence", ("adults",), (), coverage.looked_for
            )
        elif coverage.confidence == "ambiguous":
            # Any sign of a minors-only limit is the conservative reading.
            coverage = Finding(
                COVERAGE,
                "Coverage",
                "minors_only",
                "ambiguous",
                coverage.candidates,
                coverage.evidence,
                coverage.looked_for,
                coverage.note,
            )

    findings = []
    for cat in rubric.categories:
        tiers = signals.categories.get(cat.id, {})
        findings.append(
            _read_category(
                cat.id,
                cat.title,
                tiers,
                {t.id: t.points for t in cat.tiers},
                {t.id for t in cat.tiers if t.no_statute},
                scan,
                norm,
                relief,
            )
        )
    return Analysis(
        text=text,
        source=source,
        relief_statute=relief,
        relief_evidence=tuple(relief_evidence),
        coverage=coverage,
        findings=tuple(findings),
        rubric_id=rubric.id,
    )


def analyze_file(path: str | Path, rubric: Rubric, signals: Signals | None = None) -> Analysis:
    return analyze(read_statute(path), rubric, signals, source=str(path))


# --- showing it ---------------------------------------------------------------------


def _quote(e: Evidence, width: int = 90) -> str:
    q = visible(" ".join(e.quote.split()))
    if len(q) > width:
        half = (width - 5) // 2
        q = f"{q[:half]} ... {q[-half:]}"
    return f'"{q}" [{e.start}:{e.end}]'


def analysis_text(analysis: Analysis, rubric: Rubric) -> str:
    """The findings as a readable report, then the score they imply."""
    from drafter.report import score_text, standing_text
    from drafter.scoring import score

    name = visible(analysis.source) if analysis.source not in (None, "-") else "pasted text"
    lines = [f"Statute: {name} ({len(analysis.text):,} characters)"]
    if analysis.relief_statute:
        quotes = ", ".join(_quote(e, 40) for e in analysis.relief_evidence)
        lines.append(f"Relief statute: yes ({quotes})")
    else:
        lines.append("Relief statute: no trafficking-specific relief statute found")
    cov = analysis.coverage
    rule = rubric.coverage.get(cov.tier or "adults")
    label = rule.label if rule else cov.tier
    lines.append(f"Coverage: {label} ({cov.confidence})")
    lines.extend(
        _details(cov, show_looked_for=cov.confidence != "by absence" or not analysis.relief_statute)
    )
    lines.append("")
    title_w = max(len(f.title) for f in analysis.findings)
    tier_w = 36
    lines.append(f"{'CATEGORY':<{title_w}}  {'READING':<{tier_w}}  {'POINTS':>6}  CONFIDENCE")
    for f in analysis.findings:
        cat = rubric.category(f.category)
        tier = cat.tier(f.tier) if cat is not None and f.tier is not None else None
        label = tier.label if tier is not None else "-"
        if len(label) > tier_w:
            label = label[: tier_w - 3] + "..."
        pts = f"{tier.points}/{cat.max}" if tier is not None and cat is not None else "-"
        lines.append(f"{f.title:<{title_w}}  {label:<{tier_w}}  {pts:>6}  {f.confidence}")
        lines.extend(_details(f, show_looked_for=True))
    draft = analysis.draft(rubric)
    card = score(rubric, draft)
    lines.append("")
    lines.append(f"IMPLIED SCORE   {score_text(card)}   {standing_text(card)}")
    if card.open:
        lines.append(f"                open (not found): {', '.join(card.open)}")
    if not card.rankable and card.reason:
        lines.append(f"                ({card.reason})")
    lines.append(
        "Readings by absence and ambiguous ones are drafter's reading of the text, "
        "not the report's; check them."
    )
    return "\n".join(lines) + "\n"


def _details(f: Finding, show_looked_for: bool) -> list[str]:
    out = []
    pad = "    "
    for e in f.evidence:
        if e.role == "match":
            prefix = f"{e.tier}: " if f.confidence == "ambiguous" else ""
            out.append(f"{pad}{prefix}{_quote(e)}")
        elif e.role == "support":
            out.append(f"{pad}supporting: {_quote(e)}")
        elif e.role == "negated":
            out.append(f"{pad}negated, not counted ({e.tier}): {_quote(e)}")
        elif e.role == "seen":
            out.append(f"{pad}seen, not counted outside a relief statute ({e.tier}): {_quote(e)}")
    if f.confidence == "ambiguous" and f.note:
        out.append(f"{pad}{f.note}")
    if show_looked_for and f.confidence in ("by absence", "not found") and f.looked_for:
        out.append(f"{pad}looked for, not found:")
        out.extend(f"{pad}  - {item}" for item in f.looked_for)
    return out


__all__ = [
    "ANALYSIS_FORMAT",
    "CONFIDENCES",
    "Analysis",
    "Evidence",
    "Finding",
    "analysis_text",
    "analyze",
    "analyze_file",
    "read_docx_text",
    "read_statute",
    "signals_for",
]
