"""Every piece of text the app draws obeys drafter.textsafe's rule.

Rich (`Text`) and Textual (`Content`) already strip a few control codes (BEL,
BS, VT, FF, CR) from every string before it is drawn, through one translation
table each; ESC, the other C0 and C1 controls and bidi overrides pass through
and the terminal would obey them (OSC 52 writes the clipboard, OSC 0 retitles
the window). Adding drafter's visible forms to those two tables makes every
widget (inputs, text areas, previews, notifications, titles) show them as
pictures: one rule at the one door, rather than a call in every widget. The
values the widgets hold are untouched; only what is drawn changes.
"""

from __future__ import annotations

from typing import Any

from drafter.textsafe import replacement_table


def _tables() -> list[dict[int, Any]]:
    import rich.control
    import textual.content

    return [
        rich.control._CONTROL_STRIP_TRANSLATE,
        textual.content._CONTROL_STRIP_TRANSLATE,
    ]


def install() -> None:
    """Make control characters visible in everything Rich and Textual draw."""
    for table in _tables():
        for code, shown in replacement_table().items():
            # Keep what the toolkit already strips (CR, BEL, ...): stripped is safe.
            if table.get(code, "") is not None:
                table[code] = shown


def installed() -> bool:
    """True when both toolkits draw ESC as a picture (checked by the tests)."""
    return all(table.get(0x1B) == "\u241b" for table in _tables())
