"""The amending bill in the state's form: the clause, the restated law, the closing sections.

The state's profile says how its bills amend a section (`forms.amending`):
Missouri repeals and reenacts the whole section; Texas amends named
subsections ("is amended by amending Subsections (a) and (c) and adding
Subsection (f)") and restates only those; New York names each paragraph it
amends ("Paragraph (i) of subdivision 1 of section 440.10 ..."). A state
without a sourced form gets the generic one, and the bill says so once. The
title, enacting clause, applicability, severability and effective-date
sections are the ones the bill builder makes for a reenacted section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from drafter.amend.labels import reference
from drafter.amend.model import Amendment, Restated
from drafter.amend.plan import plan_amendment
from drafter.amend.repeal import as_renumbered, repeal_fields, repeals
from drafter.amend.today import Today, today_tiers
from drafter.assembly import bill_code, build_bill
from drafter.bill import Bill, BillSection, Style
from drafter.draft import Draft
from drafter.jurisdiction import Profile, profile_for, shipped_profile
from drafter.language import Language, series
from drafter.law import AmendingForm
from drafter.notice import Notice
from drafter.rubric import Rubric
from drafter.scoring import Standing, score

_FIELD = re.compile(r"\{([A-Za-z_]+)\}")
#: In the clause where the section's last amendment goes, when neither the draft
#: nor the profile gives it (the build warns: unfilled parameter history).
_NO_HISTORY = "[HISTORY: chapter and year of the section's last amendment, from its history note]"


@dataclass(frozen=True, slots=True)
class Part:
    """One bill section of the amendment: its clause and the provisions it restates."""

    clause: str
    restated: tuple[Restated, ...]
    #: The section's first line as restated ("610.131.", "Sec. 411.0728. HEADING."),
    #: or "" when the part restates provisions, not the section.
    heading_line: str = ""
    #: Provisions the clause repeals without restating them (Texas, New York).
    repealed: tuple[Restated, ...] = ()
    #: Provisions the clause renumbers without restating them (New York).
    moved: tuple[Restated, ...] = ()


@dataclass(frozen=True)
class AmendingBill:
    """An amending bill: the frame around it, and its parts (clause + restated law)."""

    #: The bill the builder makes for the reenacted section (title, enacting
    #: clause, closing sections, standing, warnings); its "enact" section is
    #: replaced by `parts`.
    frame: Bill
    #: One per bill section that amends (New York adds new subdivisions in a
    #: bill section of their own); most states have one.
    parts: tuple[Part, ...]
    amendment: Amendment
    form: AmendingForm
    #: Where the form is documented ("generic form" when the state has none).
    form_source: str
    #: Today's law scored as read (`today`), beside the draft's standing.
    before: Standing
    warnings: tuple[Notice, ...] = ()
    #: Today's tiers and which reading gave them (the profile's or the reader's).
    today: Today | None = None

    @property
    def style(self) -> Style:
        return self.frame.style

    @property
    def clause(self) -> str:
        return self.parts[0].clause

    @property
    def restated(self) -> tuple[Restated, ...]:
        return tuple(r for part in self.parts for r in part.restated)


def build_amending_bill(
    text: str,
    draft: Draft,
    rubric: Rubric,
    language: Language,
    styled: tuple[Profile, str | None] | None = None,
) -> AmendingBill:
    """The bill that amends today's section (`text`) as the draft would. Pure."""
    from drafter.reader import analyze

    profile, note = styled if styled is not None else profile_for(draft.jurisdiction)
    reading = analyze(text, rubric)
    today = today_tiers(reading, profile, text)
    amendment = plan_amendment(text, draft, rubric, language, profile, reading, today)
    section = draft.bill.section or amendment.number or None
    target = draft.bill.model_copy(update={"action": "reenact", "section": section})
    frame = build_bill(
        draft.model_copy(update={"bill": target}), rubric, language, styled=(profile, note)
    )
    form = profile.forms.amending
    warnings = list(frame.warnings)
    if form is None:
        form = shipped_profile("generic").forms.amending
        assert form is not None  # generic.yaml carries the generic form
        warnings.append(
            Notice(
                "generic_amending_form",
                profile.name,
                f"no sourced amending form for {profile.name}: the generic amending clause "
                "is used; check the form with the state's bill drafting office",
            )
        )
    warnings.extend(amendment.warnings)
    style = frame.style
    code = bill_code(draft, profile)
    unit = profile.unit(code)
    params = profile.parameters_for(draft)
    base = {
        "section": section or "[SECTION]",
        "code": code or "[CODE]",
        "history": str(
            params.get("history") or (form.history.text if form.history else "") or _NO_HISTORY
        ),
        # Connecticut's clause carries the section's effective date.
        "effective": str(params.get("effective_date") or "[EFFECTIVE DATE]"),
        "unit": unit,
        "Unit": unit.capitalize(),
    }

    def clause(template: str, amended: list[tuple[str, ...]], added: list[tuple[str, ...]]) -> str:
        fields = {**base, **_changes(amended, added, style)}
        # A unit renumbered by the repeal section before this one is cited as renumbered.
        renumbered = any(r.old_path and r.path[: form.depth] in amended for r in moving)
        fields["renumbered_by"] = " and as renumbered by section one of this act" * renumbered
        return _FIELD.sub(lambda m: fields.get(m.group(1), m.group(0)), template)

    clauses = (form.clause, form.add_clause or "")
    if base["history"] != _NO_HISTORY:
        # The frame's own clause (replaced by the parts) cited it unfilled.
        warnings = [
            w for w in warnings if not (w.kind == "unfilled_parameter" and w.subject == "history")
        ]
    told = any(w.kind == "unfilled_parameter" and w.subject == "history" for w in warnings)
    if base["history"] == _NO_HISTORY and any("{history}" in c for c in clauses) and not told:
        warnings.append(
            Notice(
                "unfilled_parameter",
                "history",
                "unfilled parameter history (The section's last amendment): the amending "
                "clause cites it; set parameters.history, e.g. chapter 92 of the laws of 2021",
            )
        )
    repealed: list[tuple[str, ...]] = []
    moved: list[tuple[str, ...]] = []
    only: list[tuple[str, ...]] = []
    if form.repeals_apart:
        # Units struck whole are repealed, and the units after them renumbered, in a
        # bill section of its own; neither is restated unless it changes otherwise.
        repealed, moved, only = repeals(amendment, form.depth)
        if not repealed:
            moved = only = []
    amended, added = _units(amendment, form.depth, repealed + only)
    #: Provisions whose labels the repeal section changes (New York renumbers).
    moving = [r for r in amendment.provisions if r.old_path and r.action != "insert"] * bool(moved)
    parts: list[Part] = []
    if form.restates == "section":
        heading_line = (
            _own_heading(amendment)
            if profile.generic_style
            else style.section_heading_format.format(
                number=section or "[SECTION]", heading=_heading(amendment, style)
            )
        )
        parts.append(Part(clause(form.clause, amended, added), amendment.provisions, heading_line))
    elif form.add_clause and added:
        if amended:
            parts.append(
                Part(clause(form.clause, amended, []), _restated(amendment, amended, bool(moved)))
            )
        parts.append(Part(clause(form.add_clause, [], added), _restated(amendment, added)))
    else:
        units = amended + added
        parts.append(
            Part(clause(form.clause, amended, added), _restated(amendment, units, bool(moved)))
        )
    if repealed and form.repeal_clause:
        said = repeal_fields(
            amendment, repealed, moved, style, form, unit.capitalize(), base["section"]
        )
        fields = {**base, **said}
        text = _FIELD.sub(lambda m: fields.get(m.group(1), m.group(0)), form.repeal_clause)
        first = Part(
            text,
            (),
            repealed=tuple(r for r in amendment.provisions if r.old_path_or_path in repealed),
            moved=tuple(r for r in amendment.provisions if r.old_path_or_path in moved),
        )
        # A section that renumbers goes first, so later sections amend the units under
        # their new labels (New York); a bare repealer follows the amendments (Texas).
        parts = [first, *parts] if moved else [*parts, first]
    parts = [p for p in parts if p.restated or p.repealed] or parts[:1]
    before_draft = today.draft(rubric, jurisdiction=draft.jurisdiction)
    title = frame.title
    if any(p.repealed for p in parts) and form.repeal_title and title:
        # The title says the bill repeals, as it says what it amends.
        title = (*title[:-1], title[-1] + form.repeal_title)
    return AmendingBill(
        frame=replace(frame, warnings=(), sections=_closing(frame, len(parts)), title=title),
        parts=tuple(parts),
        amendment=amendment,
        form=form,
        form_source=form.source,
        before=score(rubric, before_draft).standing,
        warnings=tuple(warnings),
        today=today,
    )


