"""Small helpers shared by the widgets: redraw a text only when it changed."""

from __future__ import annotations

from textual.content import Content
from textual.visual import VisualType
from textual.widgets import Static


def same_content(old: VisualType | None, new: Content) -> bool:
    """Whether `old` shows exactly `new`: the same text in the same styles.

    Not `==`: Content compares its text only, so a change of colour alone
    (a card's points struck through, a status turned from open to met) would
    never be drawn.
    """
    return isinstance(old, Content) and old.plain == new.plain and old.spans == new.spans


def shown_content(widget: Static) -> Content | None:
    """What `widget` shows, when it was given Content (not a plain string)."""
    content = widget.content
    return content if isinstance(content, Content) else None


def set_content(widget: Static, content: Content, layout: bool | None = None) -> None:
    """Update a Static only when its content changes.

    An update costs a layout pass; the wizard redraws on every keystroke in a
    parameter field, so unchanged text must cost nothing. `layout` None: a
    layout pass only when the text changed (same text in new colours cannot
    change the size).
    """
    old = shown_content(widget)
    if not same_content(old, content):
        if layout is None:
            layout = old is None or old.plain != content.plain
        widget.update(content, layout=layout)
