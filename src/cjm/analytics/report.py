"""The ``cjm analytics`` report in three formats: text, markdown and json.

Every formatter is a pure function of the result, so the same export and
journeys give byte-identical output. Warnings (double claims, skipped journey
files, rows missing from the export) are part of the result and of every
report: after the report, on stderr, nobody read them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from cjm.analytics.export import Row
from cjm.analytics.metrics import Kind, MetricColumn, Metrics, Role
from cjm.analytics.result import AnalyticsResult, Gap
from cjm.wording import plural

__all__ = ["FORMATS", "format_report", "warnings"]


def _number(value: float | None, column: MetricColumn | None = None) -> str:
    if value is None:
        return "-"
    if column is not None and (column.kind is Kind.AVERAGE or column.role is Role.REVENUE):
        return f"{value:,.2f}"
    if float(value).is_integer():  # sums of no rows are int 0
        return f"{int(value):,}"
    return f"{value:,.2f}"


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def _shown(result: AnalyticsResult) -> list[int]:
    """The columns the tables show: sessions, key events, revenue; else the first three."""
    columns = result.export.columns
    wanted = [Role.SESSIONS, Role.KEY_EVENTS, Role.REVENUE]
    chosen = [i for role in wanted for i, c in enumerate(columns) if c.role is role]
    return chosen or list(range(min(3, len(columns))))


def _cells(result: AnalyticsResult, metrics: Metrics) -> list[str]:
    columns = result.export.columns
    return [_number(metrics.values[i], columns[i]) for i in _shown(result)]


def _heading(result: AnalyticsResult) -> list[str]:
    export = result.export
    period = (
        f"{export.start.isoformat()} to {export.end.isoformat()}"
        if export.start is not None and export.end is not None
        else "period not stated in the export"
    )
    kind = "GA4" if export.kind == "ga4" else "plain CSV"
    whole = result.share_value(result.total)
    return [
        f"analytics: {export.path}",
        f"period: {period}; {kind}, {export.dimension}; {len(export.rows)} rows, "
        f"{_number(whole)} {result.share_metric.lower()}",
    ]


def _summary(result: AnalyticsResult, min_share: float) -> str:
    mapped = sum(len(p.touchpoints) for j in result.journeys for p in j.phases)
    unmatched = sum(len(j.unmatched) for j in result.journeys)
    gaps = result.gaps(min_share)
    share = sum(gap.share for gap in gaps)
    return (
        f"{plural(len(result.journeys), 'journey')}, {plural(mapped, 'mapped touchpoint')}, "
        f"{plural(unmatched, 'mapping')} without traffic, "
        f"{plural(len(gaps), 'gap')} ({_percent(share)} of {result.share_metric.lower()})"
    )


def _align(rows: Sequence[Sequence[str]], left: int) -> list[str]:
    """Columns padded to their widest cell; the first ``left`` columns flush left."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [
            cell.ljust(widths[i]) if i < left else cell.rjust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def _hidden(result: AnalyticsResult, min_share: float) -> int:
    return len(result.all_gaps) - len(result.gaps(min_share))


def format_text(result: AnalyticsResult, min_share: float) -> str:
    names = [result.export.columns[i].name for i in _shown(result)]
    out = [*_heading(result), ""]
    for journey in result.journeys:
        out.append(f"{journey.persona_id} ({journey.name}) - {journey.path}")
        table = [["", "", *names]]
        for phase in journey.phases:
            table.append([f"  {phase.phase_id}", "", *_cells(result, phase.totals)])
            for tp in phase.touchpoints:
                cells = _cells(result, tp.metrics) if tp.matched else ["-"] * len(names)
                table.append([f"    {tp.touchpoint_id}", tp.mapping, *cells])
        out.extend(_align(table, 2))
        for tp in journey.unmatched:
            out.append(f"  no traffic: {tp.touchpoint_id} ({tp.mapping}): {tp.reason}")
        out.append("")
    gaps = result.gaps(min_share)
    metric = result.share_metric.lower()
    if gaps:
        out.append(f"gaps: traffic no touchpoint claims, largest first (share of {metric})")
        table = [["", *names, "Share"]]
        table += [
            [f"  {g.row.label}", *_cells(result, g.row.metrics), _percent(g.share)] for g in gaps
        ]
        out.extend(_align(table, 1))
    else:
        out.append(f"gaps: {_no_gaps(result, min_share)}")
    hidden = _hidden_note(result, min_share)
    if hidden:
        out.append(f"  ({hidden})")
    out.extend(f"not attributed: {_not_set(result, gap)}" for gap in result.not_set)
    if result.warnings:
        out += ["", "warnings:", *(f"  {warning}" for warning in result.warnings)]
    out.extend(["", _summary(result, min_share)])
    return "\n".join(out) + "\n"


def _no_gaps(result: AnalyticsResult, min_share: float) -> str:
    if result.all_gaps:
        return f"none at or above --min-share {min_share:g}"
    return "none, every source in the export is claimed by a touchpoint"


def _hidden_note(result: AnalyticsResult, min_share: float) -> str | None:
    hidden = _hidden(result, min_share)
    if not hidden:
        return None
    return f"{plural(hidden, 'smaller gap')} below --min-share {min_share:g} not shown"


