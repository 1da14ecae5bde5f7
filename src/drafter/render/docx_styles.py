"""The named Word styles a bill is written in, so an office restyles by editing styles.

Every paragraph of the bill carries a paragraph style (title, caption,
enacting clause, bill section, section heading, one per subdivision level) and
every emphasised run a character style (section label, catchline, subdivision
heading, inserted and deleted text); the runs carry no direct formatting. The
styles are built from the profile's page block (font, spacing, which parts are
bold) and the drafting style (how new and deleted matter are marked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from drafter.bill import Style
from drafter.page import PageSpec

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.styles.style import CharacterStyle, ParagraphStyle

HEADER = "Bill Header"
HEADER_CENTERED = "Bill Header Centered"
TITLE = "Bill Title"
CAPTION = "Bill Caption"
ENACTING = "Enacting Clause"
BILL_SECTION = "Bill Section"
SECTION_HEADING = "Section Heading"
NOTE = "Drafter Note"
PAGE_FURNITURE = "Page Furniture"
EXPLANATION = "Bill Explanation"

BILL_SECTION_LABEL = "Bill Section Label"
CATCHLINE = "Section Catchline"
SUBDIVISION_HEADING = "Subdivision Heading"
INSERTED = "Inserted Text"
DELETED = "Deleted Text"
#: The catchline and a subdivision heading when they are also new matter.
INSERTED_CATCHLINE = "Inserted Catchline"
INSERTED_SUBDIVISION_HEADING = "Inserted Subdivision Heading"

#: Indent per subdivision level, and the hanging indent a label sits in (inches).
LEVEL_INDENT_IN = 0.5
HANG_IN = 0.5
#: Space above a bill section, the enacting clause and a section heading (points).
SPACE_BEFORE_PT = 12


def level_style(level: int) -> str:
    """The paragraph style of a subdivision at `level` (0 = subsection)."""
    return f"Subsection Level {level + 1}"


def continued_style(level: int) -> str:
    """The style of text that closes a subdivision after its children."""
    return f"Subsection Level {level + 1} Continued"


def text_width_in(page: PageSpec) -> float:
    """Letter paper's width less the side margins."""
    return 8.5 - page.margins.left - page.margins.right


def _new_style(document: DocumentObject, name: str, kind: int) -> Any:
    """A new style; `styles.add_style` scans every style by name first, which is slow."""
    from docx.styles.style import StyleFactory

    return StyleFactory(document.styles.element.add_style_of_type(name, kind, False))