#: How a closing section points at the one bill section that amends ("as amended by
#: section one of this act"); with more than one, it points at the act.
_BY_SECTION_ONE = re.compile(r"\b(by) section (?:one|1) of this act\b", re.I)


def _closing(frame: Bill, parts: int) -> tuple[BillSection, ...]:
    """The frame's sections, their pointer at "section one" made "this act" when more
    than one bill section amends (a repealer, a section that adds)."""
    if parts <= 1:
        return frame.sections
    return tuple(
        replace(s, text=_BY_SECTION_ONE.sub(r"\1 this act", s.text)) for s in frame.sections
    )


def _heading(amendment: Amendment, style: Style) -> str:
    """The section's catchline as today's text gives it, without its number."""
    head = amendment.heading
    if amendment.number and amendment.number in head:
        # After the last mention ("Idaho Code § 67-3014 — ... 67-3014. EXPUNGEMENT ...":
        # a copy's own first line, then the code's).
        head = head.rsplit(amendment.number, 1)[1]
    head = head.strip(" .§—–-")
    return head.upper() if style.heading_caps else head


def _own_heading(amendment: Amendment) -> str:
    """The section's first line as today's text prints it ("67-3014. EXPUNGEMENT ...."),
    for a state whose own section style is not recorded."""
    head, number = amendment.heading, amendment.number
    at = head.rfind(number) if number else -1
    if at < 0:
        return head
    lead = re.search(r"(?:§+\s*|Sec(?:tion)?\.?\s+)$", head[:at])
    return head[lead.start() if lead else at :].rstrip(" —–-")


