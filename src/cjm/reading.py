"""Reading input files safely: regular files only, bounded, never blocking.

A journeys folder can hold anything a file system can: a FIFO (opening it for
reading waits for a writer, forever), a symlink to ``/dev/zero`` (reading it
never ends), a symlink cycle, a file of gigabytes, a name that is not UTF-8.
Every file cjm reads as input — journeys, ``cjm.yaml``, analytics exports —
comes through :func:`read_limited`, which looks before it opens: only a regular
file no larger than the limit is read, opened so that it cannot block, and read
no further than the limit even if it grows meanwhile.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from cjm.output.writer import display  # the one way a path is shown
from cjm.text import Message, Number, msg

__all__ = ["ReadRefused", "display", "read_limited", "utf8_name"]


class ReadRefused(Exception):
    """``path`` is not a file cjm reads; ``message`` says what it is and what to do."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def utf8_name(path: Path | str) -> bool:
    """Whether the name is printable UTF-8 (else it cannot be shown, rendered or linked)."""
    return display(path) == str(path)


_KINDS = (
    (stat.S_ISDIR, msg("a folder")),
    (stat.S_ISFIFO, msg("a FIFO (named pipe)")),
    (stat.S_ISCHR, msg("a character device")),
    (stat.S_ISBLK, msg("a block device")),
    (stat.S_ISSOCK, msg("a socket")),
)


def _kind(mode: int) -> Message:
    return next((name for test, name in _KINDS if test(mode)), msg("not a regular file"))


def _reason(exc: OSError, path: Path) -> Message:
    if exc.errno == errno.ELOOP:
        return msg(
            "a symlink cycle: the link leads back to itself; remove it or point it at a file"
        )
    if exc.errno == errno.ENOENT and path.is_symlink():
        return msg("a broken symlink: its target does not exist")
    # The OS's own words (strerror), in the user's locale already.
    return msg("cannot read the file: {reason}", reason=exc.strerror or str(exc))


def read_limited(path: Path, limit: int, setting: str | None = None) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises :class:`ReadRefused` for anything else: a folder, a FIFO, a device, a
    socket, a broken link or a cycle, a file larger than ``limit`` (``setting``
    names the option that raises it), or one that cannot be opened.
    """
    try:
        before = path.stat()
    except OSError as exc:
        raise ReadRefused(_reason(exc, path)) from None
    if not stat.S_ISREG(before.st_mode):
        raise ReadRefused(_not_a_file(before.st_mode))
    if before.st_size > limit:
        raise ReadRefused(_too_large(before.st_size, limit, setting))
    # O_NONBLOCK: if a FIFO took the file's place since the stat, opening it must
    # not wait for a writer; the fstat below then refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise ReadRefused(_reason(exc, path)) from None
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise ReadRefused(
                msg(
                    "is {kind}, not a file; cjm reads regular files only",
                    kind=_kind(opened.st_mode),
                )
            )
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise ReadRefused(_reason(exc, path)) from None
    if len(data) > limit:
        raise ReadRefused(_too_large(len(data), limit, setting))
    return data


def _not_a_file(mode: int) -> Message:
    return msg("this is {kind}, not a file; cjm reads regular files only", kind=_kind(mode))


def _too_large(size: int, limit: int, setting: str | None) -> Message:
    # Only a size read by stat is known; reading stops one byte past the limit.
    known = size > limit + 1
    if setting and known:
        return msg(
            "the file is {size} bytes, more than the limit of {limit} bytes; split it, "
            "or raise '{setting}' in cjm.yaml",
            size=Number(size),
            limit=Number(limit),
            setting=setting,
        )
    if setting:
        return msg(
            "the file is more than the limit of {limit} bytes; split it, "
            "or raise '{setting}' in cjm.yaml",
            limit=Number(limit),
            setting=setting,
        )
    if known:
        return msg(
            "the file is {size} bytes, more than the limit of {limit} bytes",
            size=Number(size),
            limit=Number(limit),
        )
    return msg("the file is more than the limit of {limit} bytes", limit=Number(limit))
