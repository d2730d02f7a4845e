"""``cjm analytics``'s report formats: one module per ``--format``, found by :data:`FORMATS`.

Every module here (but ``_``-prefixed helpers) is a format and has one function,
``report(summary, stream, color)``, that writes the whole report to ``stream``.
Each is a pure function of the result, so the same export and journeys give
byte-identical output. Warnings (double claims, skipped journey files, rows
missing from the export) are a separate list, :func:`warnings`: the command
prints them on stderr, and the json report carries them too.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, TextIO

from cjm.output.numbers import number
from cjm.output.registry import Registry

if TYPE_CHECKING:  # the CLI imports this package for the names alone
    from cjm.analytics.result import AnalyticsResult

__all__ = ["FORMATS", "AnalyticsReport", "Reporter", "format_report", "warnings"]


class AnalyticsReport(NamedTuple):
    """What a reporter gets: the matched export, and the smallest gap to show."""

    result: AnalyticsResult
    min_share: float = 0.0
    language: str = "en"
    """The project's language (``cjm.yaml``): the CSV's separators follow it."""


Reporter = Callable[[AnalyticsReport, TextIO, bool], None]
"""``reporter(summary, stream, color)`` writes the whole report to ``stream``."""

FORMATS: Registry[Reporter] = Registry(__name__, "report", default="text")


def format_report(result: AnalyticsResult, output_format: str, min_share: float) -> str:
    """The report in ``output_format`` as text (uncoloured)."""
    stream = io.StringIO()
    FORMATS.get(output_format)(AnalyticsReport(result, min_share), stream, False)
    return stream.getvalue()


def warnings(result: AnalyticsResult) -> list[str]:
    """What the user should know but that is not the report itself."""
    found = [
        f"skipped {path}: it has problems (run 'cjm lint'), so its touchpoints claim no traffic"
        for path in result.skipped
    ]
    for claim in result.double_claims:
        who = ", ".join(f"{p}/{t}" for p, t in claim.claimants)
        found.append(
            f"{result.export.path}:{claim.row.line}: '{claim.row.label}' is claimed by "
            f"{len(claim.claimants)} touchpoints, each counts it: {who}"
        )
    export = result.export
    if export.totals is not None:
        listed = sum(result.share_value(row.metrics) for row in export.rows)
        whole = result.share_value(export.totals)
        if listed < whole * 0.995:
            found.append(
                f"{export.path}: the rows add up to {number(round(listed, 2))} of the "
                f"{number(whole)} {result.share_metric.lower()} in the totals row; rows are "
                "missing (in GA4, show all rows before downloading)"
            )
    return found
