"""Page furniture in Word: margins, line numbers, the page number, the running head.

The page number is a real PAGE field (Word and LibreOffice update it on every
page), in the header or footer as the profile places it. A running head (the
bill number, say) prints on every page after the first, so page 1 gets its own
header and footer, where the state's explanation of its type marks goes too.
Line numbers are a `w:lnNumType` element in the section
properties, which python-docx cannot set directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.page import PageSpec
from drafter.render.docx_styles import EXPLANATION, PAGE_FURNITURE
from drafter.render.layout import xml_safe

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.section import _Footer, _Header
    from docx.text.paragraph import Paragraph

# Where w:lnNumType may sit in w:sectPr: before these siblings (OOXML schema order).
_AFTER_LN_NUM = (
    "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
    "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
)  # fmt: skip
#: Between the line numbers and the text: 0.25 inch, in twentieths of a point.
LINE_NUMBER_DISTANCE = "360"


def set_margins(document: DocumentObject, page: PageSpec) -> None:
    from docx.shared import Inches

    section = document.sections[-1]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.top_margin = Inches(page.margins.top)
    section.bottom_margin = Inches(page.margins.bottom)
    section.left_margin = Inches(page.margins.left)
    section.right_margin = Inches(page.margins.right)


def set_line_numbers(document: DocumentObject, mode: str) -> None:
    """Number every line in the margin: "per_page", "continuous", or "none"."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sect_pr = document.sections[-1]._sectPr
    for old in sect_pr.findall(qn("w:lnNumType")):
        sect_pr.remove(old)
    if mode == "none":
        return
    ln = OxmlElement("w:lnNumType")
    ln.set(qn("w:countBy"), "1")
    ln.set(qn("w:restart"), "newPage" if mode == "per_page" else "continuous")
    ln.set(qn("w:distance"), LINE_NUMBER_DISTANCE)
    for tag in _AFTER_LN_NUM:
        successor = sect_pr.find(qn(f"w:{tag}"))
        if successor is not None:
            successor.addprevious(ln)
            break
    else:
        sect_pr.append(ln)


def add_page_field(paragraph: Paragraph) -> None:
    """A PAGE field: begin, instruction, separator, a shown value, end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> None:
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(fld)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run("1")
    char("end")


def _fill(
    part: _Header | _Footer, style_id: str, head: str | None, page_number: bool, right: bool
) -> None:
    """One header or footer line: the head and/or the page number, at its tab stop."""
    part.is_linked_to_previous = False
    para = part.paragraphs[0]
    para._p.get_or_add_pPr().style = style_id
    if head:
        # With the page number at the right, the head takes the left margin.
        para.add_run(xml_safe(head) if page_number and right else "\t\t" + xml_safe(head))
    if page_number:
        para.add_run("\t\t" if right else "\t")
        add_page_field(para)


def add_furniture(document: DocumentObject, page: PageSpec) -> None:
    """Page numbers on every page, and the running head on every page after the first."""
    section = document.sections[-1]
    in_header = page.page_number == "header_right"
    right = page.page_number != "footer_center"
    style = document.styles[PAGE_FURNITURE].style_id
    _fill(section.header, style, page.running_head, in_header, right)
    _fill(section.footer, style, None, not in_header, right)
    if page.running_head or page.explanation:
        section.different_first_page_header_footer = True
        _fill(section.first_page_header, style, None, in_header, right)
        _fill(section.first_page_footer, style, None, not in_header, right)
    if page.explanation:
        # Above page 1's page number (when it is in the footer).
        said = section.first_page_footer.paragraphs[0].insert_paragraph_before(
            xml_safe(page.explanation)
        )
        said._p.get_or_add_pPr().style = document.styles[EXPLANATION].style_id


__all__ = ["add_furniture", "add_page_field", "set_line_numbers", "set_margins"]
