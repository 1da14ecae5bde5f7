"""The bill's definitions subsection: only the terms its text uses (and the terms
their definitions use), alphabetized as the state words them, in its form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from drafter.bill import Node
from drafter.jurisdiction import StyleSpec
from drafter.language import Language, Template
from drafter.wording import Wording


def _slug(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", term.lower()).strip("_")


def definitions_node(
    language: Language,
    used_terms: Mapping[str, None],
    values: Mapping[str, str],
    used_params: dict[str, None],
    spec: StyleSpec,
    wording: Wording,
) -> Node | None:
    frame = language.frame
    terms: set[str] = set()
    stack = list(used_terms)
    while stack:
        term = stack.pop()
        if term in terms:
            continue
        terms.add(term)
        stack.extend(frame.definitions[term].terms)
    if wording.prosecutor and values.get("prosecuting_office") == wording.prosecutor:
        # '"District attorney" means the district attorney ...' says nothing: the
        # state's own term needs no definition here.
        terms.discard("prosecuting attorney")
    if not terms:
        return None
    entries = []
    for term in sorted(terms):
        template: Template = language.definitions[term]
        for name in template.names():
            used_params[name] = None
        entries.append((term, wording.definition(template.fill(values).strip())))
    # Alphabetized as the state words them ("Attorney representing the state").
    entries.sort(key=lambda entry: entry[1].lstrip('"').casefold())
    heading = frame.slot_headings.get("definitions", "Definitions")
    lead = wording.statute(spec.definitions_lead)
    if len(entries) == 1:
        one = wording.statute("As used in this section, ")
        return Node(key="definitions", heading=heading, text=f"{one}{entries[0][1]}.")
    last = len(entries) - 1
    return Node(
        key="definitions",
        heading=heading,
        text=lead,
        children=tuple(
            Node(
                key=f"definitions.{_slug(term)}",
                text=text + ("." if i == last else spec.definition_end),
            )
            for i, (term, text) in enumerate(entries)
        ),
    )
