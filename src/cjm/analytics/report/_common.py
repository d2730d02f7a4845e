"""What the text and Markdown reports share: the columns shown and the sentences.

Every sentence is a catalog message rendered with the report's :class:`~cjm.text.Text`,
and every number is written in its language (``18,420`` / ``18.420``, ``35.4%`` /
``35,4%``). Names from the export (its metric columns, its rows) are data and shown
as written.
"""

from __future__ import annotations

from cjm.analytics.metrics import Kind, Metrics, Role
from cjm.analytics.result import AnalyticsResult, Gap
from cjm.text import Message, Text, msg, nmsg

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


def cells(result: AnalyticsResult, metrics: Metrics, text: Text) -> list[str]:
    """The shown columns' values; averages and money always with two decimals."""
    columns = result.export.columns
    return [
        text.number(
            metrics.values[i],
            fraction=columns[i].kind is Kind.AVERAGE or columns[i].role is Role.REVENUE,
        )
        for i in shown(result)
    ]


def heading(result: AnalyticsResult, text: Text) -> list[str]:
    """The report's title line and the line that says what the export holds."""
    export = result.export
    period: Message = (
        msg("{start} to {end}", start=text.date(export.start), end=text.date(export.end))
        if export.start is not None and export.end is not None
        else msg("period not stated in the export")
    )
    kind: Message | str = "GA4" if export.kind == "ga4" else msg("plain CSV")
    whole = result.share_value(result.total)
    return [
        text(msg("analytics: {path}", path=export.path)),
        text(
            msg(
                "period: {period}; {kind}, {dimension}; {rows}, {total} {metric}",
                period=period,
                kind=kind,
                dimension=export.dimension,
                rows=nmsg("{count} row", "{count} rows", len(export.rows)),
                total=text.number(whole),
                metric=result.share_metric.lower(),
            )
        ),
    ]


def summary(result: AnalyticsResult, min_share: float, text: Text) -> str:
    mapped = sum(len(p.touchpoints) for j in result.journeys for p in j.phases)
    unmatched = sum(len(j.unmatched) for j in result.journeys)
    gaps = result.gaps(min_share)
    share = sum(gap.share for gap in gaps)
    return text(
        msg(
            "{journeys}, {mapped}, {unmatched}, {gaps} ({share} of {metric})",
            journeys=nmsg("{count} journey", "{count} journeys", len(result.journeys)),
            mapped=nmsg("{count} mapped touchpoint", "{count} mapped touchpoints", mapped),
            unmatched=nmsg(
                "{count} mapping without traffic", "{count} mappings without traffic", unmatched
            ),
            gaps=nmsg("{count} gap", "{count} gaps", len(gaps)),
            share=text.percent(share),
            metric=result.share_metric.lower(),
        )
    )


def hidden(result: AnalyticsResult, min_share: float) -> int:
    return len(result.all_gaps) - len(result.gaps(min_share))


def no_gaps(result: AnalyticsResult, min_share: float, text: Text) -> str:
    if result.all_gaps:
        # The share as the flag takes it (0.05), not as a percentage: it is the value to change.
        return text(msg("none at or above --min-share {share}", share=f"{min_share:g}"))
    return text(msg("none, every source in the export is claimed by a touchpoint"))


def hidden_note(result: AnalyticsResult, min_share: float, text: Text) -> str | None:
    count = hidden(result, min_share)
    if not count:
        return None
    return text(
        nmsg(
            "{count} smaller gap below --min-share {share} not shown",
            "{count} smaller gaps below --min-share {share} not shown",
            count,
            share=f"{min_share:g}",
        )
    )


def not_set(result: AnalyticsResult, gap: Gap, text: Text) -> str:
    return text(
        msg(
            "{label}, {value} {metric} ({share})",
            label=gap.row.label,
            value=text.number(result.share_value(gap.row.metrics)),
            metric=result.share_metric.lower(),
            share=text.percent(gap.share),
        )
    )


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
