"""``--format json``: everything the other formats show, and the warnings, as data.

Strict JSON (:func:`cjm.output.escape.json_text`): a value that is not a finite
number is ``null``, never ``NaN`` or ``Infinity``, which no JSON parser accepts.
"""

from __future__ import annotations

from typing import Any, TextIO

from cjm.analytics.export import Row
from cjm.analytics.metrics import Metrics
from cjm.analytics.report import AnalyticsReport
from cjm.analytics.report._common import hidden
from cjm.analytics.result import Gap
from cjm.output.json_stream import JsonArray, write_json

__all__ = ["report"]


def _json_number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


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


def report(summary: AnalyticsReport, stream: TextIO, color: bool) -> None:
    result, min_share, text = summary.result, summary.min_share, summary.text
    export = result.export
    gaps = result.gaps(min_share)  # a large export's gaps are written one by one
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
                        "name": phase.named(text),
                        "totals": _json_metrics(phase.totals),
                        "touchpoints": [
                            {
                                "id": tp.touchpoint_id,
                                "name": tp.name,
                                "mapping": tp.mapping,
                                "matched": tp.matched,
                                "reason": None if tp.reason is None else text(tp.reason),
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
        "gaps": JsonArray(lambda: map(_json_gap, gaps), len(gaps)),
        "hidden_gaps": hidden(result, min_share),
        "not_set": JsonArray(lambda: map(_json_gap, result.not_set), len(result.not_set)),
        "double_claims": [
            {
                **_json_row(claim.row),
                "claimed_by": [{"persona_id": p, "touchpoint_id": t} for p, t in claim.claimants],
                "counted_in": claim.counted_in,
            }
            for claim in result.double_claims
        ],
        "skipped": list(result.skipped),
        "warnings": [text(warning) for warning in result.warnings],
    }
    write_json(stream, document)
