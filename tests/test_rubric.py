"""The shipped rubric matches the card, and the loader enforces its rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.errors import UserError
from drafter.paths import default_rubric_path
from drafter.rubric import Rubric, load_rubric

# The card's categories, tier ids and points: the contract every file relies on.
CARD = {
    "range_of_relief": {"none": 0, "partial": 4, "vacatur": 8, "vacatur_on_merits": 10},
    "arrests_and_adjudications": {"none": 0, "convictions_only": 5, "comprehensive": 10},
    "offenses_covered": {
        "prostitution_or_sex": 5,
        "enumerated_misdemeanors": 8,
        "all_misdemeanors": 12,
        "nonviolent_felonies": 17,
        "enumerated_violent_felonies": 23,
        "all_offenses": 30,
    },
    "judicial_discretion": {"none": 0, "over_objection": 5, "additional_action": 10},
    "nexus_to_trafficking": {
        "under_duress": 2,
        "direct_result": 4,
        "while_a_victim": 6,
        "proximately_caused": 8,
        "as_a_result": 10,
    },
    "time_limits": {"explicit_limit": 0, "reasonable_time": 4, "no_limit": 8},
    "hearing_requirement": {
        "always_in_person": 0,
        "always_alternate": 1,
        "opposed_in_person": 2,
        "opposed_alternate": 3,
        "opposed_waivable": 4,
        "none_required": 5,
    },
    "burden_of_proof": {"silent": 0, "clear_and_convincing": 2, "preponderance": 5},
    "official_documentation": {"no_presumption": 0, "presumption": 5},
    "confidentiality": {"none": 0, "express": 5},
    "additional_conditions": {"restrictive": 0, "none": 2},
}


def test_categories_tiers_and_points_match_the_card(rubric: Rubric) -> None:
    assert list(rubric.category_ids) == list(CARD)
    for cat in rubric.categories:
        assert {t.id: t.points for t in cat.tiers} == CARD[cat.id]
        assert [t.points for t in cat.tiers] == sorted(t.points for t in cat.tiers)


def test_maxima_sum_to_100(rubric: Rubric) -> None:
    assert rubric.total == 100
    assert sum(c.max for c in rubric.categories) == 100


def test_only_the_two_statute_gates_are_no_statute_tiers(rubric: Rubric) -> None:
    gates = {(c.id, t.id) for c in rubric.categories for t in c.tiers if t.no_statute}
    assert gates == {("range_of_relief", "none"), ("arrests_and_adjudications", "none")}


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        (100, "A"),
        (90, "A"),
        (89, "B"),
        (80, "B"),
        (79, "C"),
        (70, "C"),
        (69, "D"),
        (60, "D"),
        (59, "F"),
        (0, "F"),
    ],
)
def test_grade_band_edges(rubric: Rubric, total: int, grade: str) -> None:
    assert rubric.grade_for(total) == grade


def test_decisive_phrases_kept_verbatim(rubric: Rubric) -> None:
    text = yaml.safe_dump(rubric.model_dump())
    for phrase in [
        "while under duress",
        "as a direct result",
        "while they were a victim",
        "proximately caused",
        "as a result",
        "reasonable time",
        "take such additional action as is appropriate in the circumstances",
    ]:
        assert phrase in text


def _mutated(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(default_rubric_path().read_text())
    change(data)
    path = tmp_path / "rubric.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_a_second_rubric_loads_without_code_changes(tmp_path: Path) -> None:
    def revise(d: dict) -> None:
        d["id"] = "revised-2023"
        d["categories"][0]["tiers"].append(
            {"id": "vacatur_plus", "points": 12, "label": "More", "criterion": "More relief."}
        )
        d["categories"][2]["tiers"][-1]["points"] = 28
        d["total"] = 100

    r = load_rubric(_mutated(tmp_path, revise))
    assert r.id == "revised-2023"
    assert r.category("range_of_relief").max == 12


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(total=99), "sum to 100, not the declared total 99"),
        (lambda d: d["categories"][1].update(id="range_of_relief"), "used twice"),
        (lambda d: d["categories"][0]["tiers"][1].update(points=8), "points must be unique"),
        (lambda d: d["categories"][0]["tiers"][1].update(id="vacatur"), "tier id 'vacatur'"),
        (lambda d: d["grades"]["bands"][1].update(min=81), "without a grade"),
        (lambda d: d["grades"]["bands"][1].update(max=90), "overlap at 90"),
        (lambda d: d["coverage"].pop("none"), "coverage rule 'none' is missing"),
        (lambda d: d["categories"][0]["tiers"][0].update(points="ten"), "valid integer"),
        (lambda d: d.update(colour="red"), "unknown field 'colour'"),
    ],
)
def test_broken_rubrics_are_refused_with_a_line(tmp_path: Path, change, message: str) -> None:
    path = _mutated(tmp_path, change)
    with pytest.raises(UserError) as info:
        load_rubric(path)
    assert message in info.value.message
    assert info.value.where == str(path)
    assert info.value.line is not None
