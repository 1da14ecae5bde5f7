"""Markdown export: literal bold labels, italic enacting clause, text that renders as itself."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt

from drafter.bill import Bill
from drafter.render.layout import Block, layout
from drafter.render.markdown import escape, render_markdown
from render_fixtures import bills, sample_bill

_MD = MarkdownIt("commonmark")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _paragraph_texts(markdown: str) -> list[str]:
    """What a reader sees in each rendered paragraph, tags stripped."""
    rendered = _MD.render(markdown)
    return [
        _flat(html.unescape(re.sub(r"<[^>]+>", "", p)))
        for p in re.findall(r"<p>(.*?)</p>", rendered, flags=re.S)
    ]


def _expected(block: Block) -> str:
    if block.kind == "heading":
        parts = [block.heading, block.label, block.text]
    elif block.kind == "node":
        # The renderer trims a heading before adding its period, as a drafter would.
        heading = block.heading.strip() if block.heading else ""
        parts = [block.label, f"{heading}." if heading else "", block.text]
    elif block.kind == "bill_section":
        parts = [block.label, block.text]
    else:
        parts = [block.text]
    return _flat(" ".join(p for p in parts if p))


def test_sample_bill_markdown() -> None:
    out = render_markdown(sample_bill(name="missouri"))
    assert "*Be it enacted by the General Assembly of the State of Missouri, as follows:*" in out
    assert "**Section A.** Chapter 610, RSMo" in out
    assert "**610.132.** **1.** As used" in out
    assert '**(1)** "Human trafficking"' in out
    assert "{ref:" not in out
    assert "Prepared with drafter; scored against Polaris 2019 (polaris-2019)" in out
    # Markup-like statute text is escaped, so it prints as itself.
    assert r"\<Records\> [bold] & the like" in out


def test_generic_headings_in_italics() -> None:
    out = render_markdown(sample_bill(name="generic"))
    assert "**(b)** *Motion to vacate.* A person arrested" in out


@pytest.mark.parametrize(
    "text",
    ["# not a heading", "1. not a list", "- not a list", "> not a quote", "[x]: /not-a-link",
     "*not em*", "_not em_", "<b>not html</b>", "&amp; stays", "a](b) no link", "`no code`",
     "back\\slash", "TRAFFICKING_STATUTE"],
)  # fmt: skip
def test_escape_round_trips(text: str) -> None:
    assert _paragraph_texts(escape(text)) == [text]


def test_escape_keeps_placeholders_readable() -> None:
    assert escape("[COURT] and [TRAFFICKING_STATUTE]") == "[COURT] and [TRAFFICKING_STATUTE]"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bills())
def test_property_markdown_renders_exactly_the_bill_text(bill: Bill) -> None:
    out = render_markdown(bill)
    assert "{ref:" not in out
    got = _paragraph_texts(out)
    want = [_expected(b) for b in layout(bill)]
    want = [w for w in want if w]
    assert got[: len(want)] == want
