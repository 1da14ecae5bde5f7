"""Today's section as the amender reads it: provisions, their sentences, each category's words.

The reader (drafter.reader) splits the text and finds the evidence; this
module gathers, per provision, its label path (with a repeated roman label
nested under its elder sibling), the sentences that are law (not history or
commentary), and where each category's decisive words stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.amend.clauses import Span
from drafter.reader.findings import Analysis
from drafter.reader.layout import EVIDENCE_ROLES, Layout

#: Sentence roles that are part of the law's text (history notes and commentary are not).
_TEXT_ROLES = frozenset({"operative", "definition", "heading", "reference"})
#: Evidence that stands in the words of a tier (not voided, not merely seen).
_WORDS = frozenset({"match", "support"})
#: A decisive phrase this long said again elsewhere says the same thing again.
_RECUR_WORDS = 3
_ONE_LABEL = re.compile(r"\([^()\s]{1,6}\)|[A-Za-z0-9]{1,4}\.")


@dataclass
class Provision:
    """One provision of today's text while the plan is made."""

    label: str
    path: tuple[str, ...]
    #: [start, end) of its label, then of each sentence of its text.
    label_span: Span | None
    sentences: list[Span]
    categories: set[str] = field(default_factory=set)
    strikes: list[Span] = field(default_factory=list)
    #: sentence end -> new texts to follow it.
    additions: dict[int, list[str]] = field(default_factory=dict)
    edited_by: dict[str, None] = field(default_factory=dict)


def read_provisions(layout: Layout) -> tuple[str, str, list[Provision]]:
    """The section's number and heading, and its provisions with their text sentences."""
    text = layout.text
    number = heading = ""
    titles: set[int] = set()
    for i, prov in enumerate(layout.provisions):
        if prov.heading and prov.label.strip() and not _path(prov.label, prov.label):
            if not number:
                number = prov.label.strip()
            if not _text_before(layout, i):
                # The last title before the text (a copy's own first line, then the code's).
                heading = prov.heading
            titles.add(i)
    out: dict[int, Provision] = {}
    for s in layout.sentences:
        if s.role not in _TEXT_ROLES or (s.provision in titles and s.role == "heading"):
            continue
        prov = layout.provisions[s.provision]
        p = out.get(s.provision)
        if p is None:
            path = _path(prov.label, number)
            lead = text[prov.start : s.start].strip()
            label_span = (prov.start, prov.start + len(lead)) if lead and path else None
            p = out[s.provision] = Provision(path[-1] if path else "", path, label_span, [])
        end = _before_gap(text, s.start, s.end)
        if end > s.start:
            p.sentences.append((s.start, end))
    return number, heading, _nest_repeats([out[k] for k in sorted(out) if out[k].sentences])


#: An excerpt's gap on a line of its own ("...", "…", "* * *") after a sentence's words.
_GAP_AFTER = re.compile(r"\n[ \t]*(?:\.{2,}|…|\*(?:[ \t]*\*){2})[ \t]*\s*$")


def _before_gap(text: str, start: int, end: int) -> int:
    """Where a sentence's own words end: an excerpt's gap marker is not part of them."""
    if text[start:end].strip() in ("...", "…", "..", "* * *", "***"):
        return start
    m = _GAP_AFTER.search(text, start, end)
    return m.start() if m else end


_ROMAN_LABEL = re.compile(r"\([ivxl]+\)")


def _nest_repeats(provisions: list[Provision]) -> list[Provision]:
    """A label that repeats its elder sibling's opens that one's children.

    "(i) The judgment is ... provided that (i) official documentation ...;
    (ii) ...": the reader cannot tell the second "(i)" (a roman numeral) from
    the first (a letter, after an excerpt's gap), so both read as siblings;
    here the repeat and the numerals after it go under the first.
    """
    seen: set[tuple[str, ...]] = set()
    parent: tuple[str, ...] | None = None
    for p in provisions:
        path = p.path
        if parent is not None:
            level = len(parent)
            if (
                len(path) >= level
                and path[: level - 1] == parent[:-1]
                and (len(path) > level or _ROMAN_LABEL.fullmatch(path[level - 1]))
            ):
                p.path = (*parent, *path[level - 1 :])
                continue
            parent = None
        if path in seen and path and _ROMAN_LABEL.fullmatch(path[-1]):
            parent = path
            p.path = (*path, path[-1])
            continue
        seen.add(path)
    return provisions


def _text_before(layout: Layout, index: int) -> bool:
    """Whether any law text comes before the provision at `index`."""
    return any(
        s.provision < index and s.role in ("operative", "definition") for s in layout.sentences
    )


def _path(label: str, number: str) -> tuple[str, ...]:
    rest, number = label.strip(), number.strip()
    if number and rest.startswith(number):
        rest = rest[len(number) :]
    return tuple(_ONE_LABEL.findall(rest.strip()))


def category_spans(
    text: str, layout: Layout, reading: Analysis
) -> tuple[dict[str, list[Span]], dict[str, list[Span]]]:
    """Where each category's words stand: its evidence and each other place the same
    decisive words recur (a coverage limit said twice is in two places); and its
    evidence alone (the words that must stay when another category changes)."""
    evidence = [s for s in layout.sentences if s.role in EVIDENCE_ROLES]
    out: dict[str, list[Span]] = {}
    own: dict[str, list[Span]] = {}
    for finding in (reading.coverage, *reading.findings):
        found: dict[Span, None] = {}
        for e in finding.evidence:
            if e.role not in _WORDS or not e.quote.strip():
                continue
            found[(e.start, e.end)] = None
            own.setdefault(finding.category, []).append((e.start, e.end))
            if len(e.quote.split()) < _RECUR_WORDS:
                # One or two words ("vacate", "conviction") recur in other senses:
                # only the place the reader found them carries the category.
                continue
            pattern = re.compile(r"(?<!\w)" + re.escape(e.quote) + r"(?!\w)")
            for s in evidence:
                for m in pattern.finditer(text, s.start, s.end):
                    found[(m.start(), m.end())] = None
        if found:
            out[finding.category] = sorted(found)
    return out, own
