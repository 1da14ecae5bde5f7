"""Renderers: results turned into documents, one registry of formats per document.

- BILL_FORMATS: the Bill tree as text, Markdown, Word, Akoma Ntoso XML, JSON,
  and the annotated companion for the committee file;
- CARD_FORMATS: a scorecard in the report's layout (render/card.py);
- REDLINE_FORMATS: current law against the bill (render/redline.py).

Each format lives in its own module, imported only when used, so the score
path never loads python-docx or lxml. Every export names the rubric the bill
was scored against, outside the statute text. Wording shared by every output
(the grade phrase, the disclaimer) is in render/standing.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from drafter.bill import Bill
from drafter.errors import UserError
from drafter.render.formats import Format, Formats

if TYPE_CHECKING:
    from drafter.amend.bill import AmendingBill
    from drafter.redline import Redline
    from drafter.render.note import NoteLevel
    from drafter.room.report import RoomReport
    from drafter.rubric import Rubric
    from drafter.scoring import Scorecard


def dumps(data: Any) -> str:
    """JSON as every command prints it: indented, UTF-8 kept, a final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- the bill ------------------------------------------------------------------------


# txt, md and docx take a choice of drafter note (render/note.py): `note` is it.


def _txt(bill: Bill, note: NoteLevel = "short") -> str:
    from drafter.render.text import render_text

    return render_text(bill, note=note)


def _md(bill: Bill, note: NoteLevel = "short") -> str:
    from drafter.render.markdown import render_markdown

    return render_markdown(bill, note=note)


def _docx(bill: Bill, note: NoteLevel = "none") -> bytes:
    from drafter.render.docx import render_docx

    return render_docx(bill, note=note)


def _xml(bill: Bill) -> bytes:
    from drafter.render.akn import render_akn

    return render_akn(bill)


def _json(bill: Bill) -> str:
    from drafter.render.json_tree import render_json

    return render_json(bill)


def _annotated_md(bill: Bill) -> str:
    from drafter.render.annotated import render_annotated_markdown

    return render_annotated_markdown(bill)


def _annotated_docx(bill: Bill) -> bytes:
    from drafter.render.annotated import render_annotated_docx

    return render_annotated_docx(bill)


BILL_FORMATS: Formats[Bill] = Formats(
    "bill",
    (
        Format(
            "txt",
            ".txt",
            "plain text, wrapped at 72 columns",
            _txt,
            aliases=(".text",),
            note="short",
        ),
        Format("md", ".md", "Markdown", _md, aliases=(".markdown",), note="short"),
        Format("docx", ".docx", "Word, with line numbers", _docx, binary=True, note="none"),
        Format("xml", ".xml", "Akoma Ntoso 3.0 XML", _xml, binary=True, aliases=(".akn",)),
        Format("json", ".json", "the bill tree as JSON", _json),
        Format(
            "annotated.md",
            ".annotated.md",
            "committee-file companion, Markdown",
            _annotated_md,
            aliases=(".annotated.markdown",),
        ),
        Format(
            "annotated.docx",
            ".annotated.docx",
            "committee-file companion, Word",
            _annotated_docx,
            binary=True,
        ),
    ),
    default="txt",
)


def note_formats() -> tuple[str, ...]:
    """The bill formats that take a choice of drafter note."""
    return tuple(f.name for f in BILL_FORMATS if f.note is not None)


def check_note(fmt: str, note: str | None) -> None:
    """Refuse a note choice for a format that takes none (before any work is done)."""
    if note is not None and BILL_FORMATS.get(fmt).note is None:
        raise UserError(
            None,
            f"--note applies to {', '.join(note_formats())}; the {fmt} format "
            "has a fixed note (leave --note out)",
        )


def render_bill(bill: Bill, fmt: str, note: str | None = None) -> str | bytes:
    """`bill` in format `fmt`, with the drafter note asked for (None: the format's own)."""
    from drafter.render.note import note_level

    check_note(fmt, note)
    spec = BILL_FORMATS.get(fmt)
    if spec.note is None:
        return spec.render(bill)
    return spec.render(bill, note_level(note, cast("NoteLevel", spec.note)))


# --- the scorecard in the report's layout ---------------------------------------------


