"""What startup built stays out of the garbage collector's way for the session.

A wizard holds some 150,000 objects once its first screen is up (the rubric,
model language, widgets, styles), and nearly all of them live as long as the
app. Python's full collections walk every one of them; with Textual's many
short-lived objects per keypress that came every few keys and cost more than
the keypress itself. Frozen, those objects are skipped by every collection;
what is made afterwards is collected as usual.

Full collections wait for a pause in the user's input (collect_in_pause):
with the startup heap frozen, Python counts so few long-lived objects that
it ran one every ten keys or so, 10-60 ms inside a keypress, walking
everything made since startup. Young objects are collected as usual.
"""

from __future__ import annotations

import gc
import time

#: Seconds without a key or a click before a full collection may run.
PAUSE = 1.0
#: Full collections no sooner than this many younger ones since the last
#: (Python's own default third threshold).
FULL_AFTER = 10
#: The collector's thresholds before the app set its own (given back by thaw).
_thresholds: tuple[int, int, int] | None = None


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
    """Collect garbage again (after the first screen is drawn); full collections in pauses."""
    global _thresholds
    if _thresholds is None:
        _thresholds = gc.get_threshold()
    young, middle, _ = _thresholds
    # Python has no switch for full collections alone: a threshold no count reaches.
    gc.set_threshold(young, middle, 2**31 - 1)
    gc.enable()


def collect_in_pause(last_input: float) -> bool:
    """Run the full collection Python would have run, if the user has paused (True if ran).

    `last_input` is the time.monotonic() of the last key or mouse event.
    """
    if _thresholds is None or time.monotonic() - last_input < PAUSE:
        return False
    if gc.get_count()[2] < FULL_AFTER:
        return False
    gc.collect()
    return True


def thaw() -> None:
    """Hand the frozen objects back to the collector (the app is closing).

    An app run inside a longer process (a test run, an embedding program)
    must not keep its widgets, which hold cycles, alive after it ends.
    """
    global _thresholds
    gc.unfreeze()
    if _thresholds is not None:
        gc.set_threshold(*_thresholds)
        _thresholds = None
    gc.enable()
