"""The one writer: every report and every file cjm writes goes through here.

- No ``--output``: the report goes to stdout (coloured only on a terminal
  without ``NO_COLOR``).
- A regular file (or a path that does not exist yet) is written atomically: a
  temporary file in the same folder, renamed over the target, so a reader sees
  the old file or the new one, never half. A new file gets the mode any tool
  gives (``0666 & ~umask``); an existing one keeps its mode. A symbolic link to
  a regular file stays a link: its target is replaced.
- Anything else — a device (``/dev/null``), a FIFO, a terminal, ``/dev/stdout``
  or a link to it (whatever file the shell connected it to) — is opened and
  written in place, appending, never replaced by a file.
- Every ``OSError`` becomes an :class:`OutputError` (exit 2) naming the path,
  shown with control characters and undecodable bytes escaped, and the reason.
- While a temporary file exists, SIGINT and SIGTERM wait: the signal arrives
  after the rename (or the clean-up), so an interrupted run leaves no temporary
  file behind. Only SIGKILL can, and then at most one.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import stat
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from cjm.errors import CjmError, UsageError
from cjm.output.escape import terminal
from cjm.text import msg

__all__ = [
    "OutputError",
    "create_new",
    "display",
    "shown_path",
    "use_color",
    "write_file",
    "write_report",
    "write_stdout",
]

_DEFERRED = {signal.SIGINT, signal.SIGTERM}
_TEMPORARY_SUFFIX = ".tmp"


class OutputError(CjmError):
    """A file cannot be written: a folder in the way, no permission, a full disk (exit 2)."""


def display(path: Path | str) -> str:
    """A path as cjm shows it in a message: one line, undecodable bytes as ``\\xNN``."""
    return terminal(os.fspath(path))


def shown_path(path: Path) -> Path:
    """``path`` relative to the working directory when it lies below it: how it is shown."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


# -- reports ------------------------------------------------------------------


def write_report(output: Path | None, report: Callable[[TextIO, bool], None]) -> None:
    """``report(stream, color)`` to stdout, or to ``output`` through :func:`write_file`.

    The one "stdout or ``--output``" of every command; a file never gets colour.
    """
    if output is None:
        report(sys.stdout, use_color(sys.stdout))
        return
    buffer = io.StringIO()
    report(buffer, False)
    write_file(output, encode(buffer.getvalue()))


def write_stdout(text: str) -> None:
    """Text cjm prints as its result (not a report with an ``--output``)."""
    sys.stdout.write(text)


def encode(text: str) -> bytes:
    """UTF-8; an undecodable file name that slipped through is written as ``\\udcff``."""
    return text.encode("utf-8", "backslashreplace")


# -- files --------------------------------------------------------------------


def write_file(path: Path, data: bytes, *, skip_unchanged: bool = False) -> bool:
    """Write ``data`` to ``path``: atomically if it is (or will be) a regular file.

    Missing parent folders are created. With ``skip_unchanged`` a regular file
    that holds ``data`` already is left alone (its timestamp stays, so make and
    editors see no change); the result says whether anything was written.
    Raises :class:`OutputError` (exit 2).
    """
    _check_name(path)
    try:
        target, mode = _target(path)
        if target is None:
            _write_in_place(path, data)
            return True
        if skip_unchanged and mode is not None and _holds(target, data):
            return False
        _write_atomically(target, data, mode)
    except OSError as error:
        raise _error(path, error) from None
    return True


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False  # unreadable: writing will say why, or succeed


def create_new(files: Mapping[Path, bytes]) -> None:
    """Create every file in ``files``, or none: refuse (exit 2) if any exists already.

    Each file appears complete or not at all (written aside, then linked into
    place, with the umask's mode); linking fails rather than replace a file that
    appeared meanwhile.
    """
    for path in files:
        _check_name(path)
    existing = sorted(display(path) for path in files if os.path.lexists(path))
    if existing:
        listed = "\n".join(f"  {name}" for name in existing)
        raise UsageError(
            msg("refusing to overwrite existing files; nothing was written:\n{files}", files=listed)
        )
    for path, data in files.items():
        try:
            _create_one(path, data)
        except FileExistsError:
            raise UsageError(
                msg("refusing to overwrite '{path}', which appeared meanwhile", path=display(path))
            ) from None
        except OSError as error:
            raise _error(path, error) from None


def _check_name(path: Path) -> None:
    if "\0" in os.fspath(path):
        raise OutputError(
            msg(
                "cannot write '{path}': {reason}",
                path=display(path),
                reason=msg("a file name cannot hold a NUL byte"),
            )
        )


