"""The autosave and the recent-drafts list."""

from __future__ import annotations

from pathlib import Path

from drafter.draft import Draft
from drafter.rubric import Rubric
from drafter.tui import storage


def test_autosave_round_trip(rubric: Rubric, data_dir: Path) -> None:
    draft = Draft(jurisdiction="[bold]Guam[/]", coverage="adults").choose(
        "nexus_to_trafficking", "as_a_result"
    )
    draft = draft.with_parameter("response_days", 21)
    storage.write_autosave(draft, rubric, Path("/x/guam.yaml"), "time_limits", True)
    assert (data_dir / "autosave.yaml").is_file()
    saved = storage.read_autosave(rubric)
    assert saved is not None
    assert saved.draft == draft
    assert (saved.path, saved.step, saved.unsaved) == (Path("/x/guam.yaml"), "time_limits", True)


def test_missing_or_damaged_autosave_is_no_autosave(rubric: Rubric, data_dir: Path) -> None:
    assert storage.read_autosave(rubric) is None
    data_dir.mkdir(parents=True)
    for junk in ("{not yaml", "format: something-else\n", "format: drafter-autosave/1\n"):
        (data_dir / "autosave.yaml").write_text(junk)
        assert storage.read_autosave(rubric) is None


def test_recent_is_newest_first_without_repeats(tmp_path: Path) -> None:
    paths = [tmp_path / f"d{i}.yaml" for i in range(storage.MAX_RECENT + 3)]
    for p in paths:
        storage.add_recent(p)
    storage.add_recent(paths[3])
    recent = storage.read_recent()
    assert recent[0] == paths[3].resolve()
    assert len(recent) == storage.MAX_RECENT
    assert len(set(recent)) == len(recent)


def test_ago() -> None:
    assert storage.ago(100, 130) == "just now"
    assert storage.ago(0, 600) == "10 min ago"
    assert storage.ago(0, 7200) == "2 h ago"
    assert storage.ago(0, 86400) == "1 day ago"
