"""The statute analyzer: statute text in, a reading of every rubric category out.

For each category a `Finding` says which tier the text reads as, how sure that
is, and why:

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

from collections.abc import Iterable
from pathlib import Path

from drafter.reader.files import read_statute
from drafter.reader.findings import COVERAGE, Analysis, Evidence, Finding
from drafter.reader.match import Scanner, Signals, TierSignals
from drafter.reader.rules import load_signals
from drafter.reader.text import Normalized, normalize
from drafter.rubric import Rubric

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
