"""Jurisdiction profiles: the shipped ones load, names resolve, bad files point at a line."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import ROOT, write
from drafter.bill import Node, number, resolve_refs
from drafter.errors import UserError
from drafter.jurisdiction import (
    TARGET_FIELDS,
    Profile,
    list_profiles,
    load_profile,
    load_profile_file,
)

SHIPPED = sorted(p.name for p in (ROOT / "jurisdictions").glob("*.yaml") if p.stem != "index")
#: The profiles with a full drafting style of their own.
STYLED = ["generic.yaml", "missouri.yaml", "new-york.yaml", "texas.yaml"]

ENACTING = {
    "missouri": "Be it enacted by the General Assembly of the State of Missouri, as follows:",
    "texas": "BE IT ENACTED BY THE LEGISLATURE OF THE STATE OF TEXAS:",
    "new-york": (
        "The People of the State of New York, represented in Senate and Assembly, "
        "do enact as follows:"
    ),
    "generic": "Be it enacted by the Legislature of the State of {state}:",
}


def test_every_state_dc_federal_and_territories_ship() -> None:
    profiles = list_profiles()
    assert profiles[0].id == "generic"
    kinds = [p.kind for p in profiles]
    assert kinds.count("state") == 50
    assert (kinds.count("district"), kinds.count("federal")) == (1, 1)
    assert kinds.count("territory") >= 1
    assert len(SHIPPED) == len(profiles)
    # Only the four styled profiles carry a bill structure of their own.
    assert sorted(f"{p.id}.yaml" for p in profiles if not p.generic_style) == STYLED


@pytest.mark.parametrize("name", STYLED)
def test_each_shipped_profile_loads_by_path(name: str) -> None:
    profile = load_profile_file(ROOT / "jurisdictions" / name)
    assert profile.id == name.removesuffix(".yaml")
    assert profile.enacting_clause == ENACTING[profile.id]
    style = profile.style()
    assert style.ladder and style.level_names
    # Every title and instruction form fills from the bill target's fields alone.
    values = {f: f"<{f}>" for f in TARGET_FIELDS}
    for action in ("new", "reenact"):
        for line in getattr(profile.title, action):
            assert "{" not in line.format(**values)
        assert "{" not in getattr(profile.instruction, action).format(**values)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Missouri", "missouri"),
        ("mo", "missouri"),
        ("MO", "missouri"),
        ("Texas", "texas"),
        ("tx", "texas"),
        ("new-york", "new-york"),
        ("New York", "new-york"),
        ("new_york", "new-york"),
        ("NY", "new-york"),
        ("N.Y.", "new-york"),
        ("generic", "generic"),
        ("DC", "district-of-columbia"),
        ("D.C.", "district-of-columbia"),
        ("district of columbia", "district-of-columbia"),
        ("federal", "federal"),
        ("US", "federal"),
        ("U.S.", "federal"),
        ("Idaho", "idaho"),
        ("IL", "illinois"),
        ("West Virginia", "west-virginia"),
        ("W. Va.", "west-virginia"),
        ("Virginia", "virginia"),
        ("PR", "puerto-rico"),
    ],
)
def test_names_and_aliases_match_case_insensitively(name: str, expected: str) -> None:
    assert load_profile(name).id == expected


def test_no_name_means_the_generic_profile() -> None:
    assert load_profile(None).id == "generic"
    assert load_profile("").id == "generic"


def test_unknown_name_says_how_to_name_one() -> None:
    with pytest.raises(UserError) as err:
        load_profile("Narnia")
    message = str(err.value)
    assert "Narnia" in message
    assert "USPS code" in message and "drafter atlas" in message


def test_a_path_loads_that_file(tmp_path: Path) -> None:
    text = (ROOT / "jurisdictions" / "missouri.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, "ozark.yaml", text.replace("id: missouri", "id: ozark"))
    profile = load_profile(str(path))
    assert profile.id == "ozark"
    assert profile.path == str(path)


def test_missing_path_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such jurisdiction profile"):
        load_profile(str(tmp_path / "nowhere.yaml"))


def test_style_per_state() -> None:
    mo = load_profile("Missouri").style()
    assert mo.ladder == ("{1}.", "({1})", "({a})", "{a}.")
    assert mo.bill_section_labels == "letters"
    assert mo.first_subsection_inline
    assert mo.definitions_lead == "As used in this section, the following terms mean:"
    tx = load_profile("Texas").style()
    assert tx.ladder == ("({a})", "({1})", "({A})", "({i})", "({I})")
    assert tx.heading_caps
    assert tx.bill_section_format == "SECTION {label}."
    ny = load_profile("New York").style()
    assert ny.ladder == ("{1}.", "({a})", "({i})", "({A})")
    assert (ny.bill_section_format, ny.later_bill_section_format) == (
        "Section {label}.",
        "§ {label}.",
    )
    generic = load_profile(None).style()
    assert generic.ladder == ("({a})", "({1})", "({A})", "({i})")


def test_closing_sections_per_state() -> None:
    assert load_profile("Missouri").closing.effective_date is None
    assert load_profile("Texas").closing.effective_date == (
        "This Act takes effect September 1, {year}."
    )
    assert "year" in load_profile("Texas").defaults
    assert load_profile("New York").closing.effective_date == (
        "This act shall take effect immediately."
    )
    severable = {p.id: p.closing.severability for p in list_profiles() if not p.generic_style}
    assert severable == {"generic": True, "missouri": False, "new-york": False, "texas": False}
    # A state with no sourced style takes the generic closing.
    assert load_profile("Idaho").closing.severability


def test_redline_conventions() -> None:
    marks = {p.id: (p.style().inserted, p.style().deleted) for p in list_profiles()}
    assert marks["missouri"] == ("bold", "bracket_bold")
    assert marks["texas"] == ("underline", "bracket_strike")
    assert marks["new-york"] == ("underline", "brackets")


def test_defaults_and_sources() -> None:
    mo = load_profile("Missouri")
    assert mo.defaults["court"] == "the circuit court"
    assert mo.defaults["trafficking_statute"] == "sections 566.200 to 566.223"
    assert mo.parameter_defaults()["state"] == "Missouri"
    assert mo.sources["enacting_clause"] == "Mo. Const. art. III, sec. 21"
    generic = load_profile(None)
    assert generic.defaults == {}
    # The generic profile's state is the user's to fill, never a default.
    assert "state" not in generic.parameter_defaults()
    for profile in list_profiles():
        if profile.is_generic:
            continue
        if profile.generic_style:
            # Its own clause, if any, is cited in forms; otherwise the generic one.
            clause = profile.forms.enacting_clause
            assert clause is None or profile.enacting_clause == clause.text, profile.id
        else:
            assert profile.sources.get("enacting_clause"), profile.id


def test_missouri_current_law_is_recorded() -> None:
    law = load_profile("Missouri").current_law
    assert law is not None
    assert law.citation == "Mo. Rev. Stat. 610.131"
    assert law.coverage == "minors_only"
    # Read in full: what each category would earn if the law reached adults.
    assert law.tiers["offenses_covered"].tier == "prostitution_or_sex"
    assert len(law.tiers) == 11


def test_missouri_numbering_and_references() -> None:
    style = load_profile("Missouri").style()
    deep = Node("d", "deep", children=(Node("d1", "x"), Node("d2", "y")))
    body = (
        Node("one", "first"),
        Node(
            "two",
            "second",
            children=(
                Node("two.a", "a", children=(Node("c1", "c", children=(deep, Node("e", ""))),)),
                Node("two.b", "b", children=(Node("k1", ""), Node("k2", ""))),
            ),
        ),
    )
    labels = number(body, style)
    assert labels["one"].label == "1."
    assert labels["two.a"].label == "(1)"
    assert labels["k2"].label == "(b)"
    # A lone child gets no label: no (a) without a (b).
    assert labels["c1"].label == ""
    assert labels["d"].label == "a."
    assert resolve_refs("{ref:k2}", labels, style) == (
        "paragraph (b) of subdivision (2) of subsection 2 of this section"
    )
    # Under the unlabelled lone node, each label is still named by its own level.
    assert resolve_refs("{ref:d}", labels, style) == (
        "subparagraph a of subdivision (1) of subsection 2 of this section"
    )


def test_joined_references_name_the_outermost_level() -> None:
    style = load_profile("Texas").style()
    body = (Node("a", "x"), Node("b", "y", children=(Node("b1", ""), Node("b2", ""))))
    labels = number(body, style)
    assert resolve_refs("{ref:b2}", labels, style) == "Subsection (b)(2)"
    assert resolve_refs("{ref:a}", labels, style) == "Subsection (a)"


# --- bad files ---------------------------------------------------------------

GOOD = (ROOT / "jurisdictions" / "texas.yaml").read_text(encoding="utf-8")


def _line_of(text: str, needle: str) -> int:
    for i, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return i
    raise AssertionError(needle)


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ("country: us-tx", "country: us-tx\ncolour: blue", "colour:", "unknown field 'colour'"),
        ('"({A})"', '"(A)"', "ladder:", "exactly one counter"),
        (
            'relating to {subject}."]\n  reenact',
            'relating to {topic}."]\n  reenact',
            "  new: [",
            "{topic}",
        ),
        ("Sec. {number}.", "Sec. {numbr}.", "section_heading_format", "{numbr}"),
        ("inserted: underline", "inserted: sparkly", "inserted:", "inserted"),
        ("ref_joined: true", "ref_joined: maybe", "ref_joined", "ref_joined"),
        ("format: drafter-jurisdiction/1", "format: drafter-jurisdiction/9", "format:", "format"),
        ("id: texas", "id: Texas!", "id:", "id"),
    ],
)
def test_bad_profile_points_at_the_line(
    tmp_path: Path, old: str, new: str, needle: str, message: str
) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(UserError) as err:
        load_profile_file(path)
    assert err.value.where == str(path)
    assert err.value.line == _line_of(text, needle), str(err.value)
    assert message in err.value.message


def test_severability_needs_its_wording(tmp_path: Path) -> None:
    text = re.sub(r"  severability_text: >-\n(    .*\n)+", "", GOOD)
    text = text.replace("severability: false", "severability: true")
    with pytest.raises(UserError, match="severability_text") as err:
        load_profile_file(write(tmp_path, "bad.yaml", text))
    assert err.value.line == _line_of(text, "severability: true")


def test_missing_field_is_named(tmp_path: Path) -> None:
    text = GOOD.replace("\nname: Texas\n", "\n")
    with pytest.raises(UserError, match="missing required field 'name'"):
        load_profile_file(write(tmp_path, "bad.yaml", text))


def test_a_state_without_a_style_drafts_generically_and_says_so(tmp_path: Path) -> None:
    # Its own enacting clause is kept; everything else of the bill is generic.
    from drafter.jurisdiction import profile_for

    profile, note = profile_for("Illinois")
    clause = "Be it enacted by the People of the State of Illinois"
    assert profile.enacting_clause.startswith(clause)
    # Generic but for the state's sourced marking (underscored / stricken).
    generic = load_profile(None).style()
    assert profile.style() == replace(generic, inserted="underline", deleted="strike")
    assert note is not None and "Ill. Const. 1970, art. IV, sec. 8(a)" in note
    assert profile_for("Missouri")[1] is None


def test_invalid_yaml_and_non_mapping(tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        load_profile_file(write(tmp_path, "a.yaml", "id: [unclosed\n"))
    assert err.value.line is not None
    with pytest.raises(UserError, match="not a jurisdiction profile"):
        load_profile_file(write(tmp_path, "b.yaml", "- a list\n"))


def test_profiles_are_frozen() -> None:
    profile: Profile = load_profile("Texas")
    with pytest.raises(ValueError):
        profile.id = "ohio"  # type: ignore[misc]
