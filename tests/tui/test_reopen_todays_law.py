"""A draft begun from today's law, saved and reopened, starts from the same law again:
the advisor reads the recorded law's open and arguable calls, and the amending bill
is still offered for the statute text it started from."""

from __future__ import annotations

from pathlib import Path

from drafter.baseline import profile_draft
from drafter.draft import StartsFrom, load_draft, save_draft
from drafter.jurisdiction import load_profile
from drafter.rubric import load_rubric
from drafter.tui.app import DrafterApp
from drafter.tui.screens.advice import AdviceScreen
from drafter.tui.screens.wizard import WizardScreen

from .conftest import until

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SIZE = (120, 40)


#: A recorded law with arguable calls whose other readings change a gain (its hearing
#: and offenses; see tests/test_advice_readings.py).
ARGUABLE = "Connecticut"


async def test_a_reopened_baseline_draft_advises_from_its_recorded_law(tmp_path: Path) -> None:
    rubric = load_rubric()
    profile = load_profile(ARGUABLE)
    path = tmp_path / "today.yaml"
    save_draft(profile_draft(profile, rubric), path, rubric)
    assert load_draft(path, rubric).starts_from == StartsFrom(law=profile.name)
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        assert app.session.todays_law == profile.law
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AdviceScreen), "the advice view")
        screen = app.screen
        assert isinstance(screen, AdviceScreen) and screen.read is not None
        # The gains under the other defensible readings are there, as in the session
        # that began from the law.
        assert screen.read.alternatives


async def test_a_reopened_draft_from_a_statute_file_still_offers_the_amending_bill(
    tmp_path: Path,
) -> None:
    from drafter.reader import analyze_file

    rubric = load_rubric()
    statute = tmp_path / "statute.txt"
    statute.write_text((CORPUS / "R02-missouri-style-merits.txt").read_text(), encoding="utf-8")
    draft = analyze_file(str(statute), rubric).draft(rubric)
    draft = draft.model_copy(update={"starts_from": StartsFrom(statute=str(statute))})
    path = tmp_path / "draft.yaml"
    save_draft(draft, path, rubric)
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        law = app.session.current_law
        assert law is not None and law.name == "statute.txt"
        assert law.text == statute.read_text(encoding="utf-8")

    # The statute moved away: the draft still opens, and says what is missing.
    statute.unlink()
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        assert app.session.current_law is None
        said = [n.message for n in app._notifications]
        assert any("statute.txt, which cannot be read now" in m for m in said), said


async def test_a_draft_whose_state_has_no_profile_now_opens_as_it_stands(tmp_path: Path) -> None:
    rubric = load_rubric()
    draft = profile_draft(load_profile(ARGUABLE), rubric)
    draft = draft.model_copy(update={"starts_from": StartsFrom(law="Atlantis")})
    path = tmp_path / "gone.yaml"
    save_draft(draft, path, rubric)
    app = DrafterApp(mode="open", path=str(path))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WizardScreen), "the wizard")
        assert app.session.todays_law is None and app.session.current_law is None
        said = [n.message for n in app._notifications]
        assert any("started from Atlantis's law" in m for m in said), said
