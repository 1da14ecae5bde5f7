"""The signals file's schema: exclusions, yields_to, negation, and its checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, write
from drafter.errors import UserError
from drafter.reader import Scanner, analyze, load_signals, normalize, normalize_fast, read_tiers
from drafter.rubric import load_rubric

RUBRIC = load_rubric()
SHIPPED = (ROOT / "rubric" / "polaris-2019.signals.yaml").read_text(encoding="utf-8")


def variant(tmp_path: Path, old: str, new: str) -> Path:
    assert old in SHIPPED
    return write(tmp_path, "signals.yaml", SHIPPED.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("yields_to: [vacatur_on_merits]", "yields_to: [merits]", "yields to 'merits'"),
        (
            "      yields_to: [comprehensive]",
            "      yields_to: [comprehensive]\n    none2: {absent: true}",
            "only one tier can be read by absence",
        ),
        ("- '\\bclear and convincing\\b'", "- '\\bClear and convincing\\b'", "capital 'C'"),
        ("- '\\bclear and convincing\\b'", "- '\\bclear and (convincing'", "bad regular"),
        # silence reads as one tier or weighs several, never both, and only this category's
        (
            "      reads: all_offenses",
            "      reads: all_offenses\n      ambiguous: [a, b]",
            "not both",
        ),
        ("      reads: all_offenses", "      reads: every_offense", "unknown tier 'every_offense'"),
    ],
)
def test_bad_signals_are_file_line_errors(tmp_path: Path, old: str, new: str, message) -> None:
    with pytest.raises(UserError, match=message) as err:
        load_signals(RUBRIC, variant(tmp_path, old, new))
    assert err.value.line is not None


def test_a_yields_to_cycle_is_refused(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        "    vacatur_on_merits:\n      describe:",
        "    vacatur_on_merits:\n      yields_to: [vacatur]\n      describe:",
    )
    with pytest.raises(UserError, match="round in a circle"):
        load_signals(RUBRIC, path)


def test_normalize_maps_every_character_back() -> None:
    text = "Sec.  5.\n  A vic-\n   tim of traf\u00adficking \u2014 see 18 U.S.C. §§ 1591\u20131592."
    norm = normalize(text)
    assert norm.text == normalize_fast(text)
    assert "a victim of trafficking - see 18 u·s·c· sections 1591-1592." in norm.text
    for word in ("victim", "trafficking", "sections"):
        i = norm.text.index(word)
        span = norm.span(i, i + len(word))
        assert span.text == text[span.start : span.end]
        assert span.text.replace("-\n   ", "").replace("\u00ad", "").lower() in (
            word,
            "§§",
        )
    assert len(norm.offsets) == len(norm.text)


def test_negation_is_clause_bound() -> None:
    signals = load_signals(RUBRIC)
    hearing = signals.tier("hearing_requirement", "always_in_person")
    assert hearing is not None
    said = normalize_fast("The court shall hold a hearing on every motion.")
    denied = normalize_fast("The court shall not hold a hearing on any motion.")
    other = normalize_fast("It is not a crime, and the court shall hold a hearing.")
    assert hearing.search(said) is not None
    assert hearing.search(denied) is None
    assert hearing.search(other) is not None


def test_read_tiers_on_the_model_language_shape() -> None:
    signals = load_signals(RUBRIC)
    norm = normalize_fast(
        "The court shall vacate the conviction as invalid due to a substantive legal defect."
    )
    read = read_tiers(signals, norm)
    assert read["range_of_relief"] == ["vacatur_on_merits"]
    assert Scanner(norm).norm == norm


def test_own_sentence_keeps_a_remedys_offenses_from_other_provisions(tmp_path: Path) -> None:
    """A remedy sentence that names its offenses by section number decides them:
    a general law's classes of offenses elsewhere do not widen it, unless the
    pattern is left to the whole text."""
    remedy = (
        "(1) A person who is convicted of a violation of section 40, 41, or 42 may apply to "
        "have that conviction set aside if the offense was committed as a direct result of "
        "being a victim of human trafficking.\n\n(2) An application under this act to set "
        "aside a felony conviction, or any other misdemeanor conviction, shall be filed in "
        "the convicting court.\n"
    )
    f = analyze(remedy, RUBRIC).finding("offenses_covered")
    assert (f.tier, f.confidence) == ("prostitution_or_sex", "clear")
    widened = load_signals(RUBRIC, variant(tmp_path, "          own_sentence: true\n", ""))
    assert analyze(remedy, RUBRIC, widened).finding("offenses_covered").tier is None
    # A wider tier shown only elsewhere is weighed against the sentence, not obeyed.
    elsewhere = remedy.replace("a felony conviction, or ", "")
    g = analyze(elsewhere, RUBRIC).finding("offenses_covered")
    assert (g.tier, g.confidence) == ("prostitution_or_sex", "ambiguous")
    assert set(g.candidates) == {"prostitution_or_sex", "all_misdemeanors"}
