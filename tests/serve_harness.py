"""Start `drafter serve` on a free loopback port for a test, and stop it after."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    def __init__(self, tmp: Path, *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data = tmp / "server-data"
        env = {**os.environ, "DRAFTER_DATA_DIR": str(self.data)}
        self.log = (tmp / "serve.log").open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "drafter", "serve", "--port", str(self.port), *args],
            cwd=tmp,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(self.url + "/", timeout=2) as response:
                    self.index = response.read().decode("utf-8")
                    break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise AssertionError(
                        f"drafter serve did not start: {self.read_log()}"
                    ) from None
                time.sleep(0.2)

    def read_log(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")

    def session_dirs(self) -> set[str]:
        """The working folder of every live session of this server (one per browser tab).

        A session counts once it works in its workspace under the server's data folder.
        """
        out = set()
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                # The session's own Python, not the `sh -c` textual-serve wraps it in.
                if b"drafter.served" in argv and not argv[0].endswith(b"sh"):
                    cwd = os.readlink(f"/proc/{pid}/cwd")
                    if cwd.startswith(str(self.data)):
                        out.add(cwd)
            except OSError:
                continue
        return out

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()
