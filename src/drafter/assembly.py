"""Assembly: (draft, rubric, language, jurisdiction) -> Bill. Pure, no I/O.

One new statute section: definitions first (only the terms the text uses, and
the terms their definitions use, alphabetized), then one subsection per slot in
the frame's order, then the bill's closing sections (applicability, and
severability and an effective date where the jurisdiction wants them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from drafter.bill import (
    Basis,
    Bill,
    BillSection,
    Node,
    Provenance,
    StatuteSection,
)
from drafter.bill_definitions import definitions_node
from drafter.bill_notices import contradictions, reenactment_notes, warnings_for
from drafter.bill_notices import placeholder as _visible
from drafter.draft import Draft
from drafter.errors import UserError
from drafter.jurisdiction import Profile, profile_for
from drafter.language import (
    CompiledProvision,
    Language,
    item_texts,
    punctuate_items,
    run_in,
)
from drafter.notice import Notice
from drafter.rubric import COVERAGE, Rubric
from drafter.scoring import Scorecard, score
from drafter.textsafe import visible
from drafter.wording import Wording

_FIELD = re.compile(r"\{([a-z_]+)\}")


def _fill(text: str, values: Mapping[str, str]) -> str:
    """Fill {name} fields in a profile string; an unknown one shows as [NAME]."""
    return _FIELD.sub(lambda m: values.get(m.group(1), _visible(m.group(1))), text)


def build_bill(
    draft: Draft,
    rubric: Rubric,
    language: Language,
    card: Scorecard | None = None,
    styled: tuple[Profile, str | None] | None = None,
) -> Bill:
    """The bill a draft describes, in its jurisdiction's form: the one builder.

    The command line and the app both come here. `styled` is the profile and
    its note when the caller resolved them already (the app, once per
    jurisdiction); otherwise the draft's jurisdiction names them. A name with
    no profile drafts in the generic style, and the bill's first warning says so.
    """
    profile, note = styled if styled is not None else profile_for(draft.jurisdiction)
    bill = assemble(draft, rubric, language, profile, card)
    if note is None:
        return bill
    generic = Notice("generic_style", draft.jurisdiction, note)
    return replace(bill, warnings=(generic, *bill.warnings))


def assemble(
    draft: Draft,
    rubric: Rubric,
    language: Language,
    profile: Profile,
    card: Scorecard | None = None,
) -> Bill:
    """Build the bill a draft describes, in the given jurisdiction's form.

    `card` is the draft's scorecard when the caller has it (it is scored here
    otherwise); the bill carries its standing for the documents to show.
    """
    if draft.coverage == "none":
        raise UserError(
            None,
            "coverage 'none' describes a state with no trafficking-specific statute, so there "
            "is no bill to build; set coverage to adults (or minors_only)",
        )
    if card is None:
        card = score(rubric, draft)
    defaults = profile.parameter_defaults(draft.jurisdiction)
    params = profile.parameters_for(draft)
    values = language.values(params)
    frame = language.frame
    wording = bill_wording(draft, profile)
    unit = wording.unit
    style = profile.style()
    heading_format = profile.style_spec.unit_heading_formats.get(unit)
    if heading_format:
        style = replace(style, section_heading_format=heading_format)

    by_slot: dict[str, list[_Entry]] = {}
    used_params: dict[str, None] = {}
    used_terms: dict[str, None] = {}
    title_additions: list[str] = []
    silent: list[Provenance] = []

    def add(p: CompiledProvision, prov: Provenance | None, basis: Basis | None = None) -> None:
        by_slot.setdefault(p.slot, []).append(_Entry(p, prov, basis))
        for name in (*p.text.names(), *(n for t in p.items for n in t.names())):
            used_params[name] = None
        if p.items_from:
            used_params[p.items_from] = None
        for term in p.terms:
            used_terms[term] = None

    coverage_lang = language.tier(COVERAGE, draft.coverage)
    if coverage_lang is not None:
        rule = rubric.coverage[draft.coverage]
        cov_prov = Provenance(
            "coverage",
            "Coverage",
            draft.coverage,
            rule.label,
            0,
            0,
            coverage_lang.note,
            coverage_lang.source,
        )
        for p in coverage_lang.provisions:
            add(p, cov_prov)

    for cat, cat_score in zip(rubric.categories, card.categories, strict=True):
        tier_id = draft.choices.get(cat.id)
        if tier_id is None:
            slot = language.category_slots.get(cat.id)
            if slot is not None:
                by_slot.setdefault(slot, []).append(
                    _Entry(None, None, None, f"[{cat.title}: not yet drafted]")
                )
            continue
        lang = language.tier(cat.id, tier_id)
        if lang is None:
            raise UserError(
                language.folder,
                f"no model language for {cat.id}: {tier_id}; add it or run drafter validate",
            )
        tier = cat.tier(tier_id)
        assert tier is not None  # the draft was checked against this rubric
        prov = Provenance(
            cat.id,
            cat.title,
            tier.id,
            tier.label,
            cat_score.points,
            cat.max,
            lang.note,
            lang.source,
        )
        if lang.title:
            title_additions.append(lang.title)
        if lang.absent:
            silent.append(prov)
        for p in lang.provisions:
            if p.applies(params, language.parameters):
                add(p, prov)

    for p in language.frame_provisions:
        if p.applies(params, language.parameters):
            add(p, None, Basis(p.tier, p.note, p.source))

    body: list[Node] = []
    spec = profile.style_spec
    definitions = definitions_node(language, used_terms, values, used_params, spec, wording)
    if definitions is not None:
        body.append(definitions)
    for slot in frame.slots:
        entries = by_slot.get(slot)
        if entries:
            body.append(_subsection(slot, entries, params, values, language, wording))

    fields = _bill_fields(draft, defaults, values, _subject(frame.title_subject, title_additions))
    fields["unit"] = unit.capitalize()
    action = draft.bill.action
    title = tuple(getattr(profile.title, action))
    instruction = getattr(profile.instruction, action)
    statute = StatuteSection(
        number=fields["section"], heading=frame.section_heading, body=tuple(body)
    )
    closing = profile.closing
    applicability = (
        getattr(closing.applicability, action)
        if closing.applicability is not None
        else frame.applicability.text.strip()
    )
    sections = [
        BillSection("enact", _fill(instruction, fields), statute),
        BillSection("applicability", wording.act(_fill(applicability, fields))),
    ]
    if closing.severability:
        text = closing.severability_text or frame.severability.text
        sections.append(BillSection("severability", wording.act(" ".join(text.split()))))
    if closing.effective_date:
        sections.append(BillSection("effective_date", _fill(closing.effective_date, fields)))
    # Parameters the jurisdiction's own strings use (the state's name in the
    # enacting clause, say) are owed too.
    unset_fields: dict[str, None] = {}
    for text in (
        *title,
        instruction,
        applicability,
        profile.enacting_clause,
        closing.effective_date or "",
    ):
        for name in _FIELD.findall(text):
            if name in language.parameters:
                used_params[name] = None
            elif name not in fields or fields[name] == _visible(name):
                unset_fields[name] = None

    warnings = warnings_for(card, language, used_params, params, unset_fields)
    warnings.extend(contradictions(draft))
    return Bill(
        jurisdiction=profile.name,
        country=profile.country,
        style=style,
        title=tuple(_fill(line, fields) for line in title),
        enacting_clause=_fill(profile.enacting_clause, fields),
        sections=tuple(sections),
        rubric_id=rubric.id,
        rubric_title=rubric.title,
        score=card.standing,
        warnings=tuple(warnings),
        short_title=frame.short_title,
        date=draft.bill.date or "",
        page=profile.page,
        notes=tuple(reenactment_notes(draft, profile, body, style)),
        silent=tuple(silent),
    )


@dataclass(frozen=True, slots=True)
class _Entry:
    """One provision (or an open category's placeholder) waiting for its slot."""

    provision: CompiledProvision | None
    provenance: Provenance | None
    basis: Basis | None
    placeholder: str = ""


def bill_code(draft: Draft, profile: Profile) -> str | None:
    """The code the bill's section goes into: the draft's, else the profile's default."""
    return profile.bill_code(draft)


def bill_wording(draft: Draft, profile: Profile) -> Wording:
    """The word forms of `draft`'s bill: in the unit its code is divided into
    (section or article), in the profile's style. The bill, the amending bill
    and the app's tier texts all word their text through this."""
    return wording_for(profile, profile.unit(bill_code(draft, profile)))


def wording_for(profile: Profile, unit: str) -> Wording:
    """The profile's word forms for a bill in this unit (section or article)."""
    spec = profile.style_spec
    return Wording(
        unit=unit,
        prohibition=spec.prohibition,
        prosecutor=profile.prosecutor_term,
        act_name=spec.act_name,
        definition_form=spec.definition_form,
    )


def _subsection(
    slot: str,
    entries: list[_Entry],
    params: Mapping[str, Any],
    values: Mapping[str, str],
    language: Language,
    wording: Wording,
) -> Node:
    texts: list[str] = []
    children: list[Node] = []
    provenance: list[Provenance] = []
    basis: list[Basis] = []
    heading = None
    for entry in entries:
        p = entry.provision
        if p is None:
            texts.append(entry.placeholder)
            continue
        heading = heading or p.heading
        texts.append(wording.statute(p.text.fill(values)))
        items = punctuate_items(item_texts(p, params, values, language.parameters), p)
        if len(items) == 1:
            # An unfilled list (or a list of one): in the sentence, not a lone item.
            texts[-1] = run_in(texts[-1], items[0])
        else:
            base = len(children)
            children.extend(
                Node(key=f"{slot}.{base + i}", text=wording.statute(t))
                for i, t in enumerate(items, 1)
            )
        if entry.provenance is not None and entry.provenance not in provenance:
            provenance.append(entry.provenance)
        if entry.basis is not None:
            basis.append(entry.basis)
    return Node(
        key=slot,
        heading=heading or language.frame.slot_headings.get(slot),
        text=" ".join(texts),
        children=tuple(children),
        provenance=tuple(provenance),
        basis=tuple(basis),
    )


def _subject(subject: str, additions: list[str]) -> str:
    return ", ".join([subject, *additions]) if additions else subject


def _bill_fields(
    draft: Draft, defaults: Mapping[str, str], values: Mapping[str, str], subject: str
) -> dict[str, str]:
    fields = {**defaults, **values}
    fields["subject"] = subject
    for name in ("section", "chapter", "code"):
        value = getattr(draft.bill, name) or defaults.get(name)
        fields[name] = visible(value) if value else _visible(name)
    return fields
