"""An amending bill as Akoma Ntoso 3.0: the modifications recorded, not only printed.

The bill's meta carries `analysis/activeModifications`, one `textualMod` per
changed provision: `substitution` for a provision whose words change,
`insertion` for a new one, `repeal` for one struck whole, `renumbering` for
one only relabelled; each points from the quoted text in the body (source)
to the provision of today's section it changes, by its label today
(destination; an insertion points at the provision it follows, pos="after").
The body quotes the restated provisions inside the amending clause's
`mod/quotedStructure`, new and omitted words marked with `ins` and `del`.
Valid against the strict OASIS schema (tests/test_amend_cli.py).
"""

from __future__ import annotations

import re
from typing import Any

from drafter.amend.bill import AmendingBill
from drafter.amend.model import Restated
from drafter.render.akn import _Builder, _iso_date
from drafter.render.layout import bill_section_label, clean, letters, xml_safe

_MOD_TYPE = {"replace": "substitution", "insert": "insertion", "strike": "repeal"}


def _mod_type(r: Restated) -> str:
    """A provision only relabelled is a renumbering; one whose references alone change,
    a substitution."""
    if r.action != "keep":
        return _MOD_TYPE[r.action]
    relabelled = r.new_text.replace(r.label, r.old_label, 1) == r.old_text
    return "renumbering" if r.old_path and relabelled else "substitution"


_ID = re.compile(r"[^A-Za-z0-9-]+")


def _key(r: Restated) -> tuple[str, tuple[str, ...], tuple[str, ...] | None]:
    """A provision, the same in the amendment and in a part that restates it (a part
    may restate a copy: a label another bill section renumbered stands unmarked)."""
    return (r.action, r.path, r.old_path)


def _eid(path: tuple[str, ...]) -> str:
    return "__".join(f"prov_{_ID.sub('', p) or 'x'}" for p in path) or "prov_text"


def render_amendment_akn(ab: AmendingBill) -> bytes:
    from lxml import etree

    b = _Builder(ab.frame)
    frame = ab.frame
    date = _iso_date(frame.date)
    root = b.el(None, "akomaNtoso")
    doc = b.el(root, "bill", name="amendingBill")
    b.meta(doc, date)
    meta = doc[0]
    number = clean(ab.amendment.number) or "section"
    target = f"/akn/{frame.country or 'us'}/act/{_ID.sub('-', number)}"
    analysis = b.etree.Element(f"{{{root.nsmap[None]}}}analysis", source="#drafter")
    meta.insert(1, analysis)
    mods = b.el(analysis, "activeModifications")
    # Each restated provision's eId in the body, so the modifications can point at it.
    where: dict[tuple[str, tuple[str, ...], tuple[str, ...] | None], str] = {}
    seen: set[str] = set()
    for k, part in enumerate(ab.parts, start=1):
        for i, r in enumerate(part.restated, start=1):
            # Today's label, so a renumbered provision and the one struck before it
            # do not trade names; a new one, its own.
            eid = _eid(r.old_path or r.path) if r.path else f"prov_{i}"
            while eid in seen:
                eid += "-1"
            seen.add(eid)
            where[_key(r)] = f"sec_{k}__mod_1__qstr_1__{eid}"
    # Each destination is a provision of today's section, by its label today (an
    # inserted one: the provision it follows, or the section's end).
    anchor: tuple[str, ...] | None = None
    #: Provisions a bill section repeals or renumbers without restating them.
    named = {
        _key(r): (k, "repeal" if r in part.repealed else "renumbering")
        for k, part in enumerate(ab.parts, 1)
        for r in (*part.repealed, *part.moved)
    }
    for r in ab.amendment.provisions:
        key = _key(r)
        if key in named:
            k, kind = named[key]
            dest = b.el(mods, "textualMod", type=kind, eId=f"amod_{len(mods) + 1}")
            b.el(dest, "source", href=f"#sec_{k}")
            b.el(dest, "destination", href=f"{target}/~{_eid(r.old_path or r.path)}")
        if r.changed and key in where:
            # (renumbered by a section of its own and amended too: a substitution here)
            kind = "substitution" if key in named else _mod_type(r)
            dest = b.el(mods, "textualMod", type=kind, eId=f"amod_{len(mods) + 1}")
            b.el(dest, "source", href=f"#{where[key]}")
            if r.action != "insert":
                b.el(dest, "destination", href=f"{target}/~{_eid(r.old_path or r.path)}")
            elif anchor:
                b.el(dest, "destination", href=f"{target}/~{_eid(anchor)}", pos="after")
            else:
                b.el(dest, "destination", href=target, pos="end")
        if r.action != "insert" and r.path:
            anchor = r.old_path or r.path
    title = [clean(line) for line in frame.title if clean(line)]
    if title:
        long_title = b.el(b.el(doc, "preface"), "longTitle")
        for line in title:
            b.p(long_title, line)
    formula = b.el(b.el(doc, "preamble"), "formula", name="enactingFormula")
    b.p(formula, clean(frame.enacting_clause))
    body = b.el(doc, "body")
    style = ab.style
    for k, part in enumerate(ab.parts, start=1):
        section = b.el(body, "section", eId=f"sec_{k}")
        b.el(section, "num", bill_section_label(style, k))
        if not part.restated:
            # It repeals or renumbers, naming the provisions: nothing is quoted.
            b.p(b.el(section, "content"), clean(part.clause))
            continue
        p = b.p(b.el(section, "content"), clean(part.clause) + " ")
        mod = b.el(p, "mod", eId=f"sec_{k}__mod_1")
        quoted = b.el(mod, "quotedStructure", eId=f"sec_{k}__mod_1__qstr_1")
        quoted.set("startQuote", "")
        if part.heading_line:
            quoted.set("title", xml_safe(part.heading_line))
        for r in part.restated:
            container = b.el(quoted, "hcontainer", eId=where[_key(r)], name="provision")
            if r.label:
                b.el(container, "num", r.label)
            para = b.p(b.el(container, "content"), "")
            _marked(b, para, r.pieces, r.label)
    closing = (s for s in frame.sections if s.key != "enact")
    for i, bill_section in enumerate(closing, start=len(ab.parts) + 1):
        eid = f"sec_{letters(i) if style.bill_section_labels == 'letters' else i}"
        sec = b.el(body, "section", eId=eid)
        b.el(sec, "num", bill_section_label(style, i))
        b.p(b.el(sec, "content"), clean(bill_section.text))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _marked(b: Any, para: Any, pieces: tuple[Any, ...], label: str) -> None:
    """Pieces as text with `ins` and `del` (the label, printed in `num`, left out)."""
    last = None
    for k, piece in enumerate(pieces):
        text = clean(piece.text)
        if k == 0 and label and text.startswith(label):
            text = text[len(label) :].strip()
            if not text:
                continue
        lead = "" if last is None and not para.text else " "
        if piece.kind == "equal":
            if last is None:
                para.text = xml_safe((para.text or "") + lead + text)
            else:
                last.tail = xml_safe((last.tail or "") + lead + text)
            continue
        if last is None:
            para.text = xml_safe((para.text or "") + lead)
        else:
            last.tail = xml_safe((last.tail or "") + lead)
        last = b.el(para, "ins" if piece.kind == "insert" else "del", text)
