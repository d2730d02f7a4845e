"""``--format text``: the funnel per journey and the gaps, as aligned columns.

Names, mappings and labels from the journeys and the export go through
:func:`cjm.output.escape.terminal`: one value stays on one line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from cjm.analytics.report import AnalyticsReport
from cjm.analytics.report._common import (
    cells,
    heading,
    hidden_note,
    no_gaps,
    not_set,
    shown,
)
from cjm.analytics.report._common import (
    summary as summary_line,
)
from cjm.output.escape import terminal
from cjm.text import msg

__all__ = ["report"]


def _align(rows: Sequence[Sequence[str]], left: int) -> list[str]:
    """Columns padded to their widest cell; the first ``left`` columns flush left."""
    rows = [[terminal(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        padded = [
            cell.ljust(widths[i]) if i < left else cell.rjust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(padded).rstrip())
    return lines


def report(summary: AnalyticsReport, stream: TextIO, color: bool) -> None:
    result, min_share, text = summary.result, summary.min_share, summary.text
    names = [result.export.columns[i].name for i in shown(result)]
    out = [*heading(result, text), ""]
    for journey in result.journeys:
        out.append(f"{journey.persona_id} ({journey.name}) - {journey.path}")
        table = [["", "", *names]]
        for phase in journey.phases:
            table.append([f"  {phase.phase_id}", "", *cells(result, phase.totals, text)])
            for tp in phase.touchpoints:
                values = cells(result, tp.metrics, text) if tp.matched else ["-"] * len(names)
                table.append([f"    {tp.touchpoint_id}", tp.mapping, *values])
        out.extend(_align(table, 2))
        for tp in journey.unmatched:
            said = msg(
                "no traffic: {touchpoint} ({mapping}): {reason}",
                touchpoint=tp.touchpoint_id,
                mapping=tp.mapping,
                reason=tp.reason or "",
            )
            out.append(f"  {text(said)}")
        out.append("")
    gaps = result.gaps(min_share)
    metric = result.share_metric.lower()
    if gaps:
        said = msg(
            "gaps: traffic no touchpoint claims, largest first (share of {metric})", metric=metric
        )
        out.append(text(said))
        table = [["", *names, text(msg("Share"))]]
        table += [
            [f"  {g.row.label}", *cells(result, g.row.metrics, text), text.percent(g.share)]
            for g in gaps
        ]
        out.extend(_align(table, 1))
    else:
        out.append(text(msg("gaps: {none}", none=no_gaps(result, min_share, text))))
    hidden = hidden_note(result, min_share, text)
    if hidden:
        out.append(f"  ({hidden})")
    out.extend(
        text(msg("not attributed: {traffic}", traffic=not_set(result, gap, text)))
        for gap in result.not_set
    )
    if result.warnings:
        out += ["", text(msg("warnings:")), *(f"  {text(w)}" for w in result.warnings)]
    out.extend(["", summary_line(result, min_share, text)])
    stream.write("".join(f"{terminal(line)}\n" for line in out))
