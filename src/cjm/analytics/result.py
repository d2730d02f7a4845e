"""What ``cjm analytics`` found, as values a report (or ``cjm render``) reads.

:class:`AnalyticsResult` is the typed API other commands use; see
:mod:`cjm.analytics` for how to get one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import overload

from cjm.analytics.export import Export, Row, Rows
from cjm.analytics.metrics import Metrics, combine
from cjm.text import Message, Text

__all__ = [
    "AnalyticsResult",
    "DoubleClaim",
    "Gap",
    "Gaps",
    "JourneyResult",
    "PhaseResult",
    "TouchpointResult",
]


@dataclass(frozen=True)
class TouchpointResult:
    """A touchpoint with an ``analytics`` mapping and the export rows it claims."""

    persona_id: str
    phase_id: str
    touchpoint_id: str
    name: str
    mapping: str
    """The mapping as written, e.g. ``google / cpc`` or ``* / cpc (spring-sale)``."""
    rows: tuple[Row, ...]
    metrics: Metrics
    reason: Message | None = None
    """Why the mapping matches nothing, when it does not."""

    @property
    def matched(self) -> bool:
        return bool(self.rows)


@dataclass(frozen=True)
class PhaseResult:
    phase_id: str
    name: Message | str
    """The name the journey writes, else the phase model's, as a message field
    (:func:`cjm.phase_models.phase_label`): worded when the report is written."""
    touchpoints: tuple[TouchpointResult, ...]
    """The phase's touchpoints that have a mapping, in journey order."""
    totals: Metrics
    """The rows claimed by the phase's touchpoints that no earlier phase of the journey
    claims: each row counts once per phase and once per journey."""

    def named(self, text: Text) -> str:
        """The phase's name in the report's language."""
        return text(self.name)


@dataclass(frozen=True)
class JourneyResult:
    persona_id: str
    name: str
    path: str
    phases: tuple[PhaseResult, ...]
    """Every phase of the journey, in journey order: the funnel."""

    @property
    def unmatched(self) -> tuple[TouchpointResult, ...]:
        """Mappings that match no row of the export: broken or outdated."""
        return tuple(t for p in self.phases for t in p.touchpoints if not t.matched)


@dataclass(frozen=True)
class Gap:
    """Traffic that no touchpoint in any journey claims."""

    row: Row
    share: float
    """Fraction (0..1) of the export's total of :attr:`AnalyticsResult.share_metric`."""


@dataclass(frozen=True)
class DoubleClaim:
    """An export row claimed by several touchpoints of one journey: each counts it."""

    row: Row
    claimants: tuple[tuple[str, str], ...]
    """``(persona id, touchpoint id)`` pairs, in journey order."""
    counted_in: str
    """The phase whose totals count the row: the first, in journey order, that claims it."""


@dataclass(frozen=True)
class AnalyticsResult:
    export: Export
    journeys: tuple[JourneyResult, ...]
    total: Metrics
    """All traffic in the export (its totals row if it has one)."""
    share_metric: str
    """The column shares are computed on: sessions, or the first metric without them."""
    all_gaps: Sequence[Gap]
    """Unclaimed, attributed rows, largest first (a :class:`Gaps`)."""
    not_set: Sequence[Gap]
    """``(not set)`` rows: traffic GA4 could not attribute, never a gap."""
    double_claims: tuple[DoubleClaim, ...]
    skipped: tuple[str, ...] = ()
    """Journey files left out because they have problems (``cjm lint`` says which)."""
    warnings: tuple[Message, ...] = ()
    """What a reader of the numbers must know (skipped files, double claims, rows missing
    from the export, a mapping in a list that matches nothing), worded; every report
    format shows them."""

    @property
    def date_range(self) -> tuple[date, date] | None:
        if self.export.start is None or self.export.end is None:
            return None
        return self.export.start, self.export.end

    @property
    def metric_names(self) -> tuple[str, ...]:
        return self.export.metric_names

    def share_value(self, metrics: Metrics) -> float:
        """The value of :attr:`share_metric` in ``metrics`` (0 when empty)."""
        return metrics.get(self.share_metric) or 0.0

    def journey(self, persona_id: str) -> JourneyResult | None:
        return next((j for j in self.journeys if j.persona_id == persona_id), None)

    def touchpoint_metrics(self, persona_id: str, touchpoint_id: str) -> Metrics | None:
        """The touchpoint's metrics; None when it has no mapping (or is unknown)."""
        journey = self.journey(persona_id)
        if journey is None:
            return None
        for phase in journey.phases:
            for touchpoint in phase.touchpoints:
                if touchpoint.touchpoint_id == touchpoint_id:
                    return touchpoint.metrics
        return None

    def phase_totals(self, persona_id: str, phase_id: str) -> Metrics:
        """The phase's traffic, each row once; zero rows for an unknown or unmapped phase."""
        journey = self.journey(persona_id)
        for phase in journey.phases if journey is not None else ():
            if phase.phase_id == phase_id:
                return phase.totals
        return combine(self.total.columns, [])

    def gaps(self, min_share: float = 0.0) -> Sequence[Gap]:
        """Unclaimed sources with at least ``min_share`` of all traffic, largest first."""
        gaps = self.all_gaps
        if isinstance(gaps, Gaps):  # largest first: the gaps to show are the first ones
            count = bisect_left(
                range(len(gaps)), True, key=lambda i: not gaps.share(i) >= min_share
            )
            return gaps[:count]
        return [gap for gap in gaps if gap.share >= min_share]


class Gaps(Sequence[Gap]):
    """Export rows as gaps, largest first, made when read.

    A large export is mostly rows nobody claims: a million gaps held as objects
    took a gigabyte, so the result keeps their row numbers and the share of each
    is worked out again when a gap is read. Compares equal to any sequence of the
    same gaps (``result.gaps(0.2) == []``).
    """

    __slots__ = ("_indexes", "_rows", "_share")

    def __init__(self, rows: Rows, indexes: Sequence[int], share: Callable[[int], float]) -> None:
        self._rows = rows
        self._indexes = indexes
        self._share = share

    def __len__(self) -> int:
        return len(self._indexes)

    @overload
    def __getitem__(self, index: int) -> Gap: ...
    @overload
    def __getitem__(self, index: slice) -> Gaps: ...
    def __getitem__(self, index: int | slice) -> Gap | Gaps:
        if isinstance(index, slice):
            return Gaps(self._rows, self._indexes[index], self._share)
        at = self._indexes[index]
        return Gap(self._rows[at], self._share(at))

    def share(self, index: int) -> float:
        """The share of the gap at ``index``, without making it."""
        return self._share(self._indexes[index])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Gaps({list(self)!r})"
