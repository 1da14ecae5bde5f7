"""Advice from an uncertain baseline: open categories are not points to gain; arguable ones
show the gain under each defensible reading."""

from __future__ import annotations

import json

from drafter.advice import advise
from drafter.advice_readings import open_categories, qualify
from drafter.baseline import profile_draft
from drafter.jurisdiction import load_profile


def test_open_categories_are_never_proposed_as_gains(run_cli) -> None:
    r = run_cli("advise", "Illinois")
    assert r.code == 0, r.err
    assert "OPEN (not read, so not counted as points to gain)" in r.out
    assert "+30" not in r.out and "EACH CHANGE" not in r.out
    assert "Locked" not in r.out  # the open ones are not the user's locks
    data = json.loads(run_cli("advise", "Illinois", "--json").out)
    assert data["changes"] == [] and len(data["open"]) == 11
    assert data["open"][0]["top_points"] == 10


def test_an_arguable_reading_shows_the_gain_under_each_reading(run_cli) -> None:
    data = json.loads(run_cli("advise", "Connecticut", "--json").out)
    by_move = {(c["category"], c["to"]): c for c in data["changes"]}
    # Connecticut's hearing is read "always, in person" (0), arguably "none required" (5).
    hearing = by_move[("hearing_requirement", "none_required")]
    assert hearing["gain"] == 5
    assert hearing["other_readings"] == [{"reading": "none_required", "gain": 0}]
    offenses = by_move[("offenses_covered", "all_offenses")]
    assert offenses["other_readings"] == [{"reading": "enumerated_violent_felonies", "gain": 7}]
    text = run_cli("advise", "Connecticut").out
    assert "GAINS UNDER THE OTHER DEFENSIBLE READINGS" in text and "already there" in text


def test_qualify_measures_changes_against_each_reading(rubric) -> None:
    profile = load_profile("Texas")
    assert profile.law is not None
    opened = open_categories(rubric, profile.law)
    assert "range_of_relief" not in opened and "nexus_to_trafficking" in opened
    advice = advise(rubric, profile_draft(profile, rubric), locks=opened)
    assert all(c.category not in opened for c in advice.changes)
    read = qualify(advice, rubric, profile.law)
    assert {o.category for o in read.open} == set(opened)
    # Texas's offenses are read as prostitution plus listed misdemeanors (8), arguably
    # prostitution only (5): a move to all offenses gains 22 as read, 25 under the other.
    alts = read.alternatives[("offenses_covered", "all_offenses")]
    assert [(a.tier, a.gain) for a in alts] == [("prostitution_or_sex", 25)]
    assert set(read.alternatives) == {
        ("offenses_covered", c.to_tier) for c in advice.changes if c.category == "offenses_covered"
    }


def test_a_draft_that_moved_on_keeps_only_the_readings_it_still_holds(rubric) -> None:
    """The app's draft begins as the law and changes: a category it decided is no longer
    open, and one moved off the reading's tier is not measured under the law's others."""
    from drafter.law import Law

    profile = load_profile("Connecticut")
    assert profile.law is not None
    data = profile.law.model_dump()
    hearing = data["reading"].pop("hearing_requirement")
    law = Law.model_validate({**data, "unread": "hearing part not read"})
    draft = profile_draft(profile, rubric).choose("hearing_requirement", None)
    assert open_categories(rubric, law, draft) == ("hearing_requirement",)
    decided = draft.choose("hearing_requirement", hearing["tier"])
    assert open_categories(rubric, law, decided) == ()
    # Offenses is arguable: measured under the other reading while the draft holds ours.
    advice = advise(rubric, decided)
    moves = [k for k in qualify(advice, rubric, law, None, decided).alternatives]
    assert ("offenses_covered", "all_offenses") in moves
    moved = decided.choose("offenses_covered", "all_misdemeanors")
    advice = advise(rubric, moved)
    alts = qualify(advice, rubric, law, None, moved).alternatives
    assert not any(cat == "offenses_covered" for cat, _ in alts)
    # Without a draft (the CLI, whose draft is the law), every reading is said.
    assert any(cat == "offenses_covered" for cat, _ in qualify(advice, rubric, law).alternatives)


def test_a_saved_baseline_draft_is_advised_from_its_recorded_law(run_cli, tmp_path) -> None:
    # `drafter baseline STATE --save` records where the draft started (starts_from:
    # law:), so advice on the saved file reads the law's arguable calls as advice
    # on the state itself does.
    saved = tmp_path / "ct.yaml"
    assert run_cli("baseline", "Connecticut", "--save", str(saved)).code == 0
    assert "starts_from:\n  law: Connecticut\n" in saved.read_text(encoding="utf-8")
    from_file = json.loads(run_cli("advise", str(saved), "--json").out)
    from_state = json.loads(run_cli("advise", "Connecticut", "--json").out)
    assert from_file["changes"] == from_state["changes"]
    assert any(c.get("other_readings") for c in from_file["changes"])
