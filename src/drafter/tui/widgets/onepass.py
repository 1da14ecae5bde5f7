"""Containers and text that need one layout pass per change, not two.

After a layout pass Textual hands every widget its new size; a widget whose
content height changed (a longer tier note, the chosen card's fields moving)
then asks for a second, full layout pass, which finds the same geometry: the
pass that just ran measured that content already. In the wizard's centre
every tier choice changes heights, so each key paid for two layouts and two
repaints of most of the screen.

These classes take their new size without asking again, as Textual does
itself after a scroll. A scrollable one still updates its scrollbars, and a
scrollbar that appears or goes asks for the layout it needs.
"""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll
from textual.geometry import Size
from textual.widgets import Static


class OnePassVertical(Vertical):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class OnePassScroll(VerticalScroll):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class OnePassStatic(Static):
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)
