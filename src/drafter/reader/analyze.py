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

import gc
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from drafter.reader.files import is_html, read_statute
from drafter.reader.findings import COVERAGE, Analysis, Evidence, Finding, ProvisionRef
from drafter.reader.layout import GATE_ROLES
from drafter.reader.rules import load_signals
from drafter.reader.scope import scoped
from drafter.reader.segment import live_text, segment
from drafter.reader.tiers import CategoryReading, Signals, TierSignals
from drafter.reader.views import StatuteText
from drafter.rubric import Rubric

_SIGNALS: dict[tuple[str, str | None, tuple[str, ...]], Signals] = {}


def signals_for(
    rubric: Rubric, path: str | Path | None = None, prosecutor: str | None = None
) -> Signals:
    """The rubric's signals, loaded once per process (per jurisdiction's own name
    for the prosecutor, its profile's forms.prosecutor, when one is given)."""
    own = (prosecutor,) if prosecutor else ()
    key = (rubric.id, str(path) if path is not None else None, own)
    if key not in _SIGNALS:
        _SIGNALS[key] = load_signals(rubric, path, {"prosecutor": own} if own else None)
    return _SIGNALS[key]


def _lowest(tiers: Iterable[str], points: dict[str, int]) -> str:
    """The conservative reading among several: the lowest-scoring tier."""
    order = {t: i for i, t in enumerate(points)}
    return min(tiers, key=lambda t: (points.get(t, 0), order.get(t, 0)))


def _speaker(evidence: list[Evidence]) -> str:
    """Who speaks in the words quoted first: their provision, or, in a text without
    labels, which has no provision to name, the text itself."""
    if evidence and evidence[0].provision:
        return f"Provision {evidence[0].provision}"
    return "The text"


