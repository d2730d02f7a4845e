"""``--format csv``: the funnel and the gaps as one table, for Excel.

One row per phase (its totals) and per mapped touchpoint of every journey
(``section`` = ``funnel``), then one per gap at or above ``--min-share``
(``gap``) and per unattributed row (``not set``), so a filter on ``section`` or
a pivot table gives either report; last, one row per warning (``warning``, its
text in ``source / medium``). Columns::

    section, persona_id, journey, phase_id, phase, touchpoint_id, touchpoint,
    source / medium, <every metric column of the export>, share

``source / medium`` is the touchpoint's mapping, or the gap's export row;
``share`` is a fraction (0..1) of the export's sessions (or its first metric).
The column names and the ``section`` values are keys, the same in every language
(a filter or a formula keeps working); a warning's text is in the report's language.
A touchpoint whose mapping matches nothing has empty metric cells. Written as
every cjm CSV is (:mod:`cjm.output.csv`): UTF-8 with a byte-order mark, ``;``
and a decimal comma for a Dutch project, ``,`` and a point otherwise, text that
Excel would run as a formula neutralised with a leading ``'``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from cjm.analytics.metrics import Metrics
from cjm.analytics.report import AnalyticsReport
from cjm.analytics.result import AnalyticsResult, Gap
from cjm.output.csv import Cell, write_table
from cjm.text import Text

__all__ = ["report"]

_HEAD = (
    "section",
    "persona_id",
    "journey",
    "phase_id",
    "phase",
    "touchpoint_id",
    "touchpoint",
    "source / medium",
)


def _values(metrics: Metrics | None, width: int) -> list[Cell]:
    return [None] * width if metrics is None else list(metrics.values)


def _rows(result: AnalyticsResult, min_share: float, text: Text) -> Iterator[list[Cell]]:
    width = len(result.export.columns)
    for journey in result.journeys:
        who: list[Cell] = ["funnel", journey.persona_id, journey.name]
        for phase in journey.phases:
            where: list[Cell] = [*who, phase.phase_id, phase.named(text)]
            yield [*where, None, None, None, *_values(phase.totals, width), None]
            for tp in phase.touchpoints:
                metrics = tp.metrics if tp.matched else None
                row = [tp.touchpoint_id, tp.name, tp.mapping, *_values(metrics, width), None]
                yield [*where, *row]

    def gap_row(section: str, gap: Gap) -> list[Cell]:
        blank: list[Cell] = [None] * 6
        return [section, *blank, gap.row.label, *_values(gap.row.metrics, width), gap.share]

    yield from (gap_row("gap", gap) for gap in result.gaps(min_share))
    yield from (gap_row("not set", gap) for gap in result.not_set)
    for warning in result.warnings:
        yield ["warning", *[None] * 6, text(warning), *[None] * (width + 1)]


def report(summary: AnalyticsReport, stream: TextIO, color: bool) -> None:
    result = summary.result
    header = [*_HEAD, *(column.name for column in result.export.columns), "share"]
    rows = _rows(result, summary.min_share, summary.text)
    write_table(stream, header, rows, summary.text.language)
