"""``--format markdown``: the funnel per journey and the gaps as GitHub tables.

Every name, mapping and label goes through :func:`cjm.output.escape.markdown`
(ids through :func:`~cjm.output.escape.markdown_code`): a ``<script>`` in a
touchpoint name or a CSV cell shows as text in any CommonMark renderer, and a
``|`` stays in its cell.
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
    sentence,
    shown,
)
from cjm.analytics.report._common import (
    summary as summary_line,
)
from cjm.output.escape import markdown as md
from cjm.output.escape import markdown_code as code
from cjm.output.numbers import percent

__all__ = ["report"]


def _row(values: Sequence[str]) -> str:
    return "| " + " | ".join(values) + " |"


def _bold(values: list[str]) -> list[str]:
    return [f"**{value}**" for value in values]


def report(summary: AnalyticsReport, stream: TextIO, color: bool) -> None:
    result, min_share = summary.result, summary.min_share
    names = [md(result.export.columns[i].name) for i in shown(result)]
    out = [f"# Analytics: {md(result.export.path)}", "", md(sentence(heading(result)[1])), ""]
    head = ["Phase / touchpoint", "Source / medium", *names]
    rule = ["---", "---", *["---:"] * len(names)]
    for journey in result.journeys:
        out += [f"## {md(journey.name)} ({code(journey.persona_id)})", ""]
        out += [_row(head), _row(rule)]
        for phase in journey.phases:
            out.append(_row([f"**{md(phase.name)}**", "", *_bold(cells(result, phase.totals))]))
            for tp in phase.touchpoints:
                values = cells(result, tp.metrics) if tp.matched else ["-"] * len(names)
                name = f"{md(tp.name)} ({code(tp.touchpoint_id)})"
                out.append(_row([name, md(tp.mapping), *values]))
        out.append("")
        if journey.unmatched:
            out += ["Mappings that match no traffic:", ""]
            out += [
                f"- {code(t.touchpoint_id)} ({md(t.mapping)}): {md(t.reason or '')}"
                for t in journey.unmatched
            ]
            out.append("")
    out += ["## Gaps: traffic no touchpoint claims", ""]
    gaps = result.gaps(min_share)
    if gaps:
        out += [
            _row(["Source / medium", *names, "Share"]),
            _row(["---", *["---:"] * (len(names) + 1)]),
        ]
        out += [
            _row([md(g.row.label), *cells(result, g.row.metrics), percent(g.share)]) for g in gaps
        ]
    else:
        out.append(sentence(no_gaps(result, min_share)) + ".")
    hidden = hidden_note(result, min_share)
    if hidden:
        out += ["", sentence(hidden) + "."]
    for gap in result.not_set:
        out += ["", f"Not attributed: {md(not_set(result, gap))}."]
    if result.warnings:
        out += ["", "## Warnings", "", *(f"- {md(warning)}" for warning in result.warnings)]
    out += ["", sentence(summary_line(result, min_share)) + "."]
    stream.write("\n".join(out) + "\n")
