"""A unit struck whole, in a state that restates only what it amends: repealed in a bill
section of its own; Texas leaves the gap, New York renumbers and says so. Texts are our
own, in each state's shape."""

from __future__ import annotations

from lxml import etree

from drafter.amend.bill import build_amending_bill
from drafter.amend.model import Piece
from drafter.draft import Draft
from drafter.jurisdiction import load_profile
from drafter.language import load_language
from drafter.reader import analyze
from drafter.render import AMEND_FORMATS
from drafter.rubric import load_rubric
from test_amend_cli import _schema

RUBRIC = load_rubric()
LANGUAGE = load_language()

TEXAS = "\n".join(
    [
        "Sec. 411.0799. RELIEF FOR CERTAIN TRAFFICKED PERSONS.",
        (
            "(a) This section applies only to a person who was convicted of an offense under "
            "Section 43.02, Penal Code, and who committed the offense solely because the "
            "person was a victim of trafficking of persons."
        ),
        (
            "(b) A person described by Subsection (a) may file a petition with the court for "
            "an order of nondisclosure of criminal history record information, but not before"
            " the first anniversary of the date the person completed the sentence."
        ),
        (
            "(c) A petition under this section is not a public record and the court shall "
            "keep it in a sealed file."
        ),
        (
            "(d) The court shall issue the order only if the person helped a law enforcement "
            "agency that asked for help with the case against the trafficker."
        ),
        (
            "(e) A person who receives an order under Subsection (d) may deny that the arrest"
            " occurred."
        ),
        "",
    ]
)

NEW_YORK = "\n".join(
    [
        "§ 440.99 Motion to vacate the judgment of a trafficked person.",
        "",
        (
            "1. At any time after the entry of a judgment, the court in which it was entered "
            "may, upon motion of the defendant, vacate such judgment upon the ground that the"
            " defendant's participation in the offense was a result of having been a victim "
            "of sex trafficking under section 230.34 of the penal law."
        ),
        "",
        (
            "2. A motion under this section, and all pertinent papers and documents, shall be"
            " confidential and may not be made available to any person or public or private "
            "entity except where specifically authorized by the court."
        ),
        "",
        (
            "3. If the court grants a motion under subdivision one of this section, it must "
            "vacate the judgment and dismiss the accusatory instrument."
        ),
        "",
        (
            "4. The clerk shall send a copy of an order under subdivision three of this "
            "section to each agency that holds a record of the judgment."
        ),
        "",
    ]
)


def _draft(text: str, state: str, code: str | None = None, **changes: str) -> Draft:
    from drafter.amend.today import today_tiers

    today = today_tiers(analyze(text, RUBRIC), load_profile(state), text)
    draft = today.draft(RUBRIC, jurisdiction=state)
    for cat, tier in changes.items():
        draft = draft.choose(cat, tier)
    if code:
        draft = draft.model_copy(update={"bill": draft.bill.model_copy(update={"code": code})})
    return draft


def test_texas_repeals_a_subsection_and_reletters_nothing() -> None:
    draft = _draft(TEXAS, "Texas", "Government Code", confidentiality="none")
    ab = build_amending_bill(TEXAS, draft, RUBRIC, LANGUAGE)
    assert [p.clause for p in ab.parts] == ["Section 411.0799(c), Government Code, is repealed."]
    assert ab.parts[0].restated == () and [r.label for r in ab.parts[0].repealed] == ["(c)"]
    # The gap stays: (d) and (e) keep their letters, and (e)'s reference to (d) stands.
    labels = [r.label for r in ab.amendment.provisions]
    assert labels == ["(a)", "(b)", "(c)", "(d)", "(e)"]
    assert not any(r.old_path for r in ab.amendment.provisions)
    e = ab.amendment.provision(("(e)",))
    assert e is not None and not e.changed and "Subsection (d)" in e.new_text
    assert not any("renumbered" in w.text for w in ab.warnings)
    # Akoma Ntoso records the repeal, and stays valid without a quoted structure.
    root = etree.fromstring(AMEND_FORMATS.get("xml").render(ab))  # type: ignore[arg-type]
    assert _schema().validate(root)
    mods = root.findall(".//{*}textualMod")
    assert [m.get("type") for m in mods] == ["repeal"]


def test_texas_repealer_follows_the_amendments() -> None:
    draft = _draft(
        TEXAS, "Texas", "Government Code", confidentiality="none", range_of_relief="vacatur"
    )
    ab = build_amending_bill(TEXAS, draft, RUBRIC, LANGUAGE)
    clauses = [p.clause for p in ab.parts]
    assert clauses[0].startswith("Section 411.0799, Government Code, is amended by amending")
    assert "(c)" not in clauses[0]
    assert clauses[-1] == "Section 411.0799(c), Government Code, is repealed."
    text = AMEND_FORMATS.get("txt").render(ab)
    assert "SECTION 2. Section 411.0799(c), Government Code, is repealed." in " ".join(text.split())
    # Texas's form adds nothing to the title for a repeal ("relating to" the subject).
    assert (
        ab.frame.title
        == build_amending_bill(
            TEXAS, draft.choose("confidentiality", None), RUBRIC, LANGUAGE
        ).frame.title
    )


