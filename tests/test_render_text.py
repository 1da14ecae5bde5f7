"""Plain-text export: labels per ladder, resolved references, wrapping, the rubric note."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from drafter.bill import Bill, BillSection, Node, StatuteSection
from drafter.jurisdiction import load_profile
from drafter.render.layout import layout
from drafter.render.text import render_text
from drafter.scoring import Standing
from render_fixtures import bills, sample_bill

PROFILES = ["missouri", "texas", "new-york", "generic"]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", PROFILES)
def test_sample_bill_renders_every_part(name: str) -> None:
    bill = sample_bill(name=name)
    out = render_text(bill)
    flat = _flat(out)
    assert "{ref:" not in out
    assert _flat(bill.enacting_clause) in flat
    for line in bill.title:
        assert _flat(line) in flat
    for block in layout(bill):
        assert _flat(block.text) in flat
    assert "Prepared with drafter; scored against Polaris 2019 (polaris-2019): 97 / 100, A." in flat
    assert "[TRAFFICKING_STATUTE]" in out


def test_missouri_layout() -> None:
    out = render_text(sample_bill(name="missouri"))
    lines = out.splitlines()
    assert "Section A. Chapter 610, RSMo, is amended by adding thereto" in out
    # Subsection 1 sits on the section's heading line.
    assert any(line.startswith("610.132. 1. As used") for line in lines)
    assert "\n2. A person arrested" in out
    assert "\n    (1) be in writing" in out
    assert "\n        (a) seal the record" in out
    flat = _flat(out)
    assert "subdivision (2) of subsection 1 of this section" in flat
    assert "paragraph (a) of subdivision (2) of subsection 9 of this section" in flat
    assert "Section B. This act applies" in out


def test_texas_layout() -> None:
    out = render_text(sample_bill(name="texas"))
    assert out.startswith("A BILL TO BE ENTITLED\nAN ACT\nrelating to criminal record relief")
    # Subsection (a) on the heading line.
    heading = "Art. 55A.0101. VACATUR FOR SURVIVORS OF HUMAN TRAFFICKING."
    assert f"\n{heading} (a) In this\narticle:" in out
    assert "as defined in Subsection (a)(2)." in _flat(out)
    assert "SECTION 3. This Act takes effect September 1, 2027." in out


def test_new_york_section_labels() -> None:
    out = render_text(sample_bill(name="new-york"))
    assert "\nSection 1. The criminal procedure law is amended" in out
    assert "\n§ 2. This act applies" in out
    assert "\n§ 3. This act shall take effect immediately." in out
    assert "\n§ 440.65 Vacatur for survivors of human trafficking.\n" in out


def test_generic_prints_subdivision_headings_and_severability() -> None:
    out = render_text(sample_bill(name="generic"))
    assert "\n(b) Motion to vacate. A person arrested" in out
    assert "SECTION 3. If any provision of this Act" in out
    # Missouri's statutes carry no subsection headings, so none print there.
    assert "Motion to vacate" not in render_text(sample_bill(name="missouri"))


def test_hanging_indent_and_width() -> None:
    out = render_text(sample_bill(name="generic"), width=60)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 60
    start = lines.index(next(line for line in lines if line.startswith("(b) Motion")))
    # Continuation lines hang under the text, not under the label.
    assert lines[start + 1].startswith("    ") and not lines[start + 1].startswith("     ")


def _one_section(style_name: str, body: tuple[Node, ...]) -> Bill:
    base = sample_bill(name=style_name)
    return Bill(
        jurisdiction=base.jurisdiction,
        country=base.country,
        style=base.style,
        title=("AN ACT",),
        enacting_clause="Enacted:",
        sections=(BillSection("enact", "Adds:", StatuteSection("1.01", "Relief", body)),),
        rubric_id="polaris-2019",
        rubric_title="Polaris 2019",
        score=Standing(10, 100, "F", True, False),
    )


def test_no_lone_subdivision() -> None:
    body = (Node("only", "The court shall:", children=(Node("only.x", "vacate the record."),)),)
    out = render_text(_one_section("generic", body))
    # One subsection, one paragraph: neither gets a label.
    assert "(a)" not in out and "(1)" not in out
    assert "\nThe court shall:\n    vacate the record.\n" in out


def test_missouri_ladder_four_levels() -> None:
    leaf = (Node("l1", "leaf one"), Node("l2", "leaf two"))
    mid = (Node("m1", "mid", children=leaf), Node("m2", "mid two"))
    top = (Node("t1", "top", children=mid), Node("t2", "top two"))
    body = (Node("s1", "sub", children=top), Node("s2", "sub two {ref:l2}"))
    out = render_text(_one_section("missouri", body))
    assert "1.01. 1. sub\n" in out
    assert "\n    (1) top\n" in out
    assert "\n        (a) mid\n" in out
    assert "\n            a. leaf one\n" in out
    assert (
        "sub two subparagraph b of paragraph (a) of subdivision (1) of subsection 1 of this section"
        in _flat(out)
    )


def test_long_word_is_kept_whole() -> None:
    word = "https://example.org/" + "x" * 90
    body = (Node("a", f"See {word} for more."), Node("b", "Short."))
    out = render_text(_one_section("generic", body))
    assert word in out.split()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bills())
def test_property_text_resolves_every_reference_and_keeps_every_word(bill: Bill) -> None:
    out = render_text(bill)
    assert "{ref:" not in out
    flat = _flat(out)
    for block in layout(bill):
        assert _flat(block.text) in flat
    for line in out.splitlines():
        # Only a word longer than the measure may run past the width.
        assert len(line) <= 72 or " " not in line.strip(), line


def test_profile_style_is_what_the_bill_carries() -> None:
    assert sample_bill(name="missouri").style == load_profile("missouri").style()
