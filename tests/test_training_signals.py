"""Does the project's own reader agree with the exercise answer key?

Not a test that must agree everywhere: most exercises are paraphrases and
distractors written to be hard for string matching, and the reader is built
for whole statutes. The table (run with `-s` to see it) is a prompt to
double-check the key wherever the two differ; the reasons the key stands are
in WHY_THE_KEY_STANDS. Nothing here fails because the reader disagrees: the signals
and the analyzer belong to their own authors and change on their own.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import ROOT
from drafter.reader import load_signals, normalize_fast, read_tiers
from drafter.rubric import Rubric
from drafter.training import ExerciseSet, load_exercise_set

SHIPPED = ROOT / "exercises" / "polaris-2019.yaml"

#: Exercises a reader is expected to get wrong, and why the key is right.
WHY_THE_KEY_STANDS = {
    "offenses-4": "'any offense classified as a misdemeanor' is limited, not all offenses",
    "offenses-5": "'any offense below the grade of felony' is limited, not all offenses",
    "hearing-4": "'without a hearing' applies only unless the petition is contested",
    "conditions-3": "'completed ... probation' appears only as a condition ruled out",
    "range-3": "'legally invalid' states the legal-defect ground without the words",
    "time-2": "'a period that the court finds reasonable' is the reasonable-time tier",
    "time-3": "a one-year wait since the last conviction is an explicit wait",
    "time-4": "'not later than five years after' is an explicit limitation period",
    "discretion-2": "opposition 'does not prevent the court from granting': over objection",
    "discretion-3": "'whatever further action the circumstances make appropriate'",
    "burden-1": "'more likely than not' is a preponderance",
    "burden-2": "'a firm belief or conviction' defines clear and convincing evidence",
    "burden-4": "'the greater weight of the evidence' is a preponderance",
    "documentation-1": "'deemed ... unless the prosecuting attorney proves otherwise'",
    "confidentiality-1": "'shall not make ... available for public inspection'",
    "confidentiality-4": "'shall not be disclosed to any person other than'",
    "conditions-1": "'assisted law enforcement' is a cooperation condition",
    "conditions-2": "no conviction since the offense is a clean-record condition",
    "conditions-4": "'has been rehabilitated' is a rehabilitation condition",
    "range-1": "'withdrawn from public access' is sealing in other words",
    "arrests-1": "'taken into custody, charged, or found delinquent' reaches arrests",
    "arrests-2": "'found guilty of an offense' is convictions only",
    "arrests-3": "arrest records appear only as evidence; relief reaches convictions",
    "offenses-3": "'the misdemeanors of criminal trespass, ...' is a closed list of misdemeanors",
    "offenses-1": "'no offense, whatever its class or grade, is excluded' is all offenses",
    "offenses-2": "'sexual conduct for a fee' is prostitution without the word",
    "offenses-6": "'any misdemeanor ... not ... a felony' is all misdemeanors",
    "nexus-1": "'during the period in which the petitioner was being trafficked'",
    "nexus-2": "'a consequence of' is the plain causal link of 'as a result of'",
    "nexus-3": "'the direct consequence' is 'direct result' in other words",
    "nexus-4": "imminent force a person of reasonable firmness could not resist is duress",
    "nexus-6": "'as a result of duress': what must be proved is duress",
    "hearing-1": "'may decide the petition on the written record alone': no hearing",
    "hearing-2": "'shall attend it personally' is in-person attendance",
    "hearing-3": "'audio-visual link or by telephone' at a hearing held on every motion",
    "hearing-5": "'may choose not to attend' is waiving presence",
    "documentation-2": "records are weighed with other evidence: no presumption",
    "documentation-4": "documentation required, not presumed",
    "confidentiality-3": "sealing after a grant is relief; the motion stays on the public docket",
    "conditions-5": "fees and court debt ruled out; no condition added",
    "burden-3": "findings required, but no standard named",
    "time-1": "'regardless of how much time has elapsed' is no limit",
    "time-5": "'at any time after the entry of judgment' sets no deadline",
    "range-2": "'set aside the judgment' is vacatur; no ground is stated",
    "range-4": "vacatur in the interest of justice is equitable, not on the merits",
    "discretion-4": "an objection denies the motion: a prosecutor's veto",
}


def signal_reader(rubric: Rubric) -> Callable[[str, str], list[str]]:
    signals = load_signals(rubric)

    def read(category: str, text: str) -> list[str]:
        return read_tiers(signals, normalize_fast(text.lower()))[category]

    return read


def agreement(
    es: ExerciseSet, read: Callable[[str, str], list[str]]
) -> dict[str, tuple[int, int, list[str]]]:
    """Per category: (agree, total, [exercise: key -> read])."""
    out: dict[str, tuple[int, int, list[str]]] = {}
    for cat in es.categories:
        agree, total, notes = 0, 0, []
        for e in es.exercises:
            if e.category != cat:
                continue
            total += 1
            got = read(cat, e.provision)
            if got == [e.answer]:
                agree += 1
            else:
                why = WHY_THE_KEY_STANDS.get(e.id, "")
                notes.append(
                    f"{e.id}: {e.answer} -> {', '.join(got) or 'nothing'}"
                    + (f"  ({why})" if why else "")
                )
        out[cat] = (agree, total, notes)
    return out


def _print(title: str, table: dict[str, tuple[int, int, list[str]]]) -> None:
    agree = sum(a for a, _, _ in table.values())
    total = sum(t for _, t, _ in table.values())
    print(f"\n{title}: {agree} of {total} agree with the key")
    for cat, (a, t, notes) in table.items():
        print(f"  {cat:<28} {a}/{t}")
        for note in notes:
            print(f"      {note}")


@pytest.fixture(scope="module")
def shipped(rubric: Rubric) -> ExerciseSet:
    return load_exercise_set(SHIPPED, rubric)


def test_signal_reader_agreement_report(shipped: ExerciseSet, rubric: Rubric) -> None:
    table = agreement(shipped, signal_reader(rubric))
    _print("signal reader (drafter.reader.read_tiers)", table)
    assert set(table) == set(rubric.category_ids)
    assert sum(t for _, t, _ in table.values()) == len(shipped.exercises)


#: The analyzer reads whole statutes: a text that is not a trafficking-specific
#: relief statute gets no reading. This neutral first sentence makes a lone
#: provision one (it reads only as partial relief, so range exercises go without).
PREAMBLE = "Sec. 1. Relief for victims of human trafficking: orders of nondisclosure. "


def test_analyzer_agreement_report(shipped: ExerciseSet, rubric: Rubric) -> None:
    analysis = pytest.importorskip("drafter.reader")
    try:

        def read(category: str, text: str) -> list[str]:
            if category != "range_of_relief":
                text = PREAMBLE + text
            finding = analysis.analyze(text, rubric).finding(category)
            return [finding.tier] if finding.tier else []

        table = agreement(shipped, read)
    except (AttributeError, TypeError) as exc:  # the analyzer's API is still settling
        pytest.skip(f"analyzer API differs: {exc}")
    _print("analyzer (drafter.reader.analyze)", table)
    assert set(table) == set(rubric.category_ids)
