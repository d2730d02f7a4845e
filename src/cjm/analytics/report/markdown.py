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
from cjm.text import msg

__all__ = ["report"]


def _row(values: Sequence[str]) -> str:
    return "| " + " | ".join(values) + " |"


def _bold(values: list[str]) -> list[str]:
    return [f"**{value}**" for value in values]


def report(summary: AnalyticsReport, stream: TextIO, color: bool) -> None:
    result, min_share, text = summary.result, summary.min_share, summary.text
    names = [md(result.export.columns[i].name) for i in shown(result)]
    title = md(text(msg("Analytics: {path}", path=result.export.path)))
    out = [f"# {title}", "", md(sentence(heading(result, text)[1])), ""]
    source = md(text(msg("Source / medium")))
    head = [md(text(msg("Phase / touchpoint"))), source, *names]
    rule = ["---", "---", *["---:"] * len(names)]
    for journey in result.journeys:
        out += [f"## {md(journey.name)} ({code(journey.persona_id)})", ""]
        out += [_row(head), _row(rule)]
        for phase in journey.phases:
            totals = _bold(cells(result, phase.totals, text))
            out.append(_row([f"**{md(phase.named(text))}**", "", *totals]))
            for tp in phase.touchpoints:
                values = cells(result, tp.metrics, text) if tp.matched else ["-"] * len(names)
                name = f"{md(tp.name)} ({code(tp.touchpoint_id)})"
                out.append(_row([name, md(tp.mapping), *values]))
        out.append("")
        if journey.unmatched:
            out += [md(text(msg("Mappings that match no traffic:"))), ""]
            out += [
                f"- {code(t.touchpoint_id)} ({md(t.mapping)}): {md(text(t.reason or ''))}"
                for t in journey.unmatched
            ]
            out.append("")
    gaps_title = text(msg("Gaps: traffic no touchpoint claims"))
    out += [f"## {md(gaps_title)}", ""]
    gaps = result.gaps(min_share)
    if gaps:
        out += [
            _row([source, *names, md(text(msg("Share")))]),
            _row(["---", *["---:"] * (len(names) + 1)]),
        ]
        out += [
            _row([md(g.row.label), *cells(result, g.row.metrics, text), text.percent(g.share)])
            for g in gaps
        ]
    else:
        out.append(md(sentence(no_gaps(result, min_share, text)) + "."))
    hidden = hidden_note(result, min_share, text)
    if hidden:
        out += ["", md(sentence(hidden) + ".")]
    for gap in result.not_set:
        said = msg("Not attributed: {traffic}.", traffic=not_set(result, gap, text))
        out += ["", md(text(said))]
    if result.warnings:
        warnings = [f"- {md(text(warning))}" for warning in result.warnings]
        warnings_title = text(msg("Warnings"))
        out += ["", f"## {md(warnings_title)}", "", *warnings]
    out += ["", md(sentence(summary_line(result, min_share, text)) + ".")]
    stream.write("\n".join(out) + "\n")
