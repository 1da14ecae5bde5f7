"""Reading by provision: labels, headings, history notes, commentary, sentence roles, offsets."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from drafter.reader import signals_for
from drafter.reader.layout import Layout, LayoutRules, Sentence
from drafter.reader.segment import segment
from drafter.reader.text import (
    _ONE_FOR_ONE,
    SentenceEnds,
    _edits,
    _period_continues,
    continuing_after_blanks,
    continuing_periods,
)
from drafter.rubric import load_rubric

RULES = signals_for(load_rubric()).layout
assert RULES is not None
CORPUS = ROOT / "tests" / "corpus"


def layout(text: str) -> Layout:
    return segment(text, RULES)  # type: ignore[arg-type]


def roles(text: str) -> list[tuple[str, str, str]]:
    """(role, provision label, sentence) for every sentence."""
    lay = layout(text)
    return [
        (s.role, lay.provisions[s.provision].label.strip(), text[s.start : s.end])
        for s in lay.sentences
    ]


STATUTE = """\
Sec. 7-101. Motion to vacate convictions of trafficking victims.

(a) Definitions. In this section, "victim" means a person subjected to trafficking.
(b) A victim may move to vacate a conviction.(c) The court shall hold a hearing; or\
(d) The court may grant the motion.
  (1) The movant shall serve the prosecutor.
  (2) [Deleted by 2020 amendment.]

History: Laws 2019, ch. 12, § 3.

