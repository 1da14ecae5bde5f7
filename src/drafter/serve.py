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


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    rubric_path: str | None = None,
    max_sessions: int = 30,
) -> int:
    """Run the server until interrupted."""
    if not 0 < port < 65536:
        raise UserError(None, f"port {port} is out of range; give 1-65535")
    if max_sessions < 1:
        raise UserError(None, f"--max-sessions {max_sessions} must be 1 or more")
    # A bad rubric is one line now, not a blank page in every tab later.
    from drafter.rubric import load_rubric

    load_rubric(rubric_path)
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
    statics = Path(textual_serve.__file__).resolve().parent / "static"
    server = DrafterServer(
        session_command(rubric_path),
        host=host,
        port=port,
        title="drafter",
        statics_path=statics,
        templates_path=TEMPLATES,
        max_sessions=max_sessions,
    )
    server.serve()
    return 0
