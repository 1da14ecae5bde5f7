"""`drafter serve --room` end to end on loopback: trainees answering at once over the
served app's websockets, a server killed mid-round and restarted, the export, the
session cap at its default, and a round in headless Chromium.

Each test starts its own server (and every session process it runs) and stops
it by its process group; nothing writes the store but the app's own sessions.
"""

from __future__ import annotations

import asyncio
import csv
import os
import re
import shutil
import signal
import time
from pathlib import Path

import pytest

from drafter.room import Room, room_path
from drafter.serve_web import DEFAULT_MAX_SESSIONS
from drafter.served import new_code
from room_harness import ESCAPES, answer_together, join, open_tab
from serve_harness import RECORD_SOCKETS, Served, chromium

aiohttp = pytest.importorskip("aiohttp")

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
#: Trainees answering one exercise at once in the suite (bench/room_load.py runs 30).
LOAD = 10


def codes(server: Served) -> tuple[str, str]:
    """The join and facilitator codes the server printed at start."""
    log = server.read_log()
    join_code = re.search(r"join code \(show the room\):\s+(\S+)", log)
    boss = re.search(r"facilitator code \(keep private\):\s+(\S+)", log)
    assert join_code and boss, log
    return join_code.group(1), boss.group(1)


def export_rows(server: Served, tmp: Path, name: str) -> list[dict[str, str]]:
    from drafter.cli import main

    out = tmp / f"{name}-{time.monotonic_ns()}.csv"
    rooms = str(server.data / "rooms")
    assert main(["room", "export", name, "-o", str(out), "--room-dir", rooms]) == 0
    with out.open(newline="") as f:
        return list(csv.DictReader(f))


def test_trainees_answer_at_once_and_a_killed_server_keeps_every_answer(tmp_path: Path) -> None:
    server = Served(tmp_path, "--room", "load", "--seed", "3")
    killed = []
    try:
        join_code, boss = codes(server)

        async def round_one() -> None:
            async with aiohttp.ClientSession() as http:
                facilitator = await open_tab(http, server.url)
                await join(facilitator, "", boss)
                await facilitator.wait_for("0 of 0 answered")
                trainees = [await open_tab(http, server.url) for _ in range(LOAD)]
                # Everyone picks the same name: the room tells them apart by suffix.
                await asyncio.gather(*(join(t, "Sam", join_code) for t in trainees))
                keys = [str(i % 3 + 1) for i in range(LOAD)]
                done = await answer_together(facilitator, trainees, keys)
                assert done.trainees == LOAD
                # The view's bars: the three tiers picked, by count.
                room = Room.open(room_path("load", server.data / "rooms"))
                dist = room.distribution(room.state().exercise.id)  # type: ignore[union-attr]
                assert sum(dist.values()) == LOAD
                # Mid-round: the server dies without a chance to tidy up.
                os.kill(server.proc.pid, signal.SIGKILL)
                killed.append(True)

        try:
            asyncio.run(round_one())
        except (aiohttp.ClientError, ConnectionError):
            if not killed:  # the sockets may close with an error as the server dies
                raise
        assert killed
        server.proc.wait()
        room = Room.open(room_path("load", server.data / "rooms"))
        answers = room.answers()
        assert len(answers) == LOAD
        assert len({a.trainee for a in answers}) == LOAD
        assert {a.trainee for a in answers} == {"Sam"} | {f"Sam ({i})" for i in range(2, LOAD + 1)}
        first = room.state().exercise
        assert first is not None and {a.exercise for a in answers} == {first.id}
        room.close()
    finally:
        server.stop()
    # Restarted: the same room, codes and answers; the round goes on where it was.
    again = Served(tmp_path, "--room", "load")
    try:
        assert codes(again) == (join_code, boss)
        assert f"with {LOAD} trainees" in again.read_log()
        rows = export_rows(again, tmp_path, "load")
        assert len(rows) == LOAD
        assert {r["exercise_id"] for r in rows} == {first.id}
        assert all(r["correct_tier"] == first.answer for r in rows)
    finally:
        again.stop()


