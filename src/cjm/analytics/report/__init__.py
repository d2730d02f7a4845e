"""``cjm analytics``'s report formats: one module per ``--format``, found by :data:`FORMATS`.

Every module here (but ``_``-prefixed helpers) is a format and has one function,
``report(summary, stream, color)``, that writes the whole report to ``stream``.
Each is a pure function of the result, so the same export and journeys give
byte-identical output. Warnings (double claims, skipped journey files, rows
missing from the export) are part of the result and of every report: after the
report, on stderr, nobody read them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TextIO

from cjm.output.registry import Registry

if TYPE_CHECKING:  # the CLI imports this package for the names alone
    from cjm.analytics.result import AnalyticsResult
    from cjm.text import Text

__all__ = ["FORMATS", "AnalyticsReport", "Reporter", "format_report", "warnings"]


class AnalyticsReport(NamedTuple):
    """What a reporter gets: the matched export, and the smallest gap to show."""

    result: AnalyticsResult
    text: Text
    """The language the command chose (``--lang``, cjm.yaml, English): the words and
    numbers of every format, and the CSV's separators."""
    min_share: float = 0.0


Reporter = Callable[[AnalyticsReport, TextIO, bool], None]
"""``reporter(summary, stream, color)`` writes the whole report to ``stream``."""

FORMATS: Registry[Reporter] = Registry(__name__, "report", default="text")


def format_report(result: AnalyticsResult, output_format: str, min_share: float, text: Text) -> str:
    """The report in ``output_format`` as text (uncoloured)."""
    stream = io.StringIO()
    FORMATS.get(output_format)(AnalyticsReport(result, text, min_share), stream, False)
    return stream.getvalue()


def warnings(result: AnalyticsResult, text: Text) -> list[str]:
    """The result's warnings in ``text``'s language: every format shows them in the report."""
    return [text(warning) for warning in result.warnings]
