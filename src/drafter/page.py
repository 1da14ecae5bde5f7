"""Page furniture: how a state's bill looks on the page, as profile data.

A profile's optional `page:` block says where the page number goes, the
header block on page 1 ("By: [AUTHOR]" / "H.B. No. [NUMBER]" in Texas), the
running head on later pages, the explanation of the type marks at the foot of
page 1, how lines are numbered, which parts print in bold,
whether a new section's text is marked as new matter, and the font and
margins. Every field has a plain default, so a profile that says nothing about
its pages gets a clean generic layout. Bracketed words such as [AUTHOR] are
placeholders the drafting office fills in (the bill number is assigned when
the bill is filed), so they are printed as they are.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Parts of the bill that may print in bold (`bold:`).
BoldPart = Literal["title", "caption", "bill_section", "heading"]


class _Model(BaseModel):
    # Schemas built on first validation: a start from the cache validates none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class HeaderLine(_Model):
    """One line of the header block: centred text, or text at the left and right margins."""

    center: str = ""
    left: str = ""
    right: str = ""


class Margins(_Model):
    """Page margins, in inches."""

    top: float = Field(default=1.0, gt=0, le=4)
    bottom: float = Field(default=1.0, gt=0, le=4)
    left: float = Field(default=1.0, gt=0, le=4)
    right: float = Field(default=1.0, gt=0, le=4)


class PageSpec(_Model):
    """The file's `page:` block (every field optional)."""

    font: str = Field(default="Times New Roman", min_length=1)
    font_size: float = Field(default=12, ge=6, le=24)
    #: 1 single, 2 double spacing.
    line_spacing: float = Field(default=1.0, ge=1, le=3)
    margins: Margins = Field(default_factory=Margins)
    #: Lines printed at the top of page 1, before the title.
    header_block: tuple[HeaderLine, ...] = ()
    #: Printed at the top of every page after the first (e.g. the bill number).
    running_head: str | None = None
    #: A line at the foot of page 1 saying how new and omitted matter are
    #: marked, as states that print one on their bills do.
    explanation: str | None = None
    #: Where the page number (a PAGE field) goes; it prints on every page.
    page_number: Literal["footer_center", "footer_right", "header_right"] = "footer_center"
    #: Line numbers in the margin: restarting on each page, running on, or none.
    line_numbers: Literal["per_page", "continuous", "none"] = "per_page"
    #: Whether a new section's text is marked as new matter (the style's
    #: `inserted` mark), as states that mark new law in introduced bills do.
    mark_new_text: bool = False
    #: The parts printed in bold.
    bold: tuple[BoldPart, ...] = ("title", "caption", "bill_section", "heading")
    #: Where the caption (the title's last line, "relating to ...") sits.
    caption_align: Literal["center", "left", "justify"] = "center"
    #: fact -> where it came from.
    sources: dict[str, str] = Field(default_factory=dict)


#: The layout of a bill whose profile has no `page:` block.
DEFAULT_PAGE = PageSpec()

__all__ = ["DEFAULT_PAGE", "BoldPart", "HeaderLine", "Margins", "PageSpec"]
