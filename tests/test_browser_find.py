"""Finding a browser for the posters: PATH first, then each platform's install folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cjm.browser import find
from cjm.errors import UsageError


@pytest.mark.parametrize(
    ("platform", "environ", "first"),
    [
        ("linux", {}, "/usr/bin/chromium"),
        ("darwin", {}, "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
        (
            "win32",
            {"PROGRAMFILES": "C:\\Program Files"},
            "C:\\Program Files/Google\\Chrome\\Application\\chrome.exe",
        ),
    ],
)
def test_install_locations_per_platform(platform: str, environ: dict[str, str], first: str) -> None:
    locations = list(find.install_locations(platform, environ))
    assert str(locations[0]) == str(Path(first))


def test_windows_without_its_folders_in_the_environment_looks_nowhere() -> None:
    assert list(find.install_locations("win32", {})) == []


def test_path_comes_before_install_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: f"/somewhere/{name}")
    assert find.find_browser() == Path("/somewhere/chromium")


def test_an_install_folder_is_found_when_path_has_none(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chrome = tmp_path / "chrome"
    chrome.write_text("#!/bin/sh\n")
    chrome.chmod(0o755)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(find, "install_locations", lambda: iter([tmp_path / "none", chrome]))
    assert find.find_browser() == chrome


def test_explicit_browser_must_be_executable(tmp_path: Path) -> None:
    plain = tmp_path / "chrome"
    plain.write_text("not a program")
    with pytest.raises(UsageError, match="is not an executable file"):
        find.find_browser(plain)
