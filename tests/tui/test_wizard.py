"""The wizard driven through Pilot: keyboard only, mouse only, and what it keeps."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import OutOfBounds
from textual.widgets import Input, OptionList

from drafter.draft import load_draft
from drafter.rubric import Rubric
from drafter.tui.app import DrafterApp
from drafter.tui.screens.dialogs import SaveAsScreen
from drafter.tui.screens.export import ExportScreen
from drafter.tui.screens.review import ReviewScreen
from drafter.tui.screens.start import StartScreen
from drafter.tui.screens.wizard import WizardScreen
from drafter.tui.widgets.tiers import TierCard

from .conftest import preview, settles, total, until

SIZE = (120, 40)


def wizard(app: DrafterApp) -> WizardScreen:
    assert isinstance(app.screen, WizardScreen), app.screen
    return app.screen


def top_tier_key(app: DrafterApp) -> str:
    """The digit that chooses the current step's last (highest) tier."""
    return str(len(wizard(app).current.choices))


async def test_keyboard_only_walk_scores_every_choice(rubric: Rubric, work: Path) -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("ctrl+n")
        assert total(app) == "0 / 100"
        await pilot.press("1")  # coverage: survivors of any age
        seen_totals = [total(app)]
        for _ in rubric.categories:
            await pilot.press("n")
            before_total, before_bill = total(app), preview(app)
            await pilot.press(top_tier_key(app))
            assert total(app) != before_total, wizard(app).current.id
            assert preview(app) != before_bill, wizard(app).current.id
            seen_totals.append(total(app))
        assert total(app) == "100 / 100"
        assert app.view is not None and app.view.card.grade == "A"
        # Scores only went up, and each reads "NN / 100".
        numbers = [int(t.split(" / ")[0]) for t in seen_totals]
        assert numbers == sorted(numbers) and all(t.endswith(" / 100") for t in seen_totals)
        # Review, then save: the draft has no file yet, so save asks where.
        await pilot.press("r")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SaveAsScreen)
        await pilot.press("ctrl+a", "ctrl+k", *"walked.yaml", "enter")
        await pilot.pause()
        assert (work / "walked.yaml").is_file()
        assert load_draft(work / "walked.yaml", rubric) == app.draft


async def test_mouse_only_walk(rubric: Rubric) -> None:
    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#new")
        await pilot.pause()
        screen = wizard(app)
        await pilot.click("#tier-1")  # coverage: any age
        for index, cat in enumerate(rubric.categories, start=1):
            # The outline lists the steps one per row: click the category's row.
            await pilot.click("#outline", offset=(3, index))
            assert await settles(pilot, lambda cat=cat: screen.current.id == cat.id)
            card = screen.query_one(f"#tier-{len(screen.current.choices)}", TierCard)
            # A wheel would scroll the card into view; then click it.
            centre = screen.query_one("#centre")

            def card_in_view(card=card, centre=centre) -> bool:
                # Scroll (again) until the layout has settled with the card in view.
                centre.scroll_to_widget(card, animate=False, immediate=True)
                region = card.region
                return region.height > 0 and centre.region.contains_region(region)

            before_total, before_bill = total(app), preview(app)
            # The wizard may still be settling from the step change (the card
            # pool relays out); on a saturated machine a click can land while
            # the card moves. Aim when it is in view, at a person's pace, and
            # click again if it was not taken; five unanswered tries fail.
            for _ in range(5):
                assert await settles(pilot, card_in_view)
                await pilot.pause(0.2)
                try:
                    await pilot.click(card)
                except OutOfBounds:
                    continue
                if await settles(pilot, lambda b=before_total: total(app) != b):
                    break
            assert total(app) != before_total
            assert await settles(pilot, lambda b=before_bill: preview(app) != b)
        assert total(app) == "100 / 100"
        await pilot.click("#outline", offset=(3, 0))
        assert await settles(pilot, lambda: screen.current.id == "coverage")


