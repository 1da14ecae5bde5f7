"""The statute analyzer: real statutes, the labelled corpus, negations, line breaks, spans."""

from __future__ import annotations

import gc
import random
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, write
from drafter.draft import draft_to_yaml, load_draft
from drafter.errors import UserError
from drafter.reader import Analysis, analyze, analyze_file, normalize, read_statute, signals_for
from drafter.rubric import load_rubric
from shared_data import STATUTES, require_shared

RUBRIC = load_rubric()
RUBRIC_SIGNALS = signals_for(RUBRIC)
CORPUS = ROOT / "tests" / "corpus"
REAL = STATUTES  # ../shared/statutes: real law with our readings (None when absent)
REAL_LABELS = yaml.safe_load((REAL / "labels.yaml").read_text(encoding="utf-8")) if REAL else {}
CORPUS_LABELS = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))
RELIEF = "A victim of human trafficking may move to vacate a conviction. "


def points(category: str, tier: str | None) -> int | None:
    cat = RUBRIC.category(category)
    assert cat is not None
    found = cat.tier(tier) if tier is not None else None
    return found.points if found is not None else None


def read(text: str) -> Analysis:
    return analyze(text, RUBRIC)


def assert_spans_quote_the_original(analysis: Analysis) -> None:
    for f in (analysis.coverage, *analysis.findings):
        for e in f.evidence:
            assert analysis.text[e.start : e.end] == e.quote, (f.category, e)
            assert e.quote.strip() == e.quote and e.quote
    for e in analysis.relief_evidence:
        assert analysis.text[e.start : e.end] == e.quote


# --- the real statutes in ../shared/statutes -----------------------------------------


def real(name: str) -> Path:
    """A real statute from the shared folder (skips, or fails under CI, when it is absent)."""
    return require_shared() / "statutes" / name


@pytest.mark.parametrize("name", sorted(REAL_LABELS) or ["(shared folder absent)"])
def test_real_statutes_sure_calls_and_coverage(name: str) -> None:
    require_shared()
    label = REAL_LABELS[name]
    analysis = analyze_file(REAL / name, RUBRIC)
    assert analysis.relief_statute
    assert analysis.coverage.tier == label["coverage"]
    for category, want in label["sure"].items():
        f = analysis.finding(category)
        assert f.confidence in ("clear", "by absence"), (category, f)
        assert points(category, f.tier) == want, (category, f.tier, f.evidence)
    assert_spans_quote_the_original(analysis)


def test_nebraska_nexus_is_ambiguous() -> None:
    f = analyze_file(real("NE-29-3005.txt"), RUBRIC).finding("nexus_to_trafficking")
    assert f.confidence == "ambiguous"
    assert {"direct_result", "proximately_caused"} <= set(f.candidates)
    # The conservative reading, with a quote for every tier it weighs.
    assert f.tier == "direct_result"
    assert {e.tier for e in f.evidence if e.role == "match"} == set(f.candidates)


def test_connecticut_nexus_is_one_of_the_noted_readings() -> None:
    f = analyze_file(real("CT-54-95c.txt"), RUBRIC).finding("nexus_to_trafficking")
    # Notes: "a result of having been a victim" in (a) vs "at the time of" in (d): 10 or 6.
    assert f.confidence == "ambiguous" or points("nexus_to_trafficking", f.tier) in (10, 6)
    assert set(f.candidates) <= {"as_a_result", "while_a_victim"}


def test_missouri_is_minors_only_and_scores_zero() -> None:
    from drafter.scoring import score

    analysis = analyze_file(real("MO-610.131.txt"), RUBRIC)
    assert analysis.coverage.tier == "minors_only"
    assert analysis.coverage.confidence == "clear"
    assert "under the age of eighteen" in analysis.coverage.evidence[0].quote
    card = score(RUBRIC, analysis.draft(RUBRIC))
    assert (card.total, card.rankable) == (0, False)


# --- the labelled corpus ---------------------------------------------------------------


def corpus_cases() -> list[tuple[str, str, str]]:
    out = []
    for name, label in sorted(CORPUS_LABELS.items()):
        out.append((name, "coverage", label["coverage"]))
        out.extend((name, cat, tier) for cat, tier in label["tiers"].items())
    return out


@pytest.fixture(scope="module")
def corpus() -> dict[str, Analysis]:
    return {name: analyze_file(CORPUS / name, RUBRIC) for name in CORPUS_LABELS}


@pytest.mark.parametrize(("name", "category", "tier"), corpus_cases())
def test_corpus_reading(corpus: dict[str, Analysis], name: str, category: str, tier: str) -> None:
    f = corpus[name].finding(category)
    assert (f.tier, f.confidence != "ambiguous") == (tier, True), (f.confidence, f.evidence)