@dataclass(frozen=True)
class CardDocument:
    """What `drafter card` renders: a card, and optionally today's law beside it."""

    card: Scorecard
    rubric: Rubric
    baseline: Scorecard | None = None
    name: str | None = None


def _card_txt(doc: CardDocument) -> str:
    from drafter.render.card import card_text

    return card_text(doc.card, doc.rubric, doc.baseline, doc.name)


def _card_md(doc: CardDocument) -> str:
    from drafter.render.card import card_markdown

    return card_markdown(doc.card, doc.rubric, doc.baseline, doc.name)


CARD_FORMATS: Formats[CardDocument] = Formats(
    "scorecard",
    (
        Format("md", ".md", "Markdown", _card_md, aliases=(".markdown",)),
        Format("txt", ".txt", "plain text", _card_txt, aliases=(".text",)),
    ),
    default="txt",
)


# --- the redline -------------------------------------------------------------------


def _red_md(red: Redline) -> str:
    from drafter.render.redline import redline_markdown

    return redline_markdown(red)


def _red_txt(red: Redline) -> str:
    from drafter.render.redline import redline_text

    return redline_text(red)


def _red_docx(red: Redline) -> bytes:
    from drafter.render.redline import redline_docx

    return redline_docx(red)


REDLINE_FORMATS: Formats[Redline] = Formats(
    "redline",
    (
        Format("md", ".md", "Markdown", _red_md, aliases=(".markdown",)),
        Format("txt", ".txt", "plain text", _red_txt, aliases=(".text",)),
        Format("docx", ".docx", "Word", _red_docx, binary=True),
    ),
    default="txt",
)


# --- the amending bill (drafter amend) --------------------------------------------


def _am_txt(ab: AmendingBill) -> str:
    from drafter.render.amendment import amendment_text

    return amendment_text(ab)


def _am_md(ab: AmendingBill) -> str:
    from drafter.render.amendment import amendment_markdown

    return amendment_markdown(ab)


def _am_docx(ab: AmendingBill) -> bytes:
    from drafter.render.amendment import amendment_docx

    return amendment_docx(ab)


def _am_xml(ab: AmendingBill) -> bytes:
    from drafter.render.amendment_akn import render_amendment_akn

    return render_amendment_akn(ab)


def _am_companion(ab: AmendingBill) -> str:
    from drafter.render.amendment import amendment_companion

    return amendment_companion(ab)


AMEND_FORMATS: Formats[AmendingBill] = Formats(
    "amending bill",
    (
        Format("txt", ".txt", "plain text (new matter in capitals)", _am_txt, aliases=(".text",)),
        Format("md", ".md", "Markdown", _am_md, aliases=(".markdown",)),
        Format("docx", ".docx", "Word, with line numbers", _am_docx, binary=True),
        Format(
            "xml",
            ".xml",
            "Akoma Ntoso 3.0 XML, with the modifications",
            _am_xml,
            binary=True,
            aliases=(".akn",),
        ),
        Format(
            "annotated.md",
            ".annotated.md",
            "committee companion: each changed provision, its tiers and points",
            _am_companion,
        ),
    ),
    default="txt",
)


# --- a training room's results ---------------------------------------------------------


def _room_csv(report: RoomReport) -> str:
    from drafter.render.room import render_csv

    return render_csv(report)


def _room_md(report: RoomReport) -> str:
    from drafter.render.room import render_markdown

    return render_markdown(report)


def _room_docx(report: RoomReport) -> bytes:
    from drafter.render.room import render_docx

    return render_docx(report)


ROOM_FORMATS: Formats[RoomReport] = Formats(
    "room export",
    (
        Format("csv", ".csv", "CSV, one row per answer", _room_csv),
        Format("md", ".md", "Markdown summary", _room_md, aliases=(".markdown",)),
        Format("docx", ".docx", "Word summary", _room_docx, binary=True),
    ),
    default="csv",
)


__all__ = [
    "AMEND_FORMATS",
    "BILL_FORMATS",
    "CARD_FORMATS",
    "REDLINE_FORMATS",
    "ROOM_FORMATS",
    "CardDocument",
    "Format",
    "Formats",
    "check_note",
    "dumps",
    "note_formats",
    "render_bill",
]