def _target(path: Path) -> tuple[Path | None, int | None]:
    """Where to write atomically and the mode to keep; ``(None, None)``: write in place."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return path, None
    if stat.S_ISREG(status.st_mode):
        return path, stat.S_IMODE(status.st_mode)
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    if not stat.S_ISLNK(status.st_mode):
        return None, None  # a device, a FIFO, a socket
    try:
        followed = path.stat()
    except FileNotFoundError:
        return None, None  # a dangling link: writing through it creates its target
    if stat.S_ISDIR(followed.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
    # /dev/stdout -> /proc/self/fd/1 -> a file the shell opened (perhaps with >>):
    # write to it as the shell would, not replace it.
    if not stat.S_ISREG(followed.st_mode) or _through_descriptor(path):
        return None, None
    real = Path(os.path.realpath(path))
    if not _same_file(real, followed):
        return None, None
    return real, stat.S_IMODE(followed.st_mode)


_DESCRIPTORS = ("/proc/", "/dev/fd/")


def _through_descriptor(path: Path) -> bool:
    """Whether ``path`` is, or links through, an open file descriptor (``/dev/stdout``)."""
    current = Path.cwd() / path
    for _ in range(40):  # the kernel's own limit on links in a path
        if current.as_posix().startswith(_DESCRIPTORS):
            return True
        if not current.is_symlink():
            return False
        current = current.parent / current.readlink()
    return False


def _same_file(path: Path, status: os.stat_result) -> bool:
    try:
        other = path.stat()
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino)


def _write_in_place(path: Path, data: bytes) -> None:
    # Appending: to a device or a FIFO it is the same; to the file behind
    # /dev/stdout it is what the shell asked for (`>` emptied it, `>>` did not).
    with open(path, "ab") as handle:  # noqa: PTH123 - a device or FIFO, not a Path's file
        handle.write(data)


def _write_atomically(path: Path, data: bytes, mode: int | None) -> None:
    with _signals_deferred():
        temporary = _temporary(path, data, _new_mode() if mode is None else mode)
        try:
            temporary.replace(path)
        except BaseException:
            _remove(temporary)
            raise


def _create_one(path: Path, data: bytes) -> None:
    with _signals_deferred():
        temporary = _temporary(path, data, _new_mode())
        try:
            os.link(temporary, path)
        finally:
            _remove(temporary)


def _temporary(path: Path, data: bytes, mode: int) -> Path:
    """A complete copy of ``data`` beside ``path``, with ``mode``; its name."""
    descriptor, temporary = _open_beside(path)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fchmod(descriptor, mode)
        finally:
            os.close(descriptor)
    except BaseException:
        _remove(temporary)
        raise
    return temporary


# What tempfile.mkstemp opens its files with: a new name only, never through a link.
_EXCLUSIVE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_EXCLUSIVE |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_ATTEMPTS = 100


def _open_beside(path: Path) -> tuple[int, Path]:
    """A new, empty file (mode 0600) beside ``path``, named ``.NAME.XXXXXXXX.tmp``.

    As ``tempfile.mkstemp`` makes one, without what it does besides on every call
    (the folder's absolute path, a Python random name, a check of the process id):
    a render writes hundreds of files (issue 17). The parent folders are created
    when the folder is missing, rather than asked for before every file. The name
    is shortened so that a target name near the file system's limit still leaves
    room for the prefix and suffix.
    """
    stem = path.name.encode("utf-8", "surrogateescape")[:64].decode("utf-8", "ignore")
    made = False
    for _ in range(_ATTEMPTS):
        temporary = path.parent / f".{stem}.{os.urandom(4).hex()}{_TEMPORARY_SUFFIX}"
        try:
            return os.open(temporary, _EXCLUSIVE, 0o600), temporary
        except FileExistsError:
            continue  # another file has the name: draw another
        except FileNotFoundError:
            if made or path.parent.is_dir():
                raise
            path.parent.mkdir(parents=True, exist_ok=True)
            made = True
    raise FileExistsError(errno.EEXIST, "no unused name for a temporary file", path.parent)


def _remove(temporary: Path) -> None:
    temporary.unlink(missing_ok=True)


_umask: int | None = None


def _new_mode() -> int:
    """``0666 & ~umask``: what ``open(2)`` gives a new file, and a temporary file's 0600 is not."""
    global _umask
    if _umask is None:
        # The umask can only be read by setting it; cjm runs no threads meanwhile.
        _umask = os.umask(0o022)
        os.umask(_umask)
    return 0o666 & ~_umask


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block ends: no temporary file outlives a signal."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED)
    try:
        yield
    finally:
        # A signal that came meanwhile is delivered here; its handler (Ctrl-C's
        # KeyboardInterrupt, or cjm's SIGTERM handler) runs after the clean-up.
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


_REASONS = {
    errno.EISDIR: msg("it is a folder; give a file name"),
    errno.ENOTDIR: msg("a part of the path is a file, not a folder"),
    errno.ENAMETOOLONG: msg("the name is too long for the file system"),
    errno.EACCES: msg("permission denied"),
    errno.EPERM: msg("not permitted"),
    errno.EROFS: msg("the file system is read-only"),
    errno.ENOSPC: msg("no space left on the device"),
}


def _error(path: Path, error: OSError) -> OutputError:
    # The OS's own words (strerror) for a reason cjm has none for.
    reason = _REASONS.get(error.errno or 0) or error.strerror or str(error)
    return OutputError(msg("cannot write '{path}': {reason}", path=display(path), reason=reason))
