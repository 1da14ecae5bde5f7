"""What every plain start of the wizard loads, kept between runs (datacache.py).

A start with no rubric file of its own, no jurisdiction named and not served
(a served session reads nothing from a folder it does not own) works with the
shipped rubric, model language, generic drafting style and standards.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.datacache import cached
from drafter.paths import data_dir

if TYPE_CHECKING:
    from drafter.criteria import CriteriaStandard
    from drafter.jurisdiction import Profile
    from drafter.language import Language
    from drafter.rubric import Rubric

Shipped = tuple["Rubric", "Language", "Profile", "str | None", "tuple[CriteriaStandard, ...]"]

#: The folders of shipped data the loading reads from.
FOLDERS = ("rubric", "model_language", "jurisdictions")


def load_shipped() -> Shipped:
    """The shipped rubric, language, generic style (and its note) and standards."""
    return cached("engine", _load, shipped_files())


def _load() -> Shipped:
    from drafter.language import load_language
    from drafter.rubric import load_rubric
    from drafter.tui.core import profile_for, standards_for

    rubric = load_rubric(None)
    profile, note = profile_for(None)
    return rubric, load_language(), profile, note, standards_for(rubric)


def shipped_files() -> list[Path]:
    """Every file the loading may read: each YAML file of the shipped folders."""
    return [p for name in FOLDERS for p in sorted(data_dir(name).glob("*.yaml"))]
