"""Sound law: each defect a legislative drafter found in built bills, kept fixed.

Every test reads the bill tree by provision key (definitions, motion, records,
discretion, decision, relief, effect, transmittal, ...), per tier and per
style, and checks the negative case too, so a regression in the model language,
the frame or a profile fails here by name.
"""

from __future__ import annotations

import re

import pytest

from drafter.assembly import assemble
from drafter.bill import Bill, Node, walk
from drafter.draft import BillTarget, Draft
from drafter.jurisdiction import list_profiles, load_profile
from drafter.language import load_language
from drafter.render.annotated import category_totals, rows
from drafter.rubric import load_rubric
from drafter.scoring import score

RUBRIC = load_rubric()
LANGUAGE = load_language()
PROFILES = list_profiles()
TOP = {c.id: c.statute_tiers[-1].id for c in RUBRIC.categories}
TIERS = {c.id: [t.id for t in c.statute_tiers] for c in RUBRIC.categories}


def build(profile: str | None = None, coverage: str = "adults", **kw: object) -> Bill:
    choices = {**TOP, **kw.pop("choices", {})}  # type: ignore[dict-item]
    for cat, tier in list(choices.items()):
        if tier is None:
            del choices[cat]
    draft = Draft(
        coverage=coverage,
        choices=choices,
        parameters=kw.pop("parameters", {}),  # type: ignore[arg-type]
        bill=kw.pop("bill", BillTarget()),  # type: ignore[arg-type]
    )
    return assemble(draft, RUBRIC, LANGUAGE, load_profile(profile))


def node(bill: Bill, key: str) -> Node:
    assert bill.statute is not None
    for n in walk(bill.statute.body):
        if n.key == key:
            return n
    raise AssertionError(f"no provision {key!r}: {[n.key for n in bill.statute.body]}")


def keys(bill: Bill) -> set[str]:
    assert bill.statute is not None
    return {n.key for n in walk(bill.statute.body)}


def text(n: Node) -> str:
    return " ".join([n.text, *(c.text for c in walk(n.children))])


def all_text(bill: Bill) -> str:
    assert bill.statute is not None
    return " ".join(text(n) for n in bill.statute.body)


# 1. A victim status that never ends --------------------------------------------


@pytest.mark.parametrize("tier", TIERS["time_limits"])
def test_every_clock_runs_from_the_end_of_the_period_of_trafficking(tier: str) -> None:
    bill = build(choices={"time_limits": tier}, parameters={"limitation_years": 3})
    timing = text(node(bill, "timing"))
    assert "the end of the period of trafficking" in timing
    assert "ceased to be a victim" not in all_text(bill)
    defined = text(node(bill, "definitions.period_of_trafficking"))
    assert "ending on the last day" in defined


def test_while_a_victim_is_tied_to_the_period_of_trafficking() -> None:
    bill = build(choices={"nexus_to_trafficking": "while_a_victim"})
    assert "within the period of trafficking" in text(node(bill, "nexus"))
    other = build(choices={"nexus_to_trafficking": "as_a_result", "time_limits": "no_limit"})
    assert "within the period of trafficking" not in text(node(other, "nexus"))


# 2. No duty to grant ------------------------------------------------------------


@pytest.mark.parametrize("tier", ["over_objection", "additional_action"])
def test_the_court_shall_grant_a_proven_motion_over_an_objection(tier: str) -> None:
    discretion = text(node(build(choices={"judicial_discretion": tier}), "discretion"))
    assert "shall grant the motion, over the objection of the prosecuting attorney" in discretion
    assert "may grant" not in discretion


@pytest.mark.parametrize("tier", TIERS["judicial_discretion"])
def test_every_denial_has_written_reasons_no_prejudice_and_an_appeal(tier: str) -> None:
    decision = text(node(build(choices={"judicial_discretion": tier}), "decision"))
    assert "state the reasons for the denial in writing" in decision
    assert "without prejudice to a later motion" in decision
    assert "may be appealed" in decision


# 3. Confidentiality that works against the survivor ------------------------------


def test_confidentiality_never_restricts_the_movants_own_use() -> None:
    conf = text(node(build(), "confidentiality"))
    assert "does not restrict the movant's own use or disclosure" in conf
    assert "with the movant's written consent" in conf
    assert "The court may authorize disclosure" in conf
    assert "On the movant's request, any hearing on the motion shall be closed" in conf
    assert "initials only" in conf and "index open to the public" in conf
    # The old text forbade "a person" (the movant too) to disclose the order.
    assert "shall not disclose their contents except" not in conf


