"""The app's text styles by role: each a component class, its look in drafter.tcss.

Words inside a line (an aside, a grade, a warning, the decisive words) are
styled by what they are, never by a colour written in Python. A span's style
is one of these names (".tone--muted"): when Textual draws a style that
starts with a dot, it takes the component class of that name from the widget
or the screen above it, and drafter.tcss gives each class its look. So the
colours live in one stylesheet, and a theme change restyles text already on
screen.

Every drafter screen derives from DrafterScreen or DrafterModal
(tui/screens/base.py), which list TONES as their component classes. A tone
and a text style at once ("bold", "italic", "strike") are `styled`.
"""

from __future__ import annotations

from textual.content import Content

#: Asides, hints, sources, units: the one muted style.
MUTED = ".tone--muted"
#: What the user chose or the app found: a tier, a name, a category.
ACCENT = ".tone--accent"
#: The same in bold: a heading inside a line.
ACCENT_BOLD = ".tone--accent-bold"
#: The app's name and a screen's title.
BRAND = ".tone--brand"
#: What went well: correct, met, a gain.
GOOD = ".tone--good"
GOOD_BOLD = ".tone--good-bold"
#: What needs a look: unsaved, ambiguous, to review.
WARN = ".tone--warn"
WARN_BOLD = ".tone--warn-bold"
#: What is wrong or refused.
ERROR = ".tone--error"
ERROR_BOLD = ".tone--error-bold"
#: A mark or a bar drawn in a colour (not text): done, open, the room's answers.
MARK = ".tone--mark"
MARK_GOOD = ".tone--mark-good"
MARK_OPEN = ".tone--mark-open"
#: A score that cannot be ranked, and what keeps it so.
MARK_ERROR = ".tone--mark-error"
#: Words highlighted in a text (the decisive words, what a tier adds). A
#: component class cannot carry reverse video: `highlight` lays it on top.
HIGHLIGHT = ".tone--highlight"

#: The component class names, as a screen's COMPONENT_CLASSES lists them.
TONES: set[str] = {
    name.removeprefix(".")
    for name in (
        MUTED,
        ACCENT,
        ACCENT_BOLD,
        BRAND,
        GOOD,
        GOOD_BOLD,
        WARN,
        WARN_BOLD,
        ERROR,
        ERROR_BOLD,
        MARK,
        MARK_GOOD,
        MARK_OPEN,
        MARK_ERROR,
        HIGHLIGHT,
    )
}


def highlight(content: Content, start: int = 0, end: int | None = None) -> Content:
    """`content` with [start, end) in the HIGHLIGHT style, reverse video on top."""
    end = len(content) if end is None else end
    return content.stylize(HIGHLIGHT, start, end).stylize("reverse", start, end)


def styled(text: str, *styles: str) -> Content:
    """`text` (literally) in each of `styles` at once: a tone and "italic", say."""
    content = Content(text)
    for style in styles:
        content = content.stylize(style)
    return content
