"""What startup built stays out of the garbage collector's way for the session.

A wizard holds some 150,000 objects once its first screen is up (the rubric,
model language, widgets, styles), and nearly all of them live as long as the
app. Python's full collections walk every one of them; with Textual's many
short-lived objects per keypress that came every few keys and cost more than
the keypress itself. Frozen, those objects are skipped by every collection;
what is made afterwards is collected as usual.
"""

from __future__ import annotations

import gc


def freeze_startup() -> None:
    """Move every object alive now out of future collections.

    Called twice: as the app is made, before it loads its data and builds its
    screen (so the full collections those allocations set off walk only what
    is made from there, not every module and class already imported: some
    30 ms of the first frame), and again once the wizard's screen is up. No
    collection first: it would cost startup a full pass, and what little
    garbage is frozen with the rest is a one-time few kilobytes. The app's
    close thaws all of it.
    """
    gc.freeze()


def hold_collections() -> None:
    """No collections while the first screen is built and drawn (see resume_collections).

    Startup makes some 100,000 objects that live as long as the app, and the
    collector walked them again and again while they were made (10-20 ms of
    the first frame): nothing it could free. Held from the app's mount until
    its first screen is drawn, then resumed; the app's close resumes too.
    """
    gc.disable()


def resume_collections() -> None:
    """Collect garbage again (after the first screen is drawn)."""
    gc.enable()


def thaw() -> None:
    """Hand the frozen objects back to the collector (the app is closing).

    An app run inside a longer process (a test run, an embedding program)
    must not keep its widgets, which hold cycles, alive after it ends.
    """
    gc.unfreeze()
    gc.enable()
