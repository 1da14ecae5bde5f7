"""What a provision speaks to: words a sound bill needs that are not a tier's signal.

Each case is a short text in our own words for one rule a careful reader
states: a veto is no discretion (and not a condition), the prosecutor goes by
many names, the order's effect and an official's deadline are not the records
covered or a time limit, records closed only once relief is granted are the
relief's effect, and what follows a rule line under a statute is not the statute.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.reader import analyze, signals_for
from drafter.reader.rules import own_name_pattern
from drafter.reader.scope import _trie, term_finder
from drafter.rubric import load_rubric

RUBRIC = load_rubric()
MOTION = (
    "(a) A victim of human trafficking may move to vacate a conviction for an offense "
    "committed as a result of being trafficked. (b) The movant shall serve the motion on the "
    "prosecuting attorney, who may file a written response within 30 days. "
)


def finding(text: str, category: str, prosecutor: str | None = None):  # type: ignore[no-untyped-def]
    signals = signals_for(RUBRIC, None, prosecutor)
    return analyze(MOTION + text, RUBRIC, signals).finding(category)


# --- a veto ------------------------------------------------------------------------


VETO = (
    "(c) The court may not grant a motion under this section over the objection of the "
    "prosecuting attorney. If the prosecuting attorney makes no objection within the time "
    "allowed by subsection (b) and the movant proves the facts required, the court shall grant "
    "the motion."
)


def test_a_veto_is_no_discretion() -> None:
    f = finding(VETO, "judicial_discretion")
    assert (f.tier, f.confidence) == ("none", "clear")
    assert "may not grant" in f.evidence[0].quote


def test_a_veto_is_not_a_restrictive_condition() -> None:
    f = finding(VETO, "additional_conditions")
    assert f.tier == "none"


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) If the district attorney objects to the motion, the court shall deny it.",
        "(c) The court shall not vacate a conviction under this section over the prosecutor's "
        "opposition.",
    ],
)
def test_other_ways_to_say_a_veto(sentence: str) -> None:
    assert finding(sentence, "judicial_discretion").tier == "none"


def test_granting_over_an_objection_is_still_discretion() -> None:
    f = finding(
        "(c) The court shall grant a proven motion over the objection of the prosecuting attorney.",
        "judicial_discretion",
    )
    assert (f.tier, f.confidence) == ("over_objection", "clear")


# --- the prosecutor's many names ----------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "attorney representing the state",
        "attorney for the Commonwealth",
        "district attorney",
        "state's attorney",
        "county attorney",
        "Commonwealth's attorney",
    ],
)
def test_consent_of_the_prosecutor_by_any_of_its_names(name: str) -> None:
    f = finding(
        f"(c) The court may grant the motion only if the {name} consents to it in writing.",
        "judicial_discretion",
    )
    assert (f.tier, f.confidence) == ("none", "clear"), f.evidence


def test_a_jurisdiction_adds_its_own_name_for_the_prosecutor() -> None:
    text = "(c) The court may grant the motion only if the Lord Advocate consents to it."
    assert finding(text, "judicial_discretion").tier != "none"
    f = finding(text, "judicial_discretion", prosecutor="the Lord Advocate")
    assert (f.tier, f.confidence) == ("none", "clear")


def test_a_profile_name_becomes_patterns() -> None:
    assert own_name_pattern("the Government (United States Attorney)") == (
        "governments?",
        "united\\ states\\ attorneys?",
    )
    assert own_name_pattern("State’s Attorney") == ("state's\\ attorneys?",)


# --- words of the frame: the order's effect, an official's deadline ----------------


def test_the_effect_naming_an_arrest_is_not_the_records_covered() -> None:
    f = finding(
        "(c) Relief under this section is available only from a conviction. (d) When the "
        "court grants the motion, the arrest, charge, adjudication, or conviction is treated as "
        "if it had never occurred.",
        "arrests_and_adjudications",
    )
    assert (f.tier, f.confidence) == ("convictions_only", "clear")


def test_no_refund_of_a_fine_is_not_a_condition() -> None:
    f = finding(
        "(c) A fine, fee, or court cost the movant paid for the offense is not refunded.",
        "additional_conditions",
    )
    assert f.tier == "none"
    # A fine that must be paid first still is one.
    f = finding("(c) The movant must first have paid every fine imposed.", "additional_conditions")
    assert f.tier == "restrictive"


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) The clerk shall send a copy of the order to the department not later than the 30th "
        "day after the order is entered.",
        "(c) Each agency that receives the order shall comply with it within 2 months after "
        "receiving it.",
        # notice owed to the offense's victim, dated from the filing: who is told, not when
        # the survivor may file
        "(c) The motion shall also be mailed to any victim of the offense if the offense "
        "occurred within five years before the filing of the motion.",
    ],
)
def test_an_officials_deadline_is_not_a_time_limit(sentence: str) -> None:
    assert finding(sentence, "time_limits").tier == "no_limit"


def test_a_filing_deadline_is_still_one() -> None:
    f = finding(
        "(c) A motion must be filed not later than 180 days after the movant ceased to be a "
        "victim.",
        "time_limits",
    )
    assert (f.tier, f.confidence) == ("explicit_limit", "clear")


def test_a_filing_deadline_beside_service_on_a_victim_is_still_one() -> None:
    f = finding(
        "(c) A motion must be filed within five years after the person ceased to be a victim "
        "of trafficking, and a copy mailed to the prosecuting attorney.",
        "time_limits",
    )
    assert (f.tier, f.confidence) == ("explicit_limit", "clear")


# --- confidentiality: the motion kept from view, not records closed after relief ---


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) Upon the granting of the order, the records of the offense shall be confidential "
        "and open only by order of the court.",
        "(c) If the court grants the motion, each record of the offense is confidential.",
        "(c) The records of an offense ordered expunged under this section are not public records.",
        # relief said in the passive, as a past event the closing follows
        "(c) After the conviction is vacated, all records relating to it are confidential.",
        "(c) Once a judgment has been set aside under this section, the file is not a public "
        "record.",
    ],
)
def test_records_closed_after_relief_are_not_confidentiality(sentence: str) -> None:
    f = finding(sentence, "confidentiality")
    assert (f.tier, f.confidence) == ("none", "by absence"), f.evidence


def test_a_confidential_motion_is_confidentiality() -> None:
    f = finding(
        "(c) The motion and every paper filed with it are confidential and shall be filed under "
        "seal.",
        "confidentiality",
    )
    assert (f.tier, f.confidence) == ("express", "clear")


def test_a_motion_kept_confidential_until_relief_is_confidentiality() -> None:
    # the near miss: the motion itself is closed, until the conviction is vacated
    f = finding(
        "(c) The motion is confidential until the conviction is vacated.",
        "confidentiality",
    )
    assert (f.tier, f.confidence) == ("express", "clear"), f.evidence


# --- what follows a rule line is not the statute -----------------------------------


def test_notes_under_a_rule_line_are_not_the_statute() -> None:
    text = (
        "(c) The court may grant the motion only if the prosecuting attorney consents.\n\n"
        "----------------------------------------\n"
        "Prepared with a drafting tool.\n"
        "Still to settle:\n"
        "- decide whether the court may grant the motion over an objection; keep any "
        "hearing confidential\n"
    )
    a = analyze(MOTION + text, RUBRIC)
    assert a.finding("judicial_discretion").tier == "none"
    assert a.finding("confidentiality").tier == "none"
    # The same note above the rule is read.
    above = text.replace("----------------------------------------\n", "")
    assert analyze(MOTION + above, RUBRIC).finding("confidentiality").tier == "express"


# --- consent as a condition; a nexus is a link to the trafficking; diligence in filing --


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) A motion under this section shall be consented to by the attorney for the "
        "Commonwealth.",
        "(c) The court may vacate the conviction only with the written consent of the "
        "district attorney.",
        "(c) The court may grant the motion only if the attorney representing the state agrees.",
    ],
)
def test_a_consent_precondition_is_no_discretion_and_a_condition(sentence: str) -> None:
    assert finding(sentence, "judicial_discretion").tier == "none"
    f = finding(sentence, "additional_conditions")
    assert (f.tier, f.confidence) == ("restrictive", "clear")


def test_granting_without_consent_is_no_condition() -> None:
    f = finding(
        "(c) The court may grant the motion without the consent of the prosecuting attorney.",
        "additional_conditions",
    )
    assert f.tier == "none"


def test_what_documentation_presumes_is_not_the_nexus() -> None:
    text = (
        "(c) The offense must have been committed while the movant was a victim of human "
        "trafficking. (d) Official documentation creates a presumption that the offense was a "
        "result of having been a victim of human trafficking."
    )
    f = analyze(text.replace("(c)", "(a) A victim may move to vacate a conviction. (c)"), RUBRIC)
    nexus = f.finding("nexus_to_trafficking")
    assert (nexus.tier, nexus.confidence) == ("while_a_victim", "clear")


def test_proximate_cause_in_an_unrelated_list_is_not_the_nexus() -> None:
    f = finding(
        "(c) In this section, a violent offense includes vehicular homicide, when proximately "
        "caused by the driving of any vehicle while intoxicated.",
        "nexus_to_trafficking",
    )
    assert (f.tier, f.confidence) == ("as_a_result", "clear")


def test_the_victim_status_as_the_proximate_cause_is_the_proximate_tier() -> None:
    text = (
        "(a) A victim may move to vacate a conviction if the movant's status as a victim of "
        "human trafficking was the proximate cause of the offense."
    )
    f = analyze(text, RUBRIC).finding("nexus_to_trafficking")
    assert (f.tier, f.confidence) == ("proximately_caused", "clear")


def test_diligence_in_finding_facts_is_not_a_time_rule() -> None:
    f = finding(
        "(c) The court may deny a motion on another ground when the facts could with due "
        "diligence by the defendant have been put on the record before judgment.",
        "time_limits",
    )
    assert f.tier == "no_limit"
    f = finding(
        "(c) A motion shall be made with due diligence after the movant is no longer a victim.",
        "time_limits",
    )
    assert (f.tier, f.confidence) == ("reasonable_time", "clear")


# --- a glossary's term the statute never uses; the crime the survivor suffered ----


def test_a_definition_the_statute_never_uses_is_not_evidence() -> None:
    glossary = (
        '(d) "Prior record" means the list of a person\'s convictions and juvenile adjudications. '
    )
    relief = "(c) Relief under this section is available only from a conviction. "
    f = finding(relief + glossary, "arrests_and_adjudications")
    assert (f.tier, f.confidence) == ("convictions_only", "clear")
    # Once the operative text uses the term, its definition speaks.
    used = relief + "(e) The court shall consider the movant's prior record. " + glossary
    assert finding(used, "arrests_and_adjudications").confidence == "ambiguous"


def test_the_term_a_definition_defines_may_be_introduced_as_the_term() -> None:
    from drafter.reader.segment import segment

    text = (
        "(a) In this section: (1) the term covered offense means an offense that is not a "
        "violent crime. (b) A victim may move to vacate a conviction of a covered offense."
    )
    layout = segment(text, signals_for(RUBRIC).layout)  # type: ignore[arg-type]
    roles = [s.role for s in layout.sentences if "means" in text[s.start : s.end]]
    assert roles == ["definition"]


def test_compelling_prostitution_is_what_the_survivor_suffered() -> None:
    f = finding(
        "(c) A conviction may be vacated if the movant was a victim of sex trafficking or "
        "compelling prostitution when the offense was committed.",
        "offenses_covered",
    )
    assert f.tier != "prostitution_or_sex"
    f = finding(
        "(c) Relief is available only from a conviction for prostitution.", "offenses_covered"
    )
    assert f.tier == "prostitution_or_sex"


# --- a general expungement law around the trafficking paragraph ---------------------


GENERAL = (
    "Sec. 12. Expungement.\n"
    "(1) A person convicted of a misdemeanor may petition the court to expunge the record if "
    "at least five years have elapsed since the sentence was completed, and the court finds by "
    "clear and convincing evidence that the petitioner is rehabilitated.\n"
    "(2) A victim of human trafficking may petition the court at any time to expunge a "
    "conviction for prostitution committed as a result of being trafficked.\n"
    "(3) The court shall hold a hearing on every petition under this section.\n"
)


def test_another_remedy_in_the_same_section_is_another_law() -> None:
    a = analyze(GENERAL, RUBRIC)
    assert a.finding("time_limits").tier == "no_limit"
    assert a.finding("burden_of_proof").tier == "silent"
    assert a.finding("additional_conditions").tier == "none"
    # What the section says of every petition is still read.
    assert a.finding("hearing_requirement").tier == "always_in_person"


def test_a_remedy_that_names_trafficking_is_read_whole() -> None:
    text = GENERAL.replace(
        "(1) A person convicted",
        "(1) A person, including a victim of trafficking, convicted",
    )
    a = analyze(text, RUBRIC)
    assert a.finding("time_limits").tier == "explicit_limit"
    assert a.finding("burden_of_proof").tier == "clear_and_convincing"


@pytest.mark.parametrize(
    "broken",
    [
        "may\npetition",
        "may\r\n  petition",
        "may  petition",
        "may\tpetition the court to ex-\npunge",
    ],
)
def test_another_remedy_is_found_across_a_line_break(broken: str) -> None:
    """The remedy's words are found in the normalized text (as defenses are): a
    hard-wrapped "may" / "petition" still opens another law's remedy."""
    text = GENERAL.replace(
        "may petition the court to expunge the record", broken + " the record", 1
    )
    if "ex-" not in broken:
        text = text.replace(broken + " the record", broken + " the court to expunge the record")
    assert broken in text
    a = analyze(text, RUBRIC)
    assert a.finding("time_limits").tier == "no_limit"
    assert a.finding("burden_of_proof").tier == "silent"
    assert a.finding("additional_conditions").tier == "none"


