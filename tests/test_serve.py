"""`drafter serve`: loopback by default, a page that loads nothing from outside,
one private session per tab; a real headless Chromium sees and drives it."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from drafter.serve import TEMPLATES, is_loopback, session_command, warning_for
from serve_harness import RECORD_SOCKETS, Served, chromium

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(__file__).parent / "artifacts"


def test_loopback_needs_no_warning_and_other_hosts_get_one() -> None:
    for host in ("127.0.0.1", "localhost", "::1", "127.1.2.3"):
        assert is_loopback(host) and warning_for(host) is None
    for host in ("0.0.0.0", "192.168.1.5", "example.org"):
        assert not is_loopback(host)
        assert "not loopback" in (warning_for(host) or "")


def test_template_loads_nothing_from_outside() -> None:
    html = (TEMPLATES / "app_index.html").read_text()
    for marker in ("googleapis", "https://", "http://cdn", "//fonts."):
        lines = [line for line in html.splitlines() if marker in line and "xmlns" not in line]
        assert lines == [], lines


def test_each_session_runs_the_served_entry_point() -> None:
    assert "drafter.served" in session_command()


@pytest.fixture
def served(tmp_path: Path):
    server = Served(tmp_path)
    try:
        yield server
    finally:
        server.stop()


def page_file(served: Served, name: str) -> tuple[str, str]:
    """/page/NAME from the server: its Content-Type and text."""
    import urllib.request

    with urllib.request.urlopen(served.url + "/page/" + name) as response:
        return response.headers["Content-Type"], response.read().decode("utf-8")


def test_index_page_is_our_template(served: Served) -> None:
    assert "googleapis" not in served.index
    assert '<link rel="stylesheet" href="/page/drafter.css" />' in served.index
    kind, css = page_file(served, "drafter.css")
    assert kind.startswith("text/css")
    assert "RobotoMono-VariableFont_wght.ttf" in css


def test_the_page_runs_no_inline_script_or_style(served: Served) -> None:
    """Its scripts and styles are files from this server, so its CSP refuses inline script."""
    import re
    import urllib.error
    import urllib.request

    page = served.index
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert "<style" not in page and " style=" not in page
    assert re.findall(r"\son[a-z]+=", page, flags=re.IGNORECASE) == []
    for name in ("fonts.js", "page.js"):
        assert f'<script src="/page/{name}"></script>' in page
        kind, _ = page_file(served, name)
        assert kind.startswith("text/javascript")
    # Only the page's own files, by name: nothing outside the folder.
    for other in ("..%2Fserve.py", "nothing.js", "README.md"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(served.url + "/page/" + other)
        assert refused.value.code == 404, other


def test_the_page_gets_its_symbol_font_from_this_server(served: Served) -> None:
    """The face for what Roboto Mono lacks (bars, marks, arrows) is ours, sent by us."""
    import urllib.error
    import urllib.request

    from drafter.serve import FONTS

    assert 'url("/fonts/DejaVuSansMono-Symbols.ttf")' in page_file(served, "drafter.css")[1]
    with urllib.request.urlopen(served.url + "/fonts/DejaVuSansMono-Symbols.ttf") as response:
        assert response.headers["Content-Type"] == "font/ttf"
        data = response.read()
    assert data == (FONTS / "DejaVuSansMono-Symbols.ttf").read_bytes()
    assert data[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    # Only fonts, by name: nothing else in the folder, nothing outside it.
    for other in ("LICENSE", "README.md", "..%2Fserve.py", "nothing.ttf"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(served.url + "/fonts/" + other)
        assert refused.value.code == 404, other
    # Its licence travels with it.
    assert "Bitstream Vera" in (FONTS / "LICENSE").read_text(encoding="utf-8")


async def _session(url: str, keys: list[tuple[str, str]], timeout: float = 240) -> str:
    """One websocket client: wait for each expected text, then send its keys."""
    import aiohttp

    seen = ""
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(url.replace("http", "ws") + "/ws?width=120&height=40") as ws,
    ):
        await ws.send_json(["resize", {"width": 120, "height": 40}])
        deadline = time.monotonic() + timeout
        for expect, send in keys:
            while expect not in seen:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"waited for {expect!r}; saw {seen[-400:]!r}")
                msg = await ws.receive(timeout=left)
                if msg.type == aiohttp.WSMsgType.BINARY:
                    seen += msg.data.decode("utf-8", "replace")
                elif msg.type == aiohttp.WSMsgType.TEXT:
                    seen += msg.data
                else:
                    raise AssertionError(f"socket closed while waiting for {expect!r}")
            if send:
                await ws.send_str(json.dumps(["stdin", send]))
    return seen


def test_twenty_concurrent_sessions_stay_separate(served: Served) -> None:
    """A bounded load test on loopback: 20 websocket sessions, each its own draft."""
    # Range of relief tier by key: 1 partial (4), 2 vacatur (8), 3 on the merits (10).
    plans = []
    for i in range(20):
        key = str(i % 3 + 1)
        expected = {"1": "4 / 100", "2": "8 / 100", "3": "10 / 100"}[key]
        plans.append(
            (
                expected,
                [
                    ("New draft", "\x0e"),  # ctrl+n: a new draft
                    ("/ 100", "1"),  # coverage: survivors of any age
                    ("any age", "n"),
                    ("Range of Relief", key),
                    (expected, ""),
                ],
            )
        )

    async def run_all() -> list[str]:
        return await asyncio.gather(*(_session(served.url, keys) for _, keys in plans))

    outputs = asyncio.run(run_all())
    for (expected, _), seen in zip(plans, outputs, strict=True):
        assert expected in seen


def test_sessions_have_private_folders(served: Served) -> None:
    async def hold_two() -> set[str]:
        import aiohttp

        async with aiohttp.ClientSession() as http:
            url = served.url.replace("http", "ws") + "/ws"
            async with http.ws_connect(url) as a, http.ws_connect(url) as b:
                for ws in (a, b):
                    await ws.send_json(["resize", {"width": 100, "height": 30}])
                # Generous: on a loaded 2-core machine a session takes seconds to start.
                deadline = time.monotonic() + 120
                while len(served.session_dirs()) < 2 and time.monotonic() < deadline:
                    await asyncio.sleep(0.2)
                return served.session_dirs()

    dirs = asyncio.run(hold_two())
    assert len(dirs) == 2
    for d in dirs:
        # Each tab's workspace, in the server's data folder (see drafter.served).
        assert "/server-data/served/work/" in d


@pytest.mark.skipif(
    (CHROMIUM is None or CHROMEDRIVER is None) and not IN_CI,
    reason="Chromium is not installed (apt install chromium chromium-driver); "
    "CI installs it and never skips",
)
def test_headless_chromium_sees_and_drives_the_app(served: Served) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = chromium(CHROMIUM, CHROMEDRIVER)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_SOCKETS})
        driver.get(served.url + "/")

        def wait_for(text: str) -> None:
            deadline = time.monotonic() + 120
            while text not in driver.execute_script("return window.__seen"):
                assert time.monotonic() < deadline, f"the page never showed {text!r}"
                time.sleep(0.1)

        wait_for("New draft")
        wait_for("not legal advice")
        keys = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        keys.send_keys(Keys.CONTROL, "n")
        wait_for("/ 100")
        keys.send_keys("1")
        wait_for("any age")
        time.sleep(0.5)  # let the last frame paint before the picture
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "served-wizard.png"
        assert driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        # Nothing was fetched from outside the machine.
        origins = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
        )
        assert all(u.startswith(served.url) or u.startswith("ws") for u in origins), origins
        # The page ran under its CSP (no inline script) with nothing refused.
        refused = [
            e["message"] for e in driver.get_log("browser") if "Content Security" in e["message"]
        ]
        assert refused == [], refused
    finally:
        driver.quit()
