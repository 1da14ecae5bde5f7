"""The Textual app. The only part of drafter that imports textual."""

from __future__ import annotations

from pathlib import Path

from drafter.tui.session import Mode

#: What run_app can open: the wizard ("start", "new", "open") or training
#: ("train" an exercise set, its "lessons", or "present" for a projector).
MODES = tuple(m.value for m in Mode)


def run_app(
    mode: str,
    path: str | None = None,
    jurisdiction: str | None = None,
    rubric_path: str | None = None,
    served: bool = False,
    categories: list[str] | None = None,
    room_file: str | None = None,
    seed: int | None = None,
) -> int:
    """Run the app: mode is "start", "new" or "open" (with `path`), or a
    training mode: "train" (`path` is the exercise set), "lessons", "present";
    `categories` limits training to some categories.

    `served` marks a browser session of `drafter serve`: exports reach the user
    as downloads and no file path reaches outside the session's own folder.
    `room_file` (served, from the server) is the training room's store: the
    start screen then offers to join the room. `seed` shuffles training.
    """
    from drafter.tui.app import DrafterApp
    from drafter.tui.session import Served

    room = room_note = None
    if room_file:
        from drafter.errors import UserError
        from drafter.room import Room

        try:
            room = Room.open(Path(room_file))
        except UserError:
            # The server's room went away (deleted or unreadable) after it started:
            # the session still opens, and its start screen says so. The message
            # names no server folder (a served session never shows them).
            room_note = (
                "The training room this server was started with cannot be opened now, "
                "so this session cannot join it. Everything else works; ask whoever "
                "runs the room to start it again."
            )
    app = DrafterApp(
        mode=mode,
        path=path,
        jurisdiction=jurisdiction,
        rubric_path=rubric_path,
        served=Served(room=room, room_note=room_note) if served else None,
        categories=categories,
        seed=seed,
    )
    app.run()
    if app.exit_note:
        # The terminal is the user's again: one line on where unsaved work is kept.
        import sys

        print(app.exit_note, file=sys.stderr)
    return app.return_code or 0
