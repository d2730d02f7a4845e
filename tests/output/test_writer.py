"""The writer, case by case: modes, devices, FIFOs, links, errors, and signals.

Most cases run ``cjm lint -o TARGET`` in a real process, as a user or CI would;
the signal cases interrupt a real ``cjm render`` while it writes.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cjm.cli import app
from cjm.errors import UsageError
from cjm.fsutil import atomic_write, create_new
from cjm.output.writer import OutputError, write_file
from tests.conftest import REPO

JOURNEY = REPO / "journeys" / "jonge-ouders.yaml"


def lint_to(
    target: str | bytes | Path, cwd: Path, umask: int = 0o022
) -> subprocess.CompletedProcess[str]:
    """``cjm lint --format json -o TARGET`` on an example, with ``umask``."""
    return subprocess.run(
        [sys.executable, "-m", "cjm", "lint", JOURNEY, "--format", "json", "-o", target],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: os.umask(umask),
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- regular files ------------------------------------------------------------


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_gets_the_umask_mode(tmp_path: Path, umask: int, expected: int) -> None:
    result = lint_to("report.json", tmp_path, umask)
    assert result.returncode == 0, result.stderr
    assert mode(tmp_path / "report.json") == expected
    assert result.stdout == ""


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"old\n")
    target.chmod(0o640)
    assert lint_to(target, tmp_path, 0o077).returncode == 0
    assert mode(target) == 0o640
    assert target.read_text(encoding="utf-8").startswith("[")


def test_atomic_write_replaces_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "out" / "map.html"
    atomic_write(target, b"one\n")
    atomic_write(target, b"two\n")
    assert target.read_bytes() == b"two\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["map.html"]


def test_a_link_to_a_regular_file_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "map.html"
    real.parent.mkdir()
    real.write_bytes(b"old\n")
    link = tmp_path / "map.html"
    link.symlink_to(real)
    write_file(link, b"new\n")
    assert link.is_symlink()
    assert real.read_bytes() == b"new\n"


def test_skip_unchanged_leaves_the_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    write_file(target, b"same\n")
    os.utime(target, (1, 1))
    assert write_file(target, b"same\n", skip_unchanged=True) is False
    assert target.stat().st_mtime == 1
    assert write_file(target, b"other\n", skip_unchanged=True) is True


def test_create_new_writes_all_or_nothing_with_the_umask_mode(tmp_path: Path) -> None:
    existing = tmp_path / "b.yaml"
    existing.write_bytes(b"mine\n")
    with pytest.raises(UsageError) as caught:
        create_new({tmp_path / "a.yaml": b"new\n", existing: b"new\n"})
    assert str(existing) in str(caught.value)
    assert existing.read_bytes() == b"mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.yaml"]
    create_new({tmp_path / "c.yaml": b"new\n"})
    umask = os.umask(0o022)
    os.umask(umask)
    assert mode(tmp_path / "c.yaml") == 0o666 & ~umask


def test_a_name_near_the_file_system_limit_is_written(tmp_path: Path) -> None:
    # The temporary file's name must not be the one that is too long.
    name = "r" * 250 + ".json"
    assert lint_to(name, tmp_path).returncode == 0
    assert (tmp_path / name).is_file()


def test_a_file_name_that_is_not_utf8_is_written(tmp_path: Path) -> None:
    result = lint_to(b"rapport-\xff.json", tmp_path)
    assert result.returncode == 0, result.stderr
    assert os.listdir(os.fsencode(tmp_path)) == [b"rapport-\xff.json"]  # noqa: PTH208


# -- targets that are not regular files ---------------------------------------


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device like /dev/null (1, 3) or /dev/full (1, 7), made in ``tmp_path``."""
    path = tmp_path / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    return path


