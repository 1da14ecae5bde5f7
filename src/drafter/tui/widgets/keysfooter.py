"""The footer, rebuilt only when the keys it shows change.

Textual's Footer recomposes (a new widget per key, each bound to the footer's
`compact`) on every bindings signal, and the screen sends one on every focus
move. In the wizard, choosing a tier moves focus to its card, so each keypress
rebuilt the whole footer and restyled its keys: most of the time from a key to
the changed screen. The keys shown are the same from card to card, so this
footer compares what it would show with what it shows and does nothing when
they match.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

#: What one footer key shows: key, its display, description, action, enabled, tooltip.
Shown = tuple[str, str, str, str, bool, str]


class KeysFooter(Footer):
    """A Footer that recomposes only when a key appears, goes, or reads differently."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[Shown, ...] | None = None

    def _keys_shown(self, screen: Screen[object]) -> tuple[Shown, ...]:
        app = self.app
        return tuple(
            (key, app.get_key_display(b), b.description, b.action, enabled, tooltip)
            for key, (_node, b, enabled, tooltip) in screen.active_bindings.items()
            if b.show or key == app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        unchanged = self._bindings_ready and self.is_attached and screen is self.screen
        if unchanged and self._keys_shown(screen) == self._shown:
            return
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        # What the new keys show is what the next signal compares with.
        if self.is_attached:
            self._shown = self._keys_shown(self.screen)
        await super().recompose()
