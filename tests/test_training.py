"""Training: the shipped exercise set, its checks, a session, the text quiz, lessons."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, write
from drafter.errors import UserError
from drafter.language import load_language
from drafter.lessons import build_lessons, load_consequences, mark, word_diff
from drafter.rubric import Rubric
from drafter.training import (
    ExerciseSet,
    Session,
    default_set_path,
    load_exercise_set,
    run_text_quiz,
    summary_text,
)

SHIPPED = ROOT / "exercises" / "polaris-2019.yaml"
README = ROOT / "exercises" / "README.md"

#: The rubric's own key phrases per tier (regexes, searched case-insensitively).
#: A decisive phrase matching one of its answer tier's patterns uses the
#: rubric's wording; one that matches none says it another way. Deliberately
#: generous (stems such as "vacat", "presum", "condition"), so the paraphrase
#: count is a floor.
KEY_PHRASES: dict[str, dict[str, list[str]]] = {
    "range_of_relief": {
        "partial": [r"seal", r"expung", r"partial relief"],
        "vacatur": [r"vacat"],
        "vacatur_on_merits": [r"substantive defect", r"legal defect", r"on the merits"],
    },
    "arrests_and_adjudications": {
        "convictions_only": [r"convictions? only", r"only (?:to )?convictions?"],
        "comprehensive": [r"arrest", r"non-?prosecuted", r"adjudication"],
    },
    "offenses_covered": {
        "prostitution_or_sex": [r"prostitution", r"sex[- ]related"],
        "enumerated_misdemeanors": [r"enumerated misdemeanor", r"following misdemeanors"],
        "all_misdemeanors": [r"(?:all|any|every) misdemeanor"],
        "nonviolent_felonies": [r"non-?violent felon"],
        "enumerated_violent_felonies": [r"enumerated violent", r"following violent felon"],
        "all_offenses": [r"(?:all|any|every) offenses?"],
    },
    "judicial_discretion": {
        "none": [r"no judicial discretion", r"consent"],
        "over_objection": [r"objection"],
        "additional_action": [r"additional action as is appropriate"],
    },
    "nexus_to_trafficking": {
        "under_duress": [r"duress"],
        "direct_result": [r"direct result"],
        "while_a_victim": [r"while\b.*\bvictim"],
        "proximately_caused": [r"proximate"],
        "as_a_result": [r"a result"],
    },
    "time_limits": {
        "explicit_limit": [r"statute of limitations?", r"\bwait"],
        "reasonable_time": [r"reasonable time"],
        "no_limit": [r"no time limit", r"any time"],
    },
    "hearing_requirement": {
        "always_in_person": [r"in all instances", r"must appear", r"in person"],
        "always_alternate": [r"telephone", r"video", r"written statement", r"alternate"],
        "opposed_in_person": [r"opposition", r"in person"],
        "opposed_alternate": [r"opposition", r"telephone", r"video"],
        "opposed_waivable": [r"waive"],
        "none_required": [r"no hearing"],
    },
    "burden_of_proof": {
        "silent": [r"silent"],
        "clear_and_convincing": [r"clear and convincing"],
        "preponderance": [r"preponderance"],
    },
    "official_documentation": {
        "no_presumption": [r"presum"],
        "presumption": [r"presum"],
    },
    "confidentiality": {
        "none": [r"confidential", r"under seal"],
        "express": [r"confidential", r"under seal"],
    },
    "additional_conditions": {
        "restrictive": [
            r"additional restrictive",
            r"condition",
            r"cooperat",
            r"rehabilitat",
            r"probation",
            r"\bfees?\b",
        ],
        "none": [r"no explicit additional", r"condition"],
    },
}


@pytest.fixture(scope="module")
def shipped(rubric: Rubric) -> ExerciseSet:
    return load_exercise_set(SHIPPED, rubric)


def uses_key_phrase(category: str, answer: str, text: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in KEY_PHRASES[category][answer])


# --- the shipped set ----------------------------------------------------------


def test_shipped_set_is_the_default(rubric: Rubric) -> None:
    assert default_set_path(rubric).resolve() == SHIPPED.resolve()


def test_shipped_set_covers_every_category_three_times(
    shipped: ExerciseSet, rubric: Rubric
) -> None:
    assert len(shipped.exercises) >= 33
    for cat in rubric.categories:
        assert shipped.count(cat.id) >= 3, cat.id
    assert shipped.categories == rubric.category_ids


def test_key_phrase_table_names_every_tier(rubric: Rubric) -> None:
    for cat in rubric.categories:
        assert set(KEY_PHRASES[cat.id]) == {t.id for t in cat.statute_tiers}, cat.id


def test_at_least_half_are_not_the_rubric_phrase(shipped: ExerciseSet) -> None:
    verbatim = [
        e.id
        for e in shipped.exercises
        if uses_key_phrase(e.category, e.answer, " ".join(e.decisive))
    ]
    paraphrased = len(shipped.exercises) - len(verbatim)
    assert paraphrased * 2 >= len(shipped.exercises), verbatim
    # Stricter still: most provisions avoid the rubric's phrase altogether.
    whole = [e.id for e in shipped.exercises if uses_key_phrase(e.category, e.answer, e.provision)]
    assert (len(shipped.exercises) - len(whole)) * 2 >= len(shipped.exercises), whole


def test_every_decisive_phrase_is_in_its_provision(shipped: ExerciseSet) -> None:
    for e in shipped.exercises:
        flat = " ".join(e.provision.split())
        assert e.decisive, e.id
        for phrase, span in zip(e.decisive, e.decisive_spans, strict=True):
            assert phrase in flat, (e.id, phrase)
            assert " ".join(span.text.split()) == phrase
            assert " ".join(e.provision[span.start : span.end].split()) == phrase


def test_every_exercise_explains_itself(shipped: ExerciseSet) -> None:
    ids = [e.id for e in shipped.exercises]
    assert len(ids) == len(set(ids))
    for e in shipped.exercises:
        assert len(e.explanation) >= 30, e.id
        assert e.line is not None


# --- session ------------------------------------------------------------------


def test_session_feedback_and_summary(shipped: ExerciseSet) -> None:
    session = Session(shipped, categories=["nexus_to_trafficking", "burden_of_proof"])
    assert session.total == shipped.count("nexus_to_trafficking") + shipped.count("burden_of_proof")
    first = session.current
    assert first is not None and first.category == "nexus_to_trafficking"
    choices = session.choices()
    assert [c.points for c in choices] == [2, 4, 6, 8, 10]

    right = session.answer(first.answer)
    assert right.correct
    assert right.expected == right.chosen
    assert right.decisive == first.decisive
    assert right.quote == " ... ".join(f'"{d}"' for d in first.decisive)
    assert right.explanation == first.explanation

    second = session.current
    assert second is not None
    wrong_tier = next(c for c in session.choices() if c.id != second.answer)
    wrong = session.answer(wrong_tier.points)  # a tier may be named by its points
    assert not wrong.correct
    assert wrong.chosen.id == wrong_tier.id
    assert wrong.expected.id == second.answer
    assert (
        wrong.expected.points == shipped.rubric.category(second.category).tier(second.answer).points
    )
    assert wrong.expected.label

    middle = session.summary()
    assert (middle.correct, middle.answered, middle.total) == (1, 2, session.total)
    assert not middle.finished
    assert middle.review == ("nexus_to_trafficking",)
    assert middle.missed == (second.id,)

    while not session.done:
        ex = session.current
        assert ex is not None
        session.answer(ex.answer)
    final = session.summary()
    assert final.finished
    assert final.correct == session.total - 1
    by_cat = {c.category: c for c in final.categories}
    assert [c.category for c in final.categories] == ["nexus_to_trafficking", "burden_of_proof"]
    nexus = by_cat["nexus_to_trafficking"]
    assert (nexus.correct, nexus.answered) == (nexus.total - 1, nexus.total)
    burden = by_cat["burden_of_proof"]
    assert burden.correct == burden.answered == burden.total
    assert final.review == ("nexus_to_trafficking",)
    text = summary_text(final, again="drafter train --text")
    assert "Nexus to Trafficking" in text and "review" in text
    assert "--category nexus_to_trafficking" in text
    with pytest.raises(IndexError):
        session.answer(2)


def test_session_refuses_a_tier_the_category_lacks(shipped: ExerciseSet) -> None:
    session = Session(shipped, categories=["confidentiality"])
    with pytest.raises(ValueError):
        session.answer("as_a_result")
    with pytest.raises(ValueError):
        session.answer(7)
    assert session.position == 0


def test_session_unknown_category_is_a_user_error(shipped: ExerciseSet) -> None:
    with pytest.raises(UserError, match="unknown category 'nexus'"):
        Session(shipped, categories=["nexus"])


def test_skip_moves_on_without_scoring(shipped: ExerciseSet) -> None:
    session = Session(shipped, categories=["time_limits"])
    session.skip()
    summary = session.summary()
    assert (summary.answered, summary.correct) == (0, 0)
    assert session.position == 1


# --- bad files ----------------------------------------------------------------

GOOD = """\
format: drafter-exercises/1
title: Test set
rubric: polaris-2019
exercises:
  - id: a-1
    category: nexus_to_trafficking
    provision: |
      The court shall grant the motion if the movant committed the offense
      while the movant was subject to the control of a trafficker.
    answer: while_a_victim
    decisive: "while the movant was subject to the control of a trafficker"
    explanation: A timing test.
  - id: a-2
    category: burden_of_proof
    provision: The movant shall prove it by clear and convincing evidence.
    answer: 2
    decisive: [clear and convincing evidence]
    explanation: The heightened standard.
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("category: nexus_to_trafficking", "category: nexus", 6, "unknown category 'nexus'"),
        ("answer: while_a_victim", "answer: while_victim", 10, "did you mean 'while_a_victim'"),
        ("answer: 2", "answer: 3", 16, "no tier of burden_of_proof is worth 3 points"),
        (
            "category: burden_of_proof\n    provision: The movant shall prove it by clear and "
            "convincing evidence.\n    answer: 2",
            "category: range_of_relief\n    provision: The movant shall prove it by clear and "
            "convincing evidence.\n    answer: none",
            16,
            "no trafficking-specific statute",
        ),
        (
            'decisive: "while the movant',
            'decisive: "when the movant',
            11,
            "are not in the provision",
        ),
        ('decisive: "while the movant', 'decisive: "While the movant', 11, "capital letters"),
        ("[clear and convincing evidence]", "[clear and convincing evidence, ' ']", 17, "empty"),
        ("id: a-2", "id: a-1", 13, "used twice (first on line 5)"),
        ("rubric: polaris-2019", "rubric: polaris-2022", 3, "for rubric 'polaris-2022'"),
        (
            "explanation: A timing test.",
            "explain: A timing test.",
            12,
            "did you mean 'explanation'",
        ),
        ("title: Test set", "title: Test set\ntitel: x", 3, "unknown field 'titel'"),
        ("    explanation: The heightened standard.\n", "", 13, "explanation'; add it"),
        ("format: drafter-exercises/1", "format: drafter-exercises/2", 1, "not supported"),
        ("title: Test set", "title: [Test set]", 2, "title"),
        ("id: a-1", "id: 'a 1'", 5, "id"),
    ],
)
def test_bad_exercise_files_name_the_line(
    tmp_path: Path, rubric: Rubric, run_cli, old: str, new: str, line: int, message: str
) -> None:
    assert old in GOOD
    path = write(tmp_path, "set.yaml", GOOD.replace(old, new, 1))
    with pytest.raises(UserError) as info:
        load_exercise_set(path, rubric)
    assert info.value.line == line, info.value.one_line()
    assert message in info.value.message
    # Through the CLI: exit 2 and one line naming FILE:LINE (`drafter validate`
    # says the same; it is run once below, as it checks everything else too).
    r = run_cli("train", "--text", str(path))
    assert r.code == 2, r
    lines = r.err.strip().splitlines()
    assert len(lines) == 1, r.err
    assert lines[0].startswith(f"drafter: error: {path}:{line}: "), lines[0]