async def test_back_and_jumps_keep_every_answer() -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "2", "n", "1", "n", "3")
        chosen = dict(app.draft.choices)
        assert chosen == {
            "range_of_relief": "vacatur",
            "arrests_and_adjudications": "convictions_only",
            "offenses_covered": "all_misdemeanors",
        }
        await pilot.press("p", "p")
        screen = wizard(app)
        assert screen.current.id == "range_of_relief"
        assert screen.query_one("#tier-2", TierCard).has_class("-chosen")
        # The Previous and Next buttons, the outline and the palette all keep answers.
        await pilot.click("#next-button")
        assert screen.current.id == "arrests_and_adjudications"
        await app.run_action("command_palette")
        await pilot.press(*"Go to 12", "enter")
        await pilot.pause()
        assert wizard(app).current.id == "additional_conditions"
        assert app.draft.choices == chosen


async def test_footer_keys_follow_the_step() -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=SIZE) as pilot:
        screen = wizard(app)
        assert screen.check_action("prev", ()) is False
        assert screen.check_action("choose", (1,)) is True  # coverage has two choices
        assert screen.check_action("choose", (2,)) is False
        assert screen.check_action("toggle_side", ()) is False  # wide: nothing folded
        assert app.get_key_display(screen.active_bindings["1"].binding) == "1-2"
        await pilot.press("n", "n", "n")  # offenses: six tiers
        assert screen.check_action("choose", (5,)) is True
        assert app.get_key_display(screen.active_bindings["1"].binding) == "1-6"
        app.goto("additional_conditions")
        await pilot.pause()
        assert screen.check_action("next", ()) is False
        assert screen.check_action("prev", ()) is True


async def test_narrow_terminal_folds_score_behind_s() -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = wizard(app)
        side = screen.query_one("#side")
        assert not side.display or side.region.width == 0
        assert screen.check_action("toggle_side", ()) is True
        await pilot.press("s")
        assert side.region.width > 0
        assert screen.query_one("#centre").region.width == 0
        await pilot.press("s")
        assert screen.query_one("#centre").region.width > 0


async def test_minors_only_cannot_be_ranked() -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "3")
        assert total(app) == "10 / 100"
        await pilot.press("p", "2")
        assert total(app) == "0 / 100"
        assert "cannot be ranked" in str(app.screen.query_one("#grade").render())
        assert "cannot be ranked" in str(app.screen.query_one("#score").render())
        await pilot.press("1")  # back to adults: the points return
        assert total(app) == "10 / 100"


async def test_parameters_are_checked_as_typed() -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=SIZE) as pilot:
        screen = wizard(app)
        app.goto("judicial_discretion")
        await pilot.press("2")  # over objection: its text uses the response days
        # Asked with the bill's facts, on the coverage step (its long form).
        app.goto("coverage")
        await until(pilot, lambda: screen.query("#param-response_days"), "the days field")
        field = screen.query_one("#param-response_days", Input)
        await until(pilot, lambda: field.region.height > 0, "the days field on screen")
        field.focus()
        await pilot.press("x")
        assert "response_days" not in app.draft.parameters  # not a number: not taken
        assert "whole number" in str(
            screen.query_one("#param-field-response_days .param-error").render()
        )
        await pilot.press("backspace", "2", "1")
        assert app.draft.parameters["response_days"] == 21
        await until(pilot, lambda: "21 days" in preview(app), "the bill to show 21 days")
        await pilot.press("escape")  # leaves the field; digits choose tiers again
        app.goto("judicial_discretion")
        await pilot.press("3")
        assert app.draft.choices["judicial_discretion"] == "additional_action"


