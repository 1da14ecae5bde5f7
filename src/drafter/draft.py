"""Draft files: what a user chose, saved as diff-friendly YAML.

```yaml
format: drafter/1
jurisdiction: Missouri          # optional
coverage: adults                # adults | minors_only | none
choices:                        # category id -> tier id, or that tier's points
  nexus_to_trafficking: as_a_result
  offenses_covered: 30
parameters: {}                  # values for model-language placeholders
starts_from:                    # optional: what "Start from today's law" began with
  law: Missouri                 #   a jurisdiction's recorded law, or
                                #   statute: path/to/statute.txt (a text analyzed)
```
In memory a Draft holds tier ids only; points are resolved on load.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)

from drafter.errors import UserError
from drafter.rubric import COVERAGES, Coverage, Rubric
from drafter.textsafe import lookalike_hint, quoted
from drafter.validation import validate_doc
from drafter.yamlio import MAX_FILE_BYTES, YamlDoc, atomic_write, dump_yaml, load_yaml

DRAFT_FORMAT = "drafter/1"

#: The most items a list parameter holds (enumerated offenses and the like):
#: far more than any statute lists, far below what makes scoring or building slow.
MAX_LIST_ITEMS = 100
#: A yes/no parameter (e.g. `documentation_required`, which a criteria standard
#: reads) is a boolean; StrictBool comes first so `true` is not read as 1.
ParamValue = (
    StrictBool
    | StrictStr
    | StrictInt
    | float
    | Annotated[list[StrictStr], Field(max_length=MAX_LIST_ITEMS)]
)


class BillTarget(BaseModel):
    """Where the bill puts its text: a new section, or re-enacting an old one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: "new": add a new section; "reenact": repeal `section` and enact it anew.
    action: Literal["new", "reenact"] = "new"
    #: The section number, e.g. "610.131" (a placeholder is shown when absent).
    section: StrictStr | None = None
    #: The chapter the section belongs to, e.g. "610".
    chapter: StrictStr | None = None
    #: The code or compilation, e.g. "the Code of Criminal Procedure" (where
    #: the jurisdiction profile does not already name it).
    code: StrictStr | None = None
    #: The draft's date (YYYY-MM-DD) for export metadata; exports use today's
    #: date when it is not set.
    date: StrictStr | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")


class StartsFrom(BaseModel):
    """What a draft started from ("Start from today's law"): a jurisdiction's
    recorded current law, or a statute file that was analyzed.

    Kept in the file so a reopened draft advises from the same law (its open
    and arguable calls) and can still be exported as a bill amending that text.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    #: The jurisdiction whose recorded law (its profile) the draft started from.
    law: StrictStr | None = None
    #: The statute file the draft's reading was analyzed from.
    statute: StrictStr | None = None

    @model_validator(mode="after")
    def _one(self) -> StartsFrom:
        if (self.law is None) == (self.statute is None):
            raise ValueError("give one of law (a jurisdiction) or statute (a statute file)")
        return self


class _DraftFile(BaseModel):
    """The file as written: choices may still name tiers by points."""

    model_config = ConfigDict(extra="forbid")

    format: StrictStr
    jurisdiction: StrictStr | None = None
    bill: BillTarget | None = None
    coverage: Coverage
    choices: dict[StrictStr, StrictStr | StrictInt] | None = None
    parameters: dict[StrictStr, ParamValue | None] | None = None
    notes: StrictStr | None = None
    starts_from: StartsFrom | None = None


class Draft(BaseModel):
    """A user's draft: coverage, the chosen tier per category, parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    jurisdiction: str | None = None
    bill: BillTarget = Field(default_factory=BillTarget)
    coverage: Coverage = "adults"
    #: category id -> tier id; unanswered categories are simply absent.
    choices: dict[str, str] = Field(default_factory=dict)
    parameters: dict[str, Any] = Field(default_factory=dict)
    notes: str | None = None
    #: What "Start from today's law" began with (None for a draft begun afresh).
    starts_from: StartsFrom | None = None

    def choose(self, category_id: str, tier_id: str | None) -> Draft:
        """A new draft with one category's answer set (None clears it)."""
        choices = dict(self.choices)
        if tier_id is None:
            choices.pop(category_id, None)
        else:
            choices[category_id] = tier_id
        return self.model_copy(update={"choices": choices})

    def with_coverage(self, coverage: Coverage, rubric: Rubric) -> Draft:
        """A new draft with another coverage.

        Coverage keeps the choices (switching back restores the score), with one
        exception the rubric makes: a "no statute" tier is what coverage `none`
        scores, so leaving `none` clears those answers. This is the one place
        that rule is applied to a draft; loading refuses such a file outright.
        """
        choices = self.choices
        if coverage != "none":
            choices = {
                cat_id: tier_id
                for cat_id, tier_id in self.choices.items()
                if not _is_no_statute(rubric, cat_id, tier_id)
            }
        return self.model_copy(update={"coverage": coverage, "choices": choices})

    def with_parameter(self, name: str, value: Any) -> Draft:
        params = dict(self.parameters)
        if value is None or value == "" or value == []:
            params.pop(name, None)
        else:
            params[name] = value
        return self.model_copy(update={"parameters": params})


