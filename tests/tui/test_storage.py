"""The autosave and the recent-drafts list."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.draft import Draft
from drafter.errors import UserError
from drafter.rubric import Rubric
from drafter.tui import storage


def test_autosave_round_trip(rubric: Rubric, data_dir: Path) -> None:
    draft = Draft(jurisdiction="[bold]Guam[/]", coverage="adults").choose(
        "nexus_to_trafficking", "as_a_result"
    )
    draft = draft.with_parameter("response_days", 21)
    key = storage.write_autosave(draft, rubric, None, "time_limits", True)
    assert (data_dir / "autosaves" / f"{key}.yaml").is_file()
    saved = storage.read_autosave(rubric)
    assert saved is not None and saved.key == key
    assert saved.draft == draft
    assert (saved.path, saved.step, saved.unsaved) == (None, "time_limits", True)


def test_resume_never_aims_a_save_at_a_file_that_is_not_a_draft(
    rubric: Rubric, data_dir: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text("shopping: [milk]\n")
    storage.write_autosave(Draft(coverage="adults"), rubric, notes, None, True)
    storage.write_autosave(Draft(coverage="adults"), rubric, tmp_path / "gone.yaml", None, True)
    for saved in storage.list_autosaves(rubric).drafts:
        assert saved.path is None and saved.lost_path in (notes, tmp_path / "gone.yaml")


def test_a_draft_opened_by_a_relative_path_resumes_from_another_folder(
    rubric: Rubric, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `drafter open examples/x.yaml`, closed unsaved, resumed with `drafter` run elsewhere:
    # the resumed session still saves to the file it came from.
    (tmp_path / "elsewhere").mkdir()
    draft = tmp_path / "elsewhere" / "x.yaml"
    draft.write_text("format: drafter/1\ncoverage: adults\nchoices: {}\n")
    monkeypatch.chdir(tmp_path / "elsewhere")
    storage.write_autosave(Draft(coverage="adults"), rubric, Path("x.yaml"), None, True)
    monkeypatch.chdir(tmp_path)
    (saved,) = storage.list_autosaves(rubric).drafts
    assert saved.path == draft.resolve() and saved.lost_path is None


def test_autosaves_are_per_draft_and_never_overwrite_each_other(
    rubric: Rubric, data_dir: Path, tmp_path: Path
) -> None:
    a, b = Draft(jurisdiction="A", coverage="adults"), Draft(jurisdiction="B", coverage="adults")
    storage.write_autosave(a, rubric, None, None, True)
    # Another drafter process on the same data folder: its own names.
    storage.write_autosave(b, rubric, None, None, True, key="1-99999-abcdef-untitled")
    drafts = storage.list_autosaves(rubric).drafts
    assert sorted(d.draft.jurisdiction for d in drafts) == ["A", "B"]
    storage.discard_autosave("1-99999-abcdef-untitled")
    assert [d.draft.jurisdiction for d in storage.list_autosaves(rubric).drafts] == ["A"]


def test_an_old_single_autosave_is_moved_in_once(rubric: Rubric, data_dir: Path) -> None:
    storage.write_autosave(Draft(jurisdiction="Old", coverage="adults"), rubric, None, None, True)
    (only,) = (data_dir / "autosaves").iterdir()
    only.rename(data_dir / "autosave.yaml")
    assert [d.draft.jurisdiction for d in storage.list_autosaves(rubric).drafts] == ["Old"]
    assert not (data_dir / "autosave.yaml").exists()
    assert len(list((data_dir / "autosaves").iterdir())) == 1


def test_a_too_large_autosave_is_refused_when_written(rubric: Rubric, data_dir: Path) -> None:
    from drafter.errors import UserError

    big = Draft(coverage="adults", notes="x" * 3_000_000)
    with pytest.raises(UserError, match="limit drafter reads back"):
        storage.write_autosave(big, rubric, None, None, True)


def test_damaged_autosave_is_set_aside_and_reported(rubric: Rubric, data_dir: Path) -> None:
    assert storage.read_autosave(rubric) is None
    folder = data_dir / "autosaves"
    folder.mkdir(parents=True)
    for i, junk in enumerate(("{not yaml", "format: else\n", "format: drafter-autosave/1\n")):
        (folder / f"k{i}.yaml").write_text(junk)
        found = storage.list_autosaves(rubric)
        assert found.drafts == []
        (line,) = found.set_aside
        assert f"autosaves/k{i}.yaml" in line and f"set aside as k{i}.yaml.bad" in line
        assert (folder / f"k{i}.yaml.bad").read_text() == junk


def test_damaged_recent_list_is_set_aside_and_reported(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "recent.yaml").write_text("{broken")
    files, problem = storage.read_recent_checked()
    assert files == [] and problem is not None and "recent.yaml.bad" in problem
    assert (data_dir / "recent.yaml.bad").is_file()


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


def test_an_unusable_data_folder_is_one_clear_error(rubric: Rubric, tmp_path, monkeypatch) -> None:
    from drafter.errors import UserError

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(blocker / "data"))
    with pytest.raises(UserError, match="cannot use this data folder") as caught:
        storage.write_autosave(Draft(coverage="adults"), rubric, None, None, True)
    assert "\n" not in caught.value.one_line()
    assert storage.list_autosaves(rubric).drafts == [] and storage.read_recent() == []
    storage.add_recent(tmp_path / "x.yaml")  # the recent list is best effort: no error


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    items=st.lists(
        st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20), max_size=4
    ),
)
def test_the_draft_nested_in_an_autosave_reads_back_whatever_it_holds(
    rubric: Rubric, data_dir: Path, text: str, items: list[str]
) -> None:
    """The draft's own YAML is nested under `draft:` by indenting it: any text survives."""
    draft = Draft(jurisdiction=text.strip() or None, coverage="adults", notes=text or None)
    draft = draft.with_parameter("court", text).with_parameter("enumerated_offenses", items)
    try:
        key = storage.write_autosave(draft, rubric, None, None, True)
    except UserError:
        return  # text the draft format itself refuses (control characters): not ours to nest
    saved = storage.load_autosave(key, rubric)
    assert saved is not None and saved.draft == draft
    storage.discard_autosave(key)
