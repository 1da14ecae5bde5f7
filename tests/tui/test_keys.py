"""The key model: letters are commands only where there is nothing to type.

Inside a step's form (its fields and buttons) every printable key is text or
nothing: these tests enter the form with Tab, type a whole sentence after
each Tab, and check that only the focused field changed, never an answer,
the step or the screen.
"""

from __future__ import annotations

import pytest
from textual.widget import Widget
from textual.widgets import Button, Input, TextArea

from drafter.tui.app import DrafterApp
from drafter.tui.screens.wizard import WizardScreen
from drafter.tui.widgets.outline import Outline
from drafter.tui.widgets.tiers import TierCard

from .conftest import until

#: Every letter and digit the wizard uses as a command, in a sentence people type.
SENTENCE = "a district court or county court at law, 60 days: n p r a s g l 1 2 3 6"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def wizard(app: DrafterApp) -> WizardScreen:
    assert isinstance(app.screen, WizardScreen), app.screen
    return app.screen


def field_values(screen: WizardScreen) -> dict[str, str]:
    """What every visible field of the form holds, by its id."""
    out: dict[str, str] = {}
    for widget in screen.query("Input, TextArea"):
        if widget.id and widget in screen.focus_chain:
            out[widget.id] = widget.text if isinstance(widget, TextArea) else widget.value
    return out


def in_form(screen: WizardScreen, selector: str) -> bool:
    """The field is mounted and shown, so Tab can reach it."""
    return any(w in screen.focus_chain for w in screen.query(selector))


def answers(app: DrafterApp) -> tuple:
    assert app.draft is not None
    return app.draft.coverage, dict(app.draft.choices)


async def walk_the_form(pilot, app: DrafterApp) -> list[Widget]:
    """Tab into the form from the tier list, typing the sentence after each Tab.

    Returns the widgets visited, in order, once Tab has come back round.
    """
    screen = wizard(app)
    assert isinstance(app.focused, TierCard)
    step, before = screen.current.id, answers(app)
    visited: list[Widget] = []
    for _ in range(30):
        await pilot.press("tab")
        focused = app.focused
        assert focused is not None
        if visited and focused is visited[0]:
            break
        visited.append(focused)
        assert screen._in_form(), focused
        values = field_values(screen)
        await pilot.press(*SENTENCE)
        after = field_values(screen)
        changed = {k for k in after if after[k] != values.get(k)}
        if isinstance(focused, (Input, TextArea)):
            assert changed == {focused.id}, (focused, changed)
            assert SENTENCE in after[focused.id]
        else:
            assert isinstance(focused, Button)
            assert changed == set(), (focused, changed)
        # No answer, step or screen moved.
        assert app.screen is screen and screen.current.id == step
        assert answers(app) == before, focused
        assert app.focused is focused
    else:
        raise AssertionError("Tab never came back to the form's first widget")
    return visited


@pytest.mark.parametrize("size", SIZES)
async def test_typing_in_the_form_is_text_on_the_coverage_step(size) -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=size) as pilot:
        screen = wizard(app)
        await until(pilot, lambda: in_form(screen, "#about-jurisdiction"), "the bill's fields")
        visited = await walk_the_form(pilot, app)
        ids = [w.id for w in visited]
        # Tab order follows the screen: the bill's facts in order, then the buttons.
        order = ["about-jurisdiction", "about-section", "about-chapter", "about-code"]
        assert [i for i in ids if i in order] == order
        assert ids.index("next-button") > ids.index("about-code")
        assert app.draft is not None
        # Section and Chapter each hold what was typed into them, not the other's.
        assert app.draft.bill.section == SENTENCE
        assert app.draft.bill.chapter == SENTENCE
        # Esc leaves the form for the tier list, where digits choose again.
        await pilot.press("escape")
        assert isinstance(app.focused, TierCard)
        await pilot.press("2")
        assert app.draft.coverage == "minors_only"


@pytest.mark.parametrize("size", SIZES)
async def test_typing_in_a_tiers_fields_is_text(size) -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=size) as pilot:
        screen = wizard(app)
        await pilot.press("n", "n")  # Arrests and Adjudications
        await pilot.press("2")  # asks for the court
        await until(pilot, lambda: in_form(screen, "#param-court"), "the court field")
        visited = await walk_the_form(pilot, app)
        assert visited[0].id == "param-court"  # Tab enters the chosen tier's first field
        assert app.draft is not None
        assert app.draft.parameters["court"] == SENTENCE
        await pilot.press("escape")
        card = app.focused
        assert isinstance(card, TierCard) and card.has_class("-chosen")


async def test_list_fields_take_one_item_per_line_with_commas() -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = wizard(app)
        await pilot.press("n", "n", "n", "2")  # Offenses: listed offenses
        await until(pilot, lambda: in_form(screen, "TextArea"), "the list field")
        await pilot.press("tab")
        area = app.focused
        assert isinstance(area, TextArea)
        await pilot.press(*"robbery under Section 29.02, Penal Code", "enter", *"theft")
        assert app.draft is not None
        name = area.id.removeprefix("param-") if area.id else ""
        assert app.draft.parameters[name] == ["robbery under Section 29.02, Penal Code", "theft"]
        prompt = screen.query_one(f"#param-field-{name} .param-prompt")
        assert "one item per line" in str(prompt.render())


async def test_commands_stay_on_ctrl_keys_inside_the_form() -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = wizard(app)
        await until(pilot, lambda: in_form(screen, "#about-jurisdiction"), "the bill's fields")
        await pilot.press("tab")
        assert isinstance(app.focused, Input)
        shown = {k for k, b in screen.active_bindings.items() if b.binding.show}
        # In the form the footer offers the ctrl keys, and no letter.
        assert {"escape", "ctrl+down", "ctrl+r", "ctrl+s", "ctrl+e"} <= shown
        assert not {k for k in shown if len(k) == 1}
        await pilot.press("ctrl+down")
        assert screen.current.id == "range_of_relief"
        await pilot.press("ctrl+up")
        assert screen.current.id == "coverage"
        await pilot.press("ctrl+r")
        assert type(app.screen).__name__ == "ReviewScreen"


async def test_letters_are_commands_in_the_outline_and_tier_list() -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = wizard(app)
        assert isinstance(app.focused, TierCard)
        shown = {k for k, b in screen.active_bindings.items() if b.binding.show}
        assert {"n", "1", "r"} <= shown and "ctrl+down" not in shown
        await pilot.press("shift+tab")
        assert isinstance(app.focused, Outline)
        await pilot.press("n")
        assert screen.current.id == "range_of_relief"
        await pilot.press("tab")  # back to the tier list
        assert isinstance(app.focused, TierCard)
        await pilot.press("3")
        third = screen.current.choices[2].id
        assert app.draft is not None and app.draft.choices["range_of_relief"] == third