def test_a_device_stays_a_device(tmp_path: Path) -> None:
    null = _device(tmp_path, "null", 3)
    result = lint_to(null, tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_full_device_is_exit_2_naming_it(tmp_path: Path) -> None:
    full = _device(tmp_path, "full", 7)
    result = lint_to(full, tmp_path)
    assert result.returncode == 2
    assert f"cannot write '{full}': no space left on the device" in result.stderr
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_a_fifo_receives_the_report(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = lint_to(fifo, tmp_path)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert received and received[0].startswith(b"[")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_to_dev_stdout_writes_to_stdout(tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to("/dev/stdout")
    result = lint_to(link, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("[")
    assert link.is_symlink()


def test_dev_stdout_redirected_to_a_file_is_written_to_that_file(tmp_path: Path) -> None:
    log = tmp_path / "log.txt"
    log.write_bytes(b"before\n")
    inode = log.stat().st_ino
    with log.open("ab") as stdout:  # `cjm lint -o /dev/stdout >> log.txt`
        result = subprocess.run(
            [sys.executable, "-m", "cjm", "lint", JOURNEY, "--format", "json", "-o", "/dev/stdout"],
            cwd=tmp_path,
            stdout=stdout,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    assert log.stat().st_ino == inode  # the same file, not a new one in its place
    text = log.read_text(encoding="utf-8")
    assert text.startswith("before\n[")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.txt"]


# -- errors: exit 2, naming the path ------------------------------------------


def _read_only_folder(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    # Root writes into any folder whatever its mode; not into sysfs.
    folder = Path("/sys")
    try:
        os.close(os.open(folder / "cjm-probe", os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError:
        return folder
    (folder / "cjm-probe").unlink()  # pragma: no cover - a writable /sys
    pytest.skip("running as root, and /sys is writable: no folder root cannot write to")


def _file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


ERRORS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "a folder": (lambda tmp: tmp, "it is a folder; give a file name"),
    "parent is a file": (
        lambda tmp: _file(tmp / "file") / "report.json",
        "a part of the path is a file, not a folder",
    ),
    "too long": (lambda tmp: tmp / ("r" * 300), "the name is too long for the file system"),
    "read-only folder": (lambda tmp: _read_only_folder(tmp) / "report.json", "permission denied"),
}


@pytest.mark.parametrize("case", ERRORS)
def test_a_path_that_cannot_be_written_is_exit_2_naming_it(tmp_path: Path, case: str) -> None:
    make, reason = ERRORS[case]
    target = make(tmp_path)
    result = lint_to(target, tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"cjm: error: cannot write '{target}': {reason}\n"
    assert not list(tmp_path.rglob("*.tmp"))


def test_an_undecodable_name_in_an_error_is_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"")
    result = lint_to(os.fsencode(tmp_path) + b"/file/\xff.json", tmp_path)
    assert result.returncode == 2
    assert f"cannot write '{tmp_path}/file/\\xff.json'" in result.stderr


def test_a_nul_byte_is_exit_2_naming_the_path(tmp_path: Path) -> None:
    # A NUL cannot come through argv; a caller (or CliRunner) can pass one.
    with pytest.raises(OutputError, match=r"cannot write 'a\\x00b': a file name cannot hold"):
        write_file(Path("a\0b"), b"")
    result = CliRunner().invoke(app, ["lint", str(JOURNEY), "-o", str(tmp_path / "a\0b")])
    assert result.exit_code == 2  # click refuses it first, as a usage error
    assert "null byte" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# -- signals ------------------------------------------------------------------

TRIALS = 10
"""Renders per signal, each one signalled while it writes its files."""


@pytest.fixture(scope="module")
def many_journeys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """15 journeys (47 output files), and the files an uninterrupted render writes."""
    root = tmp_path_factory.mktemp("many")
    folder = root / "journeys"
    folder.mkdir()
    text = JOURNEY.read_text(encoding="utf-8")
    for number in range(15):
        persona = text.replace("  id: jonge-ouders", f"  id: ouders-{number}", 1)
        (folder / f"j{number}.yaml").write_text(persona, encoding="utf-8")
    _render(root, root / "reference").wait(timeout=120)
    reference = {path.name: path.read_bytes() for path in (root / "reference").iterdir()}
    assert len(reference) == 47, sorted(reference)
    return root, reference


def _render(root: Path, out: Path) -> subprocess.Popen[bytes]:
    formats = ["--format", "html", "--format", "markdown", "--format", "mermaid"]
    return subprocess.Popen(
        [sys.executable, "-m", "cjm", "render", "journeys", "--out", str(out), *formats],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["SIGINT", "SIGTERM"]
)
def test_a_signal_while_writing_leaves_no_temporary_file(
    many_journeys: tuple[Path, dict[str, bytes]], signum: int, code: int
) -> None:
    root, reference = many_journeys
    caught = 0
    for trial in range(TRIALS):
        out = root / f"out-{signum}-{trial}"
        process = _render(root, out)
        deadline = time.monotonic() + 60
        # Signal once a few more files exist each trial, so that the signals land
        # all through the writing (a file being written counts: its .tmp).
        while not (out.is_dir() and len(list(out.iterdir())) > trial * 4):
            if process.poll() is not None:
                break
            assert time.monotonic() < deadline
            time.sleep(0.0005)
        process.send_signal(signum)
        returncode = process.wait(timeout=60)
        written = {path.name: path.read_bytes() for path in out.iterdir()}
        assert [name for name in written if name.endswith(".tmp")] == []
        # The atomic rename holds: every file there is complete.
        assert all(data == reference[name] for name, data in written.items())
        if returncode == code:
            caught += 1
        else:  # the signal came as the render ended: it wrote everything
            assert len(written) == len(reference), returncode
    # On a busy machine a signal may come as a render ends; most must land mid-write.
    assert caught >= TRIALS // 3, f"only {caught} of {TRIALS} renders were interrupted"
