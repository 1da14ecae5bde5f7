"""Training: exercise sets, a scoring session with feedback, and the text quiz.

An exercise set is a YAML file a trainer writes (format `drafter-exercises/1`,
documented in exercises/README.md): provisions, each with the tier it earns in
one category, the decisive words, and an explanation. `load_exercise_set`
checks it against the rubric with `FILE:LINE` errors; `Session` runs it (pure:
no terminal); `run_text_quiz` is the plain-terminal front end behind
`drafter train --text`. The app builds on `Session` and never the other way
round: nothing here imports textual.
"""

from drafter.training.checks import check_file, check_shipped
from drafter.training.exercises import (
    EXERCISES_FORMAT,
    Exercise,
    ExerciseSet,
    choices_for,
    default_set_path,
    is_exercise_file,
    load_exercise_set,
)
from drafter.training.quiz import feedback_text, reflow, run_text_quiz, summary_text
from drafter.training.session import (
    CategoryScore,
    Feedback,
    Session,
    Summary,
    TierRef,
    seeded_order,
)

__all__ = [
    "EXERCISES_FORMAT",
    "CategoryScore",
    "Exercise",
    "ExerciseSet",
    "Feedback",
    "Session",
    "Summary",
    "TierRef",
    "check_file",
    "check_shipped",
    "choices_for",
    "default_set_path",
    "feedback_text",
    "is_exercise_file",
    "load_exercise_set",
    "reflow",
    "run_text_quiz",
    "seeded_order",
    "summary_text",
]
