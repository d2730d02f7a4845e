"""Where a Chromium-family browser lives: ``--browser PATH``, PATH, the usual install folders.

Posters (``cjm render --format pdf|png|pptx``) are printed by the browser the
consultant already has. Without one, cjm says so and how to get one (exit 2)
before anything is rendered or written.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from cjm.errors import UsageError

__all__ = ["NAMES", "find_browser", "install_locations"]

NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
)
"""Executable names looked up on PATH, in this order."""

_LINUX = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/snap/bin/chromium",
    "/opt/google/chrome/chrome",
    "/opt/microsoft/msedge/msedge",
)
_MACOS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
_WINDOWS = (
    ("PROGRAMFILES", r"Google\Chrome\Application\chrome.exe"),
    ("PROGRAMFILES(X86)", r"Google\Chrome\Application\chrome.exe"),
    ("LOCALAPPDATA", r"Google\Chrome\Application\chrome.exe"),
    ("PROGRAMFILES(X86)", r"Microsoft\Edge\Application\msedge.exe"),
    ("PROGRAMFILES", r"Microsoft\Edge\Application\msedge.exe"),
    ("LOCALAPPDATA", r"Chromium\Application\chrome.exe"),
)

HOW_TO_INSTALL = (
    "install Chrome, Chromium or Edge (Debian/Ubuntu: sudo apt-get install chromium; "
    "macOS: brew install --cask google-chrome; Windows: winget install Google.Chrome) "
    "or pass --browser PATH"
)


def install_locations(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ
) -> Iterator[Path]:
    """The usual install folders' executables on ``platform``, most common first."""
    if platform == "darwin":
        for text in _MACOS:
            yield Path(text)
        yield from (Path.home() / text.lstrip("/") for text in _MACOS)
    elif platform == "win32":
        for variable, rest in _WINDOWS:
            base = environ.get(variable)
            if base:
                yield Path(base) / rest
    else:
        yield from (Path(text) for text in _LINUX)


def find_browser(explicit: Path | None = None) -> Path:
    """The browser to print with; :class:`UsageError` (exit 2) when there is none."""
    if explicit is not None:
        if explicit.is_file() and os.access(explicit, os.X_OK):
            return explicit
        found = shutil.which(str(explicit))
        if found:
            return Path(found)
        raise UsageError(f"--browser: '{explicit}' is not an executable file; {HOW_TO_INSTALL}")
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    for path in install_locations():
        if path.is_file() and os.access(path, os.X_OK):
            return path
    raise UsageError(
        "pdf, png and pptx are printed by a headless Chrome, Chromium or Edge, and none "
        f"was found (on PATH: {', '.join(NAMES)}; nor in the usual install folders); "
        f"{HOW_TO_INSTALL}"
    )