# --- a hearing the statute requires only on a condition of opposition ---------------


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) The court shall hold a hearing on the motion if the prosecuting attorney objects.",
        "(c) The court shall schedule a hearing when the motion is opposed by the state.",
        "(c) The court shall hold a hearing upon the filing of a timely objection.",
        "(c) Where the prosecuting attorney files an objection, the court shall hold a hearing.",
        "(c) In the event that the motion is contested, the court shall hold a hearing.",
        "(c) If the prosecuting attorney objects to the motion within thirty days after service "
        "of the notice required by subsection (b), the court shall hold a hearing on the motion.",
    ],
)
def test_a_hearing_on_a_condition_of_opposition_is_only_if_opposed(sentence: str) -> None:
    """The hearing requirement is governed by its condition clause, before it or
    after it, however long the clause runs: a hearing only if opposed, not always."""
    f = finding(sentence, "hearing_requirement")
    assert (f.tier, f.confidence) == ("opposed_in_person", "clear")
    assert any("hearing" in e.quote and e.role == "match" for e in f.evidence)


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) The court shall hold a hearing on every motion. The prosecuting attorney may object.",
        "(c) The court shall hold a hearing on the motion, where the prosecutor may contest it.",
        "(c) The court shall hold a hearing on the motion, at which the prosecutor may object.",
    ],
)
def test_a_hearing_on_every_motion_stays_always(sentence: str) -> None:
    """Opposition mentioned beside the hearing, not as its condition, leaves it always held."""
    assert finding(sentence, "hearing_requirement").tier == "always_in_person"


