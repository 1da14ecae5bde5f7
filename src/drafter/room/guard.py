"""Slowing down someone who guesses room codes.

The facilitator code (12 characters of base32, 60 bits) cannot be guessed;
the join code (6 characters) is short so a room can type it off a projector.
A session that types wrong codes gets a few free tries (typos happen), then
waits twice as long after each further wrong code, up to a minute. Every
browser tab of `drafter serve` is its own session process, started by the
server at a bounded rate (its session cap), so this per-session guard bounds
how fast anyone can guess.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from drafter.errors import UserError

#: Wrong codes a session may type before it has to wait.
FREE_TRIES = 3
#: The longest wait, in seconds.
MAX_WAIT = 60.0


def whole_seconds(wait: float) -> int:
    """A wait as the whole seconds to tell a person (never 0 while one runs)."""
    return max(1, round(wait + 0.49))


class TooManyGuesses(UserError):
    """A code was typed before the wait after the last wrong ones ran out."""

    def __init__(self, wait: float) -> None:
        super().__init__(
            None,
            f"too many wrong codes; wait {whole_seconds(wait)} s "
            "and type the code the facilitator shows",
        )
        self.wait = wait


@dataclass
class CodeGuard:
    """One session's wrong codes and how long it must wait before the next try."""

    clock: Callable[[], float] = time.monotonic
    wrong: int = 0
    until: float = field(default=0.0)

    def wait_left(self) -> float:
        return max(0.0, self.until - self.clock())

    def check(self) -> None:
        """Refuse a try while the wait is running (raises TooManyGuesses)."""
        left = self.wait_left()
        if left > 0:
            raise TooManyGuesses(left)

    def record(self, right: bool) -> None:
        """A right code clears the count; a wrong one past the free tries sets a wait."""
        if right:
            self.wrong, self.until = 0, 0.0
            return
        self.wrong += 1
        if self.wrong > FREE_TRIES:
            self.until = self.clock() + min(MAX_WAIT, 2.0 ** (self.wrong - FREE_TRIES - 1))


__all__ = ["FREE_TRIES", "MAX_WAIT", "CodeGuard", "TooManyGuesses", "whole_seconds"]
