"""Every standard a law is measured against, loaded through one path.

A standard file is a points rubric (`kind: points`, the default: the 2019 card)
or a criteria standard (`kind: criteria`: the federal grant preference). Both are
read by `load_standard`: the same bounded YAML reader, the kind's pydantic model,
the kind's checks, and `FILE:LINE` errors. The shipped ones live in rubric/
beside the reader's signals files; any other file is named by its path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.criteria import CriteriaStandard, check_criteria
from drafter.errors import UserError
from drafter.paths import data_dir
from drafter.rubric import Rubric, load_rubric, rubric_from_doc
from drafter.validation import validate_doc
from drafter.yamlio import load_yaml

Standard = Rubric | CriteriaStandard
KINDS = ("points", "criteria")


def load_standard(path: str | Path, rubric: Rubric | None = None) -> Standard:
    """Load a standard of either kind; a criteria standard is checked against `rubric`.

    `rubric` is the points rubric whose tier ids the criteria name (the shipped
    one when not given).
    """
    doc = load_yaml(path, "standard file")
    kind = doc.data.get("kind", "points") if isinstance(doc.data, dict) else "points"
    if kind == "points":
        return rubric_from_doc(doc)
    if kind != "criteria":
        raise doc.error(
            ("kind",), f"unknown kind {kind!r}; a standard's kind is points or criteria"
        )
    standard = validate_doc(CriteriaStandard, doc, "criteria standard")
    check_criteria(standard, doc, rubric if rubric is not None else load_rubric())
    return standard


def shipped_paths() -> tuple[Path, ...]:
    """The shipped standard files (the reader's *.signals.yaml files are not standards)."""
    folder = data_dir("rubric")
    return tuple(p for p in sorted(folder.glob("*.yaml")) if not p.name.endswith(".signals.yaml"))


@dataclass(frozen=True)
class Listed:
    standard: Standard
    path: Path

    @property
    def kind(self) -> str:
        return self.standard.kind


def list_standards(rubric: Rubric | None = None) -> list[Listed]:
    """Every shipped standard, points rubrics first, each checked against `rubric`.

    The shipped rubric when `rubric` is not given.
    """
    rubric = rubric if rubric is not None else load_rubric()
    found = [Listed(load_standard(p, rubric), p) for p in shipped_paths()]
    return sorted(found, key=lambda item: KINDS.index(item.kind))


def _shipped_path(standard_id: str) -> Path | None:
    for item in list_standards():
        if item.standard.id == standard_id:
            return item.path
    return None


def criteria_standard(name: str, rubric: Rubric | None = None) -> CriteriaStandard:
    """A criteria standard by shipped id (federal-10381c3) or by a file's path.

    Either way it is loaded against `rubric` (the points rubric in use), so a
    standard naming another rubric's tiers is refused with its file and line.
    """
    rubric = rubric if rubric is not None else load_rubric()
    given = Path(name)
    is_file = given.suffix.casefold() in (".yaml", ".yml") or given.exists()
    path = given if is_file else _shipped_path(name)
    if path is None:
        ids = ", ".join(i.standard.id for i in list_standards() if i.kind == "criteria")
        raise UserError(
            None, f"no standard {name!r}; shipped criteria standards: {ids} (or give a file)"
        )
    standard = load_standard(path, rubric)
    if not isinstance(standard, CriteriaStandard):
        raise UserError(
            str(path),
            f"{standard.id} is a points rubric; give it with --rubric, and a criteria "
            "standard with --standard",
        )
    return standard


def shipped_criteria_for(rubric: Rubric) -> tuple[CriteriaStandard, ...]:
    """The shipped criteria standards that apply to `rubric` (the wizard shows these).

    Each file is read once, against `rubric` itself (the wizard opens with this).
    """
    return tuple(
        item.standard
        for item in list_standards(rubric)
        if isinstance(item.standard, CriteriaStandard) and item.standard.applies_to == rubric.id
    )


def criteria_standards(names: list[str] | None, rubric: Rubric) -> list[CriteriaStandard]:
    """The standards a command was asked for, each once, in the order given."""
    out: list[CriteriaStandard] = []
    for name in names or ():
        standard = criteria_standard(name, rubric)
        if all(s.id != standard.id for s in out):
            out.append(standard)
    return out


__all__ = [
    "KINDS",
    "Listed",
    "Standard",
    "criteria_standard",
    "criteria_standards",
    "list_standards",
    "load_standard",
    "shipped_criteria_for",
    "shipped_paths",
]