def test_validate_refuses_a_bad_set_with_one_line(tmp_path: Path, run_cli) -> None:
    path = write(tmp_path, "set.yaml", GOOD.replace("answer: 2", "answer: 3"))
    r = run_cli("validate", str(path))
    assert r.code == 2
    assert r.err.strip().splitlines() == [
        f"drafter: error: {path}:16: no tier of burden_of_proof is worth 3 points; "
        "use one of: silent (0), clear_and_convincing (2), preponderance (5)"
    ]


def test_good_file_loads_and_validates(tmp_path: Path, rubric: Rubric, run_cli) -> None:
    path = write(tmp_path, "set.yaml", GOOD)
    es = load_exercise_set(path, rubric)
    assert [e.answer for e in es.exercises] == ["while_a_victim", "clear_and_convincing"]
    r = run_cli("validate", str(path))
    assert r.code == 0, r.err
    assert "ok: exercise set set.yaml: 2 exercises" in r.out
    assert "draft file" not in r.out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("- a\n- b\n", "is a list"),
        ("title: x\nrubric: polaris-2019\nexercises: []\n", "format: drafter-exercises/1"),
        (
            "format: drafter-exercises/1\ntitle: x\nrubric: polaris-2019\nexercises: []\n",
            "exercises",
        ),
    ],
)
def test_files_that_are_not_sets(tmp_path: Path, rubric: Rubric, text: str, message: str) -> None:
    path = write(tmp_path, "set.yaml", text)
    with pytest.raises(UserError) as info:
        load_exercise_set(path, rubric)
    assert message in info.value.message
    assert info.value.line is not None


