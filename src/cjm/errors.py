"""The error hierarchy.

Every error a user can cause carries what cjm knows of where it happened, and
maps to one exit code in one place (:func:`cjm.cli.main`): problems *in* journey
files are findings (exit 1), while problems with how cjm was called or
configured are usage errors (exit 2).
"""

from __future__ import annotations

from typing import NamedTuple

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
    """Base of every error cjm reports to a user instead of a traceback."""

    exit_code = 2

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


class UsageError(CjmError):
    """The command line asks for something cjm cannot do (a bad path, an existing file)."""


class ConfigError(CjmError):
    """``cjm.yaml`` cannot be read or does not fit its format."""


class ExportError(CjmError):
    """An analytics export cannot be read: not UTF-8, no source / medium column, a bad number."""
