"""JSON: the bill tree with labels assigned and references resolved.

For other programs (a web front end, a diff tool, a drafting office's system).
Field names are a contract: change them only with a new `format` version.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from drafter.bill import Bill, Node, Provenance, StatuteSection
from drafter.render import dumps
from drafter.render.layout import Numbering, bill_section_label, clean, statute_heading
from drafter.render.standing import summary

#: @2: warnings are records {kind, subject, text}; "standing" added; "extra" removed.
JSON_FORMAT = "drafter/bill@2"


def _provenance(p: Provenance) -> dict[str, Any]:
    return {
        "category": p.category,
        "category_title": p.category_title,
        "tier": p.tier,
        "tier_label": p.tier_label,
        "points": p.points,
        "max": p.max,
        "note": p.note,
    }


def _nodes(nodes: Sequence[Node], level: int, numbering: Numbering) -> list[dict[str, Any]]:
    out = []
    for node in nodes:
        where = numbering.labels.get(node.key)
        out.append(
            {
                "key": node.key,
                "label": where.label if where else "",
                "path": list(where.path) if where else [],
                "level": level,
                "heading": clean(node.heading) if node.heading else None,
                "text": numbering.text(node.text),
                "children": _nodes(node.children, level + 1, numbering),
                "tail": numbering.text(node.tail),
                "provenance": [_provenance(p) for p in node.provenance],
            }
        )
    return out


def _statute(statute: StatuteSection, bill: Bill, numbering: Numbering) -> dict[str, Any]:
    return {
        "number": clean(statute.number),
        "heading": clean(statute.heading),
        "heading_line": statute_heading(bill.style, statute),
        "body": _nodes(statute.body, 0, numbering),
    }


def bill_tree(bill: Bill) -> dict[str, Any]:
    """The bill as plain data (what render_json serializes)."""
    numbering = Numbering(bill)
    return {
        "format": JSON_FORMAT,
        "jurisdiction": bill.jurisdiction,
        "country": bill.country,
        "short_title": bill.short_title,
        "date": bill.date,
        "rubric": {"id": bill.rubric_id, "title": bill.rubric_title},
        "score": summary(bill.score) if bill.score is not None else "",
        "standing": (
            {
                "total": bill.score.total,
                "max": bill.score.max,
                "grade": bill.score.grade,
                "rankable": bill.score.rankable,
                "provisional": bill.score.provisional,
            }
            if bill.score is not None
            else None
        ),
        "title": [clean(line) for line in bill.title],
        "enacting_clause": clean(bill.enacting_clause),
        "sections": [
            {
                "key": section.key,
                "label": bill_section_label(bill.style, i),
                "text": numbering.text(section.text),
                "statute": (
                    _statute(section.statute, bill, numbering)
                    if section.statute is not None
                    else None
                ),
            }
            for i, section in enumerate(bill.sections, start=1)
        ],
        "warnings": [
            {"kind": w.kind, "subject": w.subject, "text": clean(w.text)} for w in bill.warnings
        ],
    }


def render_json(bill: Bill) -> str:
    """The bill tree as indented JSON (UTF-8 text kept, not \\u-escaped)."""
    return dumps(bill_tree(bill))
