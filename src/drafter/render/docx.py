"""Word (.docx): what legislative offices edit, in named styles, laid out as the state does.

python-docx has no list-numbering API, and Word's own numbering would renumber
labels on every edit, so labels are written as text followed by a tab, with a
hanging indent per level. Every paragraph and emphasised run carries a named
style (render/docx_styles.py), so an office restyles the bill by editing
styles; the page furniture (page numbers, running head, line numbers, margins)
comes from the profile's page block (render/docx_page.py). A new section's
text is marked as new matter where the state marks it. python-docx and lxml
are imported inside the functions: `drafter score` must not pay for them.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from drafter.bill import Bill
from drafter.page import DEFAULT_PAGE, PageSpec
from drafter.render import docx_styles as st
from drafter.render.layout import Block, layout, rubric_name, rubric_note, score_line, xml_safe
from drafter.render.note import NoteLevel, drafter_note

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.text.paragraph import Paragraph

#: Statute text: what a state marks as new matter in a bill adding a section.
_STATUTE_KINDS = ("heading", "node", "tail")


def new_document(page: PageSpec = DEFAULT_PAGE) -> DocumentObject:
    """A blank document in the page's font (Times New Roman 12 by default)."""
    import docx

    document = docx.Document()
    st.set_normal(document, page)
    return document


def set_properties(document: DocumentObject, bill: Bill, title: str | None = None) -> None:
    """Core properties: the bill's title, and the rubric it was scored against."""
    props = document.core_properties
    props.title = xml_safe(title or bill.short_title or " ".join(bill.title))[:255]
    summary = f": {score_line(bill)}" if bill.score is not None else ""
    props.subject = xml_safe(f"Scored against {rubric_name(bill)}{summary}")[:255]
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


def header_texts(page: PageSpec) -> list[str]:
    """The header block's paragraphs as text ("By: [AUTHOR]\\tH.B. No. [NUMBER]")."""
    return [
        xml_safe(line.center if line.center else f"{line.left}\t{line.right}")
        for line in page.header_block
    ]


class _Writer:
    """Writes blocks as styled paragraphs; runs carry character styles only."""

    def __init__(self, document: DocumentObject, page: PageSpec, captions: int) -> None:
        self.document = document
        self.page = page
        #: How many title blocks are left; the last one is the caption.
        self.titles_left = captions
        # Style ids by name, looked up once: python-docx's own lookup by name
        # scans every style on each call and made a bill take 0.4 s.
        self.ids = {s.name: s.style_id for s in document.styles}

    def paragraph(self, style: str) -> Paragraph:
        para = self.document.add_paragraph()
        para._p.get_or_add_pPr().style = self.ids[style]
        return para

    def run(self, para: Paragraph, text: str, style: str | None, new: bool) -> None:
        if not text:
            return
        if new and self.page.mark_new_text:
            style = {
                None: st.INSERTED,
                st.CATCHLINE: st.INSERTED_CATCHLINE,
                st.SUBDIVISION_HEADING: st.INSERTED_SUBDIVISION_HEADING,
            }.get(style, style)
        run = para.add_run(xml_safe(text))
        if style is not None:
            run._r.get_or_add_rPr().style = self.ids[style]

    def block(self, block: Block) -> None:
        new = block.kind in _STATUTE_KINDS
        if block.kind == "title":
            self.titles_left -= 1
            name = st.CAPTION if self.titles_left == 0 else st.TITLE
            self.run(self.paragraph(name), block.text, None, False)
        elif block.kind == "enacting":
            self.run(self.paragraph(st.ENACTING), block.text, None, False)
        elif block.kind == "bill_section":
            para = self.paragraph(st.BILL_SECTION)
            self.run(para, block.label, st.BILL_SECTION_LABEL, False)
            if block.text:
                self.run(para, " " + block.text, None, False)
        elif block.kind == "heading":
            para = self.paragraph(st.SECTION_HEADING)
            self.run(para, block.heading, st.CATCHLINE, new)
            if block.label:
                self.run(para, f" {block.label}\t{block.text}", None, new)
            elif block.text:
                self.run(para, " " + block.text, None, new)
        elif block.kind == "tail":
            para = self.paragraph(st.continued_style(block.level))
            self.run(para, block.text, None, new)
        else:
            para = self.paragraph(st.level_style(block.level))
            if block.label:
                self.run(para, block.label + "\t", None, new)
            if block.heading:
                self.run(para, block.heading + ". ", st.SUBDIVISION_HEADING, new)
            self.run(para, block.text, None, new)


def add_note(document: DocumentObject, bill: Bill, level: NoteLevel = "short") -> None:
    """The drafter note after the bill, in the Drafter Note style (nothing at "none")."""
    from docx.shared import Pt

    note = drafter_note(bill, level)
    if note is None:
        return
    first = document.add_paragraph(xml_safe(note.line), st.NOTE)
    first.paragraph_format.space_before = Pt(2 * st.SPACE_BEFORE_PT)
    for line in note.points:
        document.add_paragraph(xml_safe(line), st.NOTE)
    for item in note.open_items:
        document.add_paragraph("Still to settle: " + xml_safe(item), st.NOTE)


def to_bytes(document: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_docx(bill: Bill, line_numbers: bool = True, note: NoteLevel = "none") -> bytes:
    """The bill as a .docx file (bytes): named styles, the state's page, labels as text."""
    from drafter.render.docx_page import add_furniture, set_line_numbers, set_margins

    page = bill.page or DEFAULT_PAGE
    blocks = layout(bill)
    document = new_document(page)
    levels = max([len(bill.style.ladder)] + [b.level + 1 for b in blocks if b.kind == "node"])
    st.add_bill_styles(document, page, bill.style, levels)
    set_properties(document, bill)
    for line in page.header_block:
        if line.center:
            document.add_paragraph(xml_safe(line.center), st.HEADER_CENTERED)
        else:
            document.add_paragraph(xml_safe(f"{line.left}\t{line.right}"), st.HEADER)
    writer = _Writer(document, page, sum(1 for b in blocks if b.kind == "title"))
    for block in blocks:
        writer.block(block)
    add_note(document, bill, note)
    set_margins(document, page)
    set_line_numbers(document, page.line_numbers if line_numbers else "none")
    add_furniture(document, page)
    return to_bytes(document)
