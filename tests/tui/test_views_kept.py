"""An engine keeps the views of the last few drafts: a draft seen again (tiers
compared back and forth, a choice undone) is not scored and assembled again."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.draft import load_draft
from drafter.tui import core, view
from drafter.tui.core import VIEWS_KEPT, Engine

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    score = core.score

    def counted(rubric, draft):
        calls.append(1)
        return score(rubric, draft)

    monkeypatch.setattr(core, "score", counted)
    return calls


def test_a_draft_seen_again_is_its_view_again(scored: list[int]) -> None:
    engine = Engine.load()
    draft = load_draft(EXAMPLES / "strong-b.yaml", engine.rubric)
    other = draft.choose("range_of_relief", "partial")
    first = engine.view(draft)
    engine.view(other)
    again = draft.choose("range_of_relief", draft.choices["range_of_relief"])
    assert again == draft and again is not draft
    seen = engine.view(again)
    assert len(scored) == 2, "a draft seen again was scored again"
    # Its own draft, and what a fresh view of it shows.
    assert seen.draft is again
    assert seen == first == engine._view(again)


def test_only_the_last_few_are_kept(scored: list[int]) -> None:
    engine = Engine.load()
    draft = load_draft(EXAMPLES / "strong-b.yaml", engine.rubric)
    drafts = [draft.with_parameter("relief_term", f"{n} years") for n in range(VIEWS_KEPT + 1)]
    for d in drafts:
        engine.view(d)
    engine.view(drafts[-1])
    assert len(scored) == VIEWS_KEPT + 1
    engine.view(drafts[0])
    assert len(scored) == VIEWS_KEPT + 2, "more views kept than VIEWS_KEPT"


def test_another_style_is_another_view(scored: list[int]) -> None:
    engine = Engine.load()
    draft = load_draft(EXAMPLES / "strong-b.yaml", engine.rubric)
    generic = engine.view(draft)
    texas = engine.with_profile("Texas").view(draft)
    assert len(scored) == 2
    assert texas.bill is not None and generic.bill is not None
    assert texas.bill_text() != generic.bill_text()


def test_a_bill_is_rendered_once_a_width(monkeypatch: pytest.MonkeyPatch) -> None:
    rendered: list[int] = []
    render = view.render_bill_text

    def counted(bill, width=72):
        rendered.append(width)
        return render(bill, width)

    monkeypatch.setattr(view, "render_bill_text", counted)
    engine = Engine.load()
    shown = engine.view(load_draft(EXAMPLES / "strong-b.yaml", engine.rubric))
    assert shown.bill_text(60) == shown.bill_text(60) == render(shown.bill, 60)
    assert shown.bill_text(72) == render(shown.bill, 72)
    assert rendered == [60, 72]


def test_tier_texts_of_a_kept_view_are_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Engine.load()
    draft = load_draft(EXAMPLES / "strong-b.yaml", engine.rubric)
    shown = engine.view(draft)
    ids = ("partial", "vacatur", "vacatur_on_merits")
    first = engine.tier_texts("range_of_relief", ids, draft, shown.bill)
    previews: list[str] = []
    preview = type(engine.language).preview

    def counted(self, step_id, choice_id, *args, **kwargs):
        previews.append(choice_id)
        return preview(self, step_id, choice_id, *args, **kwargs)

    monkeypatch.setattr(type(engine.language), "preview", counted)
    first["partial"] = "changed by a caller"
    again = engine.tier_texts("range_of_relief", ids, draft, shown.bill)
    assert previews == [], "worked out again"
    assert again["partial"] != "changed by a caller"
    # Another draft is another bill: worked out afresh.
    other = engine.view(draft.with_parameter("relief_term", "9 years"))
    engine.tier_texts("range_of_relief", ids, other.draft, other.bill)
    assert sorted(previews) == sorted(ids)
