"""Draft files: tiers by id or points, errors with lines, stable atomic saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import write
from drafter.draft import Draft, draft_to_yaml, load_draft, save_draft
from drafter.errors import UserError
from drafter.rubric import Rubric, load_rubric

RUBRIC = load_rubric()


def test_tiers_by_id_and_by_points_resolve_the_same(tmp_path: Path, rubric: Rubric) -> None:
    by_id = write(
        tmp_path,
        "a.yaml",
        "format: drafter/1\ncoverage: adults\nchoices:\n"
        "  offenses_covered: all_misdemeanors\n  nexus_to_trafficking: as_a_result\n",
    )
    by_points = write(
        tmp_path,
        "b.yaml",
        "format: drafter/1\ncoverage: adults\nchoices:\n"
        "  offenses_covered: 12\n  nexus_to_trafficking: 10\n",
    )
    assert (
        load_draft(by_id, rubric).choices
        == load_draft(by_points, rubric).choices
        == {
            "offenses_covered": "all_misdemeanors",
            "nexus_to_trafficking": "as_a_result",
        }
    )


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("coverage: adults\nchoices:\n  bogus: 3\n", 4, "unknown category 'bogus'"),
        (
            "coverage: adults\nchoices:\n  nexus_to_trafficking: nearby\n",
            4,
            "unknown tier 'nearby'",
        ),
        ("coverage: adults\nchoices:\n  nexus_to_trafficking: 7\n", 4, "no tier gives 7 points"),
        ("coverage: adults\nchoices:\n  range_of_relief: none\n", 4, "no trafficking-specific"),
        ("coverage: minors_only\nchoices:\n  arrests_and_adjudications: 0\n", 4, "contradicts"),
        ("coverage: grownups\n", 2, "coverage"),
        ("coverage: adults\nchoices: [1, 2]\n", 3, "choices"),
        ("coverage: adults\nextra: 1\n", 3, "unknown field 'extra'"),
        ("choices: {}\n", 1, "missing required field 'coverage'"),
        ("coverage: adults\nchoices:\n  time_limits: true\n", 4, "time_limits"),
        ("coverage: adults\nchoices:\n  time_limits: 4.0\n", 4, "time_limits"),
    ],
)
def test_bad_drafts_name_the_line(
    tmp_path: Path, rubric: Rubric, body: str, line: int, message: str
) -> None:
    path = write(tmp_path, "d.yaml", "format: drafter/1\n" + body)
    with pytest.raises(UserError) as info:
        load_draft(path, rubric)
    assert message in info.value.message
    assert info.value.line == line


def test_missing_or_wrong_format_is_refused(tmp_path: Path, rubric: Rubric) -> None:
    with pytest.raises(UserError, match="format: drafter/1"):
        load_draft(write(tmp_path, "a.yaml", "coverage: adults\n"), rubric)
    with pytest.raises(UserError, match="expected 'drafter/1'"):
        load_draft(write(tmp_path, "b.yaml", "format: drafter/9\ncoverage: adults\n"), rubric)


def test_choosing_no_statute_tiers_is_allowed_under_coverage_none(
    tmp_path: Path, rubric: Rubric
) -> None:
    path = write(
        tmp_path,
        "n.yaml",
        "format: drafter/1\ncoverage: none\nchoices:\n"
        "  range_of_relief: 0\n  arrests_and_adjudications: none\n",
    )
    assert load_draft(path, rubric).choices["range_of_relief"] == "none"


def test_saved_yaml_is_stable_and_ordered(tmp_path: Path, rubric: Rubric) -> None:
    draft = Draft(
        jurisdiction="Missouri",
        coverage="adults",
        choices={"confidentiality": "express", "range_of_relief": "vacatur"},
        parameters={"court": "the circuit court", "enumerated_misdemeanors": ["theft", "trespass"]},
        notes="First line.\nSecond line.",
    )
    text = draft_to_yaml(draft, rubric)
    assert text.index("range_of_relief") < text.index("confidentiality")
    assert "notes: |" in text
    path = tmp_path / "out.yaml"
    save_draft(draft, path, rubric)
    assert path.read_text() == text
    assert load_draft(path, rubric) == draft
    save_draft(load_draft(path, rubric), path, rubric)
    assert path.read_text() == text
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]


_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)


@settings(max_examples=60, deadline=None)
@given(
    jurisdiction=st.none() | _text.filter(str.strip),
    coverage=st.sampled_from(["adults", "minors_only"]),
    choices=st.fixed_dictionaries(
        {},
        optional={
            c.id: st.sampled_from([t.id for t in c.statute_tiers]) for c in RUBRIC.categories
        },
    ),
    params=st.dictionaries(
        st.sampled_from(["court", "state", "prosecuting_office"]),
        _text.filter(str.strip),
        max_size=3,
    ),
    notes=st.none() | _text.filter(str.strip),
)
def test_save_then_load_round_trips(
    tmp_path_factory, jurisdiction, coverage, choices, params, notes
) -> None:
    draft = Draft(
        jurisdiction=jurisdiction,
        coverage=coverage,
        choices=choices,
        parameters=params,
        notes=notes,
    )
    path = tmp_path_factory.mktemp("rt") / "d.yaml"
    save_draft(draft, path, RUBRIC)
    assert load_draft(path, RUBRIC) == draft


def test_starts_from_round_trips_and_names_one_source(tmp_path: Path) -> None:
    from drafter.draft import StartsFrom

    draft = Draft(coverage="adults", starts_from=StartsFrom(statute="/laws/566.224.txt"))
    path = tmp_path / "d.yaml"
    save_draft(draft, path, RUBRIC)
    assert "starts_from:\n  statute: /laws/566.224.txt\n" in path.read_text(encoding="utf-8")
    assert load_draft(path, RUBRIC) == draft
    both = write(
        tmp_path,
        "both.yaml",
        "format: drafter/1\ncoverage: adults\nstarts_from:\n  law: Missouri\n  statute: a.txt\n",
    )
    with pytest.raises(UserError) as err:
        load_draft(both, RUBRIC)
    assert err.value.line == 3 and "give one of law" in err.value.message
