"""The headless CLI: outputs, JSON contract, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, write

SCORE_FIELDS = {
    "format",
    "jurisdiction",
    "rubric",
    "coverage",
    "total",
    "max",
    "grade",
    "rankable",
    "complete",
    "open",
    "categories",
    "notes",
}
CATEGORY_FIELDS = {"id", "title", "tier", "points", "max", "potential", "available"}


def test_missouri_scores_zero_and_cannot_be_ranked(run_cli) -> None:
    r = run_cli("score", str(EXAMPLES / "missouri-2019.yaml"))
    assert r.code == 0
    assert "0 / 100" in r.out
    assert "cannot be ranked" in r.out
    assert "Missouri" in r.out


def test_score_json_contract(run_cli) -> None:
    r = run_cli("score", str(EXAMPLES / "missouri-2019.yaml"), "--json")
    data = json.loads(r.out)
    assert set(data) >= SCORE_FIELDS
    assert data["format"] == "drafter/score@2"
    assert (data["total"], data["max"], data["grade"], data["rankable"]) == (0, 100, None, False)
    assert data["rubric"] == "polaris-2019"
    assert data["coverage"] == "minors_only"
    assert len(data["categories"]) == 11
    for cat in data["categories"]:
        assert set(cat) >= CATEGORY_FIELDS
    assert data["categories"][0]["potential"] == 4


@pytest.mark.parametrize(
    ("name", "total", "grade"),
    [
        ("best-practice", 100, "A"),
        ("strong-b", 89, "B"),
        ("middle-c", 71, "C"),
        ("compromise-d", 67, "D"),
        ("narrow-f", 16, "F"),
    ],
)
def test_examples_land_in_their_bands(run_cli, name: str, total: int, grade: str) -> None:
    data = json.loads(run_cli("score", str(EXAMPLES / f"{name}.yaml"), "--json").out)
    assert (data["total"], data["grade"], data["complete"]) == (total, grade, True)


def test_rank_marks_ties_and_unranked_last(run_cli, tmp_path: Path) -> None:
    twin = write(
        tmp_path,
        "twin.yaml",
        (EXAMPLES / "strong-b.yaml")
        .read_text()
        .replace("coverage: adults", "jurisdiction: Twin\ncoverage: adults"),
    )
    r = run_cli(
        "rank",
        str(EXAMPLES / "missouri-2019.yaml"),
        str(EXAMPLES / "strong-b.yaml"),
        str(twin),
        str(EXAMPLES / "best-practice.yaml"),
        str(EXAMPLES / "narrow-f.yaml"),
    )
    lines = r.out.splitlines()[1:]
    assert lines[0].startswith("1 ") and "best-practice" in lines[0]
    assert lines[1].startswith("T-2") and "tied" in lines[1]
    assert lines[2].startswith("T-2") and "tied" in lines[2]
    assert lines[3].startswith("4 ")
    assert lines[4].startswith("*") and "cannot be ranked" in lines[4]
    data = json.loads(run_cli("rank", "--json", str(twin), str(EXAMPLES / "strong-b.yaml")).out)
    assert [e["rank"] for e in data["entries"]] == [1, 1]


def test_rubric_table_and_json(run_cli) -> None:
    r = run_cli("rubric")
    assert "Nexus to Trafficking" in r.out and "proximately_caused" in r.out
    data = json.loads(run_cli("rubric", "--json").out)
    assert [c["max"] for c in data["categories"]] == [10, 10, 30, 10, 10, 8, 5, 5, 5, 5, 2]


def test_version_and_help(run_cli) -> None:
    assert "drafter 0." in run_cli("--version").out
    help_text = run_cli("--help").out
    assert "examples:" in help_text and "not legal advice" in help_text


def _bad_inputs(tmp: Path) -> list[tuple[str, str]]:
    big = tmp / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    rubric = (ROOT / "rubric" / "polaris-2019.yaml").read_text()
    return [
        (str(tmp / "missing.yaml"), "no such"),
        (str(tmp), "is a directory"),
        (
            str(write(tmp, "notyaml.yaml", "format: drafter/1\ncoverage: [adults\n")),
            "not valid YAML",
        ),
        (str(write(tmp, "junk.yaml", bytes(range(256)) * 10)), "binary"),
        (str(big), "limit"),
        (
            str(write(tmp, "py.yaml", "format: !!python/object/apply:os.system ['true']\n")),
            "not allowed",
        ),
        (
            str(write(tmp, "types.yaml", "format: drafter/1\ncoverage: adults\nchoices: 7\n")),
            "choices",
        ),
        (
            str(write(tmp, "keys.yaml", "format: drafter/1\ncoverage: adults\nfoo: 1\n")),
            "unknown field",
        ),
        (
            str(write(tmp, "cat.yaml", "format: drafter/1\ncoverage: adults\nchoices: {x: 1}\n")),
            "unknown category",
        ),
        (
            str(
                write(
                    tmp,
                    "tier.yaml",
                    "format: drafter/1\ncoverage: adults\nchoices: {time_limits: soon}\n",
                )
            ),
            "unknown tier",
        ),
        (
            str(
                write(
                    tmp,
                    "pts.yaml",
                    "format: drafter/1\ncoverage: adults\nchoices: {time_limits: 5}\n",
                )
            ),
            "no tier gives 5",
        ),
        (
            "--rubric=" + str(write(tmp, "r.yaml", rubric.replace("total: 100", "total: 90"))),
            "sum to 100",
        ),
    ]


def test_bad_input_exits_2_with_one_line(run_cli, tmp_path: Path) -> None:
    good = str(EXAMPLES / "best-practice.yaml")
    for target, message in _bad_inputs(tmp_path):
        args = ["score", target, good] if target.startswith("--") else ["score", target]
        r = run_cli(*args)
        assert r.code == 2, (target, r)
        assert r.out == ""
        lines = r.err.splitlines()
        assert len(lines) == 1, r.err
        assert lines[0].startswith("drafter: error: "), r.err
        assert message in lines[0], (message, r.err)
        assert "Traceback" not in r.err


def test_installed_entry_point_runs_as_module(tmp_path: Path) -> None:
    # `python -m drafter` from another folder finds the shipped data.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-m", "drafter", "score", str(EXAMPLES / "missouri-2019.yaml")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert "cannot be ranked" in out


def test_a_bug_is_not_hidden_as_a_user_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only user errors become exit 2; a real bug propagates (traceback, exit 1).
    from drafter import cli
    from drafter.cli import scorecard

    def boom(args: object) -> int:
        raise RuntimeError("bug")

    monkeypatch.setattr(scorecard, "cmd_rubric", boom)
    with pytest.raises(RuntimeError, match="bug"):
        cli.main(["rubric"])
