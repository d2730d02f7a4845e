"""A small Chrome DevTools Protocol client over ``--remote-debugging-pipe``.

Why not Playwright: the test needs five things (load a page, hear console errors
and network requests, evaluate an expression, take a screenshot, print a PDF),
all plain CDP commands. Over the pipe they need no WebSocket library, no driver
download and no dependency: Chromium reads NUL-terminated JSON commands on file
descriptor 3 and writes responses and events on descriptor 4.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["Browser", "CdpError", "PageReport"]

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


class CdpError(RuntimeError):
    pass


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
    def __init__(self, executable: str, timeout: float = 30.0) -> None:
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

        self._process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=descriptors,
            # Kept open through exec; they are open in this process too (our
            # four pipe ends take the lowest free descriptors), as subprocess requires.
            pass_fds=(3, 4),
        )
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

    # -- what the test needs --------------------------------------------------

    def open(self, path: Path) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable", session=session)
        self._events.clear()
        url = path.resolve().as_uri()
        self.send("Page.navigate", {"url": url}, session)
        self._wait_for("Page.loadEventFired", session)
        return Page(self, session, target, url)

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

    def screenshot(self) -> bytes:
        size = self.browser.send("Page.getLayoutMetrics", session=self.session)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        reply = self.browser.send(
            "Page.captureScreenshot",
            {"format": "png", "clip": clip, "captureBeyondViewport": True},
            self.session,
        )
        return base64.b64decode(reply["data"])

    def pdf(self) -> bytes:
        reply = self.browser.send(
            "Page.printToPDF",
            {"preferCSSPageSize": True, "printBackground": True},
            self.session,
        )
        return base64.b64decode(reply["data"])

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
