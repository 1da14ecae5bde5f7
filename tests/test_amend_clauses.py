"""Where a sentence is cut: what is left reads as a sentence, and kept words that point
back ("such person") still have something to point at. Texts are our own."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.amend.antecedents import restore_antecedents
from drafter.amend.clauses import leaves_a_sentence, strike_spans
from drafter.amend.model import Piece, Restated

Span = tuple[int, int]


def _at(text: str, words: str) -> Span:
    start = text.index(words)
    return (start, start + len(words))


def _left(text: str, spans: list[Span]) -> str:
    out, pos = [], 0
    for s, e in sorted(spans):
        out.append(text[pos:s])
        pos = e
    out.append(text[pos:])
    return re.sub(r" (?=[,.;])", "", " ".join(" ".join(out).split()))


def _cut(text: str, changed: list[str], unchanged: list[str]) -> str:
    spans = strike_spans(
        text,
        (0, len(text)),
        [_at(text, w) for w in changed],
        [_at(text, w) for w in unchanged],
        words=False,
    )
    return _left(text, spans)


def test_a_clause_of_time_goes_and_the_relative_clause_after_it_stays() -> None:
    """The relative clause runs on into the sentence's verb ("A person who is a survivor
    may ask ..."): striking it would leave "A person who offense was done". Only the
    clause of time that carries the change goes."""
    text = (
        "A person who is a survivor may ask the court to clear a record of an offense "
        "committed while the person was held by a trafficker, which offense was done at "
        "the trafficker's order, without regard to the outcome of the case."
    )
    left = _cut(text, ["while the person was held"], ["without regard to the outcome"])
    assert left == (
        "A person who is a survivor may ask the court to clear a record of an offense "
        "committed, which offense was done at the trafficker's order, without regard to "
        "the outcome of the case."
    )


def test_a_noun_the_sentence_is_about_is_not_struck_alone() -> None:
    """Striking "E or F felony ..." out of "a class D, E or F felony ..." would leave
    "a class D, the survivor may apply": the words stay (the new ones follow)."""
    text = (
        "After a judgment for any misdemeanor or a class D, E or F felony carrying a term "
        "of up to five years, the survivor may apply to the court to clear it."
    )
    left = _cut(text, ["E or F felony carrying a term of up to five years"], ["After a judgment"])
    assert left == " ".join(text.split())


def test_a_standard_of_proof_goes_as_a_phrase() -> None:
    text = (
        "If the judge finds that the survivor has shown by clear proof that the act came "
        "from the trafficking, the judge shall clear the record."
    )
    left = _cut(text, ["clear proof"], ["shall clear the record"])
    assert left == (
        "If the judge finds that the survivor has shown that the act came from the "
        "trafficking, the judge shall clear the record."
    )


def test_a_struck_opening_must_leave_a_sentence_that_starts() -> None:
    """Striking "At any time after the judgment," would leave "the court that entered it
    may ...", whose "it" has lost the judgment: nothing is struck."""
    text = "At any time after the judgment, the court that entered it may clear the record."
    assert _cut(text, ["At any time"], ["clear the record"]) == text


def test_a_relative_word_after_a_preposition_keeps_its_clause() -> None:
    text = (
        "A survivor convicted of any offense, except offenses for which a defense of duress "
        "is not open and that were done while the survivor was held, may ask the court."
    )
    left = _cut(text, ["a defense of duress is not open"], ["may ask the court"])
    assert "for which may" not in left and "which may ask" not in left


def test_an_interrupter_goes_with_its_commas() -> None:
    text = "The court may, in its discretion, clear the record of the offense."
    assert _cut(text, ["in its discretion"], ["clear the record"]) == (
        "The court may clear the record of the offense."
    )


#: Sentences of our own, in the shapes the statutes use.
_SENTENCES = [
    "A person who at the time of the offense was a minor, and has been convicted of "
    "loitering, may apply to the court for an order to seal all records of the arrest.",
    "If the court finds that the survivor acted under duress or was acting for a "
    "trafficker, the court shall vacate the judgment, in its discretion, and may seal it.",
    "A petition under this section must be filed within a reasonable time after the "
    "survivor is safe, but not before the first anniversary of the arrest.",
    "The court in which it was entered may, upon motion of the survivor, vacate the "
    "judgment upon the ground that the survivor was trafficked.",
]


@st.composite
def _cases(draw: st.DrawFn) -> tuple[str, list[Span], list[Span]]:
    text = draw(st.sampled_from(_SENTENCES))
    # (words without their punctuation, as the reader quotes them)
    words = [(m.start(), m.end()) for m in re.finditer(r"\w[\w'’-]*", text)]

    def run() -> st.SearchStrategy[Span]:
        return st.integers(0, len(words) - 1).flatmap(
            lambda i: st.integers(i, min(i + 6, len(words) - 1)).map(
                lambda j: (words[i][0], words[j][1])
            )
        )

    changed = draw(st.lists(run(), min_size=1, max_size=2))
    unchanged = [
        s
        for s in draw(st.lists(run(), min_size=1, max_size=2))
        if not any(a < s[1] and s[0] < b for a, b in changed)
    ]
    return text, changed, unchanged


