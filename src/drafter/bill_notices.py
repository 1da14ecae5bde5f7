"""What a bill leaves to settle, as structured notices: unfilled parameters, unset
fields, open categories, tiers that defeat each other, and what a reenactment
restates of the section it repeals. Pure; the documents word them at the edge.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drafter.bill import Node, Style, number, resolve_refs
from drafter.draft import Draft
from drafter.jurisdiction import Profile
from drafter.language import Language
from drafter.notice import Notice
from drafter.scoring import Scorecard


def placeholder(name: str) -> str:
    return f"[{name.replace('_', ' ').upper()}]"


def warnings_for(
    card: Scorecard,
    language: Language,
    used_params: Mapping[str, None],
    params: Mapping[str, Any],
    unset_fields: Mapping[str, None],
) -> list[Notice]:
    out = []
    for name in language.missing(used_params, params):
        decl = language.parameters[name]
        text = f"unfilled parameter {name} ({decl.prompt}): shown as [{decl.placeholder}]"
        out.append(Notice("unfilled_parameter", name, text))
    for name in unset_fields:
        where = f"bill.{name}" if name in {"section", "chapter", "code"} else name
        text = f"unset {name}: set {where} in the draft; shown as {placeholder(name)}"
        out.append(Notice("unset_field", name, text))
    for cat_id in card.open:
        cat = card.category(cat_id)
        text = f"open category {cat_id} ({cat.title}): no provision yet"
        out.append(Notice("open_category", cat_id, text))
    return out


def contradictions(draft: Draft) -> list[Notice]:
    """Combinations of tiers that are each sound but defeat each other."""
    out = []
    hearing = draft.choices.get("hearing_requirement", "")
    if draft.choices.get("judicial_discretion") == "none" and hearing.startswith("opposed"):
        text = (
            "contradiction judicial_discretion/hearing_requirement: a hearing is held only "
            "when the prosecuting attorney objects, but then the court may not grant the "
            "motion, so that hearing can never lead to relief; choose the 5- or 10-point "
            "judicial discretion tier, or a hearing tier that does not turn on an objection"
        )
        out.append(Notice("contradiction", "judicial_discretion", text))
    return out


def reenactment_notes(draft: Draft, profile: Profile, body: list[Node], style: Style) -> list[str]:
    """What the repealed section gave, and where the reenactment restates it."""
    law = profile.current_law
    if draft.bill.action != "reenact" or law is None or not profile.protections:
        return []
    labels = number(body, style)
    present = {node.key for node in body}
    out = []
    for item in profile.protections:
        if item.restated_in in present:
            where = resolve_refs(f"{{ref:{item.restated_in}}}", labels, style)
            out.append(
                f"{law.citation} as it stands: {item.text}; the reenactment restates it in {where}."
            )
        else:
            out.append(
                f"{law.citation} as it stands: {item.text}; this reenactment does not "
                "restate it, so the bill would repeal it: add it before introduction."
            )
    return out