def _read_category(
    doc: StatuteText,
    category: str,
    title: str,
    tiers: dict[str, TierSignals],
    points: dict[str, int],
    no_statute: set[str],
    reading: CategoryReading,
    relief: bool,
) -> Finding:
    norm, scan = doc.view(reading.reads, reading.definitions_of)
    shown = [t for t, s in tiers.items() if not s.absent and s.shows(scan)]
    seen: list[Evidence] = []
    if not relief:
        # No trafficking-specific statute: only language inside one counts, so
        # what the text says is shown but not read (the rubric's "no statute"
        # tier where the category has one, else not found).
        for t in shown:
            seen.extend(doc.evidence(norm, t, tiers[t].read(scan).spans, "seen"))
        shown = []
    negated: list[Evidence] = []
    for t, s in tiers.items():
        if not s.absent:
            negated.extend(doc.evidence(norm, t, s.read(scan).negated, "negated"))
    absent = next((t for t, s in tiers.items() if s.absent), None)
    positives = [t for t, s in tiers.items() if not s.absent]

    def looked_for(names: Iterable[str]) -> tuple[str, ...]:
        return tuple(f"{t}: {tiers[t].describe}" if tiers[t].describe else t for t in names)

    if shown:
        evidence: list[Evidence] = []
        for t in shown:
            evidence.extend(doc.evidence(norm, t, tiers[t].read(scan).spans, "match"))
        evidence.extend(negated)
        # A tier shown only arguably ("adjudications" but no arrests) is weighed
        # against the tier it is arguable with.
        weighed = list(shown)
        for t in shown:
            other = tiers[t].arguable_with
            if tiers[t].read(scan).arguable and other and other not in weighed:
                weighed.append(other)
                # The words that make it arguable are the other reading's support too.
                evidence.extend(doc.evidence(norm, other, tiers[t].read(scan).spans, "support"))
        if len(weighed) == 1:
            return Finding(category, title, shown[0], "clear", tuple(shown), tuple(evidence))
        pick = _lowest(weighed, points)
        listed = ", ".join(f"{t} ({points.get(t, '?')})" for t in weighed)
        arguable = [t for t in shown if tiers[t].read(scan).arguable]
        why = (
            f"The words for {', '.join(arguable)} are arguable here, not plain"
            if arguable
            else "Signals of several tiers show"
        )
        note = f"{why}: {listed}. Read as the lowest, {pick}, until you decide which governs."
        return Finding(
            category, title, pick, "ambiguous", tuple(weighed), tuple(evidence), (), note
        )
    silent = reading.when_silent
    if relief and silent is not None and silent.reads and silent.given.read(scan).present:
        # Silence the text itself settles ("a conviction", no offense limiting it).
        spans = silent.given.read(scan).spans
        found = doc.evidence(norm, silent.reads, spans, "match")
        return Finding(
            category,
            title,
            silent.reads,
            "clear",
            (silent.reads,),
            tuple(found + negated),
            looked_for(positives),
            silent.note,
        )
    if relief and silent is not None and silent.given.read(scan).present:
        # Silence that the rubric does not settle: name the readings to weigh.
        pick = _lowest(silent.ambiguous, points)
        spans = silent.given.read(scan).spans
        support = [e for t in silent.ambiguous for e in doc.evidence(norm, t, spans, "support")]
        return Finding(
            category,
            title,
            pick,
            "ambiguous",
            silent.ambiguous,
            tuple(support + negated),
            looked_for(positives),
            f"{silent.note} Read as the lowest, {pick}, until you decide.",
        )
    if absent is not None:
        support = doc.evidence(norm, absent, tiers[absent].read(scan).spans, "support")
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
        elif relief and (
            unweighed := (
                reading.unweighed.search(norm.text) if reading.unweighed is not None else None
            )
        ):
            # Not silence: the text settles it in words no tier names.
            # (Looked for before the supporting phrases: words that settle the
            # category some other way outrank the words that go with silence.)
            found = doc.evidence(norm, "", [(unweighed.start(), unweighed.end(), "")], "topic")
            where = _speaker(found)
            return Finding(
                category,
                title,
                None,
                "not found",
                (),
                tuple(found + negated),
                looked_for(positives),
                f'{where} settles this in words no tier names ("{unweighed.group()}"), so it '
                "is not the statute's silence; decide this category from those words.",
            )
        elif relief and support:
            # Not only silence: the text says it plainly ("may be filed at any time").
            return Finding(
                category,
                title,
                absent,
                "clear",
                (absent,),
                tuple(support + negated),
                looked_for(positives),
                "None of the other tiers' signals shows, and the text says so in words.",
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
    topic: list[Evidence] = []
    if relief and reading.topic is not None:
        m = reading.topic.search(norm.text)
        if m is None and reading.silence is not None:
            # Not a word on it: the rubric reads that silence as a tier ("no hearing required").
            tier, why = reading.silence
            return Finding(
                category, title, tier, "by absence", (tier,), tuple(negated),
                looked_for(positives), why,
            )  # fmt: skip
        if m is not None:
            topic = doc.evidence(norm, "", [(m.start(), m.end(), "")], "topic")
            where = _speaker(topic)
            here = "that provision" if where != "The text" else "those words"
            note = (
                f'{where} speaks to this ("{topic[0].quote}") in words the reader '
                f"does not weigh; decide this category from {here}."
                if topic
                else note
            )
    if not relief:
        note = (
            "The text is not a trafficking-specific relief statute: the rubric counts only "
            "language inside one."
        )
    return Finding(
        category,
        title,
        None,
        "not found",
        (),
        tuple(topic + seen + negated),
        looked_for(positives),
        note,
    )


def analyze(
    text: str,
    rubric: Rubric,
    signals: Signals | None = None,
    source: str | None = None,
) -> Analysis:
    """Read a statute's text against the rubric. Pure: no files, no network."""
    # A reading makes some 40,000 small objects a megabyte (sentences, provisions,
    # matches) and frees them by reference counting: it makes no cycles, so the
    # garbage collector, which walked them again and again as they were made
    # (and now and then every object of the process), has nothing to find. Held
    # for the reading; resumed after it, unless it was off before.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _analyze(text, rubric, signals, source)
    finally:
        if collecting:
            gc.enable()


def _analyze(text: str, rubric: Rubric, signals: Signals | None, source: str | None) -> Analysis:
    signals = signals or signals_for(rubric)
    # Headings, history notes, commentary and pointers are not evidence.
    # (read as the law stands after an amending bill: what it strikes is blanked,
    # offsets kept, and quotes still come from the text as given)
    layout = (
        segment(live_text(text, signals.layout), signals.layout)
        if signals.layout is not None
        else None
    )
    if layout is not None and signals.layout is not None:
        # A neighbouring statute's glossary and another law's remedy are not evidence.
        layout = scoped(layout)
    doc = StatuteText(text, layout)
    if signals.layout is not None:
        # A general expungement law around the survivors' subsection is another law.
        doc.mark_other_remedies(signals.layout)
        # An immunity beside the relief is another remedy: read the relief's own words.
        doc.mark_defenses(signals.layout)
    norm, scan = doc.view(GATE_ROLES)
    relief = True
    relief_evidence: list[Evidence] = []
    if signals.relief_statute is not None:
        gate = signals.relief_statute.read(scan)
        relief = gate.present
        if relief:
            relief_evidence = doc.evidence(norm, "relief_statute", gate.spans, "match")

    cov_tiers = signals.categories.get(COVERAGE, {})
    cov_points: dict[str, int] = {c: (0 if c != "adults" else 1) for c in rubric.coverage}
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
            "No trafficking-specific relief statute found: the rubric scores that as no "
            "statute, 0 in every category, not ranked.",
        )
    else:
        coverage = _read_category(
            doc, COVERAGE, "Coverage", cov_tiers, cov_points, set(),
            signals.reading_of(COVERAGE), True,
        )  # fmt: skip
        if coverage.tier is None:
            coverage = Finding(
                COVERAGE, "Coverage", "adults", "by absence", ("adults",), (), coverage.looked_for
            )
        elif coverage.confidence == "ambiguous":
            # Any sign of a minors-only limit is the conservative reading.
            coverage = replace(coverage, tier="minors_only")

    findings = []
    for cat in rubric.categories:
        findings.append(
            _read_category(
                doc,
                cat.id,
                cat.title,
                signals.categories.get(cat.id, {}),
                {t.id: t.points for t in cat.tiers},
                {t.id for t in cat.tiers if t.no_statute},
                signals.reading_of(cat.id),
                relief,
            )
        )
    provisions = tuple(
        ProvisionRef(p.label.strip(), p.start, p.end, p.heading)
        for p in (layout.provisions if layout is not None else ())
    )
    return Analysis(
        text=text,
        source=source,
        relief_statute=relief,
        relief_evidence=tuple(relief_evidence),
        coverage=coverage,
        findings=tuple(findings),
        rubric_id=rubric.id,
        provisions=provisions,
    )


def analyze_file(path: str | Path, rubric: Rubric, signals: Signals | None = None) -> Analysis:
    analysis = analyze(read_statute(path), rubric, signals, source=str(path))
    if is_html(path):
        # Offsets are into the page's text, not its HTML: the reading says so.
        analysis = replace(analysis, extracted_from="html")
    return analysis