def test_the_default_cap_of_thirty_then_one_more_is_refused(tmp_path: Path) -> None:
    """30 sessions (the default --max-sessions), then a 31st gets a clear refusal."""
    server = Served(tmp_path)
    try:

        async def run() -> str:
            url = server.url.replace("http", "ws") + "/ws?width=80&height=24"
            async with aiohttp.ClientSession() as http:
                # Read as a browser does (the server closes a socket that misses its pings).
                size = (80, 24)
                held = [await open_tab(http, server.url, size) for _ in range(DEFAULT_MAX_SESSIONS)]
                try:
                    # The page is refused once the server counts thirty: then try one more.
                    deadline = time.monotonic() + 120
                    while True:
                        async with http.get(server.url + "/") as page:
                            if page.status == 503:
                                assert "--max-sessions" in await page.text()
                                break
                        assert time.monotonic() < deadline, "the cap was never reached"
                        await asyncio.sleep(0.1)
                    async with http.ws_connect(url) as extra:
                        seen = ""
                        async for msg in extra:
                            if msg.type == aiohttp.WSMsgType.BINARY:
                                seen += msg.data.decode()
                        return seen
                finally:
                    for tab in held:
                        await tab.close()

        seen = asyncio.run(run())
        assert f"already runs {DEFAULT_MAX_SESSIONS} sessions" in seen
        assert "--max-sessions" in seen
    finally:
        server.stop()


CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(
    (CHROMIUM is None or CHROMEDRIVER is None) and not IN_CI,
    reason="Chromium is not installed (apt install chromium chromium-driver); "
    "CI installs it and never skips",
)
def test_a_round_in_headless_chromium(tmp_path: Path) -> None:
    """A facilitator and three trainees, each in a browser window: answers appear in
    the facilitator's view, reveal shows the right tier, the export has every answer."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    server = Served(tmp_path, "--room", "browsers", "--seed", "8")
    driver = None
    try:
        join_code, boss = codes(server)
        room = Room.open(room_path("browsers", server.data / "rooms"))
        exercise = room.state().exercise
        assert exercise is not None
        right = exercise.choices.index(exercise.answer) + 1
        wrong = 1 if right != 1 else 2
        driver = chromium(CHROMIUM, CHROMEDRIVER)
        windows: dict[str, str] = {}
        for who in ("facilitator", "Ana", "Bo", "Cy"):
            if windows:
                driver.switch_to.new_window("window")
            record = {"source": RECORD_SOCKETS}
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", record)
            # Each person's own browser: a tab of one browser would share its resume code,
            # and a rejoin from the same browser is the same trainee.
            driver.get(server.url + "/?resume=" + new_code())
            windows[who] = driver.current_window_handle

        def seen(who: str) -> str:
            driver.switch_to.window(windows[who])
            return ESCAPES.sub("", driver.execute_script("return window.__seen"))

        def wait_for(who: str, text: str) -> None:
            deadline = time.monotonic() + 180
            while text not in seen(who):
                assert time.monotonic() < deadline, (
                    f"{who}'s page never showed {text!r}: {seen(who)[-800:]!r}"
                )
                time.sleep(0.2)

        def keys(who: str, *typed: str) -> None:
            driver.switch_to.window(windows[who])
            driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(*typed)

        for who in windows:
            wait_for(who, "room code")
        keys("facilitator", Keys.TAB, boss, Keys.ENTER)
        wait_for("facilitator", "0 of 0 answered")
        for who in ("Ana", "Bo", "Cy"):
            keys(who, who, Keys.TAB, join_code, Keys.ENTER)
            wait_for(who, f"you are {who}")
        picks = {"Ana": right, "Bo": wrong, "Cy": right}
        for who, digit in picks.items():
            wait_for(who, "Which tier")
            keys(who, str(digit))
            wait_for(who, "Answer recorded")
        wait_for("facilitator", "3 of 3 answered")
        keys("facilitator", "r")
        wait_for("facilitator", "Correct tier")
        wait_for("facilitator", "2 of 3 right")
        label = exercise_label(exercise.category, exercise.answer)
        assert label in seen("facilitator").split("Correct tier", 1)[1]
        wait_for("Ana", "Correct")
        wait_for("Bo", "Not quite")
    finally:
        if driver is not None:
            driver.quit()
        server.stop()
    rows = export_rows(server, tmp_path, "browsers")
    assert sorted((r["trainee"], r["tier_chosen"]) for r in rows) == sorted(
        (who, exercise.choices[digit - 1]) for who, digit in picks.items()
    )
    assert {r["correct_tier"] for r in rows} == {exercise.answer}


def exercise_label(category: str, tier: str) -> str:
    from drafter.rubric import load_rubric

    cat = load_rubric().category(category)
    assert cat is not None
    found = cat.tier(tier)
    assert found is not None
    return found.label
