"""A line of status text that takes no room while it has nothing to say."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Note(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.display = False

    def say(self, text: str | Content = "", style: str = "") -> None:
        """Show `text` (literally) in `style`, or hide when it is empty."""
        content = text if isinstance(text, Content) else Content.styled(text, style)
        self.update(content)
        self.display = bool(content.plain)