@pytest.mark.parametrize("tier", TIERS["range_of_relief"])
def test_no_relief_tier_bars_the_movant_from_showing_her_own_order(tier: str) -> None:
    bill = build(choices={"range_of_relief": tier, "confidentiality": "none"})
    assert "restricts the movant's own use or disclosure of the order" in text(node(bill, "effect"))
    assert "confidentiality" not in keys(bill)


# 4. Relief with no effect ---------------------------------------------------------


@pytest.mark.parametrize("tier", ["vacatur_on_merits", "vacatur"])
def test_vacatur_says_what_the_order_does(tier: str) -> None:
    effect = text(node(build(choices={"range_of_relief": tier}), "effect"))
    assert "is not a conviction for any purpose" in effect
    assert "as if the offense had never been charged" in effect
    assert "not guilty of perjury" in effect


def test_partial_relief_has_the_states_effect_and_nothing_more() -> None:
    effect = text(node(build("texas", choices={"range_of_relief": "partial"}), "effect"))
    assert "has the effect that the law of this state gives an order of expunction" in effect
    assert "not a conviction" not in effect
    assert "does not alter any judgment" in effect


@pytest.mark.parametrize(
    ("profile", "term", "agency"),
    [
        ("texas", "expunction", "the Department of Public Safety"),
        ("missouri", "expungement", "the Missouri state highway patrol"),
        ("new-york", "sealing", "the division of criminal justice services"),
        (None, "sealing", "[CRIMINAL HISTORY REPOSITORY]"),
    ],
)
def test_the_states_own_remedy_and_who_sends_the_order_where(
    profile: str | None, term: str, agency: str
) -> None:
    bill = build(profile)
    assert f"order the {term} of each record" in text(node(bill, "relief"))
    transmittal = text(node(bill, "transmittal"))
    assert "the clerk of the court shall send a certified copy of the order" in transmittal
    assert f"to {agency}, to each arresting agency" in transmittal
    assert f"{agency} shall forward a copy of the order to the Federal Bureau" in transmittal
    assert "Within 30 days after the court grants" in transmittal


def test_the_records_remedy_never_changes_the_tier_a_reader_sees() -> None:
    from drafter.reader import analyze
    from drafter.render.text import render_text

    for tier in TIERS["range_of_relief"]:
        for profile in PROFILES:
            bill = assemble(
                Draft(coverage="adults", choices={**TOP, "range_of_relief": tier}),
                RUBRIC,
                LANGUAGE,
                profile,
            )
            assert analyze(render_text(bill), RUBRIC).tiers()["range_of_relief"] == tier


# 5. Reenacting repeals protections in force ----------------------------------------


def _missouri_reenactment(profile: object = None) -> Bill:
    draft = Draft(
        jurisdiction="Missouri",
        coverage="adults",
        choices={**TOP, "range_of_relief": "partial"},
        bill=BillTarget(action="reenact", section="610.131", chapter="610"),
    )
    return assemble(draft, RUBRIC, LANGUAGE, profile or load_profile("missouri"))  # type: ignore[arg-type]


def test_a_missouri_reenactment_keeps_what_610_131_gives() -> None:
    bill = _missouri_reenactment()
    assert "notwithstanding section 610.140" in text(node(bill, "other_law"))
    assert "in addition to any remedy available under section 610.140" in text(
        node(bill, "other_law")
    )
    assert "not guilty of perjury" in text(node(bill, "effect"))
    assert "shall not require the movant to disclose" in text(node(bill, "effect"))
    assert "the circuit court of the county in which" in text(node(bill, "motion"))
    assert len(bill.notes) == 3
    assert all("Mo. Rev. Stat. 610.131 as it stands" in n for n in bill.notes)
    assert any("610.140" in n and "restates it in subsection" in n for n in bill.notes)


def test_a_reenactment_that_drops_a_protection_says_so() -> None:
    profile = load_profile("missouri")
    dropped = profile.protections[0].model_copy(update={"restated_in": "no_such_slot"})
    changed = profile.model_copy(update={"protections": (dropped,)})
    (note,) = _missouri_reenactment(changed).notes
    assert "does not restate it, so the bill would repeal it" in note
    assert build("missouri").notes == ()  # a new section repeals nothing