# --- a wait said as a prohibition ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "tier"),
    [
        ("(c) A motion may not be filed until at least two years have passed since the "
         "sentence was completed.", "explicit_limit"),
        ("(c) No motion may be made before at least one year has elapsed since the "
         "conviction.", "explicit_limit"),
        ("(c) A motion may be filed at any time; the movant need not wait until at least two "
         "years have passed since the conviction.", "no_limit"),
        ("(c) A motion may be filed at any time, regardless of whether at least five years "
         "have passed since the conviction.", "no_limit"),
    ],
)  # fmt: skip
def test_a_wait_said_as_a_prohibition_is_a_wait(sentence: str, tier: str) -> None:
    """ "May not be filed until ... years have passed" keeps the wait: a "not" that runs on
    to "until" or "before" is the wait's own wording; a waiver still voids it."""
    assert finding(sentence, "time_limits").tier == tier


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) A person who has not been convicted of any offense since the conviction may file "
        "the motion only upon meeting the requirement that at least two years have passed "
        "since the sentence was completed.",
        "(c) A motion may be filed by a person who does not have any other conviction in this "
        "or any other state only after at least two years have passed since the sentence ended.",
    ],
)
def test_a_not_more_than_seven_words_before_a_wait_does_not_void_it(sentence: str) -> None:
    """A "not" that governs another clause, more than the negation window's seven words
    before the wait, leaves the wait a wait (corpus R41)."""
    f = finding(sentence, "time_limits")
    assert f.tier == "explicit_limit"
    assert not [e for e in f.evidence if e.role == "negated"]


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) A motion under this section is not subject to a requirement that at least two "
        "years have passed since the conviction.",
        "(c) A motion under this section shall not be subject to any requirement that at least "
        "five years have passed since the date of the conviction.",
    ],
)
def test_a_wait_among_the_words_a_negation_governs_is_negated(sentence: str) -> None:
    """A shorter phrase of the wait ("years have passed") that starts inside a longer one
    the "not" negates ("at least two years have passed") is negated with it, though it
    stands past the window itself (corpus R42)."""
    f = finding(sentence, "time_limits")
    assert f.tier == "no_limit"
    negated = [e for e in f.evidence if e.role == "negated"]
    assert any(e.quote == "years have passed" for e in negated)


