"""Control characters, C1 controls and bidi overrides from a file never reach a
terminal raw from the CLI: output, warnings, error lines, the text quiz."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from drafter.errors import UserError
from drafter.textsafe import first_unsafe, quoted, visible

HOSTILE = ROOT / "tests" / "hostile"
ESCAPING = ["ansi.yaml", "osc.yaml", "bidi.yaml", "c1.yaml"]


def test_visible_covers_c0_c1_and_bidi() -> None:
    assert visible("a\x1b]52;c;SGk=\x07b") == "a\u241b]52;c;SGk=\u2407b"
    assert visible("x\x9b2J") == "x<U+009B>2J"
    assert visible("Main\u202eetatS\u2066") == "Main<U+202E>etatS<U+2066>"
    assert visible("tab\tand\nnewline stay") == "tab\tand\nnewline stay"
    assert visible("\x7f") == "\u2421"
    assert visible("caf\u00e9 \u00a7 12") == "caf\u00e9 \u00a7 12"


def test_error_lines_show_paths_and_messages_visibly() -> None:
    line = UserError("a\x1b]0;t\x07\nb.yaml", "bad \u202evalue", 3).one_line()
    assert first_unsafe(line) is None and "\n" not in line
    assert line == "a\u241b]0;t\u2407\u2424b.yaml:3: bad <U+202E>value"


def test_quoted_input_is_cut_to_fit_a_line() -> None:
    assert quoted("x" * 500) == repr("x" * 59 + "\u2026")
    assert quoted("two\nlines\x1b") == repr("two lines\u241b")


@pytest.mark.parametrize("name", ESCAPING)
def test_score_and_build_show_escapes_as_pictures(run_cli, tmp_path: Path, name: str) -> None:
    result = run_cli("score", str(HOSTILE / "ok" / name))
    assert result.code == 0 and first_unsafe(result.out + result.err) is None
    built = run_cli("build", str(HOSTILE / "ok" / name), "-o", str(tmp_path / "b.md"))
    assert built.code == 0 and first_unsafe(built.err) is None
    assert first_unsafe((tmp_path / "b.md").read_text()) is None


def test_bidi_and_c1_are_shown_in_the_bill(run_cli, tmp_path: Path) -> None:
    run_cli("build", str(HOSTILE / "ok" / "bidi.yaml"), "-o", str(tmp_path / "b.txt"))
    assert "Main<U+202E>etatS" in (tmp_path / "b.txt").read_text()
    run_cli("build", str(HOSTILE / "ok" / "c1.yaml"), "-o", str(tmp_path / "c.txt"))
    assert "C1<U+009B>2JState" in (tmp_path / "c.txt").read_text()


def test_error_line_for_a_hostile_file_name(run_cli, tmp_path: Path) -> None:
    name = tmp_path / "x\x1b]0;pwned\x07\u202e.yaml"
    result = run_cli("score", str(name))
    assert result.code == 2
    assert first_unsafe(result.err) is None and "\u241b]0;pwned" in result.err


def test_rubric_text_from_a_hostile_rubric_is_visible(run_cli, tmp_path: Path) -> None:
    text = (ROOT / "rubric" / "polaris-2019.yaml").read_text(encoding="utf-8")
    start = text.index("title:")
    end = text.index("\n", start)
    hostile = text[:start] + 'title: "Rubric \\e]0;pwned\\a \\u202eeltit"' + text[end:]
    path = tmp_path / "rubric.yaml"
    path.write_text(hostile, encoding="utf-8")
    result = run_cli("rubric", "--rubric", str(path))
    assert result.code == 0, result
    assert first_unsafe(result.out) is None and "\u241b]0;pwned" in result.out
    scored = run_cli("score", "--rubric", str(path), str(ROOT / "examples" / "best-practice.yaml"))
    assert scored.code == 0 and first_unsafe(scored.out) is None


def test_text_quiz_shows_a_hostile_exercise_visibly() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "train", "--text", "escapes.yaml"],
        cwd=HOSTILE / "ok-exercise",
        input="5\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert first_unsafe(result.stdout + result.stderr) is None
    assert "\u241b]0;retitled" in result.stdout and "<U+202E>on the ground" in result.stdout


@pytest.mark.parametrize("name", [*ESCAPING, "../ok-exercise/escapes.yaml"])
def test_validate_flags_escapes_in_data_files(run_cli, tmp_path: Path, name: str) -> None:
    path = HOSTILE / "ok" / name
    result = run_cli("validate", str(path))
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines and all(line.startswith(f"drafter: error: {path}:") for line in lines), lines
    assert all("remove it" in line for line in lines)


def test_validate_flags_escapes_in_a_language_folder(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "language"
    shutil.copytree(ROOT / "model_language", folder)
    params = folder / "parameters.yaml"
    text = params.read_text(encoding="utf-8")
    params.write_text(text + "\n# hostile\n", encoding="utf-8")
    first = next(p for p in sorted(folder.rglob("*.yaml")) if "prompt:" in p.read_text())
    body = first.read_text(encoding="utf-8")
    first.write_text(body.replace("prompt: ", "prompt: \u202e", 1), encoding="utf-8")
    result = run_cli("validate", "--language", str(folder))
    assert result.code == 2
    assert "bidi control U+202E" in result.err
