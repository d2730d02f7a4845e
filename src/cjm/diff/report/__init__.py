"""``cjm diff``'s report formats: one module per ``--format``, found by :data:`FORMATS`.

Every module here (but ``_``-prefixed helpers) is a format and has one function,
``report(summary, stream, color)``, that writes the whole report to ``stream``;
``color`` is true only for a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple, TextIO

from cjm.output.registry import Registry

if TYPE_CHECKING:  # the CLI imports this package for the names alone
    from cjm.diff.changes import PersonaDiff

__all__ = ["FORMATS", "DiffReport", "Reporter"]


class DiffReport(NamedTuple):
    """What a reporter gets: the differing personas, and the language to word them in."""

    diffs: Sequence[PersonaDiff]
    language: str = "en"


Reporter = Callable[[DiffReport, TextIO, bool], None]
"""``reporter(summary, stream, color)`` writes the whole report to ``stream``."""

FORMATS: Registry[Reporter] = Registry(__name__, "report", default="text")