def test_a_governed_match_gives_way_to_a_later_clean_one() -> None:
    """Only the governed words are negated: the same phrase in a later clause still counts."""
    text = (
        "(c) A motion under this section is not subject to a requirement that at least two "
        "years have passed since the conviction. (d) The court may set a hearing once three "
        "years have passed since the motion was filed."
    )
    f = finding(text, "time_limits")
    assert f.tier == "explicit_limit"
    assert any(e.role != "negated" and e.quote == "years have passed" for e in f.evidence)


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) A motion under this section is not subject to any requirement that a number of "
        "years have passed since the conviction or that the movant have completed the sentence.",
        "(c) The movant need not show that any fine imposed for the offense was paid or that "
        "the movant has completed the sentence imposed for it.",
    ],
)
def test_a_waiver_voids_the_conditions_its_clause_names_however_far(sentence: str) -> None:
    """A waiver governs its whole clause, not only the negation window's seven words
    (corpus R43): nothing it names is asked of the movant."""
    f = finding(sentence, "additional_conditions")
    assert f.tier == "none"
    assert [e for e in f.evidence if e.role == "negated"]


@pytest.mark.parametrize(
    "sentence",
    [
        # A new predicate joined on ends the waiver's reach.
        "(c) The movant need not pay any fee for filing the motion to the clerk of the court and "
        "shall have completed the sentence imposed for the offense.",
        # A cue that is no waiver keeps its seven words.
        "(c) A movant who has not been convicted of any offense since may file only after the "
        "movant has completed the sentence imposed for the offense.",
    ],
)
def test_a_condition_outside_a_waivers_clause_still_counts(sentence: str) -> None:
    assert finding(sentence, "additional_conditions").tier == "restrictive"


