"""Checked by looking: each style's best-practice .docx, rendered to PDF by LibreOffice.

The PDF text must show a page number on every page where the profile puts it,
the state's header block, the caption and the enacting clause on page 1, the
running head on later pages, the explanation of the type marks on page 1
where the state prints one, and no drafter note. The four bills are converted
once per session (one LibreOffice run). LibreOffice and poppler-utils are
installed by .ci/run; without them the test is skipped, and under CI=true it
fails, so a failed install shows.
"""

from __future__ import annotations

import os
import re
import sys

import pytest

from conftest import ROOT
from drafter.jurisdiction import load_profile
from drafter.render.layout import clean

sys.path.insert(0, str(ROOT / "bench"))
from bill_pages import (
    STATES,
    best_practice_bill,
    best_practice_docx,
    find_tools,
    page_texts,
    to_pdf,
)

# A line number in the left margin: digits, then a gap, then the line's text.
_LINE_NUMBER = re.compile(r"^\s*\d+\s{2,}(?=\S)")


@pytest.fixture(scope="session")
def pdf_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    tools = find_tools()
    if tools is None:
        why = "LibreOffice (soffice) and poppler-utils (pdftotext, pdftoppm) are not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{why}; .ci/run installs libreoffice-writer and poppler-utils")
        pytest.skip(why)
    folder = tmp_path_factory.mktemp("pdf")
    docs = [best_practice_docx(state, folder) for state in STATES]
    return {pdf.stem: page_texts(tools, pdf) for pdf in to_pdf(tools, docs, folder)}


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def _words(page: str) -> str:
    """The page's text in one line, margin line numbers removed."""
    return clean(" ".join(_LINE_NUMBER.sub("", line) for line in page.splitlines()))


@pytest.mark.parametrize("state", STATES)
def test_page_one_shows_header_caption_and_enacting_clause(
    pdf_pages: dict[str, list[str]], state: str
) -> None:
    profile = load_profile(state)
    first = _words(pdf_pages[state][0])
    for line in profile.page.header_block:
        for part in (line.center, line.left, line.right):
            assert clean(part) in first, (state, part)
    bill = best_practice_bill(state)
    assert clean(bill.title[-1]) in first  # the caption
    assert clean(bill.enacting_clause) in first
    if profile.page.header_block:
        # The header block comes before the title.
        assert first.index(clean(profile.page.header_block[0].center or "By:")) < first.index(
            clean(bill.title[0])
        )
    explanation = profile.page.explanation
    if explanation:
        # At the foot of page 1 only.
        assert clean(explanation) in first
        assert all(clean(explanation) not in _words(p) for p in pdf_pages[state][1:])
    assert "Prepared with drafter" not in " ".join(pdf_pages[state])


@pytest.mark.parametrize("state", STATES)
def test_every_page_is_numbered_where_the_state_numbers_it(
    pdf_pages: dict[str, list[str]], state: str
) -> None:
    page = load_profile(state).page
    pages = pdf_pages[state]
    assert len(pages) >= 2, "the best-practice bill runs past one page"
    for number, text in enumerate(pages, start=1):
        lines = _lines(text)
        if page.page_number == "header_right":
            assert re.search(rf"(^|\s){number}$", lines[0]), (state, number, lines[0])
        else:
            assert lines[-1] == str(number), (state, number, lines[-1])
        if page.running_head and number > 1:
            assert clean(page.running_head) in clean(lines[0]), (state, number)
    if page.running_head:
        # Page 1 has the header block instead (which may repeat the bill number).
        block = " ".join(f"{h.center} {h.left} {h.right}" for h in page.header_block)
        head = clean(page.running_head)
        assert _words(pages[0]).count(head) == clean(block).count(head), state