# 6. The motion as a confession ------------------------------------------------------


@pytest.mark.parametrize("tier", TIERS["nexus_to_trafficking"])
def test_the_motion_is_not_a_confession(tier: str) -> None:
    bill = build(choices={"nexus_to_trafficking": tier})
    assert "conduct, or alleged conduct," in text(node(bill, "nexus"))
    assert "participated in the offense" not in all_text(bill)
    statements = text(node(bill, "statements"))
    assert "is not admissible against the movant" in statements
    assert "except a prosecution for perjury" in statements


# 7. Venue for every record ------------------------------------------------------------


def test_an_arrest_with_no_charge_has_a_court_and_one_motion_covers_many_cases() -> None:
    bill = build("missouri")
    assert "the circuit court of the county in which the arrest occurred" in text(
        node(bill, "records")
    )
    motion = text(node(bill, "motion"))
    assert "One motion may seek relief from records of more than one offense" in motion
    assert "treat the motion as a single motion" in motion
    narrow = build("missouri", choices={"arrests_and_adjudications": "convictions_only"})
    assert "arrest" not in text(node(narrow, "records"))
    assert "the circuit court of the county in which the charge" in text(node(narrow, "motion"))


# 8. Existing bars displaced --------------------------------------------------------


def test_limits_on_postconviction_motions_do_not_bar_relief_and_remedies_stay() -> None:
    ny = text(node(build("new-york"), "other_law"))
    assert "notwithstanding paragraph (i) of subdivision one of section 440.10" in ny
    assert "limits the time for, or the number of, motions for postconviction relief" in ny
    generic = text(node(build(), "other_law"))
    assert "in addition to any other remedy available under the law of this state" in generic
    assert "440.10" not in generic


# 9. Combinations that contradict ----------------------------------------------------


@pytest.mark.parametrize("profile", [p.id for p in PROFILES])
def test_who_files_where_and_service_survive_every_choice_of_tiers(profile: str) -> None:
    # No tier chosen at all: the frame still says who may file, where, and service.
    bill = build(profile, choices=dict.fromkeys(TOP))
    assert {"motion", "notice", "decision", "transmittal", "costs"} <= keys(bill)
    assert "may file a motion" in text(node(bill, "motion"))
    assert "shall serve a copy of a motion" in text(node(bill, "notice"))


@pytest.mark.parametrize("hearing", TIERS["hearing_requirement"])
@pytest.mark.parametrize("discretion", TIERS["judicial_discretion"])
def test_a_hearing_only_on_objection_with_a_prosecutor_veto_is_flagged(
    hearing: str, discretion: str
) -> None:
    bill = build(choices={"hearing_requirement": hearing, "judicial_discretion": discretion})
    flagged = any(
        w.kind == "contradiction" and w.subject == "judicial_discretion" for w in bill.warnings
    )
    assert flagged == (discretion == "none" and hearing.startswith("opposed"))


# 10. No silent defaults enacted as law ----------------------------------------------


def test_a_list_of_one_runs_into_its_sentence_and_ends_once() -> None:
    bill = build(
        "texas",
        choices={"offenses_covered": "enumerated_violent_felonies"},
        parameters={"enumerated_violent_felonies": ["robbery"]},
    )
    words = " ".join(text(node(bill, "offenses")).split())
    assert words.endswith("or one of the following violent felonies: robbery.")


@pytest.mark.parametrize(
    ("tier", "param", "shown"),
    [
        ("enumerated_misdemeanors", "enumerated_misdemeanors", "[ENUMERATED MISDEMEANORS]"),
        (
            "enumerated_violent_felonies",
            "enumerated_violent_felonies",
            "[ENUMERATED VIOLENT FELONIES]",
        ),
    ],
)
def test_enumerated_lists_stay_visible_placeholders_until_filled(
    tier: str, param: str, shown: str
) -> None:
    bill = build("texas", choices={"offenses_covered": tier})
    assert shown in text(node(bill, "offenses"))
    # In the sentence after the lead-in's colon, ended once (it once read "[...]..").
    assert f": {shown}." in text(node(bill, "offenses"))
    assert ".." not in text(node(bill, "offenses"))
    assert any(w.kind == "unfilled_parameter" and w.subject == param for w in bill.warnings)
    filled = build(
        "texas", choices={"offenses_covered": tier}, parameters={param: ["one item", "another"]}
    )
    assert shown not in text(node(filled, "offenses"))
    assert not any(w.subject == param for w in filled.warnings)


