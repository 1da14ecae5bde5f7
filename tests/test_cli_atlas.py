"""`drafter atlas`: every jurisdiction today, ranked where its reading is complete."""

from __future__ import annotations

import json

from conftest import write
from drafter.jurisdiction import load_profile
from drafter.jurisdiction_index import list_entries


def test_atlas_json_lists_every_state_dc_federal_and_territories(run_cli) -> None:
    r = run_cli("atlas", "--json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["format"] == "drafter/atlas@1"
    rows = data["jurisdictions"]
    for row in rows:
        for key in ("name", "code", "status", "citations", "source", "total", "grade", "rank"):
            assert key in row, key
        assert row["source"], row["name"]
        assert row["status"] in ("adults", "minors_only", "none", "unknown")
        if row["status"] in ("adults", "minors_only"):
            assert row["citations"], row["name"]
    codes = {row["code"] for row in rows}
    assert len([r for r in rows if r["kind"] == "state"]) == 50
    assert {"DC", "US"} <= codes
    assert len(rows) == len(list_entries()) - 1  # all but the generic profile


def test_ranks_are_shared_by_equal_totals_and_only_complete_states_rank(run_cli) -> None:
    rows = json.loads(run_cli("atlas", "--json").out)["jurisdictions"]
    ranked = [r for r in rows if r["rank"] is not None]
    assert ranked and all(r["kind"] in ("state", "district") for r in ranked)
    assert all(r["open"] == [] and r["status"] == "adults" for r in ranked)
    # Standard competition ranking: a rank is one more than the number of higher totals.
    for r in ranked:
        assert r["rank"] == 1 + sum(o["total"] > r["total"] for o in ranked)
        assert r["tied"] == (sum(o["total"] == r["total"] for o in ranked) > 1)
    by_code = {r["code"]: r for r in rows}
    assert by_code["US"]["rank"] is None and "federal" in by_code["US"]["unranked"]
    assert by_code["MO"]["grade"] is None and by_code["MO"]["total"] == 0
    # A state with categories still open shows a provisional grade and no rank.
    tx = by_code["TX"]
    assert tx["rank"] is None and tx["open"] and tx["provisional"]
    # A state we hold no text for is not scored at all.
    assert by_code["IL"]["total"] is None and len(by_code["IL"]["open"]) == 11


def test_atlas_text_table(run_cli) -> None:
    r = run_cli("atlas")
    assert r.code == 0
    assert r.out.startswith("Today's law in every jurisdiction")
    assert "New York" in r.out and "Ill. Const." not in r.out
    assert "Status: adults" in r.out


def test_atlas_state_shows_each_call_with_its_sources(run_cli) -> None:
    r = run_cli("atlas", "Idaho")
    assert r.code == 0, r.err
    assert "Official source: https://legislature.idaho.gov" in r.out
    assert "Read from: atlas/statutes/ID-67-3014.txt" in r.out
    assert '(9): "shall create a rebuttable presumption"' in r.out
    assert "Also defensible:" in r.out
    data = json.loads(run_cli("atlas", "D.C.", "--json").out)["jurisdiction"]
    assert data["code"] == "DC" and len(data["reading"]) == 11
    assert data["reading"]["burden_of_proof"]["tier"] == "clear_and_convincing"
    mn = run_cli("atlas", "MN")
    assert "Status: unknown" in mn.out and "open" in mn.out


def test_a_reason_shared_by_open_categories_is_printed_once(run_cli) -> None:
    # Alaska (none): every category is open for the status note's reason, said once.
    ak = run_cli("atlas", "Alaska")
    assert ak.code == 0, ak.err
    assert ak.out.count("Range of Relief: open\n    (see the status note above)") == 1
    assert ak.out.count("(see the status note above)") == 11
    # A partial reading: the unread reason under the first open category, then pointers.
    law = load_profile("oregon").law
    out = run_cli("atlas", "Oregon").out
    first = " ".join((law.unread or "").split()[:4])
    assert out.count(first) == 1
    assert out.count("(the same reason as ") == 11 - len(law.reading) - 1


def test_atlas_unknown_state_is_one_line(run_cli) -> None:
    r = run_cli("atlas", "Narnia")
    assert r.code == 2
    assert len(r.err.strip().splitlines()) == 1 and "Narnia" in r.err


def test_baseline_advise_and_card_accept_any_jurisdiction(run_cli, tmp_path) -> None:
    r = run_cli("baseline", "ID")
    assert r.code == 0 and "jurisdiction: Idaho" in r.out
    assert run_cli("advise", "District of Columbia", "--top", "1").code == 0
    r = run_cli("card", "federal")
    assert r.code == 0 and "United States" in r.out
    r = run_cli("baseline", "Minnesota")
    assert r.code == 2 and "status unknown" in r.err


def test_a_generic_draft_builds_with_the_states_own_enacting_clause(run_cli, tmp_path) -> None:
    clauses = {
        "Illinois": "Be it enacted by the People of the State of Illinois, represented in the "
        "General Assembly:",
        "California": "The people of the State of California do enact as follows:",
        "North Carolina": "The General Assembly of North Carolina enacts:",
        "New Jersey": "BE IT ENACTED by the Senate and General Assembly of the State of "
        "New Jersey:",
        "Massachusetts": "Be it enacted by the Senate and House of Representatives in General "
        "Court assembled, and by the authority of the same, as follows:",
        "Ohio": "Be it enacted by the General Assembly of the State of Ohio:",
    }
    for state, clause in clauses.items():
        draft = write(
            tmp_path, "d.yaml", f"format: drafter/1\njurisdiction: {state}\ncoverage: adults\n"
        )
        r = run_cli("build", str(draft), "-o", "-")
        assert r.code == 0, r.err
        assert clause in " ".join(r.out.split()), state
        warnings = [line for line in r.err.splitlines() if "drafting style" in line]
        assert len(warnings) == 1 and state in warnings[0], r.err


def test_the_six_states_carry_sourced_forms_and_their_bills_use_them(run_cli, tmp_path) -> None:
    # Issue 12: each carries its code's name, section form, amending clause and
    # prosecuting office, each with a source; the generic bill names the code and office.
    offices = {
        "Illinois": "State's Attorney",
        "California": "district attorney",
        "North Carolina": "district attorney",
        "New Jersey": "county prosecutor",
        "Massachusetts": "district attorney",
        "Ohio": "prosecuting attorney",
    }
    for state, office in offices.items():
        forms = load_profile(state).forms
        for name in ("enacting_clause", "code_name", "section_form", "amending_clause"):
            form = getattr(forms, name)
            assert form is not None and form.source.strip(), (state, name)
        assert forms.prosecutor is not None and forms.prosecutor.text == office
        draft = write(
            tmp_path,
            "d.yaml",
            f"format: drafter/1\njurisdiction: {state}\ncoverage: adults\n"
            "choices: {judicial_discretion: over_objection}\n",
        )
        r = run_cli("build", str(draft), "-o", "-")
        assert r.code == 0, r.err
        flat = " ".join(r.out.split())
        assert f"added to {forms.code_name.text}" in flat, state
        assert "[CODE]" not in flat and "unset code" not in r.err, state
        assert office in flat, state
    # Where the state's marking is one the renderer draws, its bills are drawn so.
    assert load_profile("Ohio").style_spec.inserted == "underline"
    assert load_profile("New Jersey").style_spec.deleted == "bracket_bold"
