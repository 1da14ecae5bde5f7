"""Joining the server's training room from the start screen: a name and the room's code.

The code a person types decides what they get (see `room.join_room`): the
join code makes them a trainee, the facilitator's code opens the
facilitator's view. A refused code is said under the fields; an accepted one
does not stay on screen.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from drafter.tui.styles import ACCENT_BOLD, ERROR, MUTED
from drafter.tui.widgets.note import Note

if TYPE_CHECKING:
    from drafter.room import Room
    from drafter.tui.app import DrafterApp


class RoomJoin(Vertical):
    """Join the server's training room: a chosen name and the room's code."""

    app: DrafterApp

    def __init__(self, room: Room) -> None:
        super().__init__(id="room-box", classes="start-box")
        self.room = room

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(("Join the training room ", "bold"), (self.room.name, ACCENT_BOLD)),
            classes="box-title",
        )
        yield Static(
            Content.styled(
                "Any name will do: no personal data is needed. The facilitator sees your "
                "name beside your answers. The facilitator enters their own code here too.",
                MUTED,
            ),
            id="room-privacy",
        )
        with Horizontal(classes="start-row"):
            yield Input(placeholder="a name for the room", id="room-name", compact=True)
            yield Input(placeholder="room code", id="room-code", compact=True)
            yield Button("Join", id="room-join", variant="primary", compact=True)
        yield Note(id="room-status")

    @on(Input.Submitted, "#room-name")
    def _name_given(self) -> None:
        self.query_one("#room-code", Input).focus()

    @on(Input.Submitted, "#room-code")
    @on(Button.Pressed, "#room-join")
    def _join_room(self) -> None:
        from drafter.tui.screens.room import join_room

        name = self.query_one("#room-name", Input).value
        code = self.query_one("#room-code", Input)
        problem = join_room(self.app, name, code.value, os.environ.get("DRAFTER_RESUME_CODE"))
        status = self.query_one("#room-status", Note)
        status.say(Content.styled(problem, ERROR) if problem else "")
        if problem is None:
            code.value = ""  # a facilitator code does not stay on screen


__all__ = ["RoomJoin"]
