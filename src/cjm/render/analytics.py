"""From ``cjm analytics``'s result to what the map shows: ``cjm render --analytics``.

Cards get the touchpoint's sessions and key events, the KPI lane the phase totals
(each export row counted once per phase), the header the export's period and the
index the sources no touchpoint claims. Numbers are worded here, in the output
language (``18.420`` in Dutch, ``18,420`` in English, by the command's
:class:`~cjm.text.Text`), so templates only print.
"""

from __future__ import annotations

from datetime import date

from cjm.analytics.metrics import Metrics as Measured
from cjm.analytics.metrics import Role
from cjm.analytics.result import AnalyticsResult, JourneyResult
from cjm.render.context import Measurements, Metric, Metrics, UnclaimedSource
from cjm.render.labels import LABELS
from cjm.text import Text, msg

__all__ = ["measurements", "period"]

# What a card shows, in this order, when the export has the column.
_SHOWN = ((Role.SESSIONS, "sessions"), (Role.KEY_EVENTS, "key_events"))


def period(span: tuple[date, date] | None, text: Text) -> str | None:
    """The export's date range as people write it: ``1 September 2026 – 30 September 2026``
    (en), ``1 september 2026 – 30 september 2026`` (nl)."""
    if span is None:
        return None
    start, end = span
    return text(msg("{start} – {end}", start=text.date(start), end=text.date(end)))


def measurements(result: AnalyticsResult, text: Text) -> Measurements:
    """Everything the map and the index show from ``result``, worded in ``text``'s language."""
    columns = _columns(result, text)
    span = period(result.date_range, text)
    return Measurements(
        journeys={
            journey.persona_id: _journey(journey, columns, text, span)
            for journey in result.journeys
        },
        period=span,
        unclaimed=tuple(
            UnclaimedSource(
                gap.row.label,
                _worded(gap.row.metrics, columns, text),
                text.percent(gap.share),
            )
            for gap in result.gaps()
        ),
    )


def _columns(result: AnalyticsResult, text: Text) -> list[tuple[str, str]]:
    """(label, column name) of the metrics shown: sessions and key events if present."""
    columns = result.export.columns
    chosen = [
        (text(LABELS[key]), column.name)
        for role, key in _SHOWN
        for column in columns
        if column.role is role
    ]
    # An export with neither (a plain CSV of pageviews, say): its share column, as named.
    return chosen or [(result.share_metric, result.share_metric)]


def _worded(metrics: Measured, columns: list[tuple[str, str]], text: Text) -> tuple[Metric, ...]:
    # No matched row is no traffic: 0, not "unknown".
    return tuple(Metric(label, text.number(metrics.get(name) or 0.0)) for label, name in columns)


def _journey(
    journey: JourneyResult, columns: list[tuple[str, str]], text: Text, span: str | None
) -> Metrics:
    touchpoints = {
        tp.touchpoint_id: _worded(tp.metrics, columns, text)
        for phase in journey.phases
        for tp in phase.touchpoints
    }
    # A phase without a mapped touchpoint has no measurement, which is not zero traffic.
    phases = {
        phase.phase_id: _worded(phase.totals, columns, text)
        for phase in journey.phases
        if phase.touchpoints
    }
    return Metrics(touchpoints=touchpoints, phases=phases, period=span)