def _units(
    amendment: Amendment, depth: int, apart: Sequence[tuple[str, ...]] = ()
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The units amended and the units added, each restated whole (to `depth` levels);
    none of the units `apart` (today's paths: repealed or renumbered on their own)."""
    amended: list[tuple[str, ...]] = []
    added: list[tuple[str, ...]] = []
    for r in amendment.provisions:
        if not r.changed or not r.path:
            continue
        if r.action != "insert" and any(r.old_path_or_path[: len(u)] == u for u in apart):
            continue
        if any(r.path[: len(u)] == u for u in added):
            continue  # part of a provision the bill adds
        unit = r.path[:depth]
        bucket = added if r.action == "insert" and len(r.path) <= depth else amended
        if unit not in amended and unit not in added:
            bucket.append(unit)
    return amended, added


def _restated(
    amendment: Amendment, units: list[tuple[str, ...]], renumbered: bool = False
) -> tuple[Restated, ...]:
    """The provisions of the units; `renumbered`: after a bill section renumbered them,
    so their new labels stand unmarked."""
    wanted = set(units)
    return tuple(
        as_renumbered(r) if renumbered else r
        for r in amendment.provisions
        if r.path and any(r.path[: len(u)] == u for u in wanted)
    )


def _changes(
    amended: list[tuple[str, ...]], added: list[tuple[str, ...]], style: Style
) -> dict[str, str]:
    """{changes}, {provisions}, {added} and {verb} for a clause."""
    names = style.level_names

    def grouped(paths: list[tuple[str, ...]]) -> str:
        # "Subsections (a) and (c)", then "Subdivision (2)" (Texas).
        by_level: dict[int, list[str]] = {}
        for p in paths:
            by_level.setdefault(len(p) - 1, []).append("".join(x.rstrip(".") for x in p))
        parts = []
        for level, labels in by_level.items():
            name = names[min(level, len(names) - 1)]
            parts.append(f"{name}{'s' if len(labels) > 1 else ''} {series(labels)}")
        return series(parts)

    pieces = []
    if amended:
        pieces.append(f"amending {grouped(amended)}")
    if added:
        pieces.append(f"adding {grouped(added)}")
    plain = replace(style, ref_suffix="")
    listed = [reference(p, plain) for p in amended] + [
        "a new " + reference(p, plain) for p in added
    ]
    provisions = series(listed) if listed else "[PROVISIONS]"
    count = len(amended) + len(added)
    new = [reference(p, plain) for p in added]
    if len(new) > 1:
        level = names[min(len(added[0]) - 1, len(names) - 1)]
        labels = series(ref.split(" ", 1)[-1] for ref in new)
        adding = f"new {level}s {labels}"
    else:
        adding = "a new " + new[0] if new else "[PROVISIONS]"
    return {
        "changes": " and ".join(pieces) or "[CHANGES]",
        "provisions": provisions,
        "Provisions": provisions[:1].upper() + provisions[1:],
        "added": adding,
        "verb": "are" if count > 1 else "is",
    }
