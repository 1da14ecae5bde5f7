"""The README's commands are the ones CI runs."""

from __future__ import annotations

import re

from conftest import ROOT


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    return re.findall(r"```sh\n(.+?)\n```", readme)


def test_readme_has_two_one_line_commands() -> None:
    commands = _commands()
    assert len(commands) == 2
    for command in commands:
        assert "\n" not in command
        assert command.startswith("python3 -m venv .venv && ")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    test_command = _commands()[1]
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test_command in ci


def _row(command: str) -> str:
    readme = (ROOT / "README.md").read_text()
    return next(line for line in readme.splitlines() if line.startswith(f"| `drafter {command}"))


def test_readme_lists_the_registered_formats() -> None:
    # The format lists come from the registries; the README must say the same.
    from drafter.render import AMEND_FORMATS, BILL_FORMATS, REDLINE_FORMATS

    def extensions(line: str) -> list[str]:
        # Each extension once, in the order the row first names it.
        return list(dict.fromkeys(re.findall(r"`(\.[a-z][a-z.]*)`", line)))

    assert extensions(_row("build")) == [f.extension for f in BILL_FORMATS]
    assert extensions(_row("redline")) == [f.extension for f in REDLINE_FORMATS]
    assert extensions(_row("amend")) == [f.extension for f in AMEND_FORMATS]
    readme = (ROOT / "README.md").read_text()
    exporting = readme[readme.index("**Exporting.**") :].split("\n\n")[0]
    for fmt in BILL_FORMATS:
        assert fmt.extension.rsplit(".", 1)[-1] in exporting, fmt.name
