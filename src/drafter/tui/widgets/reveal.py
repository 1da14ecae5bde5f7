"""Where a tier choice will scroll the centre, worked out before the layout that shows it.

Choosing a tier moves its detail (the note and the tier's fields) under its
card, and then brings the card and its fields into view. Scrolled after the
layout, that is two frames per key, the second repainting the whole centre.
Worked out before it, the scroll goes into the one layout pass.

The new places follow from the old ones: what comes before the card is
unchanged (the same step, and no card's text changed), except the detail,
which leaves from above the card if it was there. The detail's new height is
its content's at the same width. The scroll is then the one `StepPane.reveal`
makes (Textual's scroll_to_widget: the fields' box, then the card), which
still runs after the layout: if this guessed wrong (fields mounting for the
first time, a scrollbar appearing), it corrects the scroll in a second frame,
as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.geometry import Region, clamp


@dataclass(frozen=True)
class Places:
    """Rows in the centre's scrollable content (0 is its top), after the coming layout."""

    card: Region
    #: The tier's fields' box, when it shows.
    fields: Region | None
    #: The content's new height.
    height: int


def scroll_into_view(window: Region, region: Region, max_y: int) -> int:
    """The scroll row Textual's scroll_to_region gives to bring `region` into `window`."""
    if window in region:
        return window.y
    delta = Region.get_scroll_to_visible(window, region).y
    return clamp(window.y + delta, 0, max_y)


def revealing_scroll(window: Region, places: Places) -> int:
    """The scroll row that shows the card and its fields, as StepPane.reveal scrolls."""
    max_y = max(0, places.height - window.height)
    y = window.y
    if places.fields is not None:
        y = scroll_into_view(window.at_offset((window.x, y)), places.fields, max_y)
    return scroll_into_view(window.at_offset((window.x, y)), places.card, max_y)
