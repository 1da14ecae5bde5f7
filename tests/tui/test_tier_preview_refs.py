"""A tier card's text cites other provisions as the bill numbers them ("subsection
(f)"), the words the exported bill prints, never a placeholder like "[nexus]"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.draft import Draft, load_draft
from drafter.render.text import render_text
from drafter.tui.core import Engine

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("jurisdiction", [None, "Missouri", "Texas", "New York"])
def test_card_text_cites_provisions_as_the_bill_does(jurisdiction: str | None) -> None:
    engine = Engine.load(jurisdiction=jurisdiction)
    draft = load_draft(EXAMPLES / "best-practice.yaml", engine.rubric)
    view = engine.view(draft)
    assert view.bill is not None
    bill_text = " ".join(render_text(view.bill).split())
    for step_id in ("burden_of_proof", "official_documentation", "judicial_discretion"):
        pick = draft.choices.get(step_id)
        assert pick is not None
        text = engine.tier_language(step_id, pick, draft, view.bill)
        assert "[" not in text, text
        assert re.search(r"(?i)(subsection|subdivision) \(?[a-z0-9]+\)?", text), text
        # The card's first sentence is the bill's, word for word.
        first = " ".join(text.split(". ")[0].split())
        assert first in bill_text, first


def test_without_a_bill_a_reference_names_its_provision() -> None:
    engine = Engine.load()
    text = engine.tier_language("burden_of_proof", "preponderance", Draft())
    assert "[the nexus provision]" in text
