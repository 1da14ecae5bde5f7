"""A training room under load: 30 trainees answer one exercise at once over the served
app's websockets; how long from the last answer to the facilitator's view showing it.

`drafter serve --room` on loopback with a facilitator and N trainees (real
sessions, real keys; the store is written only by the app). Two rounds are
timed: one trainee alone (the baseline, the same machine in the same run) and
then all N together. The figures: the latency with N (seconds), and its ratio
to the one-trainee latency. Every answer must be recorded once, and the
facilitator's view must show N of N answered.

    bench/room_load.py [--trainees 30]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _timing import result
from room_harness import answer_together, join, open_tab
from serve_harness import Served

#: Seconds from the last answer sent to the facilitator's view showing all of them.
LATENCY_TARGET = 3.0
#: The same, against one trainee alone (the view polls the store; N answers
#: should cost little more than one).
RATIO_TARGET = 3.0


async def run(server: Served, trainees: int) -> tuple[float, float]:
    import aiohttp

    log = server.read_log()
    join_code = re.search(r"join code \(show the room\):\s+(\S+)", log)
    boss = re.search(r"facilitator code \(keep private\):\s+(\S+)", log)
    assert join_code and boss, log
    timeout = aiohttp.ClientTimeout(total=None)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        facilitator = await open_tab(http, server.url)
        await join(facilitator, "", boss.group(1))
        await facilitator.wait_for("0 of 0 answered", 300)
        # Round 1: one trainee alone.
        first = await open_tab(http, server.url)
        await join(first, "Solo", join_code.group(1))
        solo = await answer_together(facilitator, [first], ["1"], timeout=300)
        await facilitator.send("r")
        await facilitator.wait_for("Correct tier", 120)
        await facilitator.send("n")
        # Round 2: everyone at once (the first trainee too).
        rest = [await open_tab(http, server.url) for _ in range(trainees - 1)]
        started = time.monotonic()
        await asyncio.gather(*(join(t, "Trainee", join_code.group(1)) for t in rest))
        print(f"{trainees} sessions joined in {time.monotonic() - started:.1f} s", flush=True)
        everyone = [first, *rest]
        keys = [str(i % 3 + 1) for i in range(trainees)]
        crowd = await answer_together(facilitator, everyone, keys, timeout=600)
    return solo.latency, crowd.latency


def check_store(server: Served, trainees: int) -> None:
    from drafter.room import Room, room_path

    room = Room.open(room_path("bench", server.data / "rooms"))
    second = room.exercises()[1].id
    answers = [a for a in room.answers() if a.exercise == second]
    assert len(answers) == trainees, len(answers)
    assert len({a.trainee for a in answers}) == trainees
    room.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trainees", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="drafter-room-bench-") as tmp:
        # Trainees and the facilitator: one session each, within the cap.
        server = Served(
            Path(tmp), "--room", "bench", "--seed", "1", "--max-sessions", str(args.trainees + 1)
        )
        try:
            solo, crowd = asyncio.run(run(server, args.trainees))
            check_store(server, args.trainees)
        finally:
            server.stop()
    print(f"last answer to the facilitator's view: 1 trainee {solo:.2f} s, "
          f"{args.trainees} trainees {crowd:.2f} s", flush=True)  # fmt: skip
    result(f"room_{args.trainees}_last_answer_to_view_s", crowd, LATENCY_TARGET, "s")
    result(f"room_{args.trainees}_vs_one_trainee", crowd / max(solo, 1e-3), RATIO_TARGET, "x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
