"""Akoma Ntoso 3.0 (OASIS LegalDocML) XML, valid against the strict schema.

The bill is `akomaNtoso/bill`: FRBR identification, the title as the preface's
longTitle, the enacting clause as the preamble's enactingFormula, and each bill
section as a body `section`. A section that enacts statute text carries it the
way Akoma Ntoso models an amendment: the instruction in a `p`, and the new
section inside `mod/quotedStructure`, so the quoted law keeps its own structure
(`section/subsection/paragraph`, each with `num`, `heading`, and `content/p`
or `intro` + children + `wrapUp`). The rubric and score go in `meta/notes` and
`meta/proprietary`. lxml is imported inside render_akn, not at module import.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from drafter.bill import Bill, Node, StatuteSection
from drafter.render.layout import (
    Numbering,
    bill_section_label,
    clean,
    letters,
    node_heading,
    rubric_note,
    score_line,
    slug,
    statute_heading,
    xml_safe,
)

if TYPE_CHECKING:
    from lxml.etree import _Element

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: drafter's own namespace for the score, inside meta/proprietary.
DRAFTER_NS = "urn:x-drafter:bill:1"
#: Akoma Ntoso's hierarchy elements by depth, and their eId prefixes.
LEVELS = (
    ("subsection", "subsec"),
    ("paragraph", "para"),
    ("subparagraph", "subpara"),
    ("clause", "clause"),
    ("subclause", "subclause"),
    ("point", "point"),
)

_ID_CHARS = re.compile(r"[^A-Za-z0-9-]+")


def _id_part(label: str, index: int) -> str:
    # eIds follow the AKN naming convention: the number without its punctuation.
    # An unlabelled (lone) node falls back to its position.
    core = _ID_CHARS.sub("", label)
    return core or str(index)


class _Builder:
    """Holds the element maker and the bill's numbering while the tree is built."""

    def __init__(self, bill: Bill) -> None:
        from lxml import etree

        self.etree: Any = etree
        self.bill = bill
        self.numbering = Numbering(bill)

    def el(self, parent: _Element | None, tag: str, text: str | None = None, **attrs: str) -> Any:
        name = f"{{{AKN_NS}}}{tag}"
        if parent is None:
            node = self.etree.Element(name, nsmap={None: AKN_NS})
        else:
            node = self.etree.SubElement(parent, name)
        for key, value in attrs.items():
            node.set(key, xml_safe(value))
        if text is not None:
            node.text = xml_safe(text)
        return node

    def p(self, parent: _Element, text: str) -> Any:
        return self.el(parent, "p", text)

    # --- meta ---------------------------------------------------------------

    def meta(self, root: _Element, date: str) -> None:
        bill = self.bill
        country = bill.country or "us"
        name = slug(bill.short_title or " ".join(bill.title), "bill")
        work = f"/akn/{country}/bill/{date}/{name}"
        expression = f"{work}/eng@{date}"
        meta = self.el(root, "meta")
        ident = self.el(meta, "identification", source="#drafter")
        for tag, this, uri in (
            ("FRBRWork", f"{work}/!main", work),
            ("FRBRExpression", f"{expression}/!main", expression),
            ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.akn"),
        ):
            frbr = self.el(ident, tag)
            self.el(frbr, "FRBRthis", value=this)
            self.el(frbr, "FRBRuri", value=uri)
            self.el(frbr, "FRBRdate", date=date, name="Generation")
            self.el(frbr, "FRBRauthor", href="#drafter")
            if tag == "FRBRWork":
                self.el(frbr, "FRBRcountry", value=country)
            elif tag == "FRBRExpression":
                self.el(frbr, "FRBRlanguage", language="eng")
        refs = self.el(meta, "references", source="#drafter")
        self.el(
            refs,
            "TLCOrganization",
            eId="drafter",
            href="/ontology/organization/drafter",
            showAs="drafter",
        )
        notes = self.el(meta, "notes", source="#drafter")
        note = self.el(notes, "note", eId="note_rubric")
        self.p(note, rubric_note(bill))
        for i, warning in enumerate(bill.warnings, start=1):
            note = self.el(notes, "note", eId=f"note_open_{i}")
            self.p(note, f"Still to settle: {clean(warning.text)}")
        proprietary = self.el(meta, "proprietary", source="#drafter")
        score = self.etree.SubElement(
            proprietary, f"{{{DRAFTER_NS}}}score", nsmap={"drafter": DRAFTER_NS}
        )
        score.set("rubric", xml_safe(bill.rubric_id))
        score.set("rubricTitle", xml_safe(bill.rubric_title))
        score.set("summary", xml_safe(score_line(bill)))
        score.set("jurisdiction", xml_safe(bill.jurisdiction))

    # --- text ---------------------------------------------------------------

    def nodes(self, parent: _Element, nodes: Sequence[Node], level: int, prefix: str) -> None:
        tag, short = LEVELS[min(level, len(LEVELS) - 1)]
        for i, node in enumerate(nodes, start=1):
            label = self.numbering.label(node.key)
            eid = f"{prefix}__{short}_{_id_part(label, i)}"
            element = self.el(parent, tag, eId=eid)
            if label:
                self.el(element, "num", label)
            # Only headings the printed law carries (see Style.subdivision_headings).
            heading = node_heading(self.bill.style, node)
            if heading:
                self.el(element, "heading", heading)
            text = self.numbering.text(node.text)
            if node.children:
                if text:
                    self.p(self.el(element, "intro"), text)
                self.nodes(element, node.children, level + 1, eid)
                tail = self.numbering.text(node.tail)
                if tail:
                    self.p(self.el(element, "wrapUp"), tail)
            else:
                self.p(self.el(element, "content"), text)

    def statute(self, parent: _Element, statute: StatuteSection, prefix: str) -> None:
        number = clean(statute.number)
        eid = f"{prefix}__sec_{_id_part(number, 1)}"
        section = self.el(parent, "section", eId=eid)
        self.el(section, "num", number)
        heading = clean(statute.heading).removesuffix(".")
        if heading and self.bill.style.heading_caps:
            heading = heading.upper()
        if heading:
            self.el(section, "heading", heading)
        if statute.body:
            self.nodes(section, statute.body, 0, eid)
        else:
            self.p(self.el(section, "content"), "")

    def body(self, root: _Element) -> None:
        style = self.bill.style
        body = self.el(root, "body")
        for i, bill_section in enumerate(self.bill.sections, start=1):
            label = bill_section_label(style, i)
            eid = f"sec_{letters(i) if style.bill_section_labels == 'letters' else i}"
            section = self.el(body, "section", eId=eid)
            self.el(section, "num", label)
            content = self.el(section, "content")
            p = self.p(content, self.numbering.text(bill_section.text))
            if bill_section.statute is not None:
                # The new law is quoted structure inside the instruction.
                if p.text:
                    p.text += " "
                mod = self.el(p, "mod", eId=f"{eid}__mod_1")
                quoted = self.el(mod, "quotedStructure", eId=f"{eid}__mod_1__qstr_1")
                quoted.set("startQuote", "")
                # The statute's printed heading line, kept for readers of the XML.
                quoted.set("title", xml_safe(statute_heading(style, bill_section.statute)))
                self.statute(quoted, bill_section.statute, f"{eid}__mod_1__qstr_1")

    def build(self) -> Any:
        bill = self.bill
        date = _iso_date(bill.date)
        root = self.el(None, "akomaNtoso")
        doc = self.el(root, "bill", name="bill")
        self.meta(doc, date)
        title = [clean(line) for line in bill.title if clean(line)]
        if title:
            long_title = self.el(self.el(doc, "preface"), "longTitle")
            for line in title:
                self.p(long_title, line)
        enacting = clean(bill.enacting_clause)
        if enacting:
            formula = self.el(self.el(doc, "preamble"), "formula", name="enactingFormula")
            self.p(formula, enacting)
        self.body(doc)
        return root


def _iso_date(value: str) -> str:
    """FRBRdate must be a full ISO date; anything else falls back to today."""
    try:
        return _dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return _dt.date.today().isoformat()


def render_akn(bill: Bill) -> bytes:
    """The bill as Akoma Ntoso 3.0 XML (UTF-8 bytes with an XML declaration)."""
    from lxml import etree

    root = _Builder(bill).build()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