def _paragraph(document: DocumentObject, name: str) -> ParagraphStyle:
    from docx.enum.style import WD_STYLE_TYPE

    style = _new_style(document, name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.basedOn_val = "Normal"
    style.quick_style = True
    style.paragraph_format.space_before = 0
    style.paragraph_format.space_after = 0
    return style  # type: ignore[no-any-return]


def _character(document: DocumentObject, name: str, base: str | None = None) -> CharacterStyle:
    from docx.enum.style import WD_STYLE_TYPE

    style = _new_style(document, name, WD_STYLE_TYPE.CHARACTER)
    if base is not None:
        style.base_style = document.styles[base]
    style.quick_style = True
    return style  # type: ignore[no-any-return]


# The children of w:pPr in the order the OOXML schema fixes (Word refuses a
# document whose elements are out of order), from the two flags set here on.
_PPR_ORDER = (
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _set_flag(style: ParagraphStyle, tag: str) -> None:
    """An on/off paragraph property python-docx has no API for, in schema order."""
    from docx.oxml import OxmlElement

    ppr = style.element.get_or_add_pPr()
    successors = _PPR_ORDER[_PPR_ORDER.index(tag) + 1 :]
    ppr.insert_element_before(OxmlElement(tag), *successors)


def _mark_inserted(style: CharacterStyle, mark: str) -> None:
    style.font.bold = True if mark in ("bold", "bold_italic") else None
    style.font.underline = True if mark in ("underline", "underline_italic") else None
    style.font.italic = True if mark in ("italic", "underline_italic", "bold_italic") else None
    style.font.all_caps = True if mark == "capitals" else None


def _mark_deleted(style: CharacterStyle, mark: str) -> None:
    # The brackets are literal text; the style adds the strike or bold around them.
    style.font.strike = True if mark in ("bracket_strike", "strike") else None
    style.font.bold = True if mark == "bracket_bold" else None
    style.font.all_caps = True if mark == "capitals_brackets" else None


def set_normal(document: DocumentObject, page: PageSpec) -> None:
    """The base font every style inherits (East Asian and complex scripts included)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = document.styles["Normal"]
    normal.font.name = page.font
    normal.font.size = Pt(page.font_size)
    normal.paragraph_format.line_spacing = page.line_spacing
    # font.name sets only the Latin slot; set the others so no run falls back.
    fonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    if fonts is not None:
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(slot), page.font)


def add_bill_styles(document: DocumentObject, page: PageSpec, style: Style, levels: int) -> None:
    """Every style a bill uses; `levels` subdivision levels get one style each."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Inches, Pt

    width = Inches(text_width_in(page))
    header = _paragraph(document, HEADER)
    header.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    centered = _paragraph(document, HEADER_CENTERED)
    centered.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for block in (header, centered):
        # Space after the block, none between its lines of one style.
        block.paragraph_format.space_after = Pt(SPACE_BEFORE_PT)
        _set_flag(block, "w:contextualSpacing")
    furniture = _paragraph(document, PAGE_FURNITURE)
    furniture.paragraph_format.line_spacing = 1.0
    # Word never numbers header and footer lines; LibreOffice does unless told.
    _set_flag(furniture, "w:suppressLineNumbers")
    furniture.paragraph_format.tab_stops.add_tab_stop(
        Inches(text_width_in(page) / 2), WD_TAB_ALIGNMENT.CENTER
    )
    furniture.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)

    explanation = _paragraph(document, EXPLANATION)
    explanation.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    explanation.paragraph_format.line_spacing = 1.0
    explanation.font.size = Pt(max(page.font_size - 2, 6))
    _set_flag(explanation, "w:suppressLineNumbers")

    title = _paragraph(document, TITLE)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.font.bold = "title" in page.bold
    caption = _paragraph(document, CAPTION)
    caption.paragraph_format.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[page.caption_align]
    caption.font.bold = "caption" in page.bold
    for name in (ENACTING, BILL_SECTION, SECTION_HEADING):
        para = _paragraph(document, name)
        para.paragraph_format.space_before = Pt(SPACE_BEFORE_PT)
        para.paragraph_format.first_line_indent = Inches(HANG_IN)
    for level in range(levels):
        left = Inches(LEVEL_INDENT_IN * level + HANG_IN)
        # A hanging indent: the label sits in the margin, the text wraps under itself.
        para = _paragraph(document, level_style(level))
        para.paragraph_format.left_indent = left
        para.paragraph_format.first_line_indent = -Inches(HANG_IN)
        para.paragraph_format.tab_stops.add_tab_stop(left)
        para.next_paragraph_style = para
        tail = _paragraph(document, continued_style(level))
        tail.paragraph_format.left_indent = left
    note = _paragraph(document, NOTE)
    note.font.italic = True
    note.font.size = Pt(10)
    note.paragraph_format.line_spacing = 1.0

    _character(document, BILL_SECTION_LABEL).font.bold = "bill_section" in page.bold
    _character(document, CATCHLINE).font.bold = "heading" in page.bold
    _character(document, SUBDIVISION_HEADING).font.italic = True
    _mark_inserted(_character(document, INSERTED), style.inserted)
    _mark_deleted(_character(document, DELETED), style.deleted)
    if page.mark_new_text:
        _mark_inserted(_character(document, INSERTED_CATCHLINE, CATCHLINE), style.inserted)
        _mark_inserted(
            _character(document, INSERTED_SUBDIVISION_HEADING, SUBDIVISION_HEADING),
            style.inserted,
        )


__all__ = [
    "BILL_SECTION",
    "BILL_SECTION_LABEL",
    "CAPTION",
    "CATCHLINE",
    "DELETED",
    "ENACTING",
    "EXPLANATION",
    "HEADER",
    "HEADER_CENTERED",
    "INSERTED",
    "NOTE",
    "SECTION_HEADING",
    "SUBDIVISION_HEADING",
    "TITLE",
    "add_bill_styles",
    "continued_style",
    "level_style",
    "set_normal",
    "text_width_in",
]