# --- offenses: an exception a few words on, a cited section "or any other offense" --


def test_every_offense_but_an_exception_is_weighed_not_clear() -> None:
    text = (
        "(1) A person convicted of a violation of section 18-40, or any other offense the "
        "court finds appropriate, except an offense for which duress is no defense, may bring "
        "a petition to vacate the conviction if it was the result of being trafficked.\n"
    )
    f = analyze(text, RUBRIC).finding("offenses_covered")
    assert f.confidence == "ambiguous"
    assert set(f.candidates) == {"all_offenses", "enumerated_violent_felonies"}
    assert f.tier == "enumerated_violent_felonies"
    # Without the exception it is every offense, plainly: the cited section does not narrow it.
    plain = text.replace(", except an offense for which duress is no defense,", "")
    g = analyze(plain, RUBRIC).finding("offenses_covered")
    assert (g.tier, g.confidence) == ("all_offenses", "clear")


def test_an_exception_in_a_pending_charge_condition_is_not_about_coverage() -> None:
    f = finding(
        "(c) No charge may be pending against the movant for any offense other than prostitution.",
        "offenses_covered",
    )
    assert "all_offenses" not in f.candidates


# --- a defense beside the relief ---------------------------------------------------------


@pytest.mark.parametrize(
    "defense",
    [
        "is not criminally liable for an offense committed as a direct result of being trafficked",
        "has an affirmative defense to a charge of an offense committed while a victim",
        "is immune from prosecution for an offense committed under duress",
    ],
)
def test_a_defense_beside_the_relief_is_not_its_nexus(defense: str) -> None:
    """The immunity's link ("a direct result of") is the defense's; the relief's own
    ("as a result of") decides the category, and the defense still names trafficking."""
    text = (
        f"(a) A victim of human trafficking {defense}.\n"
        "(b) The court may vacate a conviction if the defendant's participation in the "
        "offense was the result of having been a victim.\n"
    )
    analysis = analyze(text, RUBRIC)
    assert analysis.relief_statute
    f = analysis.finding("nexus_to_trafficking")
    assert (f.tier, f.confidence) == ("as_a_result", "clear")
    assert all(e.provision.endswith("(b)") for e in f.evidence if e.role == "match")


