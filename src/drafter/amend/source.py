"""Where today's text of a state's statute is: the shared atlas, when it is present.

drafter ships no statute texts. A jurisdiction's profile names the file its
reading was made from (`law.text.files`, e.g. atlas/statutes/MO-610.131.txt,
relative to the shared reference folder); that folder is where DRAFTER_SHARED
points, or `shared` beside or inside the working folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from drafter.jurisdiction import Profile


def shared_dirs(cwd: Path | None = None) -> list[Path]:
    here = cwd or Path.cwd()
    out = []
    if os.environ.get("DRAFTER_SHARED"):
        out.append(Path(os.environ["DRAFTER_SHARED"]))
    out += [here.parent / "shared", here / "shared"]
    return out


def atlas_text(profile: Profile, cwd: Path | None = None) -> Path | None:
    """The file of the profile's current text, when the shared folder holds it."""
    law = profile.law
    files = law.text.files if law is not None and law.text is not None else ()
    if not files:
        return None
    for root in shared_dirs(cwd):
        path = root / files[0]
        if path.is_file():
            return path
    return None
