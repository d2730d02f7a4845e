"""The error hierarchy.

Every error a user can cause carries what cjm knows of where it happened, and
maps to one exit code in one place (:func:`cjm.cli.main`): problems *in* journey
files are findings (exit 1), while problems with how cjm was called or
configured are usage errors (exit 2).
"""

from __future__ import annotations

from typing import NamedTuple

from cjm.text import Message, Text, text_for

__all__ = [
    "CjmError",
    "ConfigError",
    "ExportError",
    "Location",
    "UsageError",
]


class Location(NamedTuple):
    """A place in a file: 1-based line and column, like compilers print them."""

    path: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


class CjmError(Exception):
    """Base of every error cjm reports to a user instead of a traceback.

    ``message`` is a :class:`cjm.text.Message`, rendered in the language the command
    decided by :meth:`text`; a plain ``str`` is shown as it is (a message from a
    library, such as an OS error's ``strerror``, already in the user's own locale).
    """

    exit_code = 2

    def __init__(self, message: Message | str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def text(self, text: Text) -> str:
        """The error as a user reads it: ``where: what``, in ``text``'s language."""
        said = text(self.message)
        return said if self.location is None else f"{self.location}: {said}"

    def __str__(self) -> str:
        # For tracebacks and logs; a user sees :meth:`text` in the project's language.
        return self.text(text_for("en"))


class UsageError(CjmError):
    """The command line asks for something cjm cannot do (a bad path, an existing file)."""


class ConfigError(CjmError):
    """``cjm.yaml`` cannot be read or does not fit its format."""


class ExportError(CjmError):
    """An analytics export cannot be read: not UTF-8, no source / medium column, a bad number."""