def test_a_defense_alone_is_read_as_it_stands() -> None:
    """Without a relief provision beside it, nothing is set aside as another remedy."""
    text = (
        "(a) A victim of human trafficking is not criminally liable for an offense committed "
        "as a direct result of being trafficked, and may move to vacate a conviction for it.\n"
    )
    f = analyze(text, RUBRIC).finding("nexus_to_trafficking")
    assert f.tier == "direct_result"


# --- the glossary's finder -------------------------------------------------------------

_TERM = st.text(alphabet="ab .-", min_size=1, max_size=6).filter(lambda t: t.strip() == t)


@settings(max_examples=300, deadline=None)
@given(
    terms=st.lists(_TERM, min_size=1, max_size=8, unique=True), text=st.text("ab .-x", max_size=60)
)
def test_the_trie_finds_what_the_longest_first_alternation_finds(
    terms: list[str], text: str
) -> None:
    """Which defined terms the operative text uses is decided by one trie-shaped
    pattern; it must find exactly what the plain alternation, longest first, finds."""
    ordered = sorted(terms, key=len, reverse=True)
    plain = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in ordered) + ")")
    trie = re.compile(r"\b(?:" + _trie(ordered) + ")")
    assert trie.findall(text) == plain.findall(text)


@settings(max_examples=300, deadline=None)
@given(
    terms=st.lists(_TERM, min_size=1, max_size=8, unique=True),
    text=st.text("ab .-x_\n\t\u00a0\u00e9", max_size=60),
)
def test_the_term_finder_finds_in_raw_text_what_the_trie_finds_in_collapsed_text(
    terms: list[str], text: str
) -> None:
    """The glossary is looked up in the operative text as it is (lower-cased, not
    collapsed): a term's space matches any run of whitespace, and its word boundary
    is checked after its first two characters. Same terms found, in the same order."""
    ordered = sorted({" ".join(t.split()) for t in terms}, key=len, reverse=True)
    trie = re.compile(r"\b(?:" + _trie(ordered) + ")")
    found = [" ".join(f.split()) for f in term_finder(tuple(ordered)).findall(text)]
    assert found == trie.findall(" ".join(text.split()))


# --- a definition goes on ----------------------------------------------------------


def test_the_term_includes_goes_on_with_the_definition_before_it() -> None:
    # "The term includes ..." is more of the definition above it, not a definition of
    # the word "term": the subsections after it are law, not a glossary nobody uses.
    text = (
        'Sec. 3. (a) As used in this section, "exploited child" means a child who was a '
        "victim of human trafficking. The term includes a person who is now an adult.\n\n"
        "(b) The juvenile court that adjudicated an exploited child a delinquent child shall "
        "vacate the adjudication if the delinquent act was a result of the trafficking.\n"
    )
    signals = signals_for(RUBRIC)
    a = analyze(text, RUBRIC, signals)
    assert a.relief_statute
    assert (a.coverage.tier, a.coverage.confidence) == ("minors_only", "clear")
    assert a.finding("nexus_to_trafficking").tier == "as_a_result"


