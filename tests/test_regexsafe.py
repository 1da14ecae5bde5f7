"""User-written signals patterns are checked for catastrophic backtracking."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from drafter.regexsafe import backtracking_risk

RISKY = [r"(a+)+", r"(\w+\s?)*$", r"(a|a)*", r"(?:x*y*)+", r"(a*)*", r"(?:(?:\w+)+ )+"]
SAFE = [
    r"a+b+",
    r"\bvacat\w*\b",
    r"(?:shall|may) (?:order|grant)",
    r"(?:\w+ ){0,6}court",
    r"within (\d+) days",
    r"(?:,? (?:or |and )?\d[\w\-]*)*",
]


@pytest.mark.parametrize("pattern", RISKY)
def test_nested_repeats_are_flagged(pattern: str) -> None:
    assert backtracking_risk(pattern) is not None


@pytest.mark.parametrize("pattern", SAFE)
def test_ordinary_patterns_pass(pattern: str) -> None:
    assert backtracking_risk(pattern) is None


def test_shipped_signals_pass(run_cli) -> None:
    assert run_cli("validate").code == 0


def test_a_signals_file_with_a_risky_pattern_is_refused_at_its_line(
    run_cli, tmp_path: Path
) -> None:
    text = (ROOT / "rubric" / "polaris-2019.signals.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("- '"))
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = indent + r"- '(\w+\s?)*$'"
    bad = tmp_path / "signals.yaml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("validate", "--signals", str(bad))
    assert result.code == 2
    assert f"{bad}:{index + 1}:" in result.err and "exponential time" in result.err