async def test_typed_markup_is_shown_literally() -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=SIZE) as pilot:
        screen = wizard(app)
        await until(pilot, lambda: screen.query("#about-jurisdiction"), "the jurisdiction field")
        screen.query_one("#about-jurisdiction", Input).focus()
        await pilot.press(*"[b]Guam[/] [", "tab")
        assert app.draft.jurisdiction == "[b]Guam[/] ["
        title = screen.query_one("#title")
        await until(pilot, lambda: "[b]Guam[/] [" in str(title.render()), "the typed title")
        app.goto("arrests_and_adjudications")
        await pilot.press("2")
        await until(pilot, lambda: screen.query("#param-court"), "the court field")
        screen.query_one("#param-court", Input).focus()
        await pilot.press(*"a [/] b")
        await until(pilot, lambda: "a [/] b" in preview(app), "the typed court in the bill")


async def test_review_lists_what_is_left_and_links_back(example) -> None:
    app = DrafterApp(mode="open", path=str(example("in-progress")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        todo = review.query_one("#todo")
        texts = [str(todo.get_option_at_index(i).prompt) for i in range(todo.option_count)]
        assert any(t.startswith("○ Judicial Discretion: no tier chosen") for t in texts)
        assert any("[SECTION]" in t for t in texts)
        todo.focus()
        await pilot.press("enter")  # the first: an open category
        await pilot.pause()
        assert wizard(app).current.id == "judicial_discretion"


async def test_save_then_open_round_trips(rubric: Rubric, work: Path) -> None:
    app = DrafterApp(mode="new", jurisdiction="Missouri")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "3", "n", "2")
        await pilot.press("ctrl+s")
        await pilot.press("enter")  # the suggested name
        await pilot.pause()
        saved = work / "missouri.yaml"
        assert saved.is_file() and app.path == saved
        assert not app.unsaved
        await pilot.press("n", "6")
        assert app.unsaved
        await pilot.press("ctrl+s")  # has a file now: saves without asking
        await pilot.pause()
        assert not app.unsaved
        draft, score_text = app.draft, total(app)
    again = DrafterApp(mode="open", path=str(saved))
    async with again.run_test(size=SIZE):
        assert again.draft == draft == load_draft(saved, rubric)
        assert total(again) == score_text


async def test_save_as_never_overwrites_without_asking(work: Path) -> None:
    (work / "taken.yaml").write_text("keep me\n")
    app = DrafterApp(mode="new")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s", "ctrl+a", "ctrl+k", *"taken", "enter")
        assert isinstance(app.screen, SaveAsScreen)
        assert (work / "taken.yaml").read_text() == "keep me\n"
        assert "already exists" in str(app.screen.query_one("#save-status").render())
        await pilot.press("enter")  # the button now reads Overwrite; Enter confirms
        await pilot.pause()
        assert (work / "taken.yaml").read_text().startswith("format: drafter/1")


async def test_autosave_restores_a_killed_session(rubric: Rubric, data_dir: Path) -> None:
    first = DrafterApp(mode="new", jurisdiction="Missouri")
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("n", "3", "n", "1", "n")
        draft = first.draft
        # No save: the terminal is "killed" when the test leaves this block.
    assert len(list((data_dir / "autosaves").glob("*.yaml"))) == 1  # one per draft
    second = DrafterApp(mode="start")
    async with second.run_test(size=SIZE) as pilot:
        start = second.screen
        assert isinstance(start, StartScreen)
        (row,) = [str(o.prompt) for o in start.query_one("#unsaved", OptionList).options]
        assert "Missouri" in row
        await pilot.click("#resume")
        await pilot.pause()
        assert second.draft == draft
        assert wizard(second).current.id == "offenses_covered"
        assert total(second) == "15 / 100"


async def test_start_screen_opens_a_path_and_reports_bad_files(work: Path, example) -> None:
    (work / "bad.yaml").write_text("format: drafter/1\ncoverage: teens\n")
    good = example("strong-b")
    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", *"bad.yaml", "enter")
        status = str(app.screen.query_one("#open-status").render())
        assert status.startswith("bad.yaml:2:"), status
        await pilot.press("ctrl+a", "ctrl+k", *good.name, "enter")
        await pilot.pause()
        assert total(app) == "89 / 100"
    # It is now a recent draft: the next start lists it and opens it by a click.
    app = DrafterApp(mode="start")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#recent", offset=(2, 0))
        await pilot.pause()
        assert app.path == good


async def test_a_no_statute_draft_becomes_a_bill_that_loads_again(
    rubric: Rubric, work: Path
) -> None:
    path = work / "nowhere.yaml"
    path.write_text(
        "format: drafter/1\njurisdiction: Nowhere\ncoverage: none\n"
        "choices:\n  range_of_relief: none\n  time_limits: no_limit\n"
    )
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=SIZE) as pilot:
        assert "cannot be ranked" in str(app.screen.query_one("#grade").render())
        assert "No bill" in preview(app)
        await pilot.press("1")  # a bill for survivors of any age
        # The "no statute" answer is gone; the real one stays.
        assert app.draft.choices == {"time_limits": "no_limit"}
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_draft(path, rubric).choices == {"time_limits": "no_limit"}


