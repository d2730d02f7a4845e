"""What the text and Markdown reports share: the columns shown and the sentences."""

from __future__ import annotations

from cjm.analytics.metrics import Kind, Metrics, Role
from cjm.analytics.result import AnalyticsResult, Gap
from cjm.output.numbers import number, percent
from cjm.wording import plural

__all__ = [
    "cells",
    "heading",
    "hidden",
    "hidden_note",
    "no_gaps",
    "not_set",
    "sentence",
    "shown",
    "summary",
]


def shown(result: AnalyticsResult) -> list[int]:
    """The columns the tables show: sessions, key events, revenue; else the first three."""
    columns = result.export.columns
    wanted = [Role.SESSIONS, Role.KEY_EVENTS, Role.REVENUE]
    chosen = [i for role in wanted for i, c in enumerate(columns) if c.role is role]
    return chosen or list(range(min(3, len(columns))))


def cells(result: AnalyticsResult, metrics: Metrics) -> list[str]:
    """The shown columns' values; averages and money always with two decimals."""
    columns = result.export.columns
    return [
        number(
            metrics.values[i],
            fraction=columns[i].kind is Kind.AVERAGE or columns[i].role is Role.REVENUE,
        )
        for i in shown(result)
    ]


def heading(result: AnalyticsResult) -> list[str]:
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
        f"{number(whole)} {result.share_metric.lower()}",
    ]


def summary(result: AnalyticsResult, min_share: float) -> str:
    mapped = sum(len(p.touchpoints) for j in result.journeys for p in j.phases)
    unmatched = sum(len(j.unmatched) for j in result.journeys)
    gaps = result.gaps(min_share)
    share = sum(gap.share for gap in gaps)
    return (
        f"{plural(len(result.journeys), 'journey')}, {plural(mapped, 'mapped touchpoint')}, "
        f"{plural(unmatched, 'mapping')} without traffic, "
        f"{plural(len(gaps), 'gap')} ({percent(share)} of {result.share_metric.lower()})"
    )


def hidden(result: AnalyticsResult, min_share: float) -> int:
    return len(result.all_gaps) - len(result.gaps(min_share))


def no_gaps(result: AnalyticsResult, min_share: float) -> str:
    if result.all_gaps:
        return f"none at or above --min-share {min_share:g}"
    return "none, every source in the export is claimed by a touchpoint"


def hidden_note(result: AnalyticsResult, min_share: float) -> str | None:
    count = hidden(result, min_share)
    if not count:
        return None
    return f"{plural(count, 'smaller gap')} below --min-share {min_share:g} not shown"


def not_set(result: AnalyticsResult, gap: Gap) -> str:
    value = number(result.share_value(gap.row.metrics))
    return f"{gap.row.label}, {value} {result.share_metric.lower()} ({percent(gap.share)})"


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