def test_corpus_covers_every_tier_three_times() -> None:
    counts: dict[tuple[str, str], int] = {}
    for label in CORPUS_LABELS.values():
        counts[("coverage", label["coverage"])] = counts.get(("coverage", label["coverage"]), 0) + 1
        for cat, tier in label["tiers"].items():
            counts[(cat, tier)] = counts.get((cat, tier), 0) + 1
    wanted = [("coverage", c) for c in RUBRIC.coverage]
    wanted += [(c.id, t.id) for c in RUBRIC.categories for t in c.tiers]
    thin = {k: counts.get(k, 0) for k in wanted if counts.get(k, 0) < 3}
    assert not thin, thin
    for name in CORPUS_LABELS:
        assert (CORPUS / name).is_file(), name


def test_corpus_spans_quote_the_original(corpus: dict[str, Analysis]) -> None:
    for analysis in corpus.values():
        assert_spans_quote_the_original(analysis)
        for f in analysis.findings:
            if f.confidence in ("clear", "ambiguous"):
                # Never a tier without a quoted span for it: a match, or for
                # silence's tier said in words ("at any time") or a reading
                # weighed against an arguable or silent text, its support.
                quoted = {e.tier for e in f.evidence if e.role in ("match", "support")}
                assert set(f.candidates) <= quoted, (f.category, f)


def test_corpus_is_not_the_model_language() -> None:
    from drafter.language import load_language

    language = load_language()
    sentences = set()
    for lang in language.tiers.values():
        for p in lang.provisions:
            text = " ".join(p.text.parts[0::2]).strip()
            sentences.update(s.strip() for s in text.split(".") if len(s.strip()) > 40)
    for name in CORPUS_LABELS:
        text = " ".join((CORPUS / name).read_text(encoding="utf-8").split())
        for sentence in sentences:
            assert " ".join(sentence.split()) not in text, (name, sentence)


# --- readings by absence, the gate, not found -----------------------------------------


def test_silence_reads_by_absence_with_what_was_looked_for() -> None:
    analysis = read(RELIEF + "The offense must be a result of being a victim of trafficking.")
    for category, tier in {
        "time_limits": "no_limit",
        "burden_of_proof": "silent",
        "official_documentation": "no_presumption",
        "confidentiality": "none",
        "additional_conditions": "none",
        # the card's "no hearing required": a statute silent on a hearing requires none
        "hearing_requirement": "none_required",
    }.items():
        f = analysis.finding(category)
        assert (f.tier, f.confidence) == (tier, "by absence")
        assert f.looked_for and all(":" in item for item in f.looked_for)
    assert analysis.coverage.tier == "adults"
    assert analysis.coverage.confidence == "by absence"
    # Categories that silence does not decide.
    for category in ("offenses_covered", "judicial_discretion"):
        f = analysis.finding(category)
        assert (f.tier, f.confidence) == (None, "not found")
        assert f.looked_for


def test_a_hearing_mentioned_but_not_weighed_is_not_silence() -> None:
    """Silence is no word on it: a hearing named in words the reader does not weigh
    leaves the category open, naming the provision."""
    analysis = read(RELIEF + "The offense must be a result of being a victim of trafficking. "
                    "The survivor may be heard through an advocate.")  # fmt: skip
    f = analysis.finding("hearing_requirement")
    assert (f.tier, f.confidence) == (None, "not found")
    assert any(e.role == "topic" for e in f.evidence)


def test_text_that_is_not_a_relief_statute() -> None:
    analysis = read(
        "A person commits trafficking if the person recruits another for forced labor. "
        "The offense is a felony. The victim shall be informed of the preponderance rule."
    )
    assert not analysis.relief_statute
    assert (analysis.coverage.tier, analysis.coverage.confidence) == ("none", "by absence")
    assert analysis.finding("range_of_relief").tier == "none"
    assert analysis.finding("arrests_and_adjudications").tier == "none"
    for category in ("time_limits", "confidentiality", "burden_of_proof"):
        assert analysis.finding(category).confidence != "by absence"
    draft = analysis.draft(RUBRIC)
    assert draft.coverage == "none"
    assert draft.choices.get("range_of_relief") == "none"


# --- negations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "category", "tier"),
    [
        (
            "No hearing is required on a motion under this section.",
            "hearing_requirement",
            "none_required",
        ),
        (
            "A hearing is required on every motion. The movant must be present.",
            "hearing_requirement",
            "always_in_person",
        ),
        (
            "Official documentation shall create a presumption that the movant was a victim.",
            "official_documentation",
            "presumption",
        ),
        (
            "Official documentation shall not create a presumption that the movant was a victim.",
            "official_documentation",
            "no_presumption",
        ),
        (
            "The court may grant the motion over the objection of the prosecutor.",
            "judicial_discretion",
            "over_objection",
        ),
        (
            "The court may grant the motion without the consent of the prosecutor.",
            "judicial_discretion",
            "over_objection",
        ),
        (
            "The court may grant the motion only with the consent of the prosecutor.",
            "judicial_discretion",
            "none",
        ),
        ("The movant must have paid all fines and fees.", "additional_conditions", "restrictive"),
        (
            "Relief shall be granted regardless of whether the movant has paid any fines or fees.",
            "additional_conditions",
            "none",
        ),
        (
            "The court shall not require that the movant has completed the sentence.",
            "additional_conditions",
            "none",
        ),
        ("There is no waiting period for a motion under this section.", "time_limits", "no_limit"),
        (
            "A motion may be filed only after a waiting period of one year.",
            "time_limits",
            "explicit_limit",
        ),
        ("The motion and all records are confidential.", "confidentiality", "express"),
        ("Nothing in this section makes the motion confidential.", "confidentiality", "none"),
        (
            "The movant need not prove that the offense was a direct result of trafficking; "
            "it is enough that it was a result of being a victim of trafficking.",
            "nexus_to_trafficking",
            "as_a_result",
        ),
    ],
)
def test_negation(sentence: str, category: str, tier: str) -> None:
    f = read(RELIEF + sentence).finding(category)
    assert f.tier == tier, (f.confidence, f.evidence)
    assert f.confidence != "ambiguous"


