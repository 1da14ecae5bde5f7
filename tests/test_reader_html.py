"""Reading a statute saved as a web page: `drafter analyze FILE.html` reads the text a
browser shows (offsets into that text, and the reading says so); bad pages are one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.errors import UserError
from drafter.reader import analyze, read_statute
from drafter.reader.htmltext import decode_html, html_text
from drafter.rubric import load_rubric

RUBRIC = load_rubric()

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Title 46 &mdash; Chapter 8</title>
<style>p.sub { margin-left: 2em } /* (f) The court shall hold a hearing. */</style>
<script>var s = "(g) no hearing is required"; if (a < b) { go(); }</script>
</head>
<body><nav><a href="/">Home</a> | <a href="/t46">Title 46</a></nav>
<h2>&sect;&nbsp;46-802. Vacating convictions of human trafficking victims.</h2>
<p class="sub">(a) Motion. A person who was convicted of prostitution, solicitation or any
other misdemeanor committed as a direct result of having been a victim of human trafficking may
file a motion in the court of conviction to vacate the conviction.</p>
<p class="sub">(b) Hearing. The court shall hold a hearing on the motion if the
prosecuting attorney objects to it. At the hearing the movant may appear by video conference.</p>
<p class="sub">(c) Order. The court may grant the motion over the objection of the prosecuting
attorney if it finds, by a preponderance of the evidence, that the offense was committed as a
direct result of the movant having been a victim of human trafficking.</p>
<div>(d) Records. The motion and the order shall be <b>confidential</b>.<br>History: L. 2019,
ch. 12, &sect; 3.</div>
<!-- (e) The court shall hold a hearing on every motion. -->
<footer>&copy; 2026 Legislature</footer>
</body></html>
"""


def test_the_page_is_read_as_its_text_one_line_per_block() -> None:
    text = html_text(PAGE)
    lines = text.splitlines()
    # Tags, the head, scripts, styles and comments are not text; entities are decoded.
    assert "<" not in text and "Title 46 \u2014" not in text
    assert "margin-left" not in text and "no hearing is required" not in text
    assert "(e)" not in text and "(f)" not in text and "(g)" not in text
    assert "\u00a7 46-802. Vacating convictions of human trafficking victims." in lines
    # Each paragraph is one line (its source line breaks collapsed), a blank line after it.
    assert any(
        line.startswith("(a) Motion. A person") and line.endswith("conviction.") for line in lines
    )
    assert lines[lines.index(next(x for x in lines if x.startswith("(a)"))) + 1] == ""
    # A <br> ends a line inside a block; inline tags run on.
    assert "(d) Records. The motion and the order shall be confidential." in lines
    assert "History: L. 2019, ch. 12, \u00a7 3." in lines


def test_preformatted_text_keeps_its_lines() -> None:
    text = html_text("<pre>(a) First line.\n    (1) indented\n</pre><p>after</p>")
    assert text.splitlines()[:2] == ["(a) First line.", "    (1) indented"]


def test_analyze_reads_the_page_with_offsets_into_its_text(run_cli, tmp_path: Path) -> None:
    page = tmp_path / "46-802.html"
    page.write_text(PAGE, encoding="utf-8")
    r = run_cli("analyze", str(page), "--json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    text = data["extracted_text"]
    assert data["extracted_from"] == "html"
    assert "extracted_text" in data["offsets"] and "not into the HTML" in data["offsets"]
    assert data["characters"] == len(text) and text == read_statute(page)
    quotes = [e for f in data["findings"] for e in f["evidence"]]
    assert quotes and all(text[e["start"] : e["end"]] == e["quote"] for e in quotes)
    # The same reading as the text itself, provision by provision.
    plain = analyze(text, RUBRIC)
    assert {f["category"]: f["tier"] for f in data["findings"]} == {
        f.category: f.tier for f in plain.findings
    }
    by = {f["category"]: f for f in data["findings"]}
    assert by["hearing_requirement"]["tier"] == "opposed_alternate"
    assert by["confidentiality"]["tier"] == "express"
    assert {p["label"] for p in data["provisions"]} >= {"46-802 (a)", "46-802 (b)", "46-802 (d)"}
    report = run_cli("analyze", str(page))
    assert report.code == 0 and "offsets [start:end] are into that text" in report.out
    # A text file's reading says nothing of the sort.
    txt = tmp_path / "46-802.txt"
    txt.write_text(text, encoding="utf-8")
    assert "extracted_from" not in json.loads(run_cli("analyze", str(txt), "--json").out)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"<p>(a) A victim may move to vacate \x93a conviction\x94.</p>", "is not UTF-8 text"),
        (
            b'<meta charset="utf-8"><p>(a) A victim may \xff move.</p>',
            "is not utf-8 text as it declares",
        ),
        (b'<meta content="text/html; charset=klingon"><p>x</p>', "'klingon', which is not known"),
        (b"<html><head><title>x</title></head><body> &nbsp; </body></html>", "has no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "looks like a binary file"),
    ],
)
def test_a_bad_page_is_one_line_and_exit_2(run_cli, tmp_path: Path, raw: bytes, says: str) -> None:
    page = tmp_path / "page.htm"
    page.write_bytes(raw)
    r = run_cli("analyze", str(page))
    assert r.code == 2
    lines = [line for line in r.err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("drafter: error: ") and says in lines[0], r.err


def test_a_declared_character_set_is_read() -> None:
    raw = '<meta charset="windows-1252"><p>(a) \u201cVictim\u201d \u00a7 5.</p>'.encode("cp1252")
    assert html_text(decode_html(raw, "x.html")) == "(a) \u201cVictim\u201d \u00a7 5.\n"
    # As browsers do, a page that says ISO-8859-1 is read as windows-1252.
    raw = raw.replace(b"windows-1252", b"ISO-8859-1")
    assert "\u201cVictim\u201d" in decode_html(raw, "x.html")
    utf16 = "\ufeff<p>(a) Victim.</p>".encode("utf-16-le")
    assert html_text(decode_html(utf16, "x.html")) == "(a) Victim.\n"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<p>", "</p>", "<br>", "<div", ">", "<!--", "-->", "<script>", "</script>", "<pre>",
             "&amp;", "&#x", "&#", ";", "<![CDATA[", "]]>", "<!", "<?", "(a) text", " ", "\n",
             "<td>", "</tr>", "<head>", "<body>", '"', "'", "=", "</"]
        ),
        max_size=30,
    ).map("".join)
)  # fmt: skip
def test_any_page_reads_or_says_why_in_one_line(page: str) -> None:
    try:
        text = html_text(page, "x.html")
    except UserError as exc:
        assert "\n" not in exc.one_line()
    else:
        assert text.endswith("\n") and text.strip()