def test_help_text_follows_the_drafts_jurisdiction() -> None:
    # The shipped help names no state's law...
    for decl in LANGUAGE.parameters.values():
        assert not re.search(r"\b(?:566|567|556|610)\.\d|Department of Public Safety", decl.help)
    # ...and the draft's profile supplies its own example.
    texas = load_profile("texas")
    tx = LANGUAGE.help_text("trafficking_statute", texas.parameter_defaults(), texas.state)
    assert tx.endswith("Texas: Chapter 20A, Penal Code.") and "566" not in tx
    generic = load_profile(None)
    plain = LANGUAGE.help_text("trafficking_statute", generic.parameter_defaults(), generic.state)
    assert plain == " ".join(LANGUAGE.parameters["trafficking_statute"].help.split())


# 11. Tiers that read as a neighbour --------------------------------------------------


@pytest.mark.parametrize(
    "tier", ["all_misdemeanors", "nonviolent_felonies", "enumerated_violent_felonies"]
)
def test_closed_offense_classes_say_only(tier: str) -> None:
    offenses = text(node(build(choices={"offenses_covered": tier}), "offenses"))
    assert "is available only for" in offenses
    assert "only" not in text(node(build(), "offenses"))


@pytest.mark.parametrize("tier", [t for t in TIERS["hearing_requirement"] if "opposed" in t])
def test_hearings_on_objection_say_what_happens_without_one(tier: str) -> None:
    hearing = text(node(build(choices={"hearing_requirement": tier}), "hearing"))
    assert "files a written objection to the motion within the time allowed by" in hearing
    assert "If no timely objection is filed, the court may decide the motion without" in hearing


def test_alternate_appearance_is_not_a_waiver() -> None:
    alternate = text(node(build(choices={"hearing_requirement": "opposed_alternate"}), "hearing"))
    assert "shall appear at the hearing, in person or, at the movant's choice" in alternate
    assert "instead of appearing" not in alternate and "waive" not in alternate
    waivable = text(node(build(choices={"hearing_requirement": "opposed_waivable"}), "hearing"))
    assert "waive the right to be present" in waivable


def test_the_presumption_needs_documentation_identifying_the_movant() -> None:
    documentation = text(node(build(), "documentation"))
    assert documentation.startswith("Official documentation identifying the movant as a victim")


# 12. Missing provisions ----------------------------------------------------------


def test_fees_fines_and_restitution_are_said_expressly() -> None:
    assert "movant shall not be required to pay a filing fee" in text(node(build(), "costs"))
    assert "movant may not be required to pay a filing fee" in text(node(build("texas"), "costs"))
    effect = text(node(build(), "effect"))
    assert "does not entitle the movant to a refund" in effect
    assert "not yet collected is discharged" in effect
    assert "does not affect an order of restitution to a person, other than the movant" in effect
    partial = text(node(build(choices={"range_of_relief": "partial"}), "effect"))
    assert "discharged" not in partial and "order of restitution imposed for it" in partial


@pytest.mark.parametrize(
    ("profile", "law"),
    # (Texas's bill is in the Code of Criminal Procedure, so its own chapter 56A is
    # cited without the code's name.)
    [("texas", "Chapter 56A."), ("missouri", "section 595.209")],
)
def test_crime_victims_get_notice_where_the_state_law_requires_it(profile: str, law: str) -> None:
    assert f"entitled to notice under {law}" in text(node(build(profile), "notice"))


@pytest.mark.parametrize("profile", ["new-york", None])
def test_no_victim_notice_where_the_profile_cites_no_such_law(profile: str | None) -> None:
    assert "victim of the offense" not in text(node(build(profile), "notice"))


def test_a_pending_charge_is_no_bar_unless_the_restrictive_tier_says_so() -> None:
    none = text(node(build(), "conditions"))
    assert "regardless of whether a criminal charge is pending against the movant" in none
    restrictive = text(node(build(choices={"additional_conditions": "restrictive"}), "conditions"))
    assert "regardless of" not in restrictive and "faces no pending criminal charge" in restrictive


def test_the_title_names_adjudications_of_delinquency_when_they_are_covered() -> None:
    assert "adjudications of delinquency" in " ".join(build("texas").title)
    narrow = build("texas", choices={"arrests_and_adjudications": "convictions_only"})
    assert "delinquency" not in " ".join(narrow.title)