def test_a_negated_phrase_is_shown_but_not_counted() -> None:
    doc = read(RELIEF + "Official documentation shall not create a presumption of eligibility.")
    finding = doc.finding("official_documentation")
    assert finding.tier == "no_presumption"
    assert any(e.role == "negated" and "presumption" in e.quote for e in finding.evidence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A victim who was under 18 years of age at the time of the offense need not prove force.",
        "This section applies to a person of any age. Sex trafficking of a minor is defined in "
        "section 5.",
        "A person who was under eighteen at the time, or who was an adult, may apply.",
    ],
)
def test_mentions_of_minors_are_not_a_minors_only_limit(sentence: str) -> None:
    assert read(RELIEF + sentence).coverage.tier == "adults"


@pytest.mark.parametrize(
    "sentence",
    [
        "A person who at the time of the offense was under the age of eighteen may apply.",
        "Relief is available only if the movant was younger than 18 when the offense occurred.",
        "Relief under this section is available only to a person who was a minor at the time "
        "of the offense.",
    ],
)
def test_minors_only_limits(sentence: str) -> None:
    f = read(RELIEF + sentence).coverage
    assert (f.tier, f.confidence) == ("minors_only", "clear")


# --- line breaks, hyphenation, section symbols, citations -----------------------------


def test_hyphenation_and_line_breaks_inside_phrases() -> None:
    text = (
        "Sec. 4.  A victim of traf-\n   ficking may move to va-\ncate a conviction.\n"
        "The movant shall prove the facts by a prepon-\n     derance of the\n\n  evidence, and "
        "that the offense was committed as a\n     result of having been a victim of\n"
        "human trafficking."
    )
    analysis = read(text)
    burden = analysis.finding("burden_of_proof")
    assert burden.tier == "preponderance"
    quote = burden.evidence[0].quote
    assert quote.startswith("prepon-\n") and quote.endswith("evidence")
    assert analysis.finding("nexus_to_trafficking").tier == "as_a_result"
    assert_spans_quote_the_original(analysis)


def test_section_symbols_and_citation_periods() -> None:
    text = (
        "§ 9.96.080. A victim of trafficking under 18 U.S.C. § 1591 may move to vacate a "
        "conviction if the offense was committed while the person was a victim of trafficking "
        "under Rev. Stat. §§ 5.1 to 5.9."
    )
    analysis = read(text)
    f = analysis.finding("nexus_to_trafficking")
    assert f.tier == "while_a_victim"
    norm = normalize(text)
    assert "section 9·96·080" in norm.text and "u·s·c· section 1591" in norm.text
    assert "rev· stat· sections 5·1" in norm.text
    assert_spans_quote_the_original(analysis)


def test_phrases_split_across_subsections() -> None:
    text = (
        RELIEF + "(c) The court shall hold a hearing only if the prosecutor objects.\n\n"
        "(d) Appearance. (1) The movant may appear at any hearing by telephone."
    )
    assert read(text).finding("hearing_requirement").tier == "opposed_alternate"


_WORDS = st.lists(st.sampled_from(["\n", "\n\n", "  ", "\n      ", "\t", " \r\n "]), min_size=1)