async def test_export_asks_before_replacing_a_file(work: Path, example) -> None:
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e")
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        await pilot.click("#formats RadioButton", offset=(2, 0))  # .txt, the first format
        assert str(dialog.query_one("#export-path", Input).value) == "strong-b.txt"
        await pilot.click("#export")
        await pilot.pause()
        text = (work / "strong-b.txt").read_text()
        assert "89 / 100" in text or "SECTION" in text.upper()
        (work / "strong-b.txt").write_text("an older export\n")
        await pilot.press("ctrl+e")
        await pilot.click("#formats RadioButton", offset=(2, 0))
        await pilot.click("#export")
        assert isinstance(app.screen, ExportScreen)
        assert "already exists" in str(app.screen.query_one("#export-status").render())
        assert (work / "strong-b.txt").read_text() == "an older export\n"
        await pilot.pause(0.25)  # a button ignores a second click within 0.2 s
        await pilot.click("#export")  # now labelled Overwrite
        await pilot.pause()
        assert (work / "strong-b.txt").read_text() == text


async def test_palette_switches_theme() -> None:
    app = DrafterApp(mode="new")
    async with app.run_test(size=SIZE) as pilot:
        dark = app.current_theme.dark
        await app.run_action("command_palette")
        await pilot.press(*"switch theme", "enter")
        await pilot.pause()
        assert app.current_theme.dark is not dark


async def test_the_coverage_form_is_unmounted_on_the_other_steps_unless_half_typed(
    example,
) -> None:
    # Sixty-odd widgets the other steps never show: built again from the draft
    # on coming back, unless a field holds what the draft does not (then kept).
    app = DrafterApp(mode="open", path=str(example("strong-b")))
    async with app.run_test(size=(120, 40)) as pilot:

        def form() -> dict[str, str]:
            return {
                str(w.id): w.value
                for w in app.screen.query(Input)
                if str(w.id).startswith(("about-", "param-")) and w.id not in ("param-relief_term",)
            }

        await until(pilot, lambda: "about-jurisdiction" in form(), "the coverage form")
        shown = form()
        assert len(shown) > 10
        await pilot.press("n")
        await until(pilot, lambda: not app.screen.query(".param-field Input#about-section"))
        assert len(list(app.screen.walk_children())) < 60
        await pilot.press("p")
        await until(pilot, lambda: "about-jurisdiction" in form(), "the form again")
        assert form() == shown
        # Half typed (the draft keeps "610.131", the field "610.131 "): kept as typed.
        section = app.screen.query_one("#about-section", Input)
        section.value = "610.131 "
        await until(pilot, lambda: app.draft is not None and app.draft.bill.section == "610.131")
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#about-section", Input).value == "610.131 "
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.query_one("#about-section", Input) is section