Annotations
A court held that this section applies. State v. Doe, 1 N.W.2d 2 (2020).
"""


def test_labels_nest_and_run_in_labels_split() -> None:
    got = roles(STATUTE)
    labels = [label for _, label, _ in got]
    assert labels[0] == "7-101"
    assert "7-101 (a)" in labels and "7-101 (b)" in labels and "7-101 (c)" in labels
    assert "7-101 (d)(1)" in labels and "7-101 (d)(2)" in labels


def test_roles_of_headings_history_commentary_and_pointers() -> None:
    got = {sentence: role for role, _, sentence in roles(STATUTE)}
    assert got["Sec. 7-101. Motion to vacate convictions of trafficking victims."] == "heading"
    assert got["Definitions."] == "heading"  # a run-in heading
    assert got['In this section, "victim" means a person subjected to trafficking.'] == (
        "definition"
    )
    assert got["A victim may move to vacate a conviction."] == "operative"
    assert got["[Deleted by 2020 amendment.]"] == "reference"
    assert got["History: Laws 2019, ch. 12, § 3."] == "history"
    held = [role for sentence, role in got.items() if "A court held" in sentence]
    assert held == ["commentary"]


def test_hard_wrapped_titles_and_bodies_hang_together() -> None:
    text = (CORPUS / "R01-hardwrapped-texas-style.txt").read_text(encoding="utf-8")
    got = roles(text)
    assert got[0][0] == "heading" and got[0][2].startswith("Sec. 56A.351.")
    assert got[0][2].endswith("OF PERSONS.")
    # A sentence wrapped over three lines is one sentence, in provision (b).
    b = [s for role, label, s in got if label.endswith("(b)")]
    assert len(b) == 1 and b[0].startswith("A person convicted") and b[0].endswith("persons.")


def test_evidence_text_blanks_only_what_is_not_evidence() -> None:
    lay = layout(STATUTE)
    shown = lay.evidence_text()
    assert len(shown) == len(STATUTE)
    assert "Motion to vacate" not in shown and "Laws 2019" not in shown
    assert "State v. Doe" not in shown
    assert "A victim may move to vacate a conviction." in shown
    assert shown.count("\n") == STATUTE.count("\n")


_PIECES = st.sampled_from(
    [
        "(a) ",
        "(1) ",
        "A. ",
        "12. ",
        "Sec. 4. ",
        "§ 9-1. Title.",
        "The court shall vacate the conviction. ",
        "History: Laws 2001, ch. 3. ",
        "Annotations ",
        "[Repealed.] ",
        '"Term" means a thing. ',
        "\n",
        "\n\n",
        "; or",
        ".(2) ",
        " — 1. ",
        "U.S.C. 1591. ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_sentences_are_ordered_and_inside_the_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    lay = layout(text)
    last = 0
    for s in lay.sentences:
        assert last <= s.start < s.end <= len(text)
        assert text[s.start : s.end].strip()
        assert 0 <= s.provision < max(1, len(lay.provisions))
        last = s.end
    assert len(lay.evidence_text()) == len(text)


def test_a_definition_wrapped_or_spaced_is_still_a_definition() -> None:
    # The provisions patterns read the original text: a space in one stands for any
    # run of whitespace, so a term broken from its "means" by a line is still defined.
    text = '(a) "Prior  record"\n   means the list of a person\'s convictions.\n'
    layout = segment(text, RULES)  # type: ignore[arg-type]
    assert [s.role for s in layout.sentences] == ["definition"]


def test_a_divider_opens_the_related_section_after_it() -> None:
    text = (
        "§ 4-1. Vacatur. (a) A victim may move to vacate a conviction.\n\n"
        "[ 2020 c 4 s 1.]\n\n--- related: § 4-9 ---\n\n"
        'Code § 4-9 — Definitions. [current text]\n\n(1) "Victim" means a person trafficked.\n'
    )
    layout = segment(text, RULES)  # type: ignore[arg-type]
    labels = [layout.provisions[s.provision].label.strip() for s in layout.sentences]
    roles = [s.role for s in layout.sentences]
    assert roles[-3:] == ["heading", "heading", "definition"]
    assert labels[-1] == "4-9 (1)"


def test_a_sec_line_below_a_catchline_opens_its_section() -> None:
    # A code prints its catchline on a line of its own (no period), then "Sec. 11. (a)":
    # the section number is the section's, and (a) its first subsection.
    text = (
        "Relief for Exploited Children; Notice\n\n"
        'Sec. 11. (a) As used in this section, "exploited child" means a child who was '
        "trafficked.\n\n(b) The court shall vacate the adjudication.\n\n"
        "As added by P.L.9-2019, SEC.2.\n"
    )
    assert roles(text) == [
        ("heading", "", "Relief for Exploited Children; Notice"),
        ("heading", "11", "Sec. 11."),
        ("definition", "11 (a)", text[text.index("As used") : text.index("trafficked.") + 11]),
        ("operative", "11 (b)", "The court shall vacate the adjudication."),
        ("history", "11 (b)", "As added by P.L.9-2019, SEC.2."),
    ]


def test_a_cited_title_lines_catchline_is_a_heading_whatever_its_verbs() -> None:
    # Compilations print "Code § N — Catchline": a catchline that runs as a clause
    # ("... when person charged or convicted was a victim ...") is still the name.
    text = (
        "Ex. Rev. Stat. § 52.160 — Relief when person charged was a victim — Motion.\n\n"
        "(1) A person convicted of prostitution may move to vacate the conviction.\n"
    )
    assert roles(text) == [
        ("heading", "52.160", text.split("\n")[0]),
        (
            "operative",
            "52.160 (1)",
            "A person convicted of prostitution may move to vacate the conviction.",
        ),
    ]
    # without the citation and dash, a line with a verb is not taken for a title
    plain = "Relief when person charged was a victim.\n\n(1) A person may move to vacate.\n"
    assert roles(plain)[0][0] == "operative"


def test_a_section_a_bill_enacts_opens_on_the_line_after_its_instruction() -> None:
    # A bill's "Section N is enacted to read:" runs straight into the section it
    # enacts ("N. Catchline", no blank line): the catchline is the section's name
    # (quoted as evidence it would read a vacatur from a heading), its body the law.
    text = (
        "Section 2. Section 12-4-210 is enacted to read:\n"
        "12-4-210. Motion to vacate prostitution convictions of trafficking\n"
        "victims.\n"
        "(1) A person may move to vacate a conviction.\n"
    )
    got = roles(text)
    assert got[-2:] == [
        (
            "heading",
            "12-4-210",
            "12-4-210. Motion to vacate prostitution convictions of trafficking\nvictims.",
        ),
        ("operative", "12-4-210 (1)", "A person may move to vacate a conviction."),
    ]
    # a list of sections after a colon is no new title ("under sections:" / "28-801.01, ...")
    listed = "(a) A conviction under the following sections:\n28-801.01, 28-802 and 28-804.\n"
    assert [r[:2] for r in roles(listed)] == [("operative", "(a)")]


def test_a_codes_article_title_opens_its_section_like_a_section_sign() -> None:
    # "Art. 855.1." over a catchline without a period, then the body after a blank
    # line: the catchline is the article's name, the body its law.
    text = (
        "Art. 412.3. New trial for a conviction of a victim of trafficking\n\n"
        "A motion for a new trial may be filed at any time.\n"
    )
    assert roles(text) == [
        ("heading", "412.3", "Art. 412.3. New trial for a conviction of a victim of trafficking"),
        ("operative", "412.3", "A motion for a new trial may be filed at any time."),
    ]
    cited = (
        "La. Code Crim. Proc. art. 412.3 — New trial when defendant was a victim\n\n"
        "A. The court may grant it.\n"
    )
    assert [r[:2] for r in roles(cited)] == [("heading", "412.3"), ("operative", "412.3 A.")]


def test_a_verbless_subsection_over_its_own_paragraphs_is_its_heading() -> None:
    text = (
        "§ 9. Relief.\n\n(c) Motion to vacate conviction; sealing of records.\n\n"
        "(1) A person may move to seal the records.\n\n"
        "(d) The following offenses:\n(1) Prostitution.\n(2) Loitering.\n"
    )
    got = {sentence: role for role, _, sentence in roles(text)}
    assert got["Motion to vacate conviction; sealing of records."] == "heading"
    assert got["A person may move to seal the records."] == "operative"
    # a lead-in, and the items of its list, are law
    assert got["The following offenses:"] == "operative"
    assert got["Prostitution."] == "operative" and got["Loitering."] == "operative"


def test_a_bills_front_matter_through_its_enacting_clause_is_not_law() -> None:
    text = (
        "A BILL FOR\nAn Act relating to relief for victims of human trafficking.\n"
        "BE IT ENACTED BY THE GENERAL ASSEMBLY:\n"
        "Section 1. A person may move to vacate a conviction.\n"
    )
    got = {sentence: role for role, _, sentence in roles(text)}
    assert [r for s, r in got.items() if "victims of human trafficking" in s] == ["heading"]
    assert got["A person may move to vacate a conviction."] == "operative"
    # without an enacting clause, a text's first sentences are as they read
    body = "An Act of this State may vacate a conviction.\n"
    assert roles(body)[0][0] == "operative"


def test_federal_labels_nest_below_the_letters_they_look_like() -> None:
    """(a)(1)(A)(i)(I)(aa): a roman capital and a doubled letter are levels of their own."""
    text = (
        "Sec. 3. Relief.\n"
        "(a) A person may move.\n"
        "(1) The motion shall state:\n"
        "(A) the offense;\n"
        "(i) its date;\n"
        "(I) the court;\n"
        "(aa) the county;\n"
        "(bb) the number;\n"
        "(II) the sentence;\n"
        "(ii) its place.\n"
        "(B) the plea.\n"
        "(H) the eighth.\n"
        "(I) the ninth, a letter after (H).\n"
        "(b) The court may grant it.\n"
    )
    lay = layout(text)
    labels = [p.label.strip() for p in lay.provisions]
    assert labels[1:] == [
        "3 (a)",
        "3 (a)(1)",
        "3 (a)(1)(A)",
        "3 (a)(1)(A)(i)",
        "3 (a)(1)(A)(i)(I)",
        "3 (a)(1)(A)(i)(I)(aa)",
        "3 (a)(1)(A)(i)(I)(bb)",
        "3 (a)(1)(A)(i)(II)",
        "3 (a)(1)(A)(ii)",
        "3 (a)(1)(B)",
        "3 (a)(1)(H)",
        "3 (a)(1)(I)",
        "3 (b)",
    ]


_WORDS = st.sampled_from(
    ["sec", "SEC", "Sec", "sTat", "rsmo", "s", "ss", "S", "a", "U", "9", "96", "_", "court",
     "offenses", "\u017fec", "\ufb05", "K", "\u00e9", "x\u00e9c", "\u00b2", "§"]
)  # fmt: skip
_AFTER = st.sampled_from([". ", ".", " ", ".\n", "", "\u00a0", ".\u2003", ". 1", "..", "-"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(_WORDS, _AFTER).map("".join), max_size=12).map("".join))
def test_the_periods_found_in_one_pass_are_those_that_do_not_end_a_sentence(text: str) -> None:
    """continuing_periods (one regex pass, then the check on what it finds) is
    _period_continues asked of every period: abbreviations in any case, dotted
    initials, numbers, Florida's "s. 119", letters outside ASCII that casefold."""
    want = {i for i, c in enumerate(text) if c == "." and _period_continues(text, i)}
    assert continuing_periods(text) == want