def _is_no_statute(rubric: Rubric, category_id: str, tier_id: str) -> bool:
    cat = rubric.category(category_id)
    tier = cat.tier(tier_id) if cat is not None else None
    return tier is not None and tier.no_statute


def check_choice(rubric: Rubric, coverage: str, category_id: str, value: object) -> str:
    """Resolve one choice to a tier id or raise a UserError (without a place)."""
    cat = rubric.category(category_id)
    if cat is None:
        raise UserError(
            None,
            f"unknown category {category_id!r}; categories are: {', '.join(rubric.category_ids)}",
        )
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise UserError(
            None, f"{category_id}: give a tier id (text) or its points (a whole number)"
        )
    if isinstance(value, int):
        tier = cat.tier_by_points(value)
        if tier is None:
            pts = ", ".join(str(t.points) for t in cat.tiers)
            raise UserError(
                None, f"{category_id}: no tier gives {value} points; choose one of {pts}"
            )
    else:
        tier = cat.tier(value)
        if tier is None:
            ids = ", ".join(t.id for t in cat.tiers)
            hint = lookalike_hint(value, [t.id for t in cat.tiers])
            raise UserError(
                None, f"{category_id}: unknown tier {quoted(value)}{hint}; choose one of {ids}"
            )
    if tier.no_statute and coverage != "none":
        raise UserError(
            None,
            f"{category_id}: {tier.id!r} ({tier.points}) means there is no "
            f"trafficking-specific statute, which contradicts coverage {coverage!r}; "
            "choose another tier, or set coverage: none",
        )
    return tier.id


def draft_from_doc(doc: YamlDoc, rubric: Rubric) -> Draft:
    """Validate a parsed draft file against the rubric."""
    if isinstance(doc.data, dict) and "format" not in doc.data:
        raise UserError(doc.path, f"missing 'format: {DRAFT_FORMAT}'; add it as the first line", 1)
    raw = validate_doc(_DraftFile, doc, "draft file")
    if raw.format != DRAFT_FORMAT:
        raise doc.error(
            ("format",),
            f"format {raw.format!r} is not a draft this drafter reads; expected {DRAFT_FORMAT!r}",
        )
    choices: dict[str, str] = {}
    for category_id, value in (raw.choices or {}).items():
        try:
            choices[category_id] = check_choice(rubric, raw.coverage, category_id, value)
        except UserError as exc:
            raise doc.error(("choices", category_id), exc.message) from None
    parameters = {k: v for k, v in (raw.parameters or {}).items() if v not in (None, "", [])}
    return Draft(
        jurisdiction=raw.jurisdiction,
        bill=raw.bill or BillTarget(),
        coverage=raw.coverage,
        choices=choices,
        parameters=parameters,
        notes=raw.notes,
        starts_from=raw.starts_from,
    )


def load_draft(path: str | Path, rubric: Rubric) -> Draft:
    """Read a draft file, with `FILE:LINE` errors for anything wrong in it."""
    return draft_from_doc(load_yaml(path, "draft file"), rubric)


def draft_to_yaml(draft: Draft, rubric: Rubric | None = None) -> str:
    """Stable YAML: fixed key order, choices in the rubric's order."""
    data: dict[str, Any] = {"format": DRAFT_FORMAT}
    if draft.jurisdiction:
        data["jurisdiction"] = draft.jurisdiction
    bill = draft.bill.model_dump(exclude_defaults=True)
    if bill:
        data["bill"] = {
            k: bill[k] for k in ("action", "section", "chapter", "code", "date") if k in bill
        }
    data["coverage"] = draft.coverage
    order = list(rubric.category_ids) if rubric else []
    ordered = sorted(
        draft.choices.items(),
        key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]),
    )
    data["choices"] = dict(ordered)
    data["parameters"] = {k: draft.parameters[k] for k in sorted(draft.parameters)}
    if draft.notes:
        data["notes"] = draft.notes
    if draft.starts_from is not None:
        data["starts_from"] = draft.starts_from.model_dump(exclude_none=True)
    return dump_yaml(data)


def save_draft(draft: Draft, path: str | Path, rubric: Rubric | None = None) -> None:
    """Save atomically (temp file, fsync, rename), keeping the file's header comments.

    drafter writes the fields itself, in its own order, so comments beside a
    field are not kept; the block of `#` comment lines at the top of the file
    (a hand-written draft's title, its author, why it exists) is kept as it was.
    """
    text = header_comments(path) + draft_to_yaml(draft, rubric)
    atomic_write(path, text, max_bytes=MAX_FILE_BYTES)


def header_comments(path: str | Path) -> str:
    """The `#` comment lines (and blank lines among them) at the top of a draft file."""
    from drafter.yamlio import read_text

    try:
        if not Path(path).is_file():
            return ""
        text = read_text(path, "draft file")
    except (UserError, OSError):
        return ""
    kept: list[str] = []
    for line in text.splitlines():
        if line.startswith("#") or (not line.strip() and kept):
            kept.append(line.rstrip())
        else:
            break
    while kept and not kept[-1]:
        kept.pop()
    return "".join(f"{line}\n" for line in kept)


__all__ = [
    "COVERAGES",
    "DRAFT_FORMAT",
    "BillTarget",
    "Draft",
    "check_choice",
    "draft_from_doc",
    "draft_to_yaml",
    "load_draft",
    "save_draft",
]
