"""Small helpers shared by the widgets.

A note on colours in Content spans: the theme variable `$text-muted` is an
"auto" colour, which a span resolves to full contrast (white on dark), so the
widgets write muted text as `$foreground 60%` instead.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def set_content(widget: Static, content: Content, layout: bool | None = None) -> None:
    """Update a Static only when its content changes.

    An update costs a layout pass; the wizard redraws on every keystroke in a
    parameter field, so unchanged text must cost nothing.
    """
    old = getattr(widget, "_drafter_content", None)
    if old != content:
        widget._drafter_content = content  # type: ignore[attr-defined]
        # Same text in new colours cannot change the size: skip the layout pass.
        if layout is None:
            layout = old is None or old.plain != content.plain
        widget.update(content, layout=layout)
