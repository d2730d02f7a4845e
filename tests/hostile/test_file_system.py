"""Things in a journeys folder that are not journey files (issue 10, class 4).

Each case puts one hostile entry next to a good journey and runs every command
that takes PATHS (lint, render, analytics, diff of two folders) in a real
process with a timeout and a memory cap: a hang or an unbounded read fails the
test instead of stalling CI. Every command must name the entry and go on with
the good journey.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cjm.config import Config, ProjectSettings
from cjm.loader import load_paths
from tests.conftest import REPO
from tests.hostile.helpers import journey

GOOD = journey()
EXPORT = "source,medium,sessions\ngoogle,organic,10\nbing,cpc,5\n"
TIMEOUT = 30


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe.yaml")
    return "pipe.yaml: this is a FIFO (named pipe), not a file; cjm reads regular files only"


def _device(folder: Path) -> str:
    (folder / "zero.yaml").symlink_to("/dev/zero")
    return "zero.yaml: this is a character device, not a file; cjm reads regular files only"


def _file_cycle(folder: Path) -> str:
    (folder / "loop.yaml").symlink_to("loop.yaml")
    return "loop.yaml: a symlink cycle: the link leads back to itself"


def _folder_cycle(folder: Path) -> str:
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to("..")
    return "sub/loop: a symlink cycle: this folder is one it lies in"


def _not_utf8(folder: Path) -> str:
    fd = os.open(os.fsencode(folder) + b"/caf\xe9.yaml", os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, journey("cafe").encode())
    os.close(fd)
    return "caf\\xe9.yaml: the name is not valid UTF-8"


def _too_large(folder: Path) -> str:
    (folder.parent / "cjm.yaml").write_text("max_journey_bytes: 1000\n", encoding="utf-8")
    text = journey("large") + "#" * 2000 + "\n"
    (folder / "large.yaml").write_text(text, encoding="utf-8")
    return (
        f"large.yaml: the file is {len(text):,} bytes, more than the limit of 1,000 bytes; "
        "split it, or raise 'max_journey_bytes' in cjm.yaml"
    )


def _unreadable(folder: Path) -> str:
    (folder / "closed").mkdir()
    (folder / "closed" / "x.yaml").write_text(journey("x"), encoding="utf-8")
    (folder / "closed").chmod(0)
    return "closed: cannot search the folder: Permission denied"


CASES: dict[str, Callable[[Path], str]] = {
    "fifo": _fifo,
    "device-symlink": _device,
    "file-symlink-cycle": _file_cycle,
    "folder-symlink-cycle": _folder_cycle,
    "non-utf8-name": _not_utf8,
    "over-size": _too_large,
    "unreadable-folder": _unreadable,
}


def _cap_memory() -> None:  # pragma: no cover - runs in the child
    limit = 1 << 30  # an unbounded read of /dev/zero fails here instead of swapping
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def cjm(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cjm", *args],
        cwd=cwd,
        capture_output=True,
        timeout=TIMEOUT,
        preexec_fn=_cap_memory,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "src")},
        check=False,
    )


@pytest.fixture(params=list(CASES))
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A project whose journeys/ holds a good journey and one hostile entry."""
    if request.param == "unreadable-folder" and os.geteuid() == 0:
        pytest.skip("root reads every folder; test_unreadable_folder_simulated covers it")
    folder = tmp_path / "journeys"
    folder.mkdir()
    (folder / "ouders.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "ouders.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    expected = CASES[request.param](folder)
    yield tmp_path, f"journeys/{expected}"
    for path in (folder / "closed",):
        if path.exists():
            path.chmod(0o755)


def test_lint_reports_it_and_checks_the_rest(project: tuple[Path, str]) -> None:
    root, expected = project
    done = cjm("lint", "journeys", cwd=root)
    out = done.stdout.decode()
    assert (done.returncode, done.stderr) == (1, b"")
    (line,) = [line for line in out.splitlines() if "yaml-syntax" in line]
    path, message = expected.split(": ", 1)
    assert line.startswith(f"{path}:1:1: error yaml-syntax: {message}"), line
    summary = out.splitlines()[-1]
    assert summary.startswith("1 error") and summary.endswith(" in 2 files"), summary


def test_render_reports_it_and_renders_the_rest(project: tuple[Path, str]) -> None:
    root, expected = project
    done = cjm("render", "journeys", "--format", "markdown", "--out", "build", cwd=root)
    assert done.returncode == 1
    assert expected.split(": ", 1)[0] in done.stderr.decode()
    assert (root / "build" / "ouders.md").is_file()
    assert sorted(p.name for p in (root / "build").iterdir()) == ["index.md", "ouders.md"]


def test_analytics_skips_it_and_matches_the_rest(project: tuple[Path, str]) -> None:
    root, expected = project
    done = cjm("analytics", "export.csv", "journeys", "--format", "json", cwd=root)
    assert done.returncode == 0
    # The skipped file is one of the report's warnings (issue 12), not a line on stderr.
    warnings = json.loads(done.stdout)["warnings"]
    assert any(f"skipped {expected.split(': ', 1)[0]}: it has problems" in w for w in warnings)
    assert b"levering" in done.stdout


def test_diff_of_folders_names_it(project: tuple[Path, str]) -> None:
    root, expected = project
    done = cjm("diff", "old", "journeys", cwd=root)
    assert done.returncode == 2
    path, message = expected.split(": ", 1)
    assert f"{path}:1:1: yaml-syntax: {message}" in done.stderr.decode()
    assert b"Traceback" not in done.stderr


def test_unreadable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root (CI containers) nothing is unreadable: make listing one folder fail."""
    folder = tmp_path / "journeys"
    (folder / "closed").mkdir(parents=True)
    (folder / "ouders.yaml").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path: Path) -> object:
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files = load_paths([folder], Config(root=tmp_path, settings=ProjectSettings()))
    assert [(f.path, f.journey is not None) for f in files] == [
        (str(folder / "closed"), False),
        (str(folder / "ouders.yaml"), True),
    ]
    assert str(files[0].findings[0][1].message) == "cannot search the folder: Permission denied"


def test_folders_nested_too_deep(tmp_path: Path) -> None:
    """200 nested folders: a problem at the 64th, not a walk until Python's recursion limit."""
    deep = tmp_path / "journeys" / Path(*["d"] * 200)
    deep.mkdir(parents=True)
    (deep / "x.yaml").write_text(journey("x"), encoding="utf-8")
    (tmp_path / "journeys" / "ouders.yaml").write_text(GOOD, encoding="utf-8")
    files = load_paths([tmp_path / "journeys"], Config(root=tmp_path))
    assert [f.journey is not None for f in files] == [False, True]
    assert files[0].path == str(tmp_path / "journeys" / Path(*["d"] * 64))
    assert "folders nest deeper than 64 levels" in str(files[0].findings[0][1].message)
