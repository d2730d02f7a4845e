"""A real ``cjm serve`` process for tests, and a project to serve.

Everything that waits is bounded: reading the URL, each request, each poll.
The process is killed in ``finally`` whatever the test does.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from tests.conftest import REPO

START_SECONDS = 30.0
"""Start-up on a busy 2-core machine: Python, the first render."""
REQUEST_SECONDS = 5.0

TOUCHPOINT = """\
      - id: workshop-post-it
        name: Post-it uit de workshop
        channel: social
        media: earned
        cta: Bekijk de post-it
        emotion: 3
"""


def make_project(root: Path) -> Path:
    """A project with cjm.yaml and the example journeys; returns its journeys folder."""
    (root / "cjm.yaml").write_text("language: nl\n", encoding="utf-8")
    journeys = root / "journeys"
    shutil.copytree(REPO / "journeys", journeys)
    return journeys


def add_touchpoint(path: Path) -> None:
    """Add :data:`TOUCHPOINT` as the first touchpoint of the journey's first phase."""
    text = path.read_text(encoding="utf-8")
    marker = "    touchpoints:\n"
    assert marker in text
    path.write_text(text.replace(marker, marker + TOUCHPOINT, 1), encoding="utf-8")


class Served:
    """A running ``python -m cjm serve``: its URL and what it printed so far."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._readers = [
            threading.Thread(target=_collect, args=(process.stdout, self.stdout), daemon=True),
            threading.Thread(target=_collect, args=(process.stderr, self.stderr), daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        self.url = ""

    def wait_for_line(self, pattern: str, seconds: float = START_SECONDS) -> re.Match[str]:
        """The first stdout line matching ``pattern``, waiting at most ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for line in list(self.stdout):
                found = re.search(pattern, line)
                if found:
                    return found
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError(
            f"no line matching {pattern!r} within {seconds} s; "
            f"stdout={self.stdout} stderr={self.stderr} exit={self.process.poll()}"
        )

    def stop(self, how: signal.Signals = signal.SIGINT) -> int:
        """Send ``how`` and wait (bounded) for the exit code and the rest of the output."""
        self.process.send_signal(how)
        code = self.process.wait(timeout=15)
        for reader in self._readers:
            reader.join(timeout=5)
        return code


def _collect(stream: IO[str] | None, into: list[str]) -> None:
    assert stream is not None
    for line in stream:
        into.append(line.rstrip("\n"))


@contextmanager
def serving(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> Iterator[Served]:
    """``cjm serve --port 0 ARGS`` in ``cwd``, up and printing its URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cjm", "serve", "--port", "0", *map(str, args)],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    served = Served(process)
    try:
        served.url = served.wait_for_line(r"(http://\S+/) \(stop met Ctrl-C\)").group(1)
        yield served
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=15)


def get(url: str) -> tuple[int, str, dict[str, str]]:
    """Status, body and headers of one GET (bounded); 4xx answers are answers too."""
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_SECONDS) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def poll(check: Callable[[], object], seconds: float, step: float = 0.1) -> bool:
    """Whether ``check()`` became true within ``seconds`` (at most seconds/step tries)."""
    for _ in range(int(seconds / step) + 1):
        if check():
            return True
        time.sleep(step)
    return False