_ENDS = st.sampled_from(
    [
        "The court",
        " shall",
        ".",
        "?",
        "!",
        '"',
        "”",
        "'",
        ")",
        "]",
        " ",
        "\n",
        "U.S.C.",
        "9.96",
        "x",
        "sec",
        "Stat",
        "s",
        "\u017fec",
        "\u00e9",
        "e.g",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_ENDS, max_size=30).map("".join))
def test_sentence_ends_found_in_two_passes_are_those_of_one(text: str) -> None:
    """SentenceEnds finds the ends at a period and at "?" or "!" in passes of their
    own, and the periods that continue with the first: the same as one pass for any
    of the three, less the periods continuing_periods finds."""
    stops = SentenceEnds(text)
    assert stops.continuing == continuing_periods(text)
    want = [
        m.span()
        for m in re.finditer(r"[.?!][\"”'\])]*(?=\s)", text)
        if text[m.start()] != "." or m.start() not in stops.continuing
    ]
    assert list(zip(stops.starts, stops.ends, strict=True)) == want


_DEFINING = st.sampled_from(
    ["Victim", "victim's", "of", "human-trafficking", "’s", " ", "  ", "\n", "means", "MEANS",
     "also", "includes", "has the same meaning", "has", "the", "meaning", ",", "x"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(_DEFINING, max_size=16).map("".join))
def test_a_definitions_words_taken_whole_match_as_when_given_back(text: str) -> None:
    """The signals' definition of "X means" takes each word whole ("++"): a space must
    follow a word, so it matches exactly what the pattern that gives letters back does."""
    definition = load_signals_layout().definition
    assert definition is not None and "++" in definition.pattern
    retrying = re.compile(definition.pattern.replace("++", "+"), definition.flags)
    for start in range(len(text) + 1):
        got, want = definition.match(text, start), retrying.match(text, start)
        assert (got and got.span()) == (want and want.span())


def load_signals_layout() -> LayoutRules:
    rules = signals_for(load_rubric()).layout
    assert rules is not None
    return rules


_NEAR_PERIODS = st.sampled_from(
    ["(a) ", "Sec. 4. ", "U.S.C. 1591. ", "s. 775.082 ", "9.96.080", "The court shall vacate.",
     " ", "\n", "\n\n", "etc.", "x\u00e9c. ", "History: Laws 2001, ch. 3. ", "A. ", '"T." ',
     "s. 7", "e.g. ", "U.", "S. ", "sec. ", "No. 5. "]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(_NEAR_PERIODS, max_size=30).map("".join),
    st.lists(st.tuples(st.integers(0, 400), st.integers(1, 30)), max_size=6),
)
def test_periods_after_blanking_are_those_found_afresh(
    text: str, stretches: list[tuple[int, int]]
) -> None:
    """The continuing periods of a text with stretches blanked (as evidence_text
    blanks a sentence), worked out from the whole text's (continuing_after_blanks),
    are those a fresh pass finds."""
    lay = layout(text)
    assert lay.continuing == continuing_periods(text)
    gone: list[Sentence] = []
    for at, length in sorted(stretches):
        start = max(at, gone[-1].end if gone else 0)
        if start < min(start + length, len(text)):
            gone.append(Sentence(start, min(start + length, len(text)), 0, "heading"))
    blanked = Layout(text, (), tuple(gone)).evidence_text(frozenset())
    blanks = [(s.start, s.end) for s in gone]
    assert continuing_after_blanks(blanked, lay.continuing, blanks) == continuing_periods(blanked)


_HYPHENATED = st.sampled_from(
    ["vic", "tim", "-", "\u2010", "\u00ad", "\n", "\r\n", " ", "\t", "  ", "\u2014", "“", "x"]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_HYPHENATED, max_size=24).map("".join))
