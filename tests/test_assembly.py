"""Assembly: any combination makes one coherent, numbered, fully resolved bill."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.assembly import assemble, bill_code, bill_wording
from drafter.bill import walk
from drafter.draft import BillTarget, Draft
from drafter.errors import UserError
from drafter.jurisdiction import list_profiles, load_profile
from drafter.language import load_language
from drafter.reader import load_signals, normalize_fast, read_tiers
from drafter.render.standing import summary
from drafter.render.text import render_text
from drafter.rubric import load_rubric

RUBRIC = load_rubric()
LANGUAGE = load_language()
SIGNALS = load_signals(RUBRIC)
PROFILES = list_profiles()
TOP = {c.id: c.statute_tiers[-1].id for c in RUBRIC.categories}

full_choices = st.fixed_dictionaries(
    {c.id: st.sampled_from([t.id for t in c.statute_tiers]) for c in RUBRIC.categories}
)
some_choices = st.fixed_dictionaries(
    {}, optional={c.id: st.sampled_from([t.id for t in c.statute_tiers]) for c in RUBRIC.categories}
)
plain_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="{}"),
    min_size=1,
    max_size=30,
).filter(str.strip)
params = st.fixed_dictionaries(
    {},
    optional={
        "court": plain_text,
        "prosecuting_office": plain_text,
        "trafficking_statute": plain_text,
        "state": plain_text,
        "limitation_years": st.integers(1, 50),
        "enumerated_misdemeanors": st.lists(plain_text, min_size=0, max_size=5),
        "enumerated_violent_felonies": st.lists(plain_text, min_size=0, max_size=5),
    },
)


@settings(max_examples=120, deadline=None)
@given(
    choices=some_choices,
    coverage=st.sampled_from(["adults", "minors_only"]),
    values=params,
    profile=st.sampled_from(PROFILES),
    section=st.none() | st.just("610.131"),
)
def test_any_draft_assembles_and_resolves(choices, coverage, values, profile, section) -> None:
    draft = Draft(
        coverage=coverage,
        choices=choices,
        parameters={k: v for k, v in values.items() if v not in ([], "")},
        bill=BillTarget(section=section),
    )
    bill = assemble(draft, RUBRIC, LANGUAGE, profile)
    text = render_text(bill)
    assert "{ref:" not in text
    # No template syntax leaks: every brace in the output came from a value.
    assert not re.search(r"\{[a-z_]+\}", text)
    statute = bill.statute
    assert statute is not None
    for node in walk(statute.body):
        assert len(node.children) != 1, f"lone subdivision under {node.key}"
    for cat_id in RUBRIC.category_ids:
        if cat_id not in choices:
            assert ("open_category", cat_id) in {(w.kind, w.subject) for w in bill.warnings}


@settings(max_examples=150, deadline=None)
@given(
    choices=full_choices,
    coverage=st.sampled_from(["adults", "minors_only"]),
    profile=st.sampled_from(PROFILES),
)
def test_every_combination_reads_back_exactly(choices, coverage, profile) -> None:
    bill = assemble(Draft(coverage=coverage, choices=choices), RUBRIC, LANGUAGE, profile)
    read = read_tiers(SIGNALS, normalize_fast(render_text(bill)))
    assert read == {"coverage": [coverage], **{k: [v] for k, v in choices.items()}}


def test_definitions_are_only_the_terms_used_and_alphabetized() -> None:
    bill = assemble(Draft(coverage="adults", choices=TOP), RUBRIC, LANGUAGE, load_profile(None))
    statute = bill.statute
    assert statute is not None
    definitions = statute.body[0]
    assert definitions.key == "definitions"
    terms = [re.match(r'"([^"]+)"', c.text).group(1).lower() for c in definitions.children]
    assert terms == sorted(terms)
    body_text = " ".join(n.text for n in walk(statute.body[1:])).lower()
    for term in terms:
        # Each term is used by the text, or by another definition that is used.
        assert term in body_text or any(
            term in c.text.lower()
            for c in definitions.children
            if not c.text.lower().startswith(f'"{term}"')
        )
    # Prostitution offense is defined only when the prostitution tier is chosen.
    assert "prostitution offense" not in terms
    narrow = assemble(
        Draft(coverage="adults", choices={**TOP, "offenses_covered": "prostitution_or_sex"}),
        RUBRIC,
        LANGUAGE,
        load_profile(None),
    )
    assert '"Prostitution offense"' in render_text(narrow)


def test_missing_parameters_render_visibly_and_warn() -> None:
    bill = assemble(Draft(coverage="adults", choices=TOP), RUBRIC, LANGUAGE, load_profile(None))
    text = render_text(bill)
    assert "[COURT]" in text
    court = [w for w in bill.warnings if (w.kind, w.subject) == ("unfilled_parameter", "court")]
    assert len(court) == 1 and "[COURT]" in court[0].text
    filled = assemble(
        Draft(coverage="adults", choices=TOP, parameters={"court": "the district court"}),
        RUBRIC,
        LANGUAGE,
        load_profile(None),
    )
    assert "[COURT]" not in render_text(filled)
    assert "the district court" in render_text(filled)
    assert "court" not in {w.subject for w in filled.warnings}


def test_enumerated_list_becomes_paragraphs_with_drafting_punctuation() -> None:
    draft = Draft(
        coverage="adults",
        choices={**TOP, "offenses_covered": "enumerated_misdemeanors"},
        parameters={"enumerated_misdemeanors": ["loitering", "trespass", "petty theft"]},
    )
    bill = assemble(draft, RUBRIC, LANGUAGE, load_profile(None))
    offenses = next(n for n in bill.statute.body if n.key == "offenses")
    assert [c.text for c in offenses.children] == ["loitering;", "trespass; or", "petty theft."]


def test_missouri_repeal_and_reenact_form() -> None:
    draft = Draft(
        jurisdiction="Missouri",
        coverage="adults",
        choices=TOP,
        bill=BillTarget(action="reenact", section="610.131", chapter="610"),
    )
    bill = assemble(draft, RUBRIC, LANGUAGE, load_profile("Missouri"))
    text = " ".join(render_text(bill).split())
    assert (
        "Section 610.131, RSMo, is repealed and one new section enacted in lieu thereof, "
        "to be known as section 610.131, to read as follows:"
    ) in text
    assert "Be it enacted by the General Assembly of the State of Missouri, as follows:" in text
    assert "Section A." in text
    assert ("unset_field", "section") not in {(w.kind, w.subject) for w in bill.warnings}


def test_applicability_reaches_past_records() -> None:
    bill = assemble(Draft(coverage="adults", choices=TOP), RUBRIC, LANGUAGE, load_profile(None))
    applicability = next(s for s in bill.sections if s.key == "applicability")
    assert "before that date" in applicability.text


def test_coverage_none_is_a_clear_error() -> None:
    with pytest.raises(UserError, match="coverage 'none'"):
        assemble(Draft(coverage="none"), RUBRIC, LANGUAGE, load_profile(None))


def test_minors_only_bill_says_under_18() -> None:
    bill = assemble(
        Draft(coverage="minors_only", choices=TOP), RUBRIC, LANGUAGE, load_profile(None)
    )
    assert "under 18 years of age" in render_text(bill)
    assert bill.score is not None and not bill.score.rankable
    assert "cannot be ranked" in summary(bill.score)


def test_the_bill_code_and_its_unit_are_worked_out_in_one_place() -> None:
    # Texas adds articles to its Code of Criminal Procedure, sections elsewhere.
    texas = load_profile("texas")
    draft = Draft(jurisdiction="Texas", coverage="adults")
    assert bill_code(draft, texas) == "Code of Criminal Procedure"
    assert bill_wording(draft, texas).unit == "article"
    elsewhere = draft.model_copy(update={"bill": BillTarget(code="Government Code")})
    assert bill_code(elsewhere, texas) == "Government Code"
    assert bill_wording(elsewhere, texas).unit == "section"
    assert bill_wording(draft, load_profile(None)).unit == "section"
