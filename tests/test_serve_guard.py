"""`drafter serve` on loopback, attacked: cross-site websockets, other host names,
plain GETs, listings, the session cap; and work that survives the tab."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from drafter.serve_web import (
    DEFAULT_MAX_SESSIONS,
    MAX_COLUMNS,
    MAX_ROWS,
    clamp_size,
    content_disposition,
    host_allowed,
)
from drafter.served import new_code, normal_code, shown_code, sweep_stale_sessions, workspace
from serve_harness import Served

aiohttp = pytest.importorskip("aiohttp")


def test_default_cap_is_sized_for_a_training_room() -> None:
    assert DEFAULT_MAX_SESSIONS == 30


def test_hosts_a_server_answers_to() -> None:
    for name in ("localhost", "127.0.0.1", "::1", "[::1]"):
        assert host_allowed(name, "127.0.0.1")
    for name in ("evil.example", "192.0.2.7", "127.0.0.1.nip.io"):
        assert not host_allowed(name, "127.0.0.1")
    # Serving every address: any IP literal (other machines type one), never a
    # name that merely resolves here (DNS rebinding).
    assert host_allowed("192.0.2.7", "0.0.0.0") and host_allowed("fe80::1", "::")
    assert not host_allowed("evil.example", "0.0.0.0")
    assert host_allowed("trainer.lan", "trainer.lan")


def test_download_names_follow_rfc_6266() -> None:
    assert content_disposition("bill.docx") == (
        "attachment; filename=\"bill.docx\"; filename*=UTF-8''bill.docx"
    )
    header = content_disposition('a"; filename=evil.html;\r\n.docx')
    assert "\r" not in header and "\n" not in header
    assert header.startswith('attachment; filename="a__ filename=evil.html___.docx"')
    assert "filename*=UTF-8''a%22%3B%20filename%3Devil.html%3B%0D%0A.docx" in header
    assert "Missouri%20%C2%A7%201.docx" in content_disposition("Missouri \u00a7 1.docx")


def test_terminal_size_is_capped() -> None:
    assert clamp_size("100000", "99999") == (MAX_COLUMNS, MAX_ROWS)
    assert clamp_size("-5", "x") == (20, 24)
    assert clamp_size(None, 30) == (80, 30)


def test_resume_codes_are_random_and_open_only_their_own_workspace(tmp_path: Path) -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200 and all(normal_code(c) == c for c in codes)
    code = next(iter(codes))
    assert normal_code(shown_code(code).lower()) == code
    assert normal_code("not a code") is None and normal_code(code[:-1]) is None
    folders = {workspace(c, tmp_path) for c in codes}
    assert len(folders) == 200
    assert all(code not in str(f) for f in folders)


def test_unused_workspaces_are_swept_after_the_keep_time(tmp_path: Path) -> None:
    old, fresh = workspace(new_code(), tmp_path), workspace(new_code(), tmp_path)
    for folder in (old, fresh):
        (folder / "drafts").mkdir(parents=True)
    month_ago = time.time() - 30 * 86400
    os.utime(old, (month_ago, month_ago))
    assert sweep_stale_sessions(tmp_path) == [old]
    assert fresh.is_dir() and not old.exists()


@pytest.fixture(scope="module")
def capped(tmp_path_factory):
    server = Served(tmp_path_factory.mktemp("capped"), "--max-sessions", "2")
    try:
        yield server
    finally:
        server.stop()


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode()


def test_page_has_framing_and_content_security_headers(capped: Served) -> None:
    status, headers, page = _get(capped.url + "/")
    assert status == 200
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    # No inline script runs: the page's own scripts are files from this server.
    assert "script-src 'self';" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    # The websocket URL is the address the browser used, not the bind address.
    assert f'data-session-websocket-url="ws://127.0.0.1:{capped.port}/ws"' in page
    _, _, by_name = _get(f"http://localhost:{capped.port}/")
    assert f'data-session-websocket-url="ws://localhost:{capped.port}/ws"' in by_name


def test_other_host_names_are_refused(capped: Served) -> None:
    status, _, body = _get(capped.url + "/", {"Host": f"evil.example:{capped.port}"})
    assert status == 421 and "host name" in body


def test_plain_get_of_the_websocket_path_is_answered(capped: Served) -> None:
    status, _, body = _get(capped.url + "/ws")
    assert status == 400 and "websocket" in body
    assert "Traceback" not in capped.read_log()


def test_no_folder_listing_under_static(capped: Served) -> None:
    status, _, body = _get(capped.url + "/static/")
    assert status in (403, 404)
    assert "js/" not in body
    assert _get(capped.url + "/static/js/textual.js")[0] == 200


def test_cross_site_websocket_is_refused(capped: Served) -> None:
    async def attempt(origin: str) -> int:
        async with aiohttp.ClientSession() as http:
            try:
                async with http.ws_connect(
                    capped.url.replace("http", "ws") + "/ws", headers={"Origin": origin}
                ) as ws:
                    await ws.close()
                    return 101
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status

    assert asyncio.run(attempt("http://evil.example")) == 403
    assert asyncio.run(attempt(f"http://localhost:{capped.port}")) == 403  # not the host used
    assert asyncio.run(attempt(capped.url)) == 101


def test_malformed_messages_are_skipped_without_a_traceback(capped: Served) -> None:
    async def run() -> None:
        url = capped.url.replace("http", "ws") + "/ws"
        async with aiohttp.ClientSession() as http, http.ws_connect(url) as ws:
            for junk in ("not json", "[]", '{"a": 1}', '["resize", "x"]', '["stdin", 5]'):
                await ws.send_str(junk)
            await ws.send_str(json.dumps(["ping", "still here"]))
            while True:
                msg = await ws.receive(timeout=120)
                if msg.type == aiohttp.WSMsgType.TEXT and "still here" in msg.data:
                    return

    asyncio.run(run())
    assert "Traceback" not in capped.read_log()


def test_one_session_over_the_cap_gets_a_clear_refusal(capped: Served) -> None:
    async def run() -> str:
        url = capped.url.replace("http", "ws") + "/ws"
        async with (
            aiohttp.ClientSession() as http,
            http.ws_connect(url) as a,
            http.ws_connect(url) as b,
        ):
            for ws in (a, b):
                await ws.send_json(["resize", {"width": 80, "height": 24}])
            async with http.ws_connect(url) as third:
                seen = ""
                async for msg in third:
                    if msg.type == aiohttp.WSMsgType.BINARY:
                        seen += msg.data.decode()
                status, _, page = _get(capped.url + "/")
                assert status == 503 and "--max-sessions" in page
                return seen

    seen = asyncio.run(run())
    assert "already runs 2 sessions" in seen and "--max-sessions" in seen


ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-B]")


async def _screen_after(
    url: str, keys: list[tuple[str, str]], timeout: float = 120, hold=lambda: True
) -> str:
    """The text a session drew (escape sequences dropped), sending keys as text shows;
    the tab closes once `hold()` is true."""
    seen = ""
    async with aiohttp.ClientSession() as http, http.ws_connect(url) as ws:
        await ws.send_json(["resize", {"width": 120, "height": 40}])
        deadline = time.monotonic() + timeout
        for expect, send in keys:
            while expect not in seen:
                left = deadline - time.monotonic()
                assert left > 0, f"waited for {expect!r}; saw {seen[-400:]!r}"
                msg = await ws.receive(timeout=left)
                if msg.type == aiohttp.WSMsgType.BINARY:
                    seen = ESCAPES.sub("", seen + msg.data.decode("utf-8", "replace"))
                elif msg.type != aiohttp.WSMsgType.TEXT:
                    raise AssertionError(f"closed while waiting for {expect!r}: {seen[-400:]!r}")
            if send:
                await ws.send_str(json.dumps(["stdin", send]))
        while not hold():
            assert time.monotonic() < deadline, "the session never did what the test waits for"
            await asyncio.sleep(0.2)
    return seen


def test_work_survives_the_tab_and_codes_stay_apart(tmp_path: Path) -> None:
    server = Served(tmp_path)
    try:
        code, other = new_code(), new_code()
        ws = server.url.replace("http", "ws") + "/ws/"
        folder = workspace(code, server.data / "served")
        first = asyncio.run(
            _screen_after(
                ws + code,
                [
                    ("resume code", ""),
                    ("New draft", "\x0e"),  # ctrl+n
                    ("/ 100", "1"),  # coverage: survivors of any age
                    ("any age", "n"),
                    ("Range of Relief", "3"),  # on the merits: 10 points
                    ("10 / 100", ""),
                ],
                hold=lambda: any((folder / "data").glob("autosave*")),
            )
        )
        assert shown_code(code) in first
        # A reload: the same code opens the same work, offered for resume.
        again = asyncio.run(_screen_after(ws + code, [("Resume where you left off", "")]))
        assert shown_code(code) in again
        # Another code sees none of it.
        fresh = asyncio.run(_screen_after(ws + other, [("resume code", ""), ("New draft", "")]))
        assert "Resume where you left off" not in fresh and shown_code(code) not in fresh
    finally:
        server.stop()


def test_bad_rubric_fails_at_start_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: [\n")
    result = subprocess.run(
        [sys.executable, "-m", "drafter", "serve", "--rubric", str(bad), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("drafter: error: ")
    assert str(bad) in result.stderr


def test_a_killed_server_leaves_no_session_processes(tmp_path: Path) -> None:
    server = Served(tmp_path)
    try:

        async def open_one() -> None:
            url = server.url.replace("http", "ws") + "/ws"
            async with aiohttp.ClientSession() as http, http.ws_connect(url) as ws:
                await ws.send_json(["resize", {"width": 80, "height": 24}])
                deadline = time.monotonic() + 120
                while not server.session_dirs() and time.monotonic() < deadline:
                    await asyncio.sleep(0.2)
                assert server.session_dirs()
                os.kill(server.proc.pid, signal.SIGKILL)

        # The socket may close cleanly or with an error as the server dies.
        with contextlib.suppress(aiohttp.ClientError, ConnectionError):
            asyncio.run(open_one())
        deadline = time.monotonic() + 30
        while server.session_dirs() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert server.session_dirs() == set()
    finally:
        server.stop()
