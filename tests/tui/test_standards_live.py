"""The federal grant preference, live beside the score: met, or what is missing and which tier."""

from __future__ import annotations

from pathlib import Path

from drafter.tui.app import DrafterApp

from .conftest import text_of, total, until

NARROW = (80, 24)


def says(app: DrafterApp, head: str, detail: str) -> bool:
    """The panel shows `head`, and `detail` whole or cut short with an ellipsis."""
    shown_head, shown = federal_lines(app)
    if shown.endswith("…"):
        return shown_head == head and detail.startswith(shown[:-1].rstrip())
    return (shown_head, shown) == (head, detail)


def federal_lines(app: DrafterApp) -> list[str]:
    text = text_of(app, "#score")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Federal 10381(c)(3):"))
    # The status, then its detail, on one line (shortened with … where narrow).
    head, _, detail = lines[at].strip().partition(" · ")
    return [head, detail]


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


async def test_a_narrow_panel_shortens_the_detail_to_one_line(example) -> None:
    path = best_practice_with(example, "all_offenses", "prostitution_or_sex")
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: total(app) == "75 / 100", "the draft to load")
        head, detail = federal_lines(app)
        assert head == "Federal 10381(c)(3): not met"
        assert detail.startswith("Offenses: ") and detail.endswith("…")
        width = app.screen.query_one("#score").content_region.width
        assert len(head) + 3 + len(detail) <= width


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
