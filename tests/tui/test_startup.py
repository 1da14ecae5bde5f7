"""What a start of the app loads (in a fresh interpreter) and parses.

No clocks here: these check the shape of a start that keeps it fast, so a
change that loses it fails a test rather than slowing every start unseen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT
from drafter.tui.app import DrafterApp
from drafter.tui.csscache import KeptStylesheet

from .conftest import total, until


def fresh(code: str) -> object:
    """What `code` prints last (as JSON), run in a new interpreter on this checkout
    (with a data folder of its own: the fixture's, set for this test)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


#: What the wizard's first screen never needs: the reader, advice, amending,
#: the exporters (and the libraries behind .docx), training, serving.
NOT_AT_START = (
    "drafter.reader",
    "drafter.advice",
    "drafter.amend",
    "drafter.training",
    "drafter.room",
    "drafter.serve",
    "drafter.render.docx",
    "drafter.render.akn",
    "drafter.render.card",
)


def test_opening_a_draft_loads_only_what_its_first_screen_draws() -> None:
    code = (
        "import json, sys\n"
        "from drafter.tui.app import DrafterApp\n"
        "def score(app):\n"
        "    found = app.screen.query('#total')\n"
        "    return str(found.first().render()) if found else ''\n"
        "async def drawn(pilot):\n"
        "    while '/ 100' not in score(pilot.app):\n"
        "        await pilot.pause()\n"
        "    pilot.app.exit()\n"
        f"app = DrafterApp(mode='open', path={str(EXAMPLES / 'strong-b.yaml')!r})\n"
        "app.run(headless=True, size=(120, 40), auto_pilot=drawn)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    loaded = fresh(code)
    assert isinstance(loaded, list) and "drafter.tui.screens.wizard" in loaded
    assert [
        m for m in loaded if m.split(".")[0] in {"docx", "lxml"} or m.startswith(NOT_AT_START)
    ] == []


def parsed_sources(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Where each CSS source Textual parses from now on came from."""
    import textual.css.stylesheet as stylesheet

    seen: list[object] = []
    parse = stylesheet.parse

    def counted(scope, css, read_from, *args, **kwargs):
        seen.append(read_from)
        return parse(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", counted)
    return seen


async def test_a_second_start_parses_no_css_and_looks_the_same(
    example, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rules the first start parsed are kept (tui/csscache.py): the next
    # start's first screen is styled from them, to the last cell.
    path = str(example("strong-b"))
    shown = []
    for _ in range(2):
        seen = parsed_sources(monkeypatch)
        app = DrafterApp(mode="open", path=path)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: "/ 100" in total(app), "the score")  # noqa: B023
            await pilot.pause()
            parsed_first = list(seen)
            shown.append(app.export_screenshot())
    assert parsed_first == [], f"parsed again: {parsed_first}"
    assert shown[0] == shown[1]


def test_a_changed_stylesheet_or_theme_is_parsed_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = parsed_sources(monkeypatch)

    def color(css: str, accent: str = "#ff0000") -> str:
        """The colour `css` gives a Label, as a start that keeps what it parsed styles it."""
        sheet = KeptStylesheet(variables={"accent": accent})
        sheet.add_source(css, read_from=("test.tcss", ""))
        sheet.parse()
        sheet.keep()
        return str(sheet.rules[0].styles.color)

    assert color("Label { color: $accent; }") == "Color(255, 0, 0)"
    assert len(seen) == 1
    assert color("Label { color: $accent; }") == "Color(255, 0, 0)"
    assert len(seen) == 1, "the same source, the same theme: from the kept rules"
    assert color("Label { color: blue; }") == "Color(0, 0, 255)"
    assert len(seen) == 2
    assert color("Label { color: $accent; }", accent="#00ff00") == "Color(0, 255, 0)"
    assert len(seen) == 3
