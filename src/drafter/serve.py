"""`drafter serve`: the app in browsers, one private session per tab.

textual-serve starts one process per browser connection. Each runs
`python -m drafter.served`, which makes a fresh folder for that session (its
autosave, its drafts) and runs the app there in served mode, so no session sees
another's files. The page is our own template: textual-serve's default links a
web font from the internet; ours serves the font from this machine.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path

from drafter.errors import UserError

TEMPLATES = Path(__file__).resolve().parent / "serve_templates"
#: Fonts the page loads from this server (see serve_static/fonts/README.md).
FONTS = Path(__file__).resolve().parent / "serve_static" / "fonts"
#: The served page's own stylesheet and scripts (its CSP allows none inline).
PAGE = Path(__file__).resolve().parent / "serve_static" / "page"
LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def session_command(rubric_path: str | None = None) -> str:
    """The shell command textual-serve runs for each browser session."""
    argv = [sys.executable, "-m", "drafter.served"]
    if rubric_path:
        argv += ["--rubric", str(Path(rubric_path).resolve())]
    # `exec`: the session is the server's own child, not a shell's, so it sees
    # when the server goes (see drafter.served) and a signal reaches it.
    return "exec " + shlex.join(argv)


def warning_for(host: str) -> str | None:
    if is_loopback(host):
        return None
    return (
        f"drafter: warning: serving on {host}, not loopback: anyone who can reach this "
        "machine on that address can open drafter sessions. drafter has no login; "
        "bind to 127.0.0.1 unless the network is private to your room."
    )


def open_room(
    name: str,
    rubric_path: str | None,
    exercises: str | None,
    room_dir: str | None,
    seed: int | None,
) -> tuple[str, str]:
    """Open (or make) the training room; returns its file and what to print at start."""
    from drafter.room import Room, room_path, shown_code
    from drafter.rubric import load_rubric
    from drafter.training import default_set_path, load_exercise_set

    rubric = load_rubric(rubric_path)
    path = room_path(name, room_dir)
    set_path = Path(exercises) if exercises else default_set_path(rubric)
    if not exercises and path.is_file():
        # A room that exists goes on with the set it was made with.
        set_path = Path(Room.open(path).set_path)
    exercise_set = load_exercise_set(set_path, rubric)
    room = Room.open_or_create(path, name, exercise_set, seed)
    state = room.state()
    lines = [
        f"drafter: training room {name!r}: {exercise_set.title}, {state.total} exercises "
        f"in one order (seed {room.seed}); at exercise {min(state.position + 1, state.total)} "
        f"with {len(room.trainees())} trainees",
        f"  join code (show the room):        {shown_code(room.join_code)}",
        f"  facilitator code (keep private):  {shown_code(room.facilitator_code)}",
        "  each tab enters a code on the start screen; trainees choose any name.",
        f"  answers are kept in {path}",
        f"  take them home: drafter room export {name} -o {name}.csv"
        + (f" --room-dir {shlex.quote(room_dir)}" if room_dir else ""),
    ]
    room.close()
    return str(path), "\n".join(lines)


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    rubric_path: str | None = None,
    max_sessions: int = 30,
    room: str | None = None,
    exercises: str | None = None,
    room_dir: str | None = None,
    seed: int | None = None,
) -> int:
    """Run the server until interrupted; with `room`, a facilitator-paced training room."""
    if not 0 < port < 65536:
        raise UserError(None, f"port {port} is out of range; give 1-65535")
    if max_sessions < 1:
        raise UserError(None, f"--max-sessions {max_sessions} must be 1 or more")
    # A bad rubric is one line now, not a blank page in every tab later.
    from drafter.rubric import load_rubric

    load_rubric(rubric_path)
    if room is None and (exercises or room_dir):
        raise UserError(None, "--exercises and --room-dir go with --room NAME")
    room_file = room_text = None
    if room is not None:
        room_file, room_text = open_room(room, rubric_path, exercises, room_dir, seed)
    try:
        import textual_serve

        from drafter.serve_web import DrafterServer
    except ImportError:
        raise UserError(
            None, "drafter serve needs textual-serve; install it with: pip install textual-serve"
        ) from None
    from drafter.served import sweep_stale_sessions

    sweep_stale_sessions()
    warning = warning_for(host)
    if warning:
        print(warning, file=sys.stderr)
    if room_text:
        print(room_text, flush=True)
    statics = Path(textual_serve.__file__).resolve().parent / "static"
    server = DrafterServer(
        session_command(rubric_path),
        host=host,
        port=port,
        title="drafter",
        statics_path=statics,
        templates_path=TEMPLATES,
        max_sessions=max_sessions,
        room_file=room_file,
    )
    server.serve()
    return 0