def _bare_heading(line: str) -> bool:
    """A short line with no sentence's end: a heading on its own line. Or a cited
    title line ("Rev. Code § 31-702 — Relief when person charged was a victim"):
    its catchline may run as a clause, and split by blank lines no reader can
    tell its pieces from sentences of the body."""
    words = line.split()
    if re.match(r"(?:[A-Z][\w.]*\.? ){0,4}§+ ?\d[\w.:-]* (?:—|–|--) ", line):
        return True
    return 0 < len(words) <= 8 and not line.rstrip().endswith((".", ";", ":", ","))


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), breaks=_WORDS, name=st.sampled_from(sorted(CORPUS_LABELS)))
# Found by this test: a heading without a period wrapped into its sentence.
@example(seed=0, breaks=["\n", "\n", "\n"], name="R31-headings-on-their-own-lines.txt")
# "Sec." and "14. (a)" on lines of their own; "(a) A crime under the laws of this" then
# "State, ..." (not a heading), and "laws of this" at a line's start (not a history note)
@example(seed=3, breaks=["\n\n"], name="R44-juvenile-vacatur-sec-numbered.txt")
@example(seed=1, breaks=["\n\n"], name="R46-vacating-list-items-until-wait.txt")
@example(seed=38, breaks=["\n\n"], name="R46-vacating-list-items-until-wait.txt")
def test_rewrapping_a_statute_keeps_its_reading(seed: int, breaks: list[str], name: str) -> None:
    """Line breaks, indentation and hyphenation anywhere leave the findings unchanged.

    Anywhere but inside a heading that stands on its own line without a period
    ("(b) Hearing on opposition"): wrapped into the sentence after it, no reader
    can tell the heading from the sentence's first words, so those lines keep
    their words together (they may still be indented or followed by any break).
    """
    original = (CORPUS / name).read_text(encoding="utf-8")
    rng = random.Random(seed)
    out = []
    for line in original.split("\n"):
        if _bare_heading(line):
            out += [line, "\n"]
            continue
        for word in line.split(" "):
            if len(word) > 7 and word.isalpha() and rng.random() < 0.15:
                cut = rng.randrange(3, len(word) - 2)
                word = f"{word[:cut]}-\n   {word[cut:]}"
            out.append(word)
            out.append(rng.choice(breaks) if rng.random() < 0.3 else " ")
        out[-1] = "\n"
    rewrapped = "".join(out[:-1])
    before = analyze(original, RUBRIC).tiers()
    after_analysis = analyze(rewrapped, RUBRIC)
    assert after_analysis.tiers() == before
    assert_spans_quote_the_original(after_analysis)


# --- files -----------------------------------------------------------------------------