def test_new_york_repeals_and_renumbers_in_one_section() -> None:
    draft = _draft(NEW_YORK, "New York", confidentiality="none")
    ab = build_amending_bill(NEW_YORK, draft, RUBRIC, LANGUAGE)
    first = ab.parts[0]
    assert first.clause == (
        "Subdivision 2 of section 440.99 of the criminal procedure law is REPEALED and "
        "subdivisions 3 and 4 are renumbered subdivisions 2 and 3."
    )
    assert first.restated == ()
    assert [r.old_label for r in first.moved] == ["3.", "4."]
    # The title says the bill repeals as well as amends (a title expresses the whole bill).
    assert ab.frame.title[-1].endswith(
        "; and to repeal certain provisions of such law relating thereto"
    )
    # Subdivision 4 also changes (its reference to subdivision three now says two): it is
    # amended under its new label, as renumbered by the first section.
    second = ab.parts[1]
    assert second.clause.startswith(
        "Subdivision 3 of section 440.99 of the criminal procedure law, as amended by "
    )
    assert second.clause.endswith(
        " and as renumbered by section one of this act, is amended to read as follows:"
    )
    four = second.restated[0]
    assert four.old_label == "4." and "subdivision two of this section" in four.new_text
    # Its new label as the first section left it, not marked again; the reference marked.
    assert four.pieces[0] == Piece("equal", "3.")
    assert ("delete", "three") in [(p.kind, p.text) for p in four.pieces]
    root = etree.fromstring(AMEND_FORMATS.get("xml").render(ab))  # type: ignore[arg-type]
    assert _schema().validate(root)
    types = [m.get("type") for m in root.findall(".//{*}textualMod")]
    assert types.count("repeal") == 1 and "renumbering" in types


def test_a_section_restated_whole_shows_the_renumbering_in_its_text() -> None:
    """Missouri repeals and reenacts the whole section: the new labels are marked in the
    restated text ("[3.] 2."), and no repeal section is added."""
    text = (
        "566.999. Relief for trafficked persons. — 1. A person who was a victim of human "
        "trafficking may apply to the court to vacate a conviction for an offense that was "
        "a result of having been a victim of human trafficking.\n\n"
        "2. A motion under this section, and all pertinent papers and documents, shall be "
        "confidential and may not be made available to any person except where specifically "
        "authorized by the court.\n\n"
        "3. If the court grants a motion under subsection 1 of this section, the court shall "
        "vacate the conviction.\n"
    )
    draft = _draft(text, "Missouri", confidentiality="none")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    assert len(ab.parts) == 1 and not ab.parts[0].repealed
    three = next(r for r in ab.amendment.provisions if r.old_label == "3.")
    assert three.label == "2." and three.pieces[0].text == "3." and three.pieces[1].text == "2."


def test_new_york_subparagraph_struck_inside_a_restated_paragraph_is_no_repeal() -> None:
    """CPL 440.10(1)(i)(ii) struck: paragraph (i) is restated whole with its items
    renumbered in it; no repeal section, and the clause says nothing of renumbering."""
    from shared_data import require_shared

    text = (require_shared() / "atlas/statutes/NY-CPL-440.10.txt").read_text(encoding="utf-8")
    draft = _draft(text, "New York", confidentiality="none")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    assert [p.clause for p in ab.parts] == [
        "Paragraph (i) of subdivision 1 of section 440.10 of the criminal procedure law, as "
        "amended by chapter 629 of the laws of 2021, is amended to read as follows:"
    ]
    assert any(r.old_path and r.label == "(ii)" for r in ab.parts[0].restated)


def test_closing_sections_point_at_the_act_when_two_sections_amend() -> None:
    """New York amends paragraph (i) in one bill section and adds subdivision 10 in
    another: the applicability section says "as amended by this act", not "by section
    one of this act" (which would leave out the new subdivision)."""
    from shared_data import require_shared

    text = (require_shared() / "atlas/statutes/NY-CPL-440.10.txt").read_text(encoding="utf-8")
    draft = _draft(text, "New York", confidentiality="none", burden_of_proof="preponderance")
    ab = build_amending_bill(text, draft, RUBRIC, LANGUAGE)
    assert len(ab.parts) == 2
    applies = next(s.text for s in ab.frame.sections if "shall apply" in s.text)
    assert "as amended by this act" in applies and "section one" not in applies


def test_the_redline_shows_the_repeal_and_the_new_words_file_petitions() -> None:
    from drafter.redline import aligned

    draft = _draft(
        TEXAS, "Texas", "Government Code", confidentiality="none", range_of_relief="vacatur"
    )
    ab = build_amending_bill(TEXAS, draft, RUBRIC, LANGUAGE)
    red = aligned(ab)
    said = [text for kind, text in red.before if kind == "bill_section"]
    assert said[-1] == "SECTION 2. Section 411.0799(c), Government Code, is repealed."
    assert red.after[0].startswith("SECTION 3. ")
    from drafter.render.redline import redline_text

    # No space opens before the comma that follows the struck words.
    assert "record information], but" in " ".join(redline_text(red).split())
    # The section files petitions: so do the new words, and the definition of movant.
    new = " ".join(r.new_text for r in ab.amendment.provisions if r.changed)
    assert "grants a petition" in new and "files a petition" in new and "motion" not in new


def test_a_repealed_unit_is_warned_of_as_repealed_a_struck_one_as_struck() -> None:
    """The warning about outside references uses the bill's own verb: Texas repeals
    (c) in a section of its own; Missouri restates the section with (c) struck."""
    texas = _draft(TEXAS, "Texas", "Government Code", confidentiality="none")
    said = [
        w.text
        for w in build_amending_bill(TEXAS, texas, RUBRIC, LANGUAGE).warnings
        if w.kind == "outside_reference"
    ]
    assert said and all("is repealed: check the code" in t for t in said), said
    missouri = _draft(
        TEXAS.replace("Sec. 411.0799.", "610.999."), "Missouri", confidentiality="none"
    )
    said = [
        w.text
        for w in build_amending_bill(TEXAS, missouri, RUBRIC, LANGUAGE).warnings
        if w.kind == "outside_reference"
    ]
    assert any(t.startswith("subsection (c)") and "is struck: check" in t for t in said), said