@example("vic-\ntim vic\u2010 \r\n tim vic\u00ad\ntim\u2014“x”")
def test_hyphen_breaks_found_one_hyphen_at_a_time_are_those_of_one_pass(text: str) -> None:
    """Normalizing finds a word hyphenated across lines with one pattern per hyphen
    (each opens on a literal): the same breaks one pattern for all three finds;
    and the curly quotes and dashes replaced first change nothing."""
    one = re.compile(r"[-\u2010\u00ad][ \t]*\r?\n\s*")
    want = [
        (m.start(), m.end(), "")
        for m in one.finditer(text)
        if m.start() > 0
        and m.end() < len(text)
        and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
        and (text[m.end()].isalnum() or text[m.end()] == "_")
    ]
    got = [e for e in _edits(text, text) if e[2] == "" and "\n" in text[e[0] : e[1]]]
    assert got == want
    forward = backward = text
    for old, new in _ONE_FOR_ONE:
        forward = forward.replace(old, new)
    for old, new in reversed(_ONE_FOR_ONE):
        backward = backward.replace(old, new)
    assert forward == backward


# The run-in label pattern as it was before its lookahead for a label's first character.
_RUN_IN_BEFORE = re.compile(
    r"[.;:—–](?:(?<=[.;:])\s*(?:(?:or|and)\s*)?(?=\()|(?<=[.;:])\s+(?:(?:or|and)\s+)?|(?<=[—–])\s*)"
    r"((?:\((?:[a-z]{1,4}|[A-Z]{1,4}|\d{1,3}[a-z]?)\))+|\d{1,3}\.(?=\s))"
    r"(?=\s*[\"“A-Z\[(])"
)
_RUN_IN_PIECES = st.sampled_from(
    [*'.;:—–() \n"[', "a", "A", "ii", "1", "12", "or", "and", "The", "(b)", "2.", " 3. ", "٣"]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_RUN_IN_PIECES, max_size=24).map("".join), st.integers(0, 30), st.integers(0, 40))
@example("offense. 2. A person; or (b) The", 0, 40)
def test_run_in_labels_are_found_where_they_were(text: str, start: int, stop: int) -> None:
    """The lookahead that turns periods before a word away finds every run-in label
    the pattern found without it, in any stretch of text (a block's bounds)."""
    from drafter.reader.segment import _LABEL_RUN_IN

    def found(p: re.Pattern[str]) -> list[tuple[int, int, int, int]]:
        return [(*m.span(), *m.span(1)) for m in p.finditer(text, start, stop)]

    assert found(_LABEL_RUN_IN) == found(_RUN_IN_BEFORE)
