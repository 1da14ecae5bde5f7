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


class Tab:
    """One browser tab's websocket: what it drew (escapes dropped), and keys to send.

    A reader task takes every message as it comes, as a browser does: the
    server pings each socket and closes one that does not answer in time.
    """

    def __init__(self, ws: object) -> None:
        self.ws = ws
        self.seen = ""
        self.closed = False
        self._changed = asyncio.Event()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        import aiohttp

        try:
            async for msg in self.ws:  # type: ignore[attr-defined]
                if msg.type == aiohttp.WSMsgType.BINARY:
                    # Keep the tail only: the text awaited is always drawn recently.
                    drawn = msg.data.decode("utf-8", "replace")
                    self.seen = ESCAPES.sub("", self.seen[-20000:] + drawn)
                    self._changed.set()
        finally:
            self.closed = True
            self._changed.set()

    async def wait_for(self, text: str, timeout: float = 180) -> float:
        """Wait until `text` is drawn; returns when it was (time.monotonic())."""
        deadline = time.monotonic() + timeout
        while True:
            self._changed.clear()
            if text in self.seen:
                return time.monotonic()
            if self.closed:
                raise AssertionError(f"closed while waiting for {text!r}: {self.seen[-600:]!r}")
            left = deadline - time.monotonic()
            try:
                await asyncio.wait_for(self._changed.wait(), max(left, 0))
            except TimeoutError:
                raise AssertionError(f"waited for {text!r}; saw {self.seen[-600:]!r}") from None

    def forget(self) -> None:
        """Drop what was drawn so far: the next wait_for sees only what comes after."""
        self.seen = ""

    async def send(self, keys: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", keys]))  # type: ignore[attr-defined]

    async def close(self) -> None:
        await self.ws.close()  # type: ignore[attr-defined]
        self._reader.cancel()


async def open_tab(http: object, url: str, size: tuple[int, int] = (120, 40)) -> Tab:
    ws_url = url.replace("http", "ws", 1) + f"/ws?width={size[0]}&height={size[1]}"
    ws = await http.ws_connect(ws_url)  # type: ignore[attr-defined]
    await ws.send_json(["resize", {"width": size[0], "height": size[1]}])
    return Tab(ws)


async def join(tab: Tab, name: str, code: str) -> None:
    """On the start screen: the name, Tab (to the code field), the code, Enter.

    Tab is the app's own binding, so the keys after it reach the code field
    however busy the machine is (Enter on the name moves focus a beat later).
    """
    await tab.wait_for("Join the training room")
    await tab.wait_for("room code")
    await tab.send(name + "\t" + code + "\r")


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
