"""A small Chrome DevTools Protocol client over ``--remote-debugging-pipe``.

Why not Playwright: cjm needs a handful of things (load a page, hear console
errors and network requests, evaluate an expression, size the viewport, take a
screenshot, print a PDF), all plain CDP commands. Over the pipe they need no
WebSocket library, no driver download and no dependency: Chromium reads
NUL-terminated JSON commands on file descriptor 3 and writes responses and
events on descriptor 4. That is POSIX (Linux, macOS); on Windows the browser is
found but cannot be driven this way yet.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from cjm.errors import CjmError

__all__ = ["Browser", "CdpError", "Page", "PageReport"]

# Flags that keep Chromium from reaching the (closed) network on its own and
# from needing a sandbox or a GPU in a container.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-pipe",
)


class CdpError(CjmError):
    """The browser failed, refused a command or stopped answering (exit 2)."""


class PageReport:
    """What happened while a page loaded: console errors, exceptions, requests."""

    def __init__(self, url: str, events: list[dict[str, Any]]) -> None:
        self.url = url
        self.console_errors = [
            " ".join(str(arg.get("value", arg.get("description", ""))) for arg in e["args"])
            for e in _params(events, "Runtime.consoleAPICalled")
            if e["type"] in {"error", "assert"}
        ]
        self.console_errors += [
            e["exceptionDetails"].get("text", "exception")
            for e in _params(events, "Runtime.exceptionThrown")
        ]
        self.console_errors += [
            e["entry"]["text"]
            for e in _params(events, "Log.entryAdded")
            if e["entry"]["level"] == "error"
        ]
        self.requests = [e["request"]["url"] for e in _params(events, "Network.requestWillBeSent")]


def _params(events: list[dict[str, Any]], method: str) -> list[dict[str, Any]]:
    return [event["params"] for event in events if event.get("method") == method]


class Browser:
    def __init__(self, executable: str | Path, timeout: float = 60.0) -> None:
        if sys.platform == "win32":
            raise CdpError(
                f"found {executable}, but cjm drives the browser over a POSIX pipe, which "
                "Windows lacks; render the posters on Linux or macOS (or in WSL) for now"
            )
        import fcntl

        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="cjm-chromium-")
        commands_read, self._commands = os.pipe()
        self._replies, replies_write = os.pipe()

        def descriptors() -> None:
            # In the child: our pipe ends become fds 3 and 4. Moved out of the
            # way first, so one cannot overwrite the other if it already is 3 or 4.
            high_read = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            high_write = fcntl.fcntl(replies_write, fcntl.F_DUPFD, 10)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        try:
            self._process = subprocess.Popen(
                [str(executable), *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=descriptors,
                # Kept open through exec; they are open in this process too (our
                # four pipe ends take the lowest free descriptors), as subprocess requires.
                pass_fds=(3, 4),
            )
        except OSError as error:
            for descriptor in (commands_read, self._commands, self._replies, replies_write):
                os.close(descriptor)
            self._profile.cleanup()
            raise CdpError(f"cannot start the browser {executable}: {error.strerror}") from None
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    # -- protocol -------------------------------------------------------------

    def send(self, method: str, params: dict[str, Any] | None = None, session: str = "") -> Any:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise CdpError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _wait_for(self, method: str, session: str) -> None:
        def seen() -> bool:
            return any(
                e.get("method") == method and e.get("sessionId") == session for e in self._events
            )

        while not seen():
            self._events.append(self._receive())

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self._replies], [], [], max(remaining, 0))
            if not ready:
                raise CdpError(f"Chromium did not answer within {self.timeout} s")
            chunk = os.read(self._replies, 1 << 16)
            if not chunk:
                raise CdpError(f"Chromium exited (status {self._process.poll()})")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        result: dict[str, Any] = json.loads(message)
        return result

    # -- pages ----------------------------------------------------------------

    def _new_page(self) -> tuple[str, str]:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=session)
        self._events.clear()
        return target, session

    def open(self, path: Path, width: int | None = None) -> Page:
        """Load the file at ``path``; with ``width``, in a window that many CSS pixels wide."""
        target, session = self._new_page()
        if width is not None:
            _viewport(self, session, width)
        url = path.resolve().as_uri()
        self.send("Page.navigate", {"url": url}, session)
        self._wait_for("Page.loadEventFired", session)
        return Page(self, session, target, url)

    def open_html(self, html: str) -> Page:
        """A page showing ``html`` (self-contained: nothing is written to disk)."""
        target, session = self._new_page()
        frame = self.send("Page.getFrameTree", session=session)["frameTree"]["frame"]["id"]
        self.send("Page.setDocumentContent", {"frameId": frame, "html": html}, session)
        return Page(self, session, target, "about:blank")

    def events(self, session: str) -> list[dict[str, Any]]:
        return [event for event in self._events if event.get("sessionId") == session]

    def close(self) -> None:
        with contextlib.suppress(CdpError):  # the browser may be gone already
            self.send("Browser.close")
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._commands)
        os.close(self._replies)
        self._profile.cleanup()


class Page:
    def __init__(self, browser: Browser, session: str, target: str, url: str) -> None:
        self.browser, self.session, self.target, self.url = browser, session, target, url

    def report(self) -> PageReport:
        return PageReport(self.url, self.browser.events(self.session))

    def evaluate(self, expression: str) -> Any:
        reply = self.browser.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}, self.session
        )
        if "exceptionDetails" in reply:
            raise CdpError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def emulate(self, width: int, media: str = "screen") -> None:
        """Lay the page out in a window ``width`` CSS pixels wide, for ``media``."""
        _viewport(self.browser, self.session, width)
        self.browser.send("Emulation.setEmulatedMedia", {"media": media}, self.session)

    def reset_viewport(self) -> None:
        """Back to the browser's own window size (printing lays out for the paper)."""
        self.browser.send("Emulation.clearDeviceMetricsOverride", session=self.session)

    def content_size(self) -> tuple[float, float]:
        """Width and height of the laid-out document, in CSS pixels."""
        size = self.browser.send("Page.getLayoutMetrics", session=self.session)["cssContentSize"]
        return float(size["width"]), float(size["height"])

    def screenshot(self, scale: float = 1.0) -> bytes:
        """The whole document as PNG, ``scale`` image pixels per CSS pixel."""
        width, height = self.content_size()
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": scale}
        reply = self.browser.send(
            "Page.captureScreenshot",
            {"format": "png", "clip": clip, "captureBeyondViewport": True},
            self.session,
        )
        return base64.b64decode(reply["data"])

    def pdf(self, **options: Any) -> bytes:
        """``Page.printToPDF`` with ``options``; by default the CSS page size, backgrounds on."""
        params: dict[str, Any] = {"preferCSSPageSize": True, "printBackground": True}
        params.update(options)
        reply = self.browser.send("Page.printToPDF", params, self.session)
        return base64.b64decode(reply["data"])

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})


def _viewport(browser: Browser, session: str, width: int) -> None:
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
        session,
    )