def test_whom_relief_reaches_is_read_where_it_is_granted() -> None:
    # A definition of the victim that names the trafficker's conviction, or an adult the
    # child has become, does not open a delinquency remedy to convictions or to adults.
    text = (
        '(a) "Exploited child" means a child who was a victim of human trafficking, whether '
        "or not the trafficker was charged or convicted, including a person who is now an "
        "adult.\n(b) The court shall vacate an adjudication of delinquency of an exploited "
        "child that was a result of the trafficking.\n"
    )
    a = analyze(text, RUBRIC, signals_for(RUBRIC))
    assert a.coverage.tier == "minors_only"
    adults = text.replace(
        "an adjudication of delinquency", "a conviction or an adjudication of delinquency"
    )
    assert analyze(adults, RUBRIC, signals_for(RUBRIC)).coverage.tier == "adults"


# --- waits said as bars, the charged, list items -----------------------------------


def test_a_wait_said_as_a_bar_is_an_explicit_wait() -> None:
    for bar in (
        "(c) The motion shall be filed no sooner than sixty days after the final judgment.",
        "(c) A motion concerning a charge that did not lead to a trial shall not be brought "
        "until two years after the arrest.",
    ):
        f = finding(bar, "time_limits")
        assert (f.tier, f.confidence) == ("explicit_limit", "clear"), (bar, f.evidence)


def test_another_persons_charges_are_not_the_records_relief_reaches() -> None:
    other = (
        "(c) The court may grant the motion regardless of whether any person other than the "
        "movant has been charged or convicted of trafficking the movant."
    )
    assert finding(other, "arrests_and_adjudications").tier == "convictions_only"
    own = "(c) A victim who is charged with or convicted of an offense may also so move."
    assert finding(own, "arrests_and_adjudications").tier == "comprehensive"


def test_a_list_item_that_runs_on_is_not_a_heading() -> None:
    text = (
        "1. A person convicted of an offense committed as a result of being a victim of "
        "human trafficking may petition for an order:\n(a) Vacating the judgment; and\n"
        "(b) Sealing all records of the case.\n"
    )
    assert analyze(text, RUBRIC, signals_for(RUBRIC)).finding("range_of_relief").tier == "vacatur"


def test_an_age_among_the_remedys_conditions_is_minors_only() -> None:
    listed = (
        "(a) A motion to vacate a conviction may be filed at any time if: (1) the defendant "
        "was under 18 years of age at the time of the offense; and (2) the offense was a result "
        "of the defendant having been a victim of human trafficking."
    )
    assert analyze(listed, RUBRIC, signals_for(RUBRIC)).coverage.tier == "minors_only"
    # an age that only spares the minor some proof is not a limit on who may apply
    spared = (
        "(a) A person may move to vacate a conviction for an offense that was a result of "
        "being a victim of human trafficking. (b) The motion may be granted if the person was "
        "a minor at the time, without proof of force, fraud or coercion."
    )
    assert analyze(spared, RUBRIC, signals_for(RUBRIC)).coverage.tier == "adults"


def test_a_period_of_victimhood_joined_to_a_cause_is_two_readings() -> None:
    both = (
        "(c) The court shall vacate the conviction if the offense was committed during a "
        "period of time when the movant was a victim of human trafficking and was the result "
        "of acts required by the trafficker."
    )
    f = finding(both, "nexus_to_trafficking")
    assert f.confidence == "ambiguous" and set(f.candidates) >= {"while_a_victim", "as_a_result"}


def test_a_general_laws_alternative_routes_are_not_the_survivors() -> None:
    lead = "(a) A person charged with an offense may petition to seal the records of the charge "
    items = (
        "(1) When the charge was dismissed and the person has paid all fines and costs.\n"
        "(2) When the person proves that the offense was a result of being a victim of human "
        "trafficking.\n"
    )
    general = lead + "in any of the following circumstances:\n" + items
    f = analyze(general, RUBRIC, signals_for(RUBRIC)).finding("additional_conditions")
    assert (f.tier, f.confidence) == ("none", "by absence"), f.evidence
    # a lead-in that is the survivors' own keeps every item: they are its conditions
    own = (
        "(a) A victim of human trafficking may petition to seal the records of a charge for an "
        "offense committed as a result of the trafficking in any of the following "
        "circumstances:\n(1) When the person has paid all fines and costs.\n"
        "(2) When the charge was dismissed.\n"
    )
    assert analyze(own, RUBRIC, signals_for(RUBRIC)).finding("additional_conditions").tier == (
        "restrictive"
    )