def _not_set(result: AnalyticsResult, gap: Gap) -> str:
    value = _number(result.share_value(gap.row.metrics))
    return f"{gap.row.label}, {value} {result.share_metric.lower()} ({_percent(gap.share)})"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _md(text: str) -> str:
    return re.sub(r"([\\|*_`])", r"\\\1", text)


def format_markdown(result: AnalyticsResult, min_share: float) -> str:
    names = [result.export.columns[i].name for i in _shown(result)]
    heading = _heading(result)
    out = [f"# Analytics: {_md(result.export.path)}", "", _md(_sentence(heading[1])), ""]
    head = ["Phase / touchpoint", "Source / medium", *names]
    rule = ["---", "---", *["---:"] * len(names)]
    for journey in result.journeys:
        out += [f"## {_md(journey.name)} (`{journey.persona_id}`)", ""]
        out += [_row(head), _row(rule)]
        for phase in journey.phases:
            out.append(_row([f"**{_md(phase.name)}**", "", *_bold(_cells(result, phase.totals))]))
            for tp in phase.touchpoints:
                cells = _cells(result, tp.metrics) if tp.matched else ["-"] * len(names)
                out.append(
                    _row([f"{_md(tp.name)} (`{tp.touchpoint_id}`)", _md(tp.mapping), *cells])
                )
        out.append("")
        if journey.unmatched:
            out += ["Mappings that match no traffic:", ""]
            out += [
                f"- `{t.touchpoint_id}` ({_md(t.mapping)}): {_md(t.reason or '')}"
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
            _row([_md(g.row.label), *_cells(result, g.row.metrics), _percent(g.share)])
            for g in gaps
        ]
    else:
        out.append(_sentence(_no_gaps(result, min_share)) + ".")
    hidden = _hidden_note(result, min_share)
    if hidden:
        out += ["", _sentence(hidden) + "."]
    for gap in result.not_set:
        out += ["", f"Not attributed: {_md(_not_set(result, gap))}."]
    if result.warnings:
        out += ["", "## Warnings", "", *(f"- {_md(warning)}" for warning in result.warnings)]
    out += ["", _sentence(_summary(result, min_share)) + "."]
    return "\n".join(out) + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _bold(cells: list[str]) -> list[str]:
    return [f"**{cell}**" for cell in cells]


def _json_number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value.is_integer() else value


def _json_metrics(metrics: Metrics) -> dict[str, Any]:
    return {name: _json_number(value) for name, value in metrics.as_dict().items()}


def _json_row(row: Row) -> dict[str, Any]:
    return {"source": row.source, "medium": row.medium, "campaign": row.campaign, "line": row.line}


def _json_gap(gap: Gap) -> dict[str, Any]:
    return {
        **_json_row(gap.row),
        "metrics": _json_metrics(gap.row.metrics),
        "share": round(gap.share, 6),
    }


def format_json(result: AnalyticsResult, min_share: float) -> str:
    export = result.export
    document = {
        "export": {
            "path": export.path,
            "kind": export.kind,
            "title": export.title,
            "dimension": export.dimension,
            "start": export.start.isoformat() if export.start else None,
            "end": export.end.isoformat() if export.end else None,
            "metrics": [
                {"name": c.name, "kind": c.kind.value, "role": c.role.value if c.role else None}
                for c in export.columns
            ],
            "rows": len(export.rows),
            "total": _json_metrics(result.total),
            "share_metric": result.share_metric,
        },
        "journeys": [
            {
                "persona_id": journey.persona_id,
                "name": journey.name,
                "path": journey.path,
                "phases": [
                    {
                        "id": phase.phase_id,
                        "name": phase.name,
                        "totals": _json_metrics(phase.totals),
                        "touchpoints": [
                            {
                                "id": tp.touchpoint_id,
                                "name": tp.name,
                                "mapping": tp.mapping,
                                "matched": tp.matched,
                                "reason": tp.reason,
                                "rows": [_json_row(row) for row in tp.rows],
                                "metrics": _json_metrics(tp.metrics),
                            }
                            for tp in phase.touchpoints
                        ],
                    }
                    for phase in journey.phases
                ],
            }
            for journey in result.journeys
        ],
        "min_share": min_share,
        "gaps": [_json_gap(gap) for gap in result.gaps(min_share)],
        "hidden_gaps": _hidden(result, min_share),
        "not_set": [_json_gap(gap) for gap in result.not_set],
        "double_claims": [
            {
                **_json_row(claim.row),
                "claimed_by": [{"persona_id": p, "touchpoint_id": t} for p, t in claim.claimants],
                "counted_in": claim.counted_in,
            }
            for claim in result.double_claims
        ],
        "skipped": list(result.skipped),
        "warnings": list(result.warnings),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def warnings(result: AnalyticsResult) -> list[str]:
    """The result's warnings: every format shows them in the report itself."""
    return list(result.warnings)


FORMATS: dict[str, Callable[[AnalyticsResult, float], str]] = {
    "text": format_text,
    "markdown": format_markdown,
    "json": format_json,
}


def format_report(result: AnalyticsResult, output_format: str, min_share: float) -> str:
    return FORMATS[output_format](result, min_share)
