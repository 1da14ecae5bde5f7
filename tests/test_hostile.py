"""The hostile-input corpus (tests/hostile/): refused cleanly, or accepted and shown literally.

Refused: exit 2, one line `drafter: error: FILE[:LINE]: ...` on stderr, nothing on
stdout, no traceback, nothing written. Accepted: exit 0, and markup or escape
sequences in text fields come out as literal characters.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from drafter.cli import build_parser
from drafter.textsafe import first_unsafe
from drafter.yamlio import MAX_FILE_BYTES

HOSTILE = ROOT / "tests" / "hostile"
GOOD_DRAFT = EXAMPLES / "best-practice.yaml"


def _has_command(name: str) -> bool:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return name in sub.choices


def _args_for(kind: str, path: Path, tmp: Path) -> list[str]:
    out = str(tmp / "out.txt")
    if kind == "draft":
        return ["score", str(path)]
    if kind == "rubric":
        return ["score", "--rubric", str(path), str(GOOD_DRAFT)]
    if kind == "jurisdiction":
        draft = tmp / "draft.yaml"
        draft.write_text(f"format: drafter/1\njurisdiction: '{path}'\ncoverage: adults\n")
        return ["build", str(draft), "-o", out]
    if kind == "language":
        folder = tmp / "language"
        shutil.copytree(ROOT / "model_language", folder)
        shutil.copy(path, folder / "parameters.yaml")
        return ["validate", "--language", str(folder)]
    if kind == "exercise":
        return ["validate", str(path)]
    if kind == "statute":
        if not _has_command("analyze"):
            pytest.skip("drafter analyze is not built yet")
        return ["analyze", str(path)]
    raise AssertionError(kind)


REFUSED = sorted(
    (p.parent.name, p)
    for p in HOSTILE.rglob("*")
    if p.is_file() and not p.parent.name.startswith("ok")
)


def test_corpus_is_large_enough() -> None:
    files = [p for p in HOSTILE.rglob("*") if p.is_file()]
    assert len(files) >= 40
    kinds = {p.parent.name for p in files}
    assert kinds >= {"draft", "rubric", "language", "jurisdiction", "exercise", "statute", "ok"}


def _assert_refused(result, tmp: Path) -> None:
    assert result.code == 2, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("drafter: error: "), result.err
    assert "Traceback" not in result.err
    assert not (tmp / "out.txt").exists()


@pytest.mark.parametrize(("kind", "path"), REFUSED, ids=[f"{k}/{p.name}" for k, p in REFUSED])
def test_hostile_file_is_refused(run_cli, tmp_path: Path, kind: str, path: Path) -> None:
    _assert_refused(run_cli(*_args_for(kind, path, tmp_path)), tmp_path)


@pytest.mark.parametrize("kind", ["draft", "rubric", "statute"])
def test_oversize_file_is_refused_before_parsing(run_cli, tmp_path: Path, kind: str) -> None:
    big = tmp_path / ("big.txt" if kind == "statute" else "big.yaml")
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = run_cli(*_args_for(kind, big, tmp_path))
    _assert_refused(result, tmp_path)
    assert "limit" in result.err


OK = sorted(p for p in (HOSTILE / "ok").iterdir())


@pytest.mark.parametrize("path", OK, ids=[p.name for p in OK])
def test_tolerated_draft_is_accepted(run_cli, tmp_path: Path, path: Path) -> None:
    result = run_cli("score", str(path))
    assert result.code == 0, result
    assert first_unsafe(result.out) is None
    built = run_cli("build", str(path), "-o", str(tmp_path / "bill.txt"))
    assert built.code == 0, built
    assert first_unsafe(built.err) is None
    # Bills make such characters visible too (they are not refused).
    assert first_unsafe((tmp_path / "bill.txt").read_text()) is None


def test_markup_is_shown_literally(run_cli) -> None:
    result = run_cli("score", str(HOSTILE / "ok" / "markup.yaml"))
    assert "[bold red]Missouri[/] [/]" in result.out


def test_escape_sequences_are_made_visible(run_cli, tmp_path: Path) -> None:
    result = run_cli("score", str(HOSTILE / "ok" / "ansi.yaml"))
    assert "\u241b[31mRed State\u241b[0m" in result.out
    run_cli("build", str(HOSTILE / "ok" / "ansi.yaml"), "-o", str(tmp_path / "b.md"))
    assert "\u241b[2J\u241b[Hthe court" in (tmp_path / "b.md").read_text()


def test_bom_and_crlf_read_like_the_plain_file(run_cli) -> None:
    for name in ("bom.yaml", "crlf.yaml"):
        result = run_cli("score", "--json", str(HOSTILE / "ok" / name))
        assert result.code == 0
        assert '"tier": "as_a_result"' in result.out and '"total": 10' in result.out
