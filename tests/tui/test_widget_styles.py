"""The app's styles live in TCSS, and a widget redraws when its styles change."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from textual.content import Content
from textual.screen import Screen

from drafter.tui.screens.base import DrafterModal, DrafterScreen
from drafter.tui.styles import MUTED, TONES, styled
from drafter.tui.widgets.util import same_content

TUI = Path(__file__).resolve().parents[2] / "src" / "drafter" / "tui"
#: A theme variable or a hex colour written as a style in Python.
COLOUR = re.compile(r"""["'][^"'\n]*(\$[a-z][a-z-]*|#[0-9a-fA-F]{6}\b)""")


def test_no_colour_is_written_in_python() -> None:
    found = [
        f"{path.relative_to(TUI)}:{n}: {line.strip()}"
        for path in sorted(TUI.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if COLOUR.search(line) and not line.lstrip().startswith("#")
    ]
    assert not found, "style these by role (tui/styles.py, drafter.tcss):\n" + "\n".join(found)


def test_every_tone_has_a_look_in_the_stylesheet() -> None:
    css = (TUI / "drafter.tcss").read_text(encoding="utf-8")
    assert {tone for tone in TONES if f".{tone} {{" not in css} == set()


def test_every_screen_has_the_tones() -> None:
    # A tone on a screen without them fails to draw: every screen derives from the bases.
    for path in sorted((TUI / "screens").glob("*.py")):
        module = importlib.import_module(f"drafter.tui.screens.{path.stem}")
        for name, value in vars(module).items():
            mine = isinstance(value, type) and value.__module__ == module.__name__
            if mine and issubclass(value, Screen):
                assert issubclass(value, DrafterScreen | DrafterModal), name


def test_same_text_in_a_new_style_is_not_the_same_content() -> None:
    # Content's own == compares the text only.
    assert Content("5 pts") == styled("5 pts", MUTED, "strike")
    assert not same_content(Content("5 pts"), styled("5 pts", MUTED, "strike"))
    assert same_content(styled("5 pts", MUTED), styled("5 pts", MUTED))
    assert not same_content("5 pts", Content("5 pts"))
    assert not same_content(None, Content(""))