# 13. One reading of confidentiality --------------------------------------------------


def test_sealing_after_relief_is_relief_not_confidentiality() -> None:
    from conftest import EXAMPLES
    from drafter.draft import load_draft

    reading = RUBRIC.category("confidentiality").reading
    assert reading and "after relief is granted" in reading and "does not earn" in reading
    assert load_draft(EXAMPLES / "missouri-2019.yaml", RUBRIC).choices["confidentiality"] == "none"
    for tier in TIERS["range_of_relief"]:
        bill = build(choices={"range_of_relief": tier, "confidentiality": "none"})
        for key in ("relief", "effect"):
            assert "confidential" not in text(node(bill, key))


# Each state's own form ---------------------------------------------------------------


def test_texas_form_article_may_not_attorney_this_act_applicability() -> None:
    bill = build("texas", bill=BillTarget(section="56.021", chapter="56"))
    body = all_text(bill)
    assert "under this article" in body and "this section" not in body
    assert " shall not " not in f" {body} " and "may not" in body
    assert bill.sections[0].text.startswith("Chapter 56, Code of Criminal Procedure, is amended")
    assert "adding Article 56.021" in bill.sections[0].text
    applicability = bill.sections[1].text
    assert applicability.startswith("The change in law made by this Act applies to")
    assert "this act" not in " ".join(s.text for s in bill.sections)
    assert bill.style.first_subsection_inline
    assert bill.page is not None and bill.page.mark_new_text


def test_texas_takes_the_code_and_unit_from_the_draft() -> None:
    bill = build(
        "texas",
        bill=BillTarget(section="411.0728", chapter="411", code="Government Code"),
    )
    assert "adding Section 411.0728" in bill.sections[0].text
    assert "Government Code" in bill.sections[0].text
    assert "Code of Criminal Procedure" not in bill.sections[0].text
    assert bill.style.section_heading_format.startswith("Sec. ")
    assert "under this section" in all_text(bill) and "this article" not in all_text(bill)


def test_a_bill_enacting_the_existing_remedy_s_own_section_never_cites_itself() -> None:
    # Texas's profile names Gov't Code 411.0728 as an existing remedy (defect 8);
    # a bill that enacts 411.0728 must not be "in addition to" itself.
    own = all_text(
        build("texas", bill=BillTarget(section="411.0728", chapter="411", code="Government Code"))
    )
    assert "411.0728, Government Code, or any other law" not in own
    assert "in addition to any other remedy available under the law of this state" in own
    other = all_text(build("texas", bill=BillTarget(section="56.021", chapter="56")))
    assert "notwithstanding Section 411.0728, Government Code, or any other law" in other
    # A longer number that begins with the same digits is another section.
    near = all_text(
        build("texas", bill=BillTarget(section="411.07", chapter="411", code="Government Code"))
    )
    # Inside the Government Code its own section is cited without the code's name.
    assert "notwithstanding Section 411.0728, or any other law" in " ".join(near.split())


def test_a_reference_into_the_bill_s_own_code_does_not_name_the_code() -> None:
    # A reference without a code's name is to the code it appears in (Tex. Gov't
    # Code 311.006): the victims' rights chapter is "Chapter 56A" inside the Code of
    # Criminal Procedure, and keeps the code's name from any other code.
    inside = " ".join(all_text(build("texas", bill=BillTarget(section="56.021"))).split())
    assert "entitled to notice under Chapter 56A." in inside
    assert "Chapter 56A, Code of Criminal Procedure" not in inside
    assert "Section 411.0728, Government Code" in inside
    outside = " ".join(
        all_text(build("texas", bill=BillTarget(section="411.07", code="Government Code"))).split()
    )
    assert "entitled to notice under Chapter 56A, Code of Criminal Procedure." in outside


def test_missouri_form_no_catchline_and_its_definitions() -> None:
    bill = build("missouri", bill=BillTarget(section="566.224", chapter="566"))
    assert bill.style.section_heading_format == "{number}."
    movant = text(node(bill, "definitions.movant"))
    assert movant == '"Movant", a person who files a motion under this section;'
    last = node(bill, "definitions").children[-1].text
    assert last.endswith(".") and " means " not in text(node(bill, "definitions"))


