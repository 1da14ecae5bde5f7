"""Start from today's law, and the advisor in the wizard."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, SelectionList, Static, TextArea

from drafter.jurisdiction import load_profile
from drafter.tui.app import DrafterApp
from drafter.tui.screens.advice import AdviceScreen
from drafter.tui.screens.analyze import AnalyzeScreen
from drafter.tui.screens.wizard import WizardScreen
from drafter.tui.session import Served

from .conftest import total, until

# Statute-like texts of our own (real law is read from ../shared, never copied).
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def rows(app: DrafterApp) -> list:
    return list(app.screen.rows)  # type: ignore[attr-defined]


def findings_text(app: DrafterApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query("#findings Static").results(Static))


async def open_missouri_baseline(pilot) -> None:
    app = pilot.app
    await pilot.press("ctrl+g")
    await until(pilot, lambda: isinstance(app.screen, AnalyzeScreen), "the analyze screen")
    screen = app.screen
    select = screen.query_one("#law-profile", Select)
    # Every jurisdiction with a recorded law is listed (Alabama first, by name).
    select.value = "missouri"
    screen.show_profile("missouri")
    await pilot.pause()
    assert "Mo. Rev. Stat. 610.131" in findings_text(app)
    await pilot.press("ctrl+g")
    await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")


async def test_missouri_baseline_advice_coverage_first_then_apply() -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_missouri_baseline(pilot)
        assert app.draft is not None and app.draft.coverage == "minors_only"
        assert app.draft.jurisdiction == "Missouri"
        assert total(app) == "0 / 100"
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AdviceScreen), "the advice view")
        first = rows(app)[0]
        assert first.category == "coverage"
        assert first.to_tier == "adults"
        # The next change is a category; apply coverage, then the top category change.
        await pilot.press("enter")
        await pilot.pause()
        assert app.draft.coverage == "adults"
        top = rows(app)[0]
        assert top.category != "coverage"
        before = total(app)
        await pilot.press("enter")
        await until(pilot, lambda: total(app) != before, "the score to change")
        assert total(app) == f"{top.total} / 100"
        assert app.draft.choices[top.category] == top.to_tier
        # Back keeps everything: the wizard shows the same score.
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        assert total(app) == f"{top.total} / 100"


async def test_lock_removes_category_and_is_kept(example) -> None:
    app = DrafterApp(mode="open", path=str(example("middle-c")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AdviceScreen), "the advice view")
        top = rows(app)[0]
        assert any(c.category == top.category for c in rows(app))
        await pilot.press("l")
        await pilot.pause()
        assert all(c.category != top.category for c in rows(app))
        assert top.category in app.screen.query_one("#advice-locks", SelectionList).selected
        plan = app.screen.advice.plan  # type: ignore[attr-defined]
        assert plan is not None and all(c.category != top.category for c in plan.changes)
        # Leave and come back: the lock holds.
        await pilot.press("escape")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AdviceScreen), "the advice view")
        assert all(c.category != top.category for c in rows(app))


async def test_target_grade_changes_plan(example) -> None:
    app = DrafterApp(mode="open", path=str(example("missouri-2019")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AdviceScreen), "the advice view")
        screen = app.screen
        assert rows(app)[0].category == "coverage"
        plan_b = screen.advice.plan  # type: ignore[attr-defined]
        assert plan_b.target == "B" and plan_b.changes[0].category == "coverage"
        # The Select says it changed by a message that reaches the screen a few
        # turns of the loop later (one pause is not enough on a loaded machine):
        # wait for the new plan itself.
        screen.query_one("#advice-target", Select).value = "A"
        await until(pilot, lambda: screen.advice.plan.target == "A", "the plan for A")  # type: ignore[attr-defined]
        plan_a = screen.advice.plan  # type: ignore[attr-defined]
        assert len(plan_a.changes) >= len(plan_b.changes)
        plan_text = lambda: str(screen.query_one("#advice-plan", Static).render())  # noqa: E731
        await until(pilot, lambda: "Fewest changes to A" in plan_text(), "the plan's text")
        # g applies the whole plan: the draft reaches the target.
        await pilot.press("g")
        reached = lambda: app.view is not None and app.view.card.total >= plan_a.target_min  # noqa: E731
        await until(pilot, reached, "the draft to reach A")


async def test_analyze_statute_file_shows_quoted_evidence() -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, AnalyzeScreen), "the analyze screen")
        statute = str(CORPUS / "R01-hardwrapped-texas-style.txt")
        app.screen.query_one("#statute-path", Input).value = statute
        app.screen.query_one("#statute-path", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.reading is not None, "the reading")
        await pilot.pause()
        text = findings_text(app)
        assert "Coverage" in text
        assert "“" in text and "[" in text
        analysis = app.screen.analysis
        assert analysis is not None
        quoted = [e for f in analysis.findings for e in f.evidence if e.role == "match"]
        assert quoted
        ev = quoted[0]
        assert " ".join(ev.quote.split()) in text
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        # The draft records the file it started from, so a reopened draft amends it again.
        assert app.draft is not None and app.draft.starts_from is not None
        assert app.draft.starts_from.statute == str(Path(statute).resolve())
        assert app.draft.model_copy(update={"starts_from": None}) == analysis.draft(
            app.engine.rubric
        )


async def test_pasted_markup_shows_literally() -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, AnalyzeScreen), "the analyze screen")
        statute = (
            "[bold]Sec. 1.[/bold] A person convicted of prostitution may apply to vacate "
            "the conviction if the offense was committed [red]as a result of[/] having "
            "been a victim of trafficking. $accent [link=x]no hearing[/link]"
        )
        app.screen.query_one("#statute-text", TextArea).text = statute
        app.screen.analyze_pasted()
        await until(pilot, lambda: app.screen.reading is not None, "the reading")
        await pilot.pause()
        text = findings_text(app)
        # The user's brackets are the statute's own characters, never styles.
        assert "[red]as a result of[/]" in text
        assert "[bold]Sec. 1.[/bold]" in text
        nexus = app.screen.analysis.finding("nexus_to_trafficking")
        assert nexus.tier is not None and nexus.evidence


async def test_served_mode_confines_statute_path(work: Path) -> None:
    (work / "law.txt").write_text(
        "A person may apply to vacate a conviction for prostitution committed as a "
        "result of having been a victim of trafficking.\n",
        encoding="utf-8",
    )
    app = DrafterApp(mode="start", served=Served())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, AnalyzeScreen), "the analyze screen")
        path = app.screen.query_one("#statute-path", Input)
        path.value = "/etc/passwd"
        app.screen.analyze_path()
        await pilot.pause()
        note = str(app.screen.query_one("#analyze-status", Static).render())
        assert "outside this session's folder" in note
        assert app.screen.reading is None
        path.value = "law.txt"
        app.screen.analyze_path()
        await until(pilot, lambda: app.screen.reading is not None, "the reading")


async def test_palette_offers_advice(example) -> None:
    app = DrafterApp(mode="open", path=str(example("in-progress")))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        from drafter.tui.commands import DrafterCommands

        provider = DrafterCommands(app.screen)
        names = [name for name, _, _ in provider._commands()]
        assert "Advice: what raises the grade" in names


async def test_correct_a_finding_before_using_it() -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, AnalyzeScreen), "the analyze screen")
        statute = str(CORPUS / "R21-discretion-heard-no-veto.txt")
        app.screen.query_one("#statute-path", Input).value = statute
        app.screen.analyze_path()
        await until(pilot, lambda: app.screen.reading is not None, "the reading")
        await pilot.pause()
        fixes = {s.name: s for s in app.screen.query("Select.fix").results(Select)}
        assert "coverage" in fixes and "burden_of_proof" in fixes
        fixes["burden_of_proof"].value = "clear_and_convincing"
        fixes["hearing_requirement"].value = "__open__"
        await pilot.pause()
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        assert app.draft is not None
        assert app.draft.choices["burden_of_proof"] == "clear_and_convincing"
        assert "hearing_requirement" not in app.draft.choices


async def test_todays_law_lists_every_jurisdiction_filters_and_shows_a_reading() -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, AnalyzeScreen), "the analyze screen")
        screen = app.screen
        select = screen.query_one("#law-profile", Select)
        assert len(screen.profiles) > 50  # type: ignore[attr-defined]
        await pilot.click("#law-filter")
        await pilot.press(*"idaho")
        await until(pilot, lambda: select.value == "idaho", "the filter to pick Idaho")
        await pilot.click("#law-show")
        await until(pilot, lambda: "Idaho Code 67-3014" in findings_text(app), "Idaho's reading")
        shown = findings_text(app)
        # Each call with its confidence and pinpoint, as the profile records it.
        assert "· sure" in shown and "· arguable" in shown
        assert '(9): "shall create a rebuttable presumption"' in shown
        # A jurisdiction whose text we do not hold shows each category open, with why.
        screen.query_one("#law-filter", Input).value = "IL"
        await until(pilot, lambda: select.value == "illinois", "the filter to pick Illinois")
        # The reading came to the top of the pane: scroll back up to Show, as a
        # mouse user would, before clicking it.
        pane = screen.query_one("#analyze")
        pane.scroll_home(animate=False, immediate=True)
        show = screen.query_one("#law-show")
        await until(pilot, lambda: pane.scroll_y == 0 and show.region.y > 0, "Show in view")
        await pilot.click("#law-show")
        await until(pilot, lambda: "725 ILCS" in findings_text(app), "Illinois's law")
        # Each category shows the profile's own reason for leaving it open.
        reason = load_profile("illinois").law.unread or ""
        pane_text = " ".join(findings_text(app).split())
        assert reason and "open: " + " ".join(reason.split()[:8]) in pane_text


def _state_with_open_and_arguable() -> str | None:
    """A recorded law with an open category and an arguable one (the readings change)."""
    from drafter.jurisdiction import load_profile
    from drafter.jurisdiction_index import list_entries

    for entry in list_entries():
        law = load_profile(entry.id).law
        if law is None or law.status != "adults" or not law.reading:
            continue
        calls = [law.reading_for(c) for c in _category_ids()]
        if any(r.is_open for r in calls) and any(r.other for r in calls):
            return entry.id
    return None


def _category_ids() -> tuple[str, ...]:
    from drafter.rubric import load_rubric

    return tuple(c.id for c in load_rubric().categories)


async def test_advice_from_todays_law_says_open_and_arguable_readings() -> None:
    """Issue 12 item 6 in the app: an open category is listed as open (not points to
    gain), an arguable one shows its gain under each reading, and deciding an open
    category in the wizard makes it an ordinary change again."""
    import pytest

    from drafter.jurisdiction import load_profile

    pid = _state_with_open_and_arguable()
    if pid is None:
        pytest.skip("no recorded law has both an open and an arguable category today")
    law = load_profile(pid).law
    assert law is not None
    opened = {c for c in _category_ids() if law.reading_for(c).is_open}
    app = DrafterApp(mode="start")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, AnalyzeScreen), "the analyze screen")
        app.screen.query_one("#law-profile", Select).value = pid
        await pilot.click("#law-show")
        await until(pilot, lambda: app.screen.reading is not None, "the reading")  # type: ignore[attr-defined]
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AdviceScreen), "the advice view")
        screen = app.screen
        assert isinstance(screen, AdviceScreen) and screen.read is not None
        # Open categories: never a change, listed apart with the law's reason.
        assert {o.category for o in screen.open_rows} == opened
        assert not opened & {c.category for c in screen.rows}
        options = screen.query_one("#advice-changes")
        shown = "\n".join(
            str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        )
        for o in screen.open_rows:
            assert f"{o.title}: {law.reading_for(o.category).open}" in shown
        assert "not counted as points" in shown
        # Arguable: the gain under each other reading is on the change's row.
        arguable = [c for c in screen.rows if (c.category, c.to_tier) in screen.read.alternatives]
        assert arguable
        for c in arguable:
            for alt in screen.read.alternatives[(c.category, c.to_tier)]:
                said = f"+{alt.gain}" if alt.gain else "already there"
                assert f"read as {alt.label}: {said}" in shown
        # Enter on an open row changes nothing and says why.
        before = app.draft
        options.highlighted = len(screen.rows)
        await pilot.press("enter")
        await pilot.pause()
        assert app.draft == before
        # Decided in the wizard, an open category is no longer open.
        first_open = screen.open_rows[0].category
        assert app.draft is not None
        app.set_draft(app.draft.choose(first_open, _lowest_tier(app, first_open)))
        await pilot.pause()
        assert first_open not in {o.category for o in screen.open_rows}
        assert first_open in {c.category for c in screen.rows}


def _lowest_tier(app: DrafterApp, category: str) -> str:
    cat = app.engine.rubric.category(category)
    assert cat is not None
    return min(cat.statute_tiers, key=lambda t: t.points).id
