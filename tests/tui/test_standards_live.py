"""The federal grant preference, live beside the score: met, or what is missing and which tier."""

from __future__ import annotations

from pathlib import Path

from drafter.tui.app import DrafterApp

from .conftest import text_of, total, until

NARROW = (80, 24)


def says(app: DrafterApp, head: str, detail: str) -> bool:
    """The panel shows `head`, then `detail` whole, or cut short with an ellipsis."""
    shown_head, shown = federal_lines(app)
    if shown.endswith("…"):
        return shown_head == head and detail.startswith(shown[:-1].rstrip())
    return (shown_head, shown) == (head, detail)


def federal_lines(app: DrafterApp) -> list[str]:
    """The status line, and the detail under it (its two lines joined)."""
    text = text_of(app, "#score")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Federal 10381(c)(3):"))
    detail = " ".join(line.strip() for line in lines[at + 1 : at + 3] if line.strip())
    return [lines[at].strip(), detail]


async def test_the_status_follows_each_choice_at_80x24(example) -> None:
    app = DrafterApp(mode="open", path=str(example("best-practice")))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("s")  # the score panel folds behind s at 80 columns
        await until(pilot, lambda: total(app) == "100 / 100", "the draft to load")
        assert federal_lines(app) == ["Federal 10381(c)(3): met", "4 of 4 criteria met"]
        assert app.screen.query_one("#score").region.width > 0
        # Offenses: the third category step. Choose prostitution only (tier 1).
        await pilot.press("s")
        for _ in range(3):
            await pilot.press("n")
        await pilot.press("1")
        await until(pilot, lambda: total(app) == "75 / 100", "the new score")
        await pilot.press("s")
        assert says(
            app,
            "Federal 10381(c)(3): not met",
            "Offenses: needs Misdemeanors and nonviolent felonies or higher",
        )


async def test_the_detail_is_readable_at_120x40(example) -> None:
    path = best_practice_with(example, "all_offenses", "prostitution_or_sex")
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: total(app) == "75 / 100", "the draft to load")
        head, detail = federal_lines(app)
        assert head == "Federal 10381(c)(3): not met"
        # The whole of what is missing first, not a few words.
        assert detail == "Offenses: needs Misdemeanors and nonviolent felonies or higher"
        lines = text_of(app, "#score").splitlines()
        width = app.screen.query_one("#score").content_region.width
        assert all(len(line) <= width for line in lines)


async def test_the_panel_keeps_its_height_as_the_status_changes(example) -> None:
    app = DrafterApp(mode="open", path=str(example("best-practice")))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: total(app) == "100 / 100", "the draft to load")
        rows = len(text_of(app, "#score").splitlines())
        for _ in range(3):
            await pilot.press("n")
        await pilot.press("1")
        await until(pilot, lambda: total(app) == "75 / 100", "the new score")
        assert len(text_of(app, "#score").splitlines()) == rows


def best_practice_with(example, old: str, new: str) -> Path:
    """The best-practice draft with one line changed, in the scratch folder."""
    path = example("best-practice")
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


async def test_a_draft_without_the_presumption_says_so(example) -> None:
    path = best_practice_with(
        example, "official_documentation: presumption", "official_documentation: no_presumption"
    )
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("s")
        await until(pilot, lambda: total(app) == "95 / 100", "the draft to load")
        assert says(
            app, "Federal 10381(c)(3): not met", "Documentation: needs Presumption of eligibility"
        )


async def test_a_draft_requiring_documentation_says_so(example) -> None:
    path = best_practice_with(
        example, "parameters: {}", "parameters:\n  documentation_required: true"
    )
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("s")
        await until(pilot, lambda: total(app) == "100 / 100", "the draft to load")
        assert says(
            app,
            "Federal 10381(c)(3): not met",
            "needs no provision making official documentation a requirement for relief",
        )


async def test_the_documentation_step_asks_whether_the_bill_requires_documentation(
    example,
) -> None:
    """The wizard's own field for documentation_required: on the documentation step."""
    from textual.widgets import Checkbox

    from drafter.draft import load_draft

    path = example("best-practice")
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: total(app) == "100 / 100", "the draft to load")
        assert federal_lines(app)[0] == "Federal 10381(c)(3): met"
        await pilot.press("ctrl+p", *"Official Documentation", "enter")
        box = app.screen.query_one("#flag-documentation_required", Checkbox)
        await until(pilot, lambda: box.region.height > 0, "the question to show")
        assert "Relief requires official documentation" in str(box.label)
        assert box.value is False
        # Tab into the form reaches it; Space checks it.
        for _ in range(8):
            await pilot.press("tab")
            if app.screen.focused is box:
                break
        assert app.screen.focused is box
        await pilot.press("space")
        await until(pilot, lambda: federal_lines(app)[0].endswith("not met"), "the status")
        assert says(
            app,
            "Federal 10381(c)(3): not met",
            "needs no provision making official documentation a requirement for relief",
        )
        assert total(app) == "100 / 100"  # the card's points do not read it
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not app.unsaved, "the save")
        rubric = app.engine.rubric
        assert load_draft(path, rubric).parameters["documentation_required"] is True
        # Unchecked again: back to the default, and out of the draft file.
        await pilot.press("space")
        await until(pilot, lambda: federal_lines(app)[0].endswith(": met"), "the status")
        assert "documentation_required" not in app.draft.parameters


async def test_other_steps_do_not_ask_it(example) -> None:
    app = DrafterApp(mode="open", path=str(example("best-practice")))
    async with app.run_test(size=NARROW) as pilot:
        await until(pilot, lambda: total(app) == "100 / 100", "the draft to load")
        await pilot.press("n")
        assert not app.screen.query("#flag-documentation_required")