def test_reads_docx(tmp_path: Path) -> None:
    import docx

    name = "R04-lettered-proximate.txt"
    document = docx.Document()
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "statute.docx"
    document.save(str(path))
    from_docx = analyze_file(path, RUBRIC)
    assert from_docx.tiers() == analyze_file(CORPUS / name, RUBRIC).tiers()
    assert_spans_quote_the_original(from_docx)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("law.pdf", b"%PDF-1.4", "cannot read .pdf files"),
        ("law.docx", b"not a zip", "not a Word .docx file"),
        ("law.txt", b"\x00\x01binary", "binary"),
        ("law.txt", b"\xff\xfe bad", "not UTF-8"),
    ],
)
def test_unreadable_files_are_clear_errors(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(UserError, match=message):
        read_statute(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such"):
        read_statute(tmp_path / "nope.txt")
    with pytest.raises(UserError, match="no such"):
        read_statute(tmp_path / "nope.docx")


# --- the draft it implies ----------------------------------------------------------------


def test_draft_from_findings_round_trips_through_a_file(tmp_path: Path) -> None:
    analysis = analyze_file(real("NE-29-3005.txt"), RUBRIC)
    draft = analysis.draft(RUBRIC, jurisdiction="Nebraska")
    not_found = {f.category for f in analysis.findings if f.confidence == "not found"}
    assert not_found and not (not_found & set(draft.choices))
    assert draft.choices["nexus_to_trafficking"] == "direct_result"
    assert draft.choices["time_limits"] == "no_limit"
    assert "Ambiguous" in (draft.notes or "")
    path = tmp_path / "ne.yaml"
    path.write_text(draft_to_yaml(draft, RUBRIC), encoding="utf-8")
    assert load_draft(path, RUBRIC) == draft


@pytest.mark.parametrize(
    ("sentence", "tier"),
    [
        ("The court shall hold a hearing on the motion.", "always_in_person"),
        ("The court must hold a hearing on the motion.", "always_in_person"),
        # A hearing the court may hold is not a hearing required.
        ("The court may hold a hearing on the motion.", "none_required"),
    ],
)
def test_shall_and_may(sentence: str, tier: str | None) -> None:
    """A duty ("shall", "must") reads as a requirement; a power ("may") does not."""
    assert read(RELIEF + sentence).finding("hearing_requirement").tier == tier


# --- reading by provision (issue 10's failure modes, on texts we wrote) ----------------


def corpus_read(name: str) -> Analysis:
    return analyze_file(CORPUS / name, RUBRIC)


def test_a_heading_is_not_evidence() -> None:
    # Headed "Motion to vacate", but the operative text only expunges.
    f = corpus_read("R22-weighs-interests-expunction.txt").finding("range_of_relief")
    assert (f.tier, f.confidence) == ("partial", "clear")
    assert all("vacate" not in e.quote.lower() for e in f.evidence)


def test_the_prosecutor_heard_without_a_veto_is_the_over_objection_tier() -> None:
    for name in ("R21-discretion-heard-no-veto.txt", "R22-weighs-interests-expunction.txt"):
        f = corpus_read(name).finding("judicial_discretion")
        assert (f.tier, f.confidence) == ("over_objection", "clear"), name


def test_consent_of_the_prosecutor_is_no_discretion() -> None:
    f = corpus_read("R23-commonwealth-consent.txt").finding("judicial_discretion")
    assert (f.tier, f.confidence) == ("none", "clear")
    assert "consented to by" in f.evidence[0].quote


def test_a_court_deciding_with_no_prosecutor_role_is_ambiguous() -> None:
    f = corpus_read("R24-court-decides-no-prosecutor.txt").finding("judicial_discretion")
    assert f.confidence == "ambiguous"
    assert set(f.candidates) == {"none", "over_objection"}
    assert f.tier == "none"  # the conservative reading until a person decides
    assert "no role" in f.note


def test_adjudications_without_arrests_are_arguable() -> None:
    f = corpus_read("R23-commonwealth-consent.txt").finding("arrests_and_adjudications")
    assert f.confidence == "ambiguous"
    assert set(f.candidates) == {"convictions_only", "comprehensive"}
    assert "arguable" in f.note


def test_the_effect_of_relief_naming_arrests_is_not_its_scope() -> None:
    f = corpus_read("R22-weighs-interests-expunction.txt").finding("arrests_and_adjudications")
    assert (f.tier, f.confidence) == ("convictions_only", "clear")


def test_conditions_said_as_prohibitions_are_conditions() -> None:
    f = corpus_read("R22-weighs-interests-expunction.txt").finding("additional_conditions")
    assert (f.tier, f.confidence) == ("restrictive", "clear")
    # A waiver still voids one.
    waived = read(RELIEF + "Relief is available regardless of whether any charge is pending.")
    assert waived.finding("additional_conditions").tier == "none"


def test_a_wait_is_a_time_limit() -> None:
    f = corpus_read("R22-weighs-interests-expunction.txt").finding("time_limits")
    assert (f.tier, f.confidence) == ("explicit_limit", "clear")


def test_a_result_in_a_definition_is_not_the_nexus() -> None:
    f = corpus_read("R23-commonwealth-consent.txt").finding("nexus_to_trafficking")
    assert (f.tier, f.confidence) == ("while_a_victim", "clear")


def test_a_closed_hearing_in_the_confidentiality_provision() -> None:
    a = corpus_read("R23-commonwealth-consent.txt")
    assert a.finding("confidentiality").tier == "express"
    assert a.finding("hearing_requirement").tier == "always_in_person"


def test_delinquency_records_only_is_minors_only() -> None:
    a = corpus_read("R25-delinquency-records-only.txt")
    assert (a.coverage.tier, a.coverage.confidence) == ("minors_only", "clear")


def test_no_trafficking_element_scores_as_no_statute() -> None:
    from drafter.scoring import score

    a = corpus_read("N04-prostitution-clean-record.txt")
    assert not a.relief_statute
    assert a.coverage.tier == "none" and "not ranked" in a.coverage.note
    card = score(RUBRIC, a.draft(RUBRIC))
    assert (card.total, card.rankable) == (0, False)


def test_not_found_names_the_provision_that_speaks_to_it() -> None:
    f = corpus_read("R21-discretion-heard-no-veto.txt").finding("hearing_requirement")
    assert f.confidence == "not found"
    topic = [e for e in f.evidence if e.role == "topic"]
    assert topic and topic[0].provision.endswith("(b)")
    assert "(b)" in f.note


def test_json_names_provisions_and_the_provision_of_each_quote() -> None:
    a = corpus_read("R22-weighs-interests-expunction.txt")
    data = a.to_json(RUBRIC)
    labels = [p["label"] for p in data["provisions"]]
    assert "40-71-210 (b)(3)" in labels
    for f in data["findings"]:
        for e in f["evidence"]:
            assert "provision" in e
    nexus = a.finding("nexus_to_trafficking")
    assert nexus.evidence[0].provision == "40-71-210 (a)"


def test_no_garbage_collection_runs_while_a_statute_is_read() -> None:
    """A reading makes thousands of small objects and no cycles: the collector is
    held while it runs (it walked them all, again and again), and given back as
    it was found, off if it was off."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        read(text * 3)
        assert collections == []
        assert gc.isenabled()
        gc.disable()
        try:
            read(text)
            assert not gc.isenabled()
        finally:
            gc.enable()
    finally:
        gc.callbacks.remove(count)


def test_a_new_trial_for_a_victim_is_a_relief_statute_whose_range_is_left_open() -> None:
    # A new trial undoes the conviction, but no tier names it: the gate passes and
    # the range is "not found", naming the words; without labels, the text speaks.
    text = (
        "A motion for a new trial may be filed by a person convicted of prostitution "
        "if the offense was a result of having been a victim of human trafficking.\n"
    )
    a = analyze(text, RUBRIC)
    assert a.relief_statute
    f = a.finding("range_of_relief")
    assert (f.tier, f.confidence) == (None, "not found")
    assert [e.quote for e in f.evidence] == ["new trial"]
    assert f.note.startswith('The text speaks to this ("new trial")'), f.note
    assert not analyze(text.replace("a new trial", "a hearing"), RUBRIC).relief_statute


def test_every_conviction_but_crimes_another_law_defines_is_not_plainly_every_offense() -> None:
    # "applies to all ... convictions for crimes except for crimes defined in section X":
    # which crimes are left out is not in the text, so every offense is arguable only.
    base = (
        "Sec. 2. (a) A person may move the court to vacate a conviction if the offense was "
        "committed as a result of being a victim of human trafficking.\n"
        "(b) This section applies to all state and municipal convictions for crimes{}.\n"
    )
    plain = analyze(base.format(""), RUBRIC).finding("offenses_covered")
    assert (plain.tier, plain.confidence) == ("all_offenses", "clear")
    cut = analyze(base.format(" except for crimes defined in section 24-4.1-302"), RUBRIC).finding(
        "offenses_covered"
    )
    assert cut.confidence == "ambiguous"
    assert set(cut.candidates) == {"all_offenses", "enumerated_violent_felonies"}


@pytest.mark.parametrize(
    ("who", "tier"),
    [
        ("A person charged with or convicted of theft", "comprehensive"),
        ("A person who was found not guilty of theft", "comprehensive"),
        ("The defendant named in a dismissed indictment for theft", "comprehensive"),
        ("A person convicted of theft", "convictions_only"),
    ],
)
def test_the_charged_acquitted_and_dismissed_are_more_than_the_convicted(
    who: str, tier: str
) -> None:
    text = (
        f"Sec. 4. (a) {who}, which offense was committed as a result of being a victim of "
        "human trafficking, may file a motion asking the court to seal the person's records.\n"
    )
    f = analyze(text, RUBRIC).finding("arrests_and_adjudications")
    assert (f.tier, f.confidence) == (tier, "clear"), f.evidence


@pytest.mark.parametrize(
    "voice",
    [
        "forward a copy of the motion to the prosecuting attorney",
        "give the prosecuting attorney an opportunity to respond",
        "hold a hearing at which the prosecuting attorney is entitled to be heard",
    ],
)
def test_a_prosecutor_with_a_voice_and_no_veto_is_the_court_deciding_over_objection(
    voice: str,
) -> None:
    text = (
        "Sec. 3. (a) A person convicted of prostitution may move the court to vacate the "
        "conviction if the offense was committed as a result of being a victim of human "
        f"trafficking.\n(b) Before ruling on the motion, the court shall {voice}.\n"
    )
    f = analyze(text, RUBRIC).finding("judicial_discretion")
    assert (f.tier, f.confidence) == ("over_objection", "clear"), (f.confidence, f.evidence)
    # the order sent once relief is granted is no voice in the decision
    after = text.replace(
        f"Before ruling on the motion, the court shall {voice}",
        (
            "If the court grants the motion, it shall send a copy of the order to the prosecuting "
            "attorney"
        ),
    )
    assert analyze(after, RUBRIC).finding("judicial_discretion").tier != "over_objection"


def test_a_standard_no_tier_names_is_not_the_statutes_silence() -> None:
    text = (
        "Sec. 9. (a) A person convicted of prostitution may move to vacate the conviction "
        "if the offense was a result of being a victim of human trafficking.\n"
        "(b) The movant bears the burden of showing {} that the offense was a result of "
        "being a victim of human trafficking.\n"
    )
    f = analyze(text.format("a reasonable likelihood"), RUBRIC).finding("burden_of_proof")
    assert (f.tier, f.confidence) == (None, "not found")
    assert [e.quote for e in f.evidence] == ["reasonable likelihood"]
    assert f.note.startswith("Provision 9 (b) settles this in words no tier names"), f.note
    plain = analyze(text.format("by a preponderance of the evidence"), RUBRIC)
    assert plain.finding("burden_of_proof").tier == "preponderance"
    silent = analyze(text.split("(b)")[0], RUBRIC).finding("burden_of_proof")
    assert (silent.tier, silent.confidence) == ("silent", "by absence")


def test_dispositions_relief_reaches_are_more_than_convictions_not_reliefs_effect() -> None:
    base = (
        "Sec. 9. (a) Upon motion, the court shall vacate any {} for prostitution if the "
        "person's participation in the offense was a result of being a victim of human "
        "trafficking.\n"
    )
    for what in ("dismissal or conviction", "conviction or continuance without a finding"):
        f = analyze(base.format(what), RUBRIC).finding("arrests_and_adjudications")
        assert (f.tier, f.confidence) == ("comprehensive", "clear"), what
    effect = base.format("conviction") + (
        "(b) The vacating of a judgment of conviction and dismissal of charges under this "
        "section is not grounds for compensation.\n"
    )
    f = analyze(effect, RUBRIC).finding("arrests_and_adjudications")
    assert (f.tier, f.confidence) == ("convictions_only", "clear"), f.evidence


def test_a_second_route_with_no_offense_of_its_own_makes_a_named_offense_arguable() -> None:
    # "(1) the conviction was for prostitution ...; or (2) the conviction was based on
    # conduct ... while subject to coercion": route (2) names no offense.
    text = (
        "Sec. 7. (a) A person may move the court to vacate a conviction if:\n"
        "(1) the conviction was for prostitution committed as a result of being a victim of "
        "human trafficking{}\n"
        "(b) The motion shall be served on the district attorney, who may file an objection.\n"
    )
    alone = analyze(text.format("."), RUBRIC).finding("offenses_covered")
    assert (alone.tier, alone.confidence) == ("prostitution_or_sex", "clear")
    routes = analyze(
        text.format(
            "; or\n(2) the conviction was based on conduct the person engaged in while "
            "subject to coercion by a trafficker."
        ),
        RUBRIC,
    ).finding("offenses_covered")
    assert routes.confidence == "ambiguous"
    assert {"prostitution_or_sex", "all_offenses"} <= set(routes.candidates)


def test_a_but_for_link_is_a_cause_the_rubric_leaves_to_weigh() -> None:
    # "would not have committed the offense but for being trafficked": the "not" is
    # the counterfactual's; beside "during the period" the nexus is arguable, not clear.
    text = (
        "Sec. 1. (a) A person may petition the court to expunge the record of a misdemeanor "
        "if the person proves that the person committed the offense during the period the "
        "person was being trafficked{}.\n"
    )
    alone = analyze(text.format(""), RUBRIC).finding("nexus_to_trafficking")
    assert (alone.tier, alone.confidence) == ("while_a_victim", "clear")
    both = analyze(
        text.format(
            ", and that the person would not have committed the offense but for being trafficked"
        ),
        RUBRIC,
    ).finding("nexus_to_trafficking")
    assert both.confidence == "ambiguous"
    assert {"while_a_victim", "as_a_result"} <= set(both.candidates)


@pytest.mark.parametrize(
    ("condition", "tier"),
    [
        ("if the person provided assistance in the investigation of the trafficker", "restrictive"),
        ("if the person assisted law enforcement in the case", "restrictive"),
        ("if the person testified against the trafficker", "restrictive"),
        (
            "regardless of whether the person provided assistance in the investigation",
            "none",
        ),
    ],
)
def test_cooperation_said_as_assistance_or_testimony_is_a_condition(
    condition: str, tier: str
) -> None:
    text = (
        "Sec. 1. (a) A person convicted of prostitution may move the court to vacate the "
        "conviction if the offense was a result of being a victim of human trafficking.\n"
        f"(b) The court may grant the motion {condition}.\n"
    )
    assert analyze(text, RUBRIC).finding("additional_conditions").tier == tier


def test_a_vacatur_another_law_granted_as_a_precondition_is_not_this_remedys_relief() -> None:
    text = (
        "Sec. 1. (a) This section applies only to a person whose conviction for theft was "
        "set aside by the court under Section 9.\n"
        "(b) The person may petition the court for an order sealing the record of the "
        "offense if the person committed the offense as a result of being a victim of human "
        "trafficking.\n"
    )
    assert analyze(text, RUBRIC).finding("range_of_relief").tier != "vacatur"
    granted = text.replace("for an order sealing the record of", "to vacate the conviction for")
    f = analyze(granted, RUBRIC).finding("range_of_relief")
    assert (f.tier, f.confidence) == ("vacatur", "clear")


DOCUMENTS = (
    "Sec. 4. (a) A person convicted of prostitution may move to vacate the conviction "
    "if the offense was a result of being a victim of human trafficking.\n"
    "(b) {}\n"
)


@pytest.mark.parametrize(
    ("words", "quote"),
    [
        ("The movant may submit evidence of the trafficking by affidavit.", "evidence"),
        (
            "Evidence that the movant was a victim may include a record of the trafficker's "
            "conviction.",
            "Evidence that the movant was a victim may include",
        ),
        (
            "The motion shall include copies of any documents that support it.",
            "copies of any documents",
        ),
        (
            "The movant may prove the trafficking by testimony or affidavit.",
            "by testimony or affidavit",
        ),
    ],
)
def test_evidence_the_text_names_without_a_presumption_is_a_plain_no_presumption(
    words: str, quote: str
) -> None:
    # The text speaks to what proves the claim and gives no document a
    # presumption: not the statute's silence, a clear "no presumption".
    f = analyze(DOCUMENTS.format(words), RUBRIC).finding("official_documentation")
    assert (f.tier, f.confidence) == ("no_presumption", "clear")
    assert quote in [e.quote for e in f.evidence]


def test_documentation_given_weight_in_other_words_is_not_read_as_no_presumption() -> None:
    weighed = analyze(
        DOCUMENTS.format(
            "The movant may submit evidence by affidavit, and a certification of the "
            "movant's status from a federal agency is sufficient evidence that the movant "
            "was a victim."
        ),
        RUBRIC,
    ).finding("official_documentation")
    assert (weighed.tier, weighed.confidence) == (None, "not found")
    presumed = analyze(
        DOCUMENTS.format(
            "The movant may submit evidence by affidavit. Official documentation of the "
            "movant's status creates a presumption that the movant was a victim."
        ),
        RUBRIC,
    ).finding("official_documentation")
    assert (presumed.tier, presumed.confidence) == ("presumption", "clear")
    silent = analyze(DOCUMENTS.split("(b)")[0], RUBRIC).finding("official_documentation")
    assert (silent.tier, silent.confidence) == ("no_presumption", "by absence")


CONSENT = (
    "Sec. 5. (a) A person convicted of prostitution may move to vacate the conviction if "
    "the offense was a direct result of being a victim of human trafficking. A copy of the "
    "motion shall be served on the prosecuting attorney.\n"
    "(b) The court may grant the motion {}:\n"
    "(1) The prosecuting attorney consents to the motion; and\n"
    "(2) At least sixty days have elapsed since service of the motion.\n"
)


def test_consent_that_only_spares_a_hearing_is_no_veto() -> None:
    # The lead-in decides what the listed consent does: it lets the court
    # grant without a hearing, and the court may still grant after one.
    spared = analyze(CONSENT.format("without a hearing if"), RUBRIC)
    f = spared.finding("judicial_discretion")
    assert (f.tier, f.confidence) == ("over_objection", "clear")
    # the same consent as the condition of relief is a veto
    veto = analyze(CONSENT.format("only if"), RUBRIC).finding("judicial_discretion")
    assert veto.tier == "none"
    assert "prosecuting attorney consents" in [e.quote for e in veto.evidence]


def test_a_causal_because_is_named_as_where_the_text_speaks_to_the_nexus() -> None:
    text = (
        "Sec. 3. (a) A person convicted of prostitution may move to vacate the conviction.\n"
        "(b) The court may grant the motion if the person's involvement in the offense was "
        "{} the person was a victim of human trafficking.\n"
    )
    f = analyze(text.format("because"), RUBRIC).finding("nexus_to_trafficking")
    assert (f.tier, f.confidence) == (None, "not found")
    assert f.note.startswith('Provision 3 (b) speaks to this ("because")'), f.note
    plain = analyze(text.format("a direct result of the fact that"), RUBRIC)
    assert plain.finding("nexus_to_trafficking").tier is not None


# An amending bill: what it strikes ([in brackets], <del>) is not the law it leaves.
_BILL_OPENING = (
    "AN ACT relating to relief for victims of human trafficking.\n\n"
    "Be it enacted by the Legislature of the State:\n\n"
    "Section 1. Section 12-34 is amended to read as follows:\n\n"
    "12-34. (a) A person convicted of prostitution as a result of having been a victim "
    "of human trafficking may move the court to "
)


def _range(text: str) -> tuple[str | None, list[str]]:
    finding = read(text).finding("range_of_relief")
    return finding.tier, [e.quote for e in finding.evidence]


def test_a_bills_struck_matter_is_not_the_law_it_leaves() -> None:
    # (the bill strikes vacatur and leaves sealing: the sealing tier, quoting the original)
    text = (
        _BILL_OPENING
        + "seal the record [and vacate the conviction]. The court may grant the motion.\n"
    )
    tier, quotes = _range(text)
    assert tier == "partial", (tier, quotes)
    assert not any("vacate" in q for q in quotes)
    assert_spans_quote_the_original(read(text))
    tagged = _BILL_OPENING + "seal the record <del>and vacate the conviction</del>.\n"
    assert _range(tagged)[0] == "partial"


def test_brackets_that_strike_nothing_stay_law() -> None:
    # Not a bill: its brackets are the text's own.
    statute = _BILL_OPENING.split("12-34. ")[1]
    text = "12-34. " + statute + "seal the record [and vacate the conviction].\n"
    assert _range(text)[0] == "vacatur"
    # A bill's placeholders, editor's notes and list labels are not struck matter.
    kept = (
        _BILL_OPENING + "vacate the conviction in the [COURT]. [2019 c 12 § 3]\n(b) [Repealed].\n"
    )
    assert _range(kept)[0] == "vacatur"


def test_a_bill_struck_matter_and_its_kept_brackets() -> None:
    from drafter.reader.segment import live_text

    rules = RUBRIC_SIGNALS.layout
    assert rules is not None
    bill = (
        _BILL_OPENING
        + "the [COURT] [and vacate the conviction] [a] [insert date] [Reserved] [such] A\n"
    )
    live = live_text(bill, rules)
    assert len(live) == len(bill)
    for kept in ("[COURT]", "[a]", "[insert date]", "[Reserved]"):
        assert kept in live
    assert "[and vacate the conviction]" not in live and "[such]" not in live


def test_a_sealing_remedy_under_a_vacatur_precondition_reads_sealing() -> None:
    text = (
        "Sec. 5. Upon the granting of a motion to set aside a conviction under section 12-3, "
        "a person who was a victim of human trafficking may file a motion to seal the record "
        "of the conviction.\n"
    )
    assert analyze(text, RUBRIC).finding("range_of_relief").tier == "partial"
    # (a vacatur this remedy grants itself still bars the sealing tier)
    own = text.replace(
        "Upon the granting of a motion to set aside a conviction under section 12-3, a", "A"
    )
    own = own.replace("to seal the record", "to set aside the conviction and seal the record")
    assert analyze(own, RUBRIC).finding("range_of_relief").tier != "partial"


def test_a_list_of_sections_one_unnamed_is_not_prostitution_only() -> None:
    text = (
        "Sec. 4. (a) A person convicted of any offense under section 18-7703 (prostitution){} "
        "may move to vacate the conviction if the offense was committed as a result of having "
        "been a victim of human trafficking.\n"
    )
    listed = analyze(text.format(", 18-5613 or 18-8304"), RUBRIC).finding("offenses_covered")
    assert listed.tier != "prostitution_or_sex"
    named = analyze(text.format(" or 18-7704 (solicitation)"), RUBRIC).finding("offenses_covered")
    assert (named.tier, named.confidence) == ("prostitution_or_sex", "clear")