def test_validate_still_checks_drafts_beside_sets(tmp_path: Path, run_cli) -> None:
    draft = ROOT / "examples" / "best-practice.yaml"
    r = run_cli("validate", str(SHIPPED), str(draft))
    assert r.code == 0, r.err
    assert "ok: exercise set polaris-2019.yaml: " in r.out
    assert "ok: 1 draft file(s)" in r.out
    assert "ok: training: polaris-2019.yaml" in r.out


# --- the text quiz ------------------------------------------------------------


def _drafter(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "drafter", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def _number(session_set: ExerciseSet, exercise_id: str, tier_id: str) -> int:
    from drafter.training import choices_for

    ex = next(e for e in session_set.exercises if e.id == exercise_id)
    tiers = choices_for(session_set.rubric.category(ex.category))
    return [t.id for t in tiers].index(tier_id) + 1


def test_text_quiz_through_stdin_completes(shipped: ExerciseSet) -> None:
    answers = [_number(shipped, e.id, e.answer) for e in shipped.exercises]
    # Miss the first exercise on purpose, and type one bad answer first.
    wrong = 1 if answers[0] != 1 else 2
    stdin = "\n".join(["banana", str(wrong), *map(str, answers[1:])]) + "\n"
    proc = _drafter("train", "--text", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert proc.stderr == ""
    n = len(shipped.exercises)
    assert f"Exercise {n} of {n}" in out
    assert "Type a number from 1 to" in out
    assert "Not quite: you chose" in out
    assert f'Decisive words: "{shipped.exercises[0].decisive[0]}' in " ".join(out.split())
    assert f"{n - 1} of {n} correct" in out
    assert "To review: Range of Relief." in out


def test_text_quiz_eof_ends_with_the_summary_so_far(shipped: ExerciseSet) -> None:
    first, second = shipped.exercises[0], shipped.exercises[1]
    picks = [_number(shipped, e.id, e.answer) for e in (first, second)]
    stdin = "".join(f"{n}\n" for n in picks)
    proc = _drafter("train", "--text", str(SHIPPED), stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    assert "2 of 2 correct" in proc.stdout
    assert f"({len(shipped.exercises) - 2} not reached)" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_quit_and_category_filter_in_process(shipped: ExerciseSet) -> None:
    session = Session(shipped, categories=["hearing_requirement"])
    inputs = iter(["9", "hearing", session.current.answer, "q"])
    out: list[str] = []
    code = run_text_quiz(session, read=lambda prompt: next(inputs), write=out.append)
    text = "".join(out)
    assert code == 0
    assert "Type a number from 1 to 6" in text
    assert "Correct:" in text
    assert "1 of 1 correct" in text


def test_train_lessons_text(run_cli) -> None:
    r = run_cli("train", "--lessons", "--category", "nexus_to_trafficking")
    assert r.code == 0, r.err
    assert "NEXUS TO TRAFFICKING" in r.out
    assert "[direct]" in r.out or "direct" in r.out
    assert "In practice:" in r.out
    bad = run_cli("train", "--lessons", "--category", "nexus")
    assert bad.code == 2 and "unknown category 'nexus'" in bad.err


# --- lessons ------------------------------------------------------------------


def test_word_diff_marks_the_decisive_word() -> None:
    a = "the offense was committed as a direct result of the trafficking"
    b = "the offense was committed as a result of the trafficking"
    diff = word_diff(a, b)
    assert [s.text for s in diff.deleted] == ["direct"]
    assert diff.inserted == ()
    assert a[diff.deleted[0].start : diff.deleted[0].end] == "direct"
    back = word_diff(b, a)
    assert [s.text for s in back.inserted] == ["direct"]
    assert mark(a, back.inserted) == a.replace("direct", "[direct]")


def test_word_diff_ignores_punctuation_and_case() -> None:
    assert word_diff("As a result, the court", "as a result the court").empty


def test_lessons_cover_every_category_with_neighbour_highlights(rubric: Rubric) -> None:
    lessons = build_lessons(rubric, load_language())
    assert [x.category for x in lessons] == list(rubric.category_ids)
    for lesson in lessons:
        assert lesson.why and lesson.consequence, lesson.category
        assert [t.points for t in lesson.tiers] == sorted(t.points for t in lesson.tiers)
        with_text = [t for t in lesson.tiers if not t.absent]
        assert with_text, lesson.category
        for t in with_text:
            assert t.text and "{" not in t.text
        # Every step between two tiers that both have wording shows what changes.
        for prev, cur in zip(lesson.tiers, lesson.tiers[1:], strict=False):
            assert cur.previous == prev.id
            if not prev.absent and not cur.absent:
                assert cur.inserted or cur.deleted, (lesson.category, cur.id)
                for span in cur.inserted:
                    assert cur.text[span.start : span.end] == span.text
                for span in cur.deleted:
                    assert prev.text[span.start : span.end] == span.text


def test_nexus_lesson_direct_result_versus_as_a_result(rubric: Rubric) -> None:
    lessons = {x.category: x for x in build_lessons(rubric, load_language())}
    nexus = lessons["nexus_to_trafficking"]
    diff = nexus.compare("direct_result", "as_a_result")
    assert [s.text for s in diff.deleted] == ["direct"]
    assert diff.inserted == ()
    # Neighbours: "as a result" follows "proximately caused".
    top = nexus.tier("as_a_result")
    assert top is not None and top.previous == "proximately_caused"
    assert "result" in top.decisive
    duress = nexus.tier("under_duress")
    assert duress is not None and duress.previous is None and duress.inserted == ()
    assert "debt" in nexus.consequence


def test_placeholders_show_until_filled(rubric: Rubric) -> None:
    language = load_language()
    plain = {x.category: x for x in build_lessons(rubric, language)}
    tier = plain["arrests_and_adjudications"].tier("comprehensive")
    assert tier is not None and "[COURT]" in tier.text
    filled = {
        x.category: x for x in build_lessons(rubric, language, params={"court": "the trial court"})
    }
    tier = filled["arrests_and_adjudications"].tier("comprehensive")
    assert tier is not None and "the trial court" in tier.text


def test_lessons_file_checks(tmp_path: Path, rubric: Rubric, run_cli) -> None:
    shipped = ROOT / "exercises" / "polaris-2019.lessons.yaml"
    assert set(load_consequences(rubric, shipped, require_all=True)) == set(rubric.category_ids)
    bad = write(
        tmp_path,
        "l.yaml",
        "format: drafter-lessons/1\nrubric: polaris-2019\nconsequences:\n  nexus: x\n",
    )
    r = run_cli("validate", str(bad))
    assert r.code == 2
    assert r.err.startswith(f"drafter: error: {bad}:4: unknown category 'nexus'")
    partial = write(
        tmp_path,
        "p.yaml",
        "format: drafter-lessons/1\nrubric: polaris-2019\nconsequences:\n  confidentiality: x\n",
    )
    with pytest.raises(UserError, match="no consequence for range_of_relief"):
        load_consequences(rubric, partial, require_all=True)


# --- the README a trainer writes from ------------------------------------------


def _readme_example() -> str:
    match = re.search(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert match
    return match.group(1)


def test_readme_example_validates_and_runs(tmp_path: Path, rubric: Rubric) -> None:
    path = write(tmp_path, "my-set.yaml", _readme_example())
    es = load_exercise_set(path, rubric)
    answers = [_number(es, e.id, e.answer) for e in es.exercises]
    proc = _drafter("train", "--text", str(path), stdin="\n".join(map(str, answers)) + "\n")
    assert proc.returncode == 0, proc.stderr
    assert f"{len(answers)} of {len(answers)} correct" in proc.stdout
    assert "Every answer correct." in proc.stdout


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("answer: while_a_victim", "answer: while_victim"),
        (
            'decisive: "while the movant was held by a trafficker"',
            'decisive: "while the movant was held by the trafficker"',
        ),
        ("id: warmup-2", "id: warmup-1"),
        ("rubric: polaris-2019", "rubric: polaris-2022"),
    ],
)
def test_readme_error_lines_are_what_drafter_says(
    tmp_path: Path, run_cli, old: str, new: str
) -> None:
    example = _readme_example()
    assert old in example
    folder = tmp_path / "w"
    folder.mkdir()
    path = write(folder, "my-set.yaml", example.replace(old, new, 1))
    import os

    here = os.getcwd()
    os.chdir(folder)
    try:
        r = run_cli("train", "--text", "my-set.yaml")
    finally:
        os.chdir(here)
    assert r.code == 2
    assert path.exists()
    line = r.err.strip()
    readme_lines = README.read_text(encoding="utf-8").splitlines()
    assert line in readme_lines, line


def test_review_hint_keeps_the_category_filter(shipped: ExerciseSet) -> None:
    session = Session(shipped, categories=["confidentiality"])
    ex = session.current
    assert ex is not None
    wrong = next(c for c in session.choices() if c.id != ex.answer)
    number = [c.id for c in session.choices()].index(wrong.id) + 1
    inputs = iter([str(number), "q"])
    out: list[str] = []
    run_text_quiz(session, read=lambda prompt: next(inputs), write=out.append)
    text = "".join(out)
    assert "0 of 1 correct (3 not reached)" in text
    assert "Practise again: drafter train --text --category confidentiality" in text
    assert "Lessons: drafter train --text --lessons --category confidentiality" in text


def test_a_draft_is_not_an_exercise_set(rubric: Rubric, run_cli) -> None:
    draft = ROOT / "examples" / "best-practice.yaml"
    with pytest.raises(UserError, match="not an exercise set") as info:
        load_exercise_set(draft, rubric)
    assert info.value.line is not None
    r = run_cli("train", "--text", "--category", "nexus")
    assert r.code == 2 and "did you mean 'nexus_to_trafficking'?" in r.err


def test_text_quiz_with_a_seed_says_so_and_repeats_its_order(shipped: ExerciseSet) -> None:
    from drafter.training import seeded_order

    order = seeded_order(shipped.exercises, 12)
    assert [e.id for e in order] != [e.id for e in shipped.exercises]
    cat = shipped.rubric.category(order[0].category)
    assert cat is not None
    proc = _drafter("train", "--text", "--seed", "12", stdin="q\n")
    assert proc.returncode == 0, proc.stderr
    out = " ".join(proc.stdout.split())
    assert "Shuffled with seed 12." in out
    assert f"Exercise 1 of {len(order)} - {cat.title}" in out
    assert " ".join(order[0].provision.split()[:6]) in out
