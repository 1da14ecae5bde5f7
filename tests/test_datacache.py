"""The start's cache of the shipped data (datacache.py): never stale, never in the way.

Each test copies a data folder, dates its files back (a file changed in the
last seconds is never cached), and counts how often the real loading runs.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from conftest import ROOT
from drafter import datacache
from drafter.errors import UserError
from drafter.language import Language, load_language


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(folder))
    return folder


def settled(folder: Path) -> list[Path]:
    """The folder's YAML files, dated a minute back (as a checkout's files are)."""
    files = sorted(folder.glob("*.yaml"))
    past = time.time() - 60
    for path in files:
        os.utime(path, (past, past))
    return files


@pytest.fixture
def language(tmp_path: Path) -> Path:
    copy = tmp_path / "model_language"
    shutil.copytree(ROOT / "model_language", copy)
    settled(copy)
    return copy


class Counted:
    """load_language on a folder, counting the loads that really ran."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.runs = folder, 0

    def __call__(self) -> Language:
        self.runs += 1
        return load_language(self.folder)

    def load(self) -> Language:
        return datacache.cached("language", self, sorted(self.folder.glob("*.yaml")))


def note_of(language: Language) -> str:
    return language.tiers[("range_of_relief", "vacatur_on_merits")].note


def test_the_second_load_comes_from_the_cache_and_is_the_same(
    language: Path, cache_dir: Path
) -> None:
    loads = Counted(language)
    first = loads.load()
    assert loads.runs == 1 and len(list(cache_dir.glob("language-*.pickle"))) == 1
    again = loads.load()
    assert loads.runs == 1, "the second load should come from the cache"
    assert again.tiers == first.tiers and again.parameters == first.parameters
    assert again.frame == first.frame and again.definitions.keys() == first.definitions.keys()


def test_a_changed_data_file_is_loaded_again(language: Path, cache_dir: Path) -> None:
    loads = Counted(language)
    assert note_of(loads.load()).startswith("Vacates for a defect")
    path = language / "range_of_relief.yaml"
    path.write_text(path.read_text().replace("Vacates for a defect", "Rewritten for a defect"))
    changed = loads.load()
    assert loads.runs == 2 and note_of(changed).startswith("Rewritten")
    # Changed just now, it is not kept until it settles; settled, it is.
    assert loads.load() is not None and loads.runs == 3
    settled(language)
    loads.load()
    loads.load()
    assert loads.runs == 4 and note_of(loads.load()).startswith("Rewritten")
    assert len(list(cache_dir.glob("language-*.pickle"))) == 1, "older keys are dropped"


def test_an_error_in_a_changed_file_is_said_with_its_line(language: Path) -> None:
    loads = Counted(language)
    loads.load()
    path = language / "range_of_relief.yaml"
    path.write_text(path.read_text().replace("note:", "nte:", 1))
    settled(language)
    with pytest.raises(UserError) as caught:
        loads.load()
    assert "range_of_relief.yaml:" in caught.value.one_line()


def test_a_damaged_cache_is_built_again(language: Path, cache_dir: Path) -> None:
    loads = Counted(language)
    first = loads.load()
    (kept,) = cache_dir.glob("language-*.pickle")
    kept.write_bytes(b"not a pickle")
    assert loads.load().tiers == first.tiers and loads.runs == 2
    assert loads.load().tiers == first.tiers and loads.runs == 2, "rewritten whole"


def test_a_cache_folder_that_cannot_be_written_costs_only_the_cache(
    language: Path, cache_dir: Path
) -> None:
    cache_dir.write_text("a file where the folder would be")
    loads = Counted(language)
    assert loads.load().tiers == loads.load().tiers and loads.runs == 2
    assert not list(cache_dir.parent.glob("cache.*.tmp"))


def test_the_wizard_engine_from_the_cache_is_the_one_loaded_fresh(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter.draft import load_draft
    from drafter.tui import core, shipped

    runs: list[int] = []
    real = shipped._load

    def counted() -> shipped.Shipped:
        runs.append(1)
        return real()

    monkeypatch.setattr(shipped, "_load", counted)
    # The checkout's files may be new (a fresh clone): kept all the same here.
    monkeypatch.setattr(datacache, "SETTLING", 0.0)
    fresh, cached = core.Engine.load(), core.Engine.load()
    assert runs == [1], "the second start should load from the cache"
    assert cached.rubric == fresh.rubric and cached.profile == fresh.profile
    assert cached.standards == fresh.standards and cached.profile_note == fresh.profile_note
    draft = load_draft(ROOT / "examples" / "strong-b.yaml", fresh.rubric)
    a, b = fresh.view(draft), cached.view(draft)
    assert a.card == b.card and a.bill_text() == b.bill_text() != ""


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes only")
def test_a_cache_others_could_write_is_not_read(language: Path, cache_dir: Path) -> None:
    """Unpickling runs code: a cache file (or folder) that group or others may write is
    rebuilt from the data, never loaded."""
    loads = Counted(language)
    loads.load()
    (kept,) = cache_dir.glob("language-*.pickle")
    assert cache_dir.stat().st_mode & 0o077 == 0, "the cache folder is private"
    kept.chmod(0o666)
    loads.load()
    assert loads.runs == 2, "a world-writable cache file must not be read"
    cache_dir.chmod(0o777)
    loads.load()
    assert loads.runs == 3, "nor a cache in a folder others may write"
