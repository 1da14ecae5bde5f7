"""Files in a served session (`drafter serve`): its own folder and downloads only.

A browser session runs in a fresh private folder (the process's working
folder). Every path a user types there must stay in it: no absolute paths, no
`~`, no `..` that leads out. Exports reach the user as browser downloads
(Textual's `deliver_binary`), not as files on the server.
"""

from __future__ import annotations

import io
import mimetypes
import os
import tempfile
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from drafter.errors import UserError

if TYPE_CHECKING:
    from collections.abc import Callable

    from drafter.tui.app import DrafterApp


def confined_path(raw: str) -> Path:
    """`raw` as a path inside the session's folder (the working folder).

    The one check every path a served session names goes through: a draft to
    open or save, an export, a statute, a jurisdiction profile, an exercise
    set. It looks only at the text and the session's own folder, never at what
    lies outside, so a refusal says nothing about whether a path out there
    exists, what it is or how big. The result is relative to the session's
    folder, so messages about it never show where that folder is.

    Raises UserError with a message a person can act on when it would leave it.
    """
    text = raw.strip()
    if not text:
        raise UserError(None, "give a file name")
    folder = Path.cwd().resolve()
    pure = PurePath(text)
    if text.startswith("~") or pure.is_absolute() or pure.drive or text.startswith("\\"):
        raise UserError(
            None,
            f"{text} is outside this session's folder: in the browser, drafter reads and "
            "writes only its own folder; give a file name such as draft.yaml",
        )
    target = (folder / pure).resolve()
    if target != folder and folder not in target.parents:
        raise UserError(
            None,
            f"{text} leads outside this session's folder ('..' cannot leave it); "
            "give a file name such as draft.yaml",
        )
    return target.relative_to(folder)


def shown(path: Path, served: bool) -> str:
    """A path as the app may show it: in a served session, relative to its folder.

    A browser user never sees the server's folders; a local user sees `~/...`.
    """
    if served:
        try:
            return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return Path(path).name
    home = Path.home()
    try:
        return "~/" + str(Path(path).relative_to(home))
    except ValueError:
        return str(path)


def workspace_note() -> str:
    """Where a served session's work lives, for how long, and how to come back."""
    from drafter.served import KEEP_DAYS, shown_code

    code = os.environ.get("DRAFTER_RESUME_CODE", "")
    return (
        f"Your drafts and autosave are kept on this server for {KEEP_DAYS} days after "
        f"you last use them, under resume code {shown_code(code)}. This browser "
        f"reopens them by itself; from another browser, add ?resume={code} to the "
        "page's address."
    )


def deliver_export(
    app: DrafterApp,
    name: str,
    fmt: str,
    note: str | None = None,
    write: Callable[[Path, bool], None] | None = None,
) -> str | None:
    """Export the draft's bill as `name` and hand it to the browser as a download.

    The file is built in a scratch folder (by `write`, when the document is
    not the bill) and sent as bytes; nothing stays on the server. Returns the
    delivery key (None when the app is not served).
    """
    assert app.draft is not None
    with tempfile.TemporaryDirectory(prefix="drafter-export-") as scratch:
        path = Path(scratch) / name
        if write is not None:
            write(path, True)
        else:
            app.engine.export(app.draft, path, fmt, force=True, note=note)
        data = path.read_bytes()
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return app.deliver_binary(io.BytesIO(data), save_filename=name, mime_type=mime)


__all__ = ["confined_path", "deliver_export", "shown", "workspace_note"]
