"""From ``cjm analytics``'s result to what the map shows: ``cjm render --analytics``.

Cards get the touchpoint's sessions and key events, the KPI lane the phase totals
(each export row counted once per phase), the header the export's period and the
index the sources no touchpoint claims. Numbers are worded here, in the output
language (``18.420`` in Dutch, ``18,420`` in English, by :mod:`cjm.output.numbers`),
so templates only print.
"""

from __future__ import annotations

from datetime import date

from cjm.analytics.metrics import Metrics as Measured
from cjm.analytics.metrics import Role
from cjm.analytics.result import AnalyticsResult, JourneyResult
from cjm.output.numbers import number, percent
from cjm.render.context import Measurements, Metric, Metrics, UnclaimedSource
from cjm.render.labels import labels_for

__all__ = ["measurements", "number", "percent", "period"]

# What a card shows, in this order, when the export has the column.
_SHOWN = ((Role.SESSIONS, "sessions"), (Role.KEY_EVENTS, "key_events"))


def period(span: tuple[date, date] | None) -> str | None:
    """The export's date range as ``2026-09-01 – 2026-09-30``: the same in every language."""
    if span is None:
        return None
    start, end = span
    return f"{start.isoformat()} – {end.isoformat()}"


def measurements(result: AnalyticsResult, language: str) -> Measurements:
    """Everything the map and the index show from ``result``, worded in ``language``."""
    columns = _columns(result, language)
    span = period(result.date_range)
    return Measurements(
        journeys={
            journey.persona_id: _journey(journey, columns, language, span)
            for journey in result.journeys
        },
        period=span,
        unclaimed=tuple(
            UnclaimedSource(
                gap.row.label,
                _worded(gap.row.metrics, columns, language),
                percent(gap.share, language),
            )
            for gap in result.gaps()
        ),
    )


def _columns(result: AnalyticsResult, language: str) -> list[tuple[str, str]]:
    """(label, column name) of the metrics shown: sessions and key events if present."""
    labels = labels_for(language)
    columns = result.export.columns
    chosen = [
        (labels[key], column.name)
        for role, key in _SHOWN
        for column in columns
        if column.role is role
    ]
    # An export with neither (a plain CSV of pageviews, say): its share column, as named.
    return chosen or [(result.share_metric, result.share_metric)]


def _worded(metrics: Measured, columns: list[tuple[str, str]], language: str) -> tuple[Metric, ...]:
    # No matched row is no traffic: 0, not "unknown".
    return tuple(
        Metric(label, number(metrics.get(name) or 0.0, language)) for label, name in columns
    )


def _journey(
    journey: JourneyResult, columns: list[tuple[str, str]], language: str, span: str | None
) -> Metrics:
    touchpoints = {
        tp.touchpoint_id: _worded(tp.metrics, columns, language)
        for phase in journey.phases
        for tp in phase.touchpoints
    }
    # A phase without a mapped touchpoint has no measurement, which is not zero traffic.
    phases = {
        phase.phase_id: _worded(phase.totals, columns, language)
        for phase in journey.phases
        if phase.touchpoints
    }
    return Metrics(touchpoints=touchpoints, phases=phases, period=span)
