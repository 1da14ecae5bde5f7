"""Kill the real app with SIGKILL at random moments and check the autosave.

One trial: start `drafter new` in tmux (a private socket), answer steps with
random keys at random speeds, SIGKILL the app at a random moment (sometimes
right after a keypress), then check that every answer given more than 1 s
before the kill is in the autosave, and that a restarted drafter offers to
resume it. An answer is timed from when the screen shows it (a loaded machine
queues keys the app has not read yet). The harness never waits for the
autosave before killing.

Used by tests/test_crash_safety.py (5 trials) and bench/crash_trials.py (20).
"""

from __future__ import annotations

import os
import random
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from drafter.rubric import load_rubric
from drafter.tui.core import steps_for

TMUX = shutil.which("tmux")
GRACE = 1.0  # answers older than this at the kill must survive


def drafter_argv() -> list[str]:
    script = Path(sys.executable).with_name("drafter")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "drafter"]


class Pane:
    def __init__(self, cwd: Path, env: dict[str, str], argv: list[str]) -> None:
        self.socket = f"drafter-crash-{os.getpid()}-{random.randrange(1 << 30)}"
        envs = " ".join(shlex.quote(f"{k}={v}") for k, v in env.items())
        # exec: the pane's process is drafter itself, so its pid is the one to kill.
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "c", "-x", "120", "-y", "40",
                  "-c", str(cwd), f"exec env {envs} {shlex.join(argv)}")  # fmt: skip
        self.tmux("set-option", "-t", "c", "remain-on-exit", "on")

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            [TMUX or "tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        ).stdout

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", "c", "#{pane_pid}").strip())

    def send(self, key: str) -> None:
        self.tmux("send-keys", "-t", "c", key)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "c")

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"waited for {text!r}; the screen was:\n{screen}")
            time.sleep(0.05)

    def changed(self, before: str, timeout: float = 1.5) -> float:
        """When the screen first differs from `before` (or the timeout's end: a key
        that changes nothing, such as choosing the tier already chosen)."""
        deadline = time.monotonic() + timeout
        while self.screen() == before and time.monotonic() < deadline:
            time.sleep(0.02)
        return time.monotonic()

    def close(self) -> None:
        subprocess.run([TMUX or "tmux", "-L", self.socket, "kill-server"], capture_output=True)


@dataclass
class Trial:
    seed: int
    #: (monotonic time the app showed it, step id, choice id)
    answers: list[tuple[float, str, str]] = field(default_factory=list)
    killed_at: float = 0.0
    last_key_at: float = 0.0
    saved: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _env(data: Path, home: Path) -> dict[str, str]:
    return {
        "DRAFTER_DATA_DIR": str(data),
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "LANG": "C.UTF-8",
    }


def run_trial(seed: int) -> Trial:
    rnd = random.Random(seed)
    steps = steps_for(load_rubric())
    trial = Trial(seed)
    with tempfile.TemporaryDirectory(prefix="drafter-crash-") as tmp:
        root = Path(tmp)
        data = root / "data"
        env = _env(data, root)
        pane = Pane(root, env, [*drafter_argv(), "new"])
        try:
            pane.wait_for("Coverage")
            time.sleep(0.3)  # let the wizard settle before the first key
            n_keys = rnd.randint(3, 30)
            right_after = rnd.random() < 0.5
            step = 0
            for i in range(n_keys):
                last = i == n_keys - 1
                before = pane.screen()
                answer: tuple[str, str] | None = None
                if rnd.random() < 0.65:
                    k = rnd.randrange(len(steps[step].choices))
                    pane.send(str(k + 1))
                    answer = (steps[step].id, steps[step].choices[k].id)
                else:
                    key, step = ("n", step + 1) if step < len(steps) - 1 else ("p", step - 1)
                    pane.send(key)
                # An answer is given when the app shows it, not when tmux sent the
                # key: a loaded machine queues keys, and a key the app has not read
                # is lost by any program. The last key may be killed unread.
                shown = time.monotonic() if last and right_after else pane.changed(before)
                if answer is not None:
                    trial.answers.append((shown, *answer))
                trial.last_key_at = time.monotonic()
                if not (last and right_after):
                    time.sleep(rnd.uniform(0.02, 0.6))
            pid = pane.pid()
            os.kill(pid, signal.SIGKILL)
            trial.killed_at = time.monotonic()
        finally:
            pane.close()
        # Autosaves are per draft (drafter.tui.storage): this one session wrote one.
        found = sorted((data / "autosaves").glob("*.yaml")) if (data / "autosaves").is_dir() else []
        saved: dict = {}
        if found:
            saved = yaml.safe_load(found[-1].read_text(encoding="utf-8")) or {}
        draft = saved.get("draft") or {}
        trial.saved = {"coverage": draft.get("coverage"), **(draft.get("choices") or {})}
        _check(trial)
        if trial.answers and not trial.problems:
            _check_resume(trial, data, root)
    return trial


def _check(trial: Trial) -> None:
    cutoff = trial.killed_at - GRACE
    by_step: dict[str, list[tuple[float, str]]] = {}
    for sent, step_id, choice in trial.answers:
        by_step.setdefault(step_id, []).append((sent, choice))
    for step_id, answers in by_step.items():
        old = [c for t, c in answers if t <= cutoff]
        if not old:
            continue
        # The last old answer, or any answer given after it, is acceptable.
        allowed = {old[-1]} | {c for t, c in answers if t > cutoff}
        got = trial.saved.get(step_id)
        if got not in allowed:
            trial.problems.append(
                f"seed {trial.seed}: {step_id} answered {old[-1]!r} "
                f"{trial.killed_at - answers[len(old) - 1][0]:.2f} s before the kill, "
                f"autosave holds {got!r}"
            )


def _check_resume(trial: Trial, data: Path, root: Path) -> None:
    """A restarted drafter offers to resume the session."""
    pane = Pane(root, _env(data, root), drafter_argv())
    try:
        pane.wait_for("Resume", timeout=30)
    except AssertionError as exc:
        trial.problems.append(f"seed {trial.seed}: no resume offer after restart: {exc}")
    finally:
        pane.close()
