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
    from cjm.text import Message, Text

__all__ = ["FORMATS", "DiffReport", "Reporter"]


class DiffReport(NamedTuple):
    """What a reporter gets: the differing personas, and the language to word them in."""

    diffs: Sequence[PersonaDiff]
    text: Text
    """The language the command chose (``--lang``, cjm.yaml, English), for every format."""
    header: tuple[Message, ...] = ()
    """Lines above the report (``cjm diff --plan``: which journeys the plan compares);
    each reporter escapes them for its grammar, and JSON leaves them out."""


Reporter = Callable[[DiffReport, TextIO, bool], None]
"""``reporter(summary, stream, color)`` writes the whole report to ``stream``."""

FORMATS: Registry[Reporter] = Registry(__name__, "report", default="text")