def test_new_york_form_section_sign_district_attorney_history() -> None:
    bill = build("new-york", bill=BillTarget(section="440.65"))
    assert bill.style.section_heading_format == "§ {number} {heading}."
    body = all_text(bill)
    assert "district attorney" in body and "prosecuting attorney" not in body
    assert "definitions.prosecuting_attorney" not in keys(bill)
    assert "230.33" in text(node(bill, "definitions.human_trafficking"))
    amend = build("new-york", bill=BillTarget(action="reenact", section="440.10"))
    assert "as amended by [HISTORY], is amended to read" in amend.sections[0].text
    assert any(w.kind == "unfilled_parameter" and w.subject == "history" for w in amend.warnings)


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.id)
def test_one_spelling_of_this_act_and_the_profiles_severability(profile: object) -> None:
    bill = assemble(
        Draft(coverage="adults", choices=TOP),
        RUBRIC,
        LANGUAGE,
        profile,  # type: ignore[arg-type]
    )
    act = profile.style_spec.act_name  # type: ignore[attr-defined]
    other = "this act" if act == "this Act" else "this Act"
    closing = " ".join(s.text for s in bill.sections[1:])
    assert other not in closing and other not in all_text(bill)
    severability = [s for s in bill.sections if s.key == "severability"]
    if severability:
        wanted = " ".join(profile.closing.severability_text.split())  # type: ignore[attr-defined]
        assert severability[0].text == wanted


# Also: the committee file totals the score it prints; notes keep why and source ----


@pytest.mark.parametrize(
    "choices",
    [
        {},
        {"burden_of_proof": "silent", "confidentiality": "none"},
        {"official_documentation": "no_presumption", "time_limits": "explicit_limit"},
    ],
)
def test_the_committee_table_totals_the_printed_score(choices: dict[str, str]) -> None:
    bill = build(choices=choices)
    total = sum(t.points for t in category_totals(rows(bill)))
    assert total == score(RUBRIC, Draft(coverage="adults", choices={**TOP, **choices})).total
    titles = {t.title for t in category_totals(rows(bill))} - {"Coverage"}
    assert titles == {c.title for c in RUBRIC.categories}


def test_every_note_keeps_why_and_source_without_internal_jargon() -> None:
    jargon = re.compile(r"reads? back|signals? read|the reader|round trip", re.I)
    notes = [(t.note, t.source) for t in LANGUAGE.tiers.values()]
    notes += [(p.note, p.source) for p in LANGUAGE.frame_provisions]
    for note, source in notes:
        assert note.strip() and source.strip()
        assert not jargon.search(note), note
    sources = " ".join(s for _, s in notes)
    for cite in ("2658(d)", "943.0583(7)(d)", "29-3005(6)", "3771A(b)(7)", "3771A(g)"):
        assert cite in sources, cite


# 9. The no-discretion tier is a veto, not a consent precondition ----------------------


@pytest.mark.parametrize("profile", [None, "texas", "new-york", "missouri"])
def test_no_discretion_is_a_veto_that_reads_back_alone(profile: str | None) -> None:
    from drafter.reader import analyze
    from drafter.render.text import render_text

    bill = build(profile, choices={"judicial_discretion": "none"})
    discretion = text(node(bill, "discretion"))
    assert re.search(
        r"(?:shall|may) not grant a motion under this \w+ over the objection", discretion
    )
    assert "consent" not in discretion
    assert "shall grant the motion" in discretion  # no objection in time: a duty to grant
    a = analyze(render_text(bill), RUBRIC)
    assert a.finding("judicial_discretion").tier == "none"
    # A veto asks nothing of the movant: it is not a restrictive condition.
    assert a.finding("additional_conditions").tier == TOP["additional_conditions"]


@pytest.mark.parametrize("tier", TIERS["judicial_discretion"])
def test_texas_names_the_attorney_representing_the_state(tier: str) -> None:
    bill = build("texas", choices={"judicial_discretion": tier})
    discretion = text(node(bill, "discretion"))
    assert "attorney representing the state" in discretion
    assert "prosecuting attorney" not in all_text(bill)
    definition = text(node(bill, "definitions.prosecuting_attorney"))
    assert definition.startswith('"Attorney representing the state" means the district attorney')
    # Elsewhere the neutral term stays.
    assert "prosecuting attorney" in text(
        node(build(choices={"judicial_discretion": tier}), "discretion")
    )