@settings(max_examples=200, deadline=None)
@given(_cases())
def test_cuts_keep_the_other_words_and_leave_a_sentence(
    case: tuple[str, list[Span], list[Span]],
) -> None:
    text, changed, unchanged = case
    spans = strike_spans(text, (0, len(text)), changed, unchanged, words=False)
    for s, e in spans:
        assert not any(a < e and s < b for a, b in unchanged), (text[s:e], unchanged)
        if (s, e) != (0, len(text)):
            assert leaves_a_sentence(text, (0, len(text) - 1), (s, e)), text[s:e]


def _provision(label: str, *pieces: tuple[str, str]) -> Restated:
    return Restated(label, (label,), "keep", tuple(Piece(k, t) for k, t in pieces))  # type: ignore[arg-type]


def test_such_person_gets_its_noun_back_when_the_person_is_struck() -> None:
    one = _provision(
        "1.",
        ("equal", "1."),
        ("delete", "A person who was a minor may ask for an order to seal the arrest."),
        ("insert", "A survivor may ask for relief under this section."),
        ("equal", "If the court finds that such person acted under duress, it shall seal it."),
    )
    two = _provision(
        "2.",
        ("equal", "2. The order restores such person to the status held before such arrest."),
    )
    out = restore_antecedents([one, two])
    assert out[0].new_text.endswith(
        "If the court finds that a person acted under duress, it shall seal it."
    )
    assert [p.text for p in out[0].pieces if p.kind != "equal"][-2:] == ["such", "a"]
    # The person now named stays the antecedent of the next "such person"; the arrest
    # named only in the struck sentence becomes "the arrest".
    assert (
        out[1].new_text == "2. The order restores such person to the status held before the arrest."
    )


def test_such_with_a_kept_antecedent_or_none_is_left_alone() -> None:
    kept = _provision(
        "1.",
        ("equal", "1. A person who was a minor may ask for an order to seal the record."),
        ("delete", "The request is heard within a year."),
        ("equal", "Such person may also ask that such event be treated as never having happened."),
    )
    out = restore_antecedents([kept])
    assert out == [kept]


def _item(path: tuple[str, ...], text: str, action: str = "keep") -> Restated:
    kind = {"keep": "equal", "strike": "delete", "insert": "insert"}[action]
    return Restated(path[-1], path, action, (Piece(kind, text),))  # type: ignore[arg-type]


def _series(*items: tuple[str, str, str]) -> list[str]:
    from drafter.amend.series import fix_series

    out = fix_series([_item(("1.", label), text, action) for label, text, action in items])
    return [r.new_text for r in out if r.action != "strike"]


def test_striking_the_next_to_last_item_moves_its_and() -> None:
    assert _series(
        ("(a)", "(a) the survivor asks;", "keep"),
        ("(b)", "(b) the survivor is heard; and", "strike"),
        ("(c)", "(c) the court finds duress.", "keep"),
    ) == ["(a) the survivor asks; and", "(c) the court finds duress."]


def test_striking_the_last_item_gives_its_ending_to_the_new_last() -> None:
    assert _series(
        ("(a)", "(a) the survivor asks;", "keep"),
        ("(b)", "(b) the survivor is heard; or", "keep"),
        ("(c)", "(c) the court finds duress.", "strike"),
    ) == ["(a) the survivor asks; or", "(b) the survivor is heard."]


def test_an_item_added_at_the_end_takes_the_last_ending() -> None:
    from drafter.amend.series import fix_series

    out = fix_series(
        [
            _item(("1.", "(a)"), "(a) the survivor asks; and"),
            _item(("1.", "(b)"), "(b) the survivor is heard."),
            _item(("1.", "(c)"), "(c) the court finds duress.", "insert"),
        ]
    )
    assert [r.new_text for r in out] == [
        "(a) the survivor asks;",
        "(b) the survivor is heard; and",
        "(c) the court finds duress.",
    ]
    # Each change is marked: the "and" struck from (a), the period of (b) replaced.
    assert [p.kind for p in out[0].pieces] == ["equal", "delete"]
    assert [(p.kind, p.text) for p in out[1].pieces][-2:] == [("delete", "."), ("insert", "; and")]


def test_sentences_are_no_series() -> None:
    items = (
        ("(a)", "(a) The survivor may ask.", "keep"),
        ("(b)", "(b) The court shall hear it.", "strike"),
        ("(c)", "(c) The record is sealed.", "keep"),
    )
    assert _series(*items) == ["(a) The survivor may ask.", "(c) The record is sealed."]


def test_new_words_file_what_the_section_files() -> None:
    """A section that speaks only of petitions gets new words about petitions, not
    motions; one that says "motion" anywhere keeps the model language's word."""
    from drafter.amend.fit import _requested, request_term

    ours = "A survivor may file a petition. The court shall hear the petition within a year."
    assert request_term(ours) == "petition"
    assert request_term(ours + " A motion to seal may be joined.") is None
    assert request_term("A survivor may file an application.") is None  # said once
    assert _requested("If the court grants a motion under this section", "petition") == (
        "If the court grants a petition under this section"
    )
    assert _requested("A motion may be filed. Motions are heard.", "application") == (
        "An application may be filed. Applications are heard."
    )
