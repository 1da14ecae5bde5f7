"""A line of status text that takes no room while it has nothing to say."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from drafter.tui.widgets.util import same_content


class Note(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.display = False
        self._said: Content | None = None

    def say(self, text: str | Content = "", style: str = "") -> None:
        """Show `text` (literally) in `style`, or hide when it is empty."""
        content = text if isinstance(text, Content) else Content.styled(text, style)
        # The wizard says it again on every change: the same words cost nothing.
        if not same_content(self._said, content):
            self._said = content
            self.update(content)
        self.display = bool(content.plain)
