"""What every drafter screen is: the app's text tones, and its app typed.

A span styled by role (".tone--muted", tui/styles.py) is drawn from a
component class of the screen it shows on; a screen that did not list them
would fail to draw it. So screens derive from these instead of listing TONES
each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.screen import ModalScreen, Screen, ScreenResultType

from drafter.tui import csscache, heap
from drafter.tui.styles import TONES

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp


class DrafterScreen(Screen[ScreenResultType]):
    """A full screen of the app."""

    COMPONENT_CLASSES: ClassVar[set[str]] = TONES
    app: DrafterApp

    def on_mount(self) -> None:
        # Called besides a screen's own on_mount: the app's first screen,
        # once drawn, gives the collector back (heap.hold_collections), and
        # the CSS parsed for it is kept for the next start (tui/csscache.py).
        self.call_after_refresh(heap.resume_collections)
        self.call_after_refresh(csscache.keep, self.app.stylesheet)


class DrafterModal(ModalScreen[ScreenResultType]):
    """A dialog over the screen it was opened from."""

    COMPONENT_CLASSES: ClassVar[set[str]] = TONES
    app: DrafterApp
