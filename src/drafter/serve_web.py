"""The web side of `drafter serve`: textual-serve's server with drafter's guards.

textual-serve runs one app process per websocket and trusts every request.
This subclass adds what a server on a room's network needs:

- the page and the websocket answer only to host names that are this
  machine (loopback names, the `--host` given, and when serving on every
  address any IP address or this machine's own name), so a web page elsewhere
  cannot reach a session by DNS rebinding;
- the websocket checks its Origin against the host it serves: a page on
  another site cannot open a session (a browser always sends Origin; a client
  without one is not a page);
- a cap on live sessions (`--max-sessions`) and on each session's terminal size;
- the page's websocket and static URLs follow the address the browser used,
  so `--host 0.0.0.0` serves a page other machines can use;
- downloads are attachments with an RFC 6266 filename; no folder listings;
  framing and content-security headers on every answer; a plain GET of the
  websocket path, or a malformed message, is answered, never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import socket
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from drafter.serve import FONTS, PAGE, is_loopback
from drafter.served import normal_code

log = logging.getLogger("drafter.serve")

#: Sessions one server runs at once: a training room of thirty.
DEFAULT_MAX_SESSIONS = 30
#: The largest terminal a session gets (columns, rows): beyond this a browser
#: asks for screens no one reads and the server pays to draw them.
MAX_COLUMNS, MAX_ROWS = 400, 150
MIN_COLUMNS, MIN_ROWS = 20, 8

#: What /page/ and /fonts/ send, by suffix (nothing else in their folders is sent).
PAGE_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
FONT_TYPES = {".ttf": "font/ttf"}

WILDCARD_HOSTS = {"0.0.0.0", "::", ""}

FULL_MESSAGE = (
    "drafter: this server already runs {n} sessions, its limit; close a tab that is "
    "not in use, or ask whoever runs it to start it with a higher --max-sessions."
)

#: The page loads everything from this server and may not be framed. It runs
#: no inline script (its own scripts are files under /page/), so markup that
#: reached the page some other way could not run. Inline style stays allowed:
#: the terminal (textual-serve's xterm.js) sets styles of its own at run time,
#: and those vary with the page; drafter's own styles are a file as well.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self' {ws}; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'; object-src 'none'"
)


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return None


def host_allowed(name: str, bind_host: str) -> bool:
    """Whether a request's Host (without port) names this server."""
    name = name.lower().strip("[]")
    if not name:
        return False
    if is_loopback(name) or name == bind_host.lower().strip("[]"):
        return True
    if bind_host in WILDCARD_HOSTS:
        if _ip(name) is not None:
            return True
        own = socket.gethostname().lower()
        return name in {own, f"{own}.local", socket.getfqdn().lower()}
    return False


def named_file(folder: Path, name: str, types: dict[str, str], what: str) -> web.FileResponse:
    """The file `name` of `folder`, matched by name among the files of a type we send
    (so no path reaches outside the folder), with its Content-Type for nosniff."""
    kind = types.get(Path(name).suffix)
    if kind is None or name not in {path.name for path in folder.iterdir()}:
        raise web.HTTPNotFound(text=f"drafter: no such {what}\n")
    return web.FileResponse(folder / name, headers={"Content-Type": kind})


def content_disposition(file_name: str) -> str:
    """`attachment; filename="..."; filename*=UTF-8''...` (RFC 6266, RFC 5987)."""
    plain = "".join(
        ch if ch.isascii() and ch.isprintable() and ch not in '"\\;' else "_" for ch in file_name
    )
    plain = plain.strip() or "download"
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def clamp_size(width: Any, height: Any) -> tuple[int, int]:
    """A terminal size a session may have."""
    w = to_int(str(width), 80)
    h = to_int(str(height), 24)
    return max(MIN_COLUMNS, min(w, MAX_COLUMNS)), max(MIN_ROWS, min(h, MAX_ROWS))


#: What the server tells a session process, in its environment (never its
#: command line, which other users of the machine can read).
SESSION_VARIABLES = ("DRAFTER_RESUME", "DRAFTER_ROOM_FILE")


