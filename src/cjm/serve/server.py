"""The HTTP side of ``cjm serve``: the pages, and an event stream that tells tabs to reload.

The standard library's threading HTTP server is enough for a room of browsers
on one machine's maps: each request gets a thread, and the event stream
(server-sent events) is a response that stays open, one thread per open tab,
written to whenever a build changes the pages. No extra dependency, nothing to
start up.

Only the names the site rendered are served (``/`` is the index); every other
path, whatever its encoding or dots, is 404 without touching the file system.
Every page is sent with the reload script and a Content-Security-Policy that
allows exactly that script, so nothing else in a page can run.
"""

from __future__ import annotations

import errno
import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import TCPServer

from cjm.errors import UsageError
from cjm.serve import pages
from cjm.serve.site import INDEX, Site
from cjm.text import msg

__all__ = ["KEEPALIVE_SECONDS", "EventHub", "Server", "bind", "route"]

KEEPALIVE_SECONDS = 15.0
"""A comment on the event stream this often, so a closed tab is noticed and its thread ends."""


class EventHub:
    """The current digest of every page, and a way to wait for the next change."""

    def __init__(self, digests: dict[str, str]) -> None:
        self._changed = threading.Condition()
        self._generation = 0
        self._digests = digests
        self._closed = False

    def publish(self, digests: dict[str, str]) -> None:
        with self._changed:
            self._generation += 1
            self._digests = digests
            self._changed.notify_all()

    def close(self) -> None:
        """End every event stream (the server is stopping)."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def next(self, seen: int, timeout: float) -> tuple[int, dict[str, str]] | None:
        """The digests once they differ from generation ``seen`` (or after ``timeout``);
        None when closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._generation != seen, timeout)
            if self._closed:
                return None
            return self._generation, self._digests


def route(target: str) -> str | None:
    """The page name a request target asks for, :data:`pages.EVENTS_PATH`, or None."""
    path = target.split("?", 1)[0].split("#", 1)[0]
    if path == "/":
        return INDEX
    if path == pages.EVENTS_PATH:
        return path
    name = path.removeprefix("/")
    if path.startswith("/") and "/" not in name and name:
        return name
    return None


class Server(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not keep the process alive

    def __init__(self, address: tuple[str, int], site: Site, hub: EventHub) -> None:
        self.site = site
        self.hub = hub
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host's full name up (getfqdn), which can
        # wait on DNS for seconds; the name is not used.
        TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def handle_error(self, request: object, client_address: object) -> None:
        """A line instead of socketserver's traceback; nothing when the browser went away."""
        error = sys.exc_info()[1]
        if isinstance(error, OSError):
            return
        said = msg(
            "cjm: error: answering a request: {kind}: {error}",
            kind=type(error).__name__,
            error=str(error),
        )
        print(self.site.text(said), file=sys.stderr)


class _Server6(Server):
    address_family = socket.AF_INET6


def bind(host: str, port: int, site: Site, hub: EventHub) -> Server:
    """A server listening on ``host:port``; a clear :class:`UsageError` when it cannot."""
    kind = _Server6 if ":" in host else Server
    try:
        return kind((host, port), site, hub)
    except socket.gaierror as error:
        raise UsageError(
            msg("--host: cannot listen on '{host}': {reason}", host=host, reason=error.strerror)
        ) from None
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise UsageError(
                msg(
                    "port {port} is already in use on {host}: stop what is using it, or choose "
                    "another port with --port (--port 0 picks a free one)",
                    port=port,
                    host=host,
                )
            ) from None
        if error.errno == errno.EACCES:
            raise UsageError(
                msg(
                    "not allowed to listen on port {port}: ports below 1024 need privileges; "
                    "choose another with --port",
                    port=port,
                )
            ) from None
        raise UsageError(
            msg(
                "cannot listen on {host} port {port}: {reason}",
                host=host,
                port=port,
                reason=str(error.strerror or error),
            )
        ) from None


class _Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "cjm-serve"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the console shows the re-renders, not every request."""

    def _respond(self, send_body: bool) -> None:
        name = route(self.path)
        if name == pages.EVENTS_PATH:
            self._events(send_body)
            return
        site = self.server.site
        page = site.pages.get(name) if name is not None else None
        if page is None:
            status, body = 404, pages.not_found_page(site.text)
            # A page that does not exist yet reloads itself once it does.
            script = pages.reload_script(name, "") if name and pages.PAGE_NAME.match(name) else ""
        else:
            status, body, script = 200, page.body, pages.reload_script(name or INDEX, page.digest)
        policy = "object-src 'none'; base-uri 'none'; script-src "
        policy += pages.script_hash(script) if script else "'none'"
        data = pages.with_script(body, script) if script else body
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Content-Security-Policy", policy)
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def _events(self, send_body: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.close_connection = True
        if not send_body:
            return
        seen = -1
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while True:
                news = self.server.hub.next(seen, KEEPALIVE_SECONDS)
                if news is None:
                    return
                generation, digests = news
                if generation == seen:
                    self.wfile.write(b": waiting for changes\n\n")
                    continue
                seen = generation
                data = json.dumps(digests, sort_keys=True)
                self.wfile.write(f"data: {data}\n\n".encode())
        except OSError:  # the tab was closed or reloaded
            return
