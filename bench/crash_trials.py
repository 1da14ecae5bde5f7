"""20 SIGKILL trials of the real app in tmux; prints how many answers were checked and lost.

Target: 0 lost. See tests/crash_harness.py for what one trial does.

    python bench/crash_trials.py [--trials N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import result
from crash_harness import GRACE, run_trial


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=20)
    args = parser.parse_args()
    checked = lost = right_after = 0
    for seed in range(1000, 1000 + args.trials):
        trial = run_trial(seed)
        old = {s for t, s, _ in trial.answers if t <= trial.killed_at - GRACE}
        checked += len(old)
        if trial.killed_at - trial.last_key_at < 0.05:
            right_after += 1
        lost += len(trial.problems)
        for p in trial.problems:
            print(p)
    print(
        f"trials: {args.trials} ({right_after} killed right after a keypress); "
        f"answers older than {GRACE:g} s checked: {checked}; lost: {lost}"
    )
    result("crash_trials_lost_answers", lost, 0, "answers")
    return 1 if lost else 0


if __name__ == "__main__":
    raise SystemExit(main())