class SessionService(AppService):
    """One session's process, told its resume code and the room's file (see drafter.served)."""

    def __init__(
        self, code: str | None, *args: Any, room_file: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.code = code
        self.room_file = room_file

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        env = super()._build_environment(width, height)
        for name in SESSION_VARIABLES:
            env.pop(name, None)
        if self.code:
            env["DRAFTER_RESUME"] = self.code
        if self.room_file:
            env["DRAFTER_ROOM_FILE"] = self.room_file
        return env


class DrafterServer(Server):
    """textual-serve's Server, guarded (see the module docstring)."""

    def __init__(
        self,
        *args: Any,
        max_sessions: int = DEFAULT_MAX_SESSIONS,
        room_file: str | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.max_sessions = max_sessions
        self.sessions = 0
        #: The training room's store (drafter.room), fixed by the server at start.
        self.room_file = room_file

    async def _make_app(self) -> web.Application:
        import aiohttp_jinja2
        import jinja2

        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/ws/{code}", self.handle_websocket, name="resume"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
                # Our own fonts (drafter/serve_static/fonts): the glyphs Roboto Mono lacks.
                web.get("/fonts/{name}", self.handle_font, name="fonts"),
                # The page's own stylesheet and scripts (drafter/serve_static/page).
                web.get("/page/{name}", self.handle_page, name="page"),
            ]
        )
        app.on_startup.append(self.on_startup)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        hostname = urlsplit(f"//{request.host}").hostname or ""
        if not host_allowed(hostname, self.host):
            return web.Response(
                status=421, text="drafter: this server does not answer to that host name\n"
            )
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            headers = {k: v for k, v in exc.headers.items() if k.lower() != "content-type"}
            response = web.Response(status=exc.status, text=exc.text or exc.reason, headers=headers)
        if response.prepared:  # a websocket: its headers are sent already
            return response
        ws = f"ws://{request.host} wss://{request.host}"
        response.headers.setdefault("Content-Security-Policy", CSP.format(ws=ws))
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        import aiohttp_jinja2

        if self.sessions >= self.max_sessions:
            return web.Response(status=503, text=FULL_MESSAGE.format(n=self.max_sessions) + "\n")
        scheme = "wss" if request.secure else "ws"
        context = {
            "font_size": max(8, min(to_int(request.query.get("fontsize", "16"), 16), 48)),
            # The address the browser used, so other machines reach it too.
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_font(self, request: web.Request) -> web.StreamResponse:
        """One of our fonts (by its file name only), typed as a font for nosniff."""
        return named_file(FONTS, request.match_info["name"], FONT_TYPES, "font")

    async def handle_page(self, request: web.Request) -> web.StreamResponse:
        """The page's stylesheet or a script (by its file name only), typed for nosniff."""
        return named_file(PAGE, request.match_info["name"], PAGE_TYPES, "file")

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text="drafter: no such download\n") from None
        response = web.StreamResponse()
        content_type = meta.mime_type
        if meta.encoding:
            content_type += f"; charset={meta.encoding}"
        response.headers["Content-Type"] = content_type
        # Always an attachment: an exported page never runs in this origin.
        response.headers["Content-Disposition"] = content_disposition(meta.file_name)
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    def _origin_ok(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:
            return True  # not a browser page: nothing cross-site about it
        parts = urlsplit(origin)
        return (
            parts.scheme in {"http", "https"}
            and parts.netloc.lower() == request.host.lower()
            and host_allowed(parts.hostname or "", self.host)
        )

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        websocket = web.WebSocketResponse(heartbeat=15)
        if not websocket.can_prepare(request).ok:
            return web.Response(
                status=400,
                text="drafter: this address is the app's websocket; open / in a browser\n",
            )
        if not self._origin_ok(request):
            return web.Response(status=403, text="drafter: cross-site websocket refused\n")
        await websocket.prepare(request)
        if self.sessions >= self.max_sessions:
            text = FULL_MESSAGE.format(n=self.max_sessions)
            await websocket.send_bytes(f"\r\n  {text}\r\n".encode())
            await websocket.close(code=1013, message=b"server full")
            return websocket
        self.sessions += 1
        width, height = clamp_size(
            request.query.get("width", "80"), request.query.get("height", "24")
        )
        service: AppService | None = None
        try:
            service = SessionService(
                normal_code(request.match_info.get("code")),
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
                room_file=self.room_file,
            )
            await service.start(width, height)
            await self._messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except (ConnectionError, OSError) as error:
            log.info("session ended: %s", error)
        finally:
            self.sessions -= 1
            if service is not None:
                with contextlib.suppress(Exception):
                    await service.stop()
        return websocket

    async def _messages(self, websocket: web.WebSocketResponse, service: AppService) -> None:
        """The browser's messages, each checked; a malformed one is skipped."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            except (ValueError, TypeError, IndexError, KeyError):
                continue
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(*clamp_size(data.get("width"), data.get("height")))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()
