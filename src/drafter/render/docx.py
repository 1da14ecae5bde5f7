"""Word (.docx): what legislative offices edit, with literal labels and line numbers.

python-docx has no list-numbering API, and Word's own numbering would renumber
labels on every edit, so labels are written as text followed by a tab, with a
hanging indent per level. Line numbers (restarting each page) are a `w:lnNumType`
element in the section properties, which python-docx cannot set directly.
python-docx and lxml are imported inside the functions: `drafter score` must not
pay for them.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from drafter.bill import Bill
from drafter.render._common import Block, layout, rubric_note, xml_safe

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject

FONT = "Times New Roman"
FONT_SIZE_PT = 12
#: Indent per subdivision level, and the hanging indent a label sits in (inches).
LEVEL_INDENT_IN = 0.5
HANG_IN = 0.5

# Where w:lnNumType may sit in w:sectPr: before these siblings (OOXML schema order).
_AFTER_LN_NUM = (
    "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
    "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
)  # fmt: skip


def new_document() -> DocumentObject:
    """A blank document in Times New Roman 12 (East Asian text included)."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(FONT_SIZE_PT)
    # font.name sets only the Latin slot; set the others so no run falls back.
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(slot), FONT)
    return document


def add_line_numbers(document: DocumentObject) -> None:
    """Number every line in the margin, restarting on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sect_pr = document.sections[-1]._sectPr
    for old in sect_pr.findall(qn("w:lnNumType")):
        sect_pr.remove(old)
    ln = OxmlElement("w:lnNumType")
    ln.set(qn("w:countBy"), "1")
    ln.set(qn("w:restart"), "newPage")
    # 0.25 inch between the numbers and the text, in twentieths of a point.
    ln.set(qn("w:distance"), "360")
    for tag in _AFTER_LN_NUM:
        successor = sect_pr.find(qn(f"w:{tag}"))
        if successor is not None:
            successor.addprevious(ln)
            break
    else:
        sect_pr.append(ln)


def set_properties(document: DocumentObject, bill: Bill, title: str | None = None) -> None:
    """Core properties: the bill's title, and the rubric it was scored against."""
    props = document.core_properties
    props.title = xml_safe(title or bill.short_title or " ".join(bill.title))[:255]
    rubric = bill.rubric_title or bill.rubric_id
    if bill.rubric_id and bill.rubric_title:
        rubric = f"{bill.rubric_title} ({bill.rubric_id})"
    summary = f": {bill.score_summary}" if bill.score_summary else ""
    props.subject = xml_safe(f"Scored against {rubric}{summary}")[:255]
    props.author = "drafter"
    props.keywords = xml_safe(f"{bill.jurisdiction}; {bill.rubric_id}")[:255]
    props.comments = xml_safe(rubric_note(bill))[:255]


def paragraph_text(block: Block) -> str:
    """The exact text a block's Word paragraph holds (tests compare against it)."""
    if block.kind in ("title", "enacting", "tail"):
        text = block.text
    elif block.kind == "bill_section":
        text = f"{block.label} {block.text}" if block.text else block.label
    elif block.kind == "heading":
        if block.label:
            text = f"{block.heading} {block.label}\t{block.text}"
        else:
            text = f"{block.heading} {block.text}" if block.text else block.heading
    else:
        lead = f"{block.label}\t" if block.label else ""
        heading = f"{block.heading}. " if block.heading else ""
        text = f"{lead}{heading}{block.text}"
    return xml_safe(text)


def _write_block(document: DocumentObject, block: Block) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Inches

    para = document.add_paragraph()
    fmt = para.paragraph_format
    fmt.space_after = 0
    fmt.space_before = 0
    if block.kind == "title":
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(xml_safe(block.text)).bold = True
        return
    if block.kind == "enacting":
        fmt.space_before = Inches(1 / 6)
        fmt.first_line_indent = Inches(HANG_IN)
        para.add_run(xml_safe(block.text))
        return
    if block.kind == "bill_section":
        fmt.space_before = Inches(1 / 6)
        fmt.first_line_indent = Inches(HANG_IN)
        para.add_run(xml_safe(block.label)).bold = True
        if block.text:
            para.add_run(" " + xml_safe(block.text))
        return
    if block.kind == "heading":
        fmt.space_before = Inches(1 / 6)
        fmt.first_line_indent = Inches(HANG_IN)
        para.add_run(xml_safe(block.heading)).bold = True
        if block.label:
            para.add_run(" " + xml_safe(block.label) + "\t")
            para.add_run(xml_safe(block.text))
        elif block.text:
            para.add_run(" " + xml_safe(block.text))
        return
    left = Inches(LEVEL_INDENT_IN * block.level + HANG_IN)
    fmt.left_indent = left
    if block.kind == "tail":
        para.add_run(xml_safe(block.text))
        return
    # A hanging indent: the label sits in the margin, the text wraps under itself.
    fmt.first_line_indent = -Inches(HANG_IN)
    fmt.tab_stops.add_tab_stop(left)
    if block.label:
        para.add_run(xml_safe(block.label) + "\t")
    if block.heading:
        para.add_run(xml_safe(block.heading) + ". ").italic = True
    if block.text:
        para.add_run(xml_safe(block.text))


def add_note(document: DocumentObject, bill: Bill) -> None:
    """The rubric note and open items, after the bill, in small italics."""
    from docx.shared import Inches, Pt

    para = document.add_paragraph()
    para.paragraph_format.space_before = Inches(1 / 3)
    run = para.add_run(xml_safe(rubric_note(bill)))
    run.italic = True
    run.font.size = Pt(10)
    for warning in bill.warnings:
        item = document.add_paragraph()
        run = item.add_run("Still to settle: " + xml_safe(warning))
        run.italic = True
        run.font.size = Pt(10)


def to_bytes(document: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_docx(bill: Bill, line_numbers: bool = True) -> bytes:
    """The bill as a .docx file (bytes), Times New Roman 12, labels as text."""
    document = new_document()
    set_properties(document, bill)
    for block in layout(bill):
        _write_block(document, block)
    add_note(document, bill)
    if line_numbers:
        add_line_numbers(document)
    return to_bytes(document)