def test_another_steps_any_time_is_not_the_filings() -> None:
    other = (
        "(c) At any time before the court rules on the motion, the movant may amend it or add "
        "documents to it."
    )
    f = finding(other, "time_limits")
    assert (f.tier, f.confidence) == ("no_limit", "by absence"), f.evidence
    own = "(c) The motion may be filed at any time."
    assert finding(own, "time_limits").confidence == "clear"


def test_a_link_looser_than_a_cause_is_weighed_with_the_cause() -> None:
    looser = (
        "(c) The court may grant the motion on finding that the offense was a direct result "
        "of, or interrelated to, being a victim of trafficking."
    )
    f = finding(looser, "nexus_to_trafficking")
    assert f.confidence == "ambiguous" and set(f.candidates) == {"direct_result", "as_a_result"}


# --- a text's placements are read once and replayed ---------------------------------

_CLAUSES = st.sampled_from(
    [
        "A victim of trafficking may petition to expunge the record.",
        "Any person may file a motion to seal a conviction.",
        "A person is not criminally liable for the act.",
        "The court may vacate the conviction.",
        "It is an affirmative defense that the person was coerced.",
        "A person may file a petition in any of the following circumstances:",
        "Relief under section 1(a) may be sought to set aside a judgment.",
        "The clerk shall keep the record.",
        "See section 5 on trafficking and expunging records.",
    ]
)
_LABELS = st.sampled_from(["(a)", "(b)", "(1)", "(2)", "(c)", "Sec. 2.", "(a)(1)", ""])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_LABELS, st.lists(_CLAUSES, min_size=1, max_size=3)), max_size=8),
    st.integers(0, 6),
)
def test_placements_replayed_are_the_placements_read_afresh(
    provisions: list[tuple[str, list[str]]], stop: int
) -> None:
    """Other remedies and defenses place the same branches more than once in one
    text: kept in the text's Literals, a search read partly and the searches after
    it give every placement a fresh search gives, in order."""
    from itertools import islice

    from drafter.reader.layout import GATE_ROLES
    from drafter.reader.match import Literals
    from drafter.reader.scope import _placing, defenses, other_remedies, scoped
    from drafter.reader.segment import segment
    from drafter.reader.views import StatuteText

    text = "\n".join(f"{label} {' '.join(clauses)}".strip() for label, clauses in provisions)
    rules = signals_for(RUBRIC).layout
    assert rules is not None
    layout = scoped(segment(text, rules))
    norm, _ = StatuteText(text, layout).view(GATE_ROLES)
    sentences = layout.sentences
    starts = [s.start for s in sentences]
    kept = Literals()
    for branches in (rules.relief, rules.subject, rules.defense, rules.relief):
        fresh = list(_placing(branches, norm, sentences, starts, {}))
        assert list(islice(_placing(branches, norm, sentences, starts, kept), stop)) == fresh[:stop]
        assert list(_placing(branches, norm, sentences, starts, kept)) == fresh
    for mark in (other_remedies, defenses):
        assert mark(layout, rules, norm, Literals()) == mark(layout, rules, norm, {})


# --- a hearing skipped only on conditions is a hearing when they fail -------------


@pytest.mark.parametrize(
    "sentence",
    [
        "(c) The court may grant the motion without a hearing if the prosecuting attorney "
        "consents to the motion.",
        "(c) The court may grant the motion without a hearing if: (1) the prosecuting attorney "
        "consents to the motion; and (2) at least 60 days have passed since service.",
    ],
)
def test_relief_without_a_hearing_on_conditions_is_arguable(sentence: str) -> None:
    f = finding(sentence, "hearing_requirement")
    assert f.confidence == "ambiguous", f.evidence
    assert f.tier in ("opposed_in_person", "none_required")


def test_relief_without_a_hearing_is_still_no_hearing() -> None:
    f = finding("(c) The court may grant the motion without a hearing.", "hearing_requirement")
    assert (f.tier, f.confidence) == ("none_required", "clear")
