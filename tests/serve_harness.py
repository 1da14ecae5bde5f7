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


#: Records what the server sends a page (the terminal draws on a canvas, so tests
#: read the stream): install with Page.addScriptToEvaluateOnNewDocument.
RECORD_SOCKETS = """
window.__seen = '';
window.__size = null;
const Original = window.WebSocket;
// One decoder for the stream: a character split between two messages stays whole.
const decoder = new TextDecoder();
window.WebSocket = function (...args) {
  const ws = new Original(...args);
  // The terminal's size in cells, as the page last told the server.
  const send = ws.send.bind(ws);
  ws.send = (data) => {
    if (typeof data === 'string' && data.startsWith('["resize"')) {
      window.__size = JSON.parse(data)[1];
    }
    return send(data);
  };
  ws.addEventListener('message', (event) => {
    const add = (b) => { window.__seen += decoder.decode(b, {stream: true}); };
    if (event.data instanceof ArrayBuffer) add(event.data);
    else if (event.data instanceof Blob) event.data.arrayBuffer().then(add);
    else window.__seen += event.data;
  });
  return ws;
};
window.WebSocket.prototype = Original.prototype;
"""


def chromium(
    binary: str | None, driver: str | None, env: dict[str, str] | None = None
):  # -> selenium WebDriver
    """Headless Chromium that resolves nothing but loopback (no request leaves the machine).

    `env` is the browser's environment (for one that sees no fonts of the machine)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary or "/usr/bin/chromium"
    for arg in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        # Windows in the background keep their timers and sockets running.
        "--disable-background-timer-throttling",
        "--disable-renderer-backgrounding",
        "--disable-backgrounding-occluded-windows",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--window-size=1280,800",
    ):
        options.add_argument(arg)
    # The console (CSP refusals among it) for tests to read: driver.get_log("browser").
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(driver or "/usr/bin/chromedriver", env=env)
    return webdriver.Chrome(service=service, options=options)


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
