"""A training room over the served app's websockets: a facilitator and N trainees.

Each tab is a real websocket session of `drafter serve --room` (the server
starts one app process per tab), driven by the keys a person would type; the
answers reach the store only through the app. Used by the suite (a few
trainees) and by bench/room_load.py (thirty).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass

ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[A-Za-z~]|\x1b[()][0-9A-B]|\x1b[=>]")


@dataclass
class Tab:
    """One browser tab's websocket: what it drew (escapes dropped), and keys to send."""

    ws: object
    seen: str = ""

    async def wait_for(self, text: str, timeout: float = 180) -> float:
        """Read until `text` is drawn; returns when it was (time.monotonic())."""
        import aiohttp

        deadline = time.monotonic() + timeout
        while text not in self.seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"waited for {text!r}; saw {self.seen[-600:]!r}")
            try:
                msg = await self.ws.receive(timeout=left)  # type: ignore[attr-defined]
            except TimeoutError:
                raise AssertionError(f"waited for {text!r}; saw {self.seen[-600:]!r}") from None
            if msg.type == aiohttp.WSMsgType.BINARY:
                # Keep the tail only: the text awaited is always drawn recently.
                drawn = msg.data.decode("utf-8", "replace")
                self.seen = ESCAPES.sub("", self.seen[-20000:] + drawn)
            elif msg.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"closed while waiting for {text!r}: {self.seen[-600:]!r}")
        return time.monotonic()

    def forget(self) -> None:
        """Drop what was drawn so far: the next wait_for sees only what comes after."""
        self.seen = ""

    async def send(self, keys: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", keys]))  # type: ignore[attr-defined]


async def open_tab(http: object, url: str, size: tuple[int, int] = (120, 40)) -> Tab:
    ws_url = url.replace("http", "ws", 1) + f"/ws?width={size[0]}&height={size[1]}"
    ws = await http.ws_connect(ws_url)  # type: ignore[attr-defined]
    await ws.send_json(["resize", {"width": size[0], "height": size[1]}])
    return Tab(ws)


async def join(tab: Tab, name: str, code: str) -> None:
    """On the start screen: the name, Enter (to the code field), the code, Enter."""
    await tab.wait_for("Join the training room")
    await tab.wait_for("room code")
    if name:
        await tab.send(name)
        await tab.wait_for(name)
    await tab.send("\r")
    # Enter moves the focus to the code field; a loaded machine takes a moment.
    await asyncio.sleep(1.0)
    await tab.send(code + "\r")


@dataclass
class Round:
    """What one exercise of a room showed: when the last answer went, when the view had it."""

    last_answer_sent: float
    facilitator_saw_all: float
    trainees: int

    @property
    def latency(self) -> float:
        return self.facilitator_saw_all - self.last_answer_sent


async def answer_together(
    facilitator: Tab, trainees: list[Tab], keys: list[str], timeout: float = 240
) -> Round:
    """Every trainee answers the current exercise at once; the facilitator's view must
    then show them all answered."""
    n = len(trainees)
    await asyncio.gather(*(t.wait_for("Which tier", timeout) for t in trainees))
    facilitator.forget()
    sent: list[float] = []

    async def one(tab: Tab, key: str) -> None:
        await tab.send(key)
        sent.append(time.monotonic())
        await tab.wait_for("Answer recorded", timeout)

    # The facilitator's socket is read all along, so `saw` is when the view showed it.
    watch = asyncio.create_task(facilitator.wait_for(f"{n} of {n} answered", timeout))
    await asyncio.gather(*(one(t, k) for t, k in zip(trainees, keys, strict=True)))
    saw = await watch
    return Round(max(sent), saw, n)


__all__ = ["ESCAPES", "Round", "Tab", "answer_together", "join", "open_tab"]
