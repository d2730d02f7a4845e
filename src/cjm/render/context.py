"""What a template sees: plain, ready-to-print views of a journey and of the index.

Templates should not compute: averages, the lowest phase, the curve's geometry
and the coverage matrix are worked out here, once, so every template (built-in or
a consultant's own) shows the same numbers. docs/templates.md documents these
views; a field added here is a field documented there.

Measurements from elsewhere (web analytics, issue 6) arrive as :class:`Measurements`:
per journey a :class:`Metrics` of display-ready label/value pairs per touchpoint
and per phase, the period they cover, and the sources no touchpoint claims (for the
index). Without them every ``metrics`` field is empty, ``metrics_period`` and
``unclaimed`` are None, and the output is exactly what it is without the hook.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from itertools import pairwise
from typing import Any

from cjm.loader import JourneyFile
from cjm.models import Analytics, Cta, JourneyInfo, Kpi, Persona, PhaseEntry, Touchpoint
from cjm.phase_models import PhaseModel
from cjm.render.labels import labels_for

__all__ = [
    "LOW_EMOTION",
    "THIN_BELOW",
    "CoverageCell",
    "CoverageRow",
    "CoverageTable",
    "Curve",
    "CurveBand",
    "CurvePoint",
    "Edge",
    "IndexEntry",
    "IndexPage",
    "JourneyPage",
    "Measurements",
    "Metric",
    "Metrics",
    "PhaseView",
    "TouchpointRef",
    "TouchpointView",
    "UnclaimedSource",
    "build_index",
    "build_journey",
]

LOW_EMOTION = 2
"""An emotion at or below this is a low point on the curve."""
THIN_BELOW = 2
"""A phase with fewer touchpoints than this (but more than none) is thin in the index."""

# Emotion curve geometry, in SVG user units (x is a percentage of the width, so
# the points line up with the equal-width phase columns above them).
_CURVE_HEIGHT = 200
_CURVE_TOP = 24
_CURVE_STEP = 32  # per emotion level: 5 at the top, 1 at _CURVE_TOP + 4 * _CURVE_STEP


@dataclass(frozen=True)
class Metric:
    """One measurement to show, already worded: ``Metric("Sessies", "1.204")``."""

    label: str
    value: str


@dataclass(frozen=True)
class Metrics:
    """Optional measurements per touchpoint id and per phase id."""

    touchpoints: Mapping[str, Sequence[Metric]] = field(default_factory=dict)
    phases: Mapping[str, Sequence[Metric]] = field(default_factory=dict)
    period: str | None = None
    """The period the measurements cover, worded: ``2026-09-01 – 2026-09-30``."""


@dataclass(frozen=True)
class UnclaimedSource:
    """Traffic no touchpoint claims, worded for the index: a touchpoint the map overlooks."""

    source: str
    """``bing / cpc`` (with `` (campaign)`` when the export has campaigns)."""
    metrics: tuple[Metric, ...]
    share: str
    """Its share of all traffic, worded: ``2,7%``."""


@dataclass(frozen=True)
class Measurements:
    """Everything measured for one render: per journey (by persona id), and the index's part."""

    journeys: Mapping[str, Metrics] = field(default_factory=dict)
    period: str | None = None
    unclaimed: tuple[UnclaimedSource, ...] = ()


class _Page:
    def variables(self) -> dict[str, Any]:
        """The template's top-level variables: this page's fields by name."""
        return {item.name: getattr(self, item.name) for item in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class TouchpointRef:
    id: str
    name: str
    number: int


@dataclass(frozen=True)
class TouchpointView:
    id: str
    name: str
    number: int
    """Position in the journey, from 1."""
    phase_id: str
    channel: str
    media: str | None
    senses: tuple[str, ...]
    description: str | None
    content: str | None
    doing: str | None
    thinking: str | None
    feeling: str | None
    cta: Cta | None
    emotion: int | None
    low: bool
    pain_points: tuple[str, ...]
    opportunities: tuple[str, ...]
    owner: str | None
    tone: str | None
    analytics: tuple[Analytics, ...]
    extensions: Mapping[str, Any]
    next: tuple[TouchpointRef, ...] = ()
    metrics: tuple[Metric, ...] = ()


@dataclass(frozen=True)
class PhaseView:
    id: str
    name: str
    number: int
    goal: str | None
    doing: str | None
    thinking: str | None
    feeling: str | None
    kpis: tuple[Kpi, ...]
    touchpoints: tuple[TouchpointView, ...]
    pain_points: tuple[str, ...]
    """The touchpoints' pain points, in order."""
    opportunities: tuple[str, ...]
    emotion: float | None
    """Average emotion of the touchpoints that have one, to one decimal."""
    lowest: bool
    """The phase with the lowest average emotion (the first of equals)."""
    with_cta: int
    extensions: Mapping[str, Any]
    metrics: tuple[Metric, ...] = ()


@dataclass(frozen=True)
class CurvePoint:
    x: float
    """Percentage of the curve's width."""
    y: int
    emotion: int
    touchpoint: TouchpointView
    low: bool


@dataclass(frozen=True)
class CurveBand:
    x: float
    width: float
    phase: PhaseView


@dataclass(frozen=True)
class Curve:
    height: int
    levels: tuple[tuple[int, int], ...]
    """(emotion, y) for the grid lines 1..5."""
    points: tuple[CurvePoint, ...]
    segments: tuple[tuple[CurvePoint, CurvePoint], ...]
    bands: tuple[CurveBand, ...]
    loop: tuple[CurvePoint, CurvePoint] | None
    """(last, first) point when a relational journey leads back to its start."""
    baseline: int
    description: str


@dataclass(frozen=True)
class Edge:
    source: TouchpointRef
    target: TouchpointRef


@dataclass(frozen=True)
class JourneyPage(_Page):
    persona_id: str
    title: str
    persona: Persona
    journey: JourneyInfo
    model: str
    relational: bool
    phases: tuple[PhaseView, ...]
    touchpoints: tuple[TouchpointView, ...]
    lowest_phase: PhaseView | None
    curve: Curve
    flow: tuple[Edge, ...]
    labels: Mapping[str, str]
    language: str
    index: str
    """File name of the index next to this page (``index.html``, ``index.md``)."""
    metrics_period: str | None = None
    """The period the ``metrics`` cover; None without measurements (or a period)."""


@dataclass(frozen=True)
class IndexEntry:
    persona_id: str
    name: str
    segment: str
    title: str
    href: str
    model: str
    phases: int
    touchpoints: int


@dataclass(frozen=True)
class CoverageCell:
    phase_id: str
    touchpoints: int
    cta_share: int | None
    """Percentage of touchpoints with a CTA; None for an empty phase."""
    emotion: float | None
    state: str
    """``ok``, ``thin``, ``empty``, or ``optional`` (an absent optional phase)."""


@dataclass(frozen=True)
class CoverageRow:
    entry: IndexEntry
    cells: tuple[CoverageCell, ...]


@dataclass(frozen=True)
class CoverageTable:
    model: str
    phases: tuple[tuple[str, str], ...]
    """(id, name) of the model's phases, in order."""
    rows: tuple[CoverageRow, ...]


@dataclass(frozen=True)
class IndexPage(_Page):
    journeys: tuple[IndexEntry, ...]
    coverage: tuple[CoverageTable, ...]
    labels: Mapping[str, str]
    language: str
    metrics_period: str | None = None
    unclaimed: tuple[UnclaimedSource, ...] | None = None
    """Sources no touchpoint claims, largest first; None without measurements."""


def _average(values: Sequence[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _phase_name(entry: PhaseEntry, model: PhaseModel, language: str) -> str:
    if entry.name:
        return entry.name
    phase = model.get(entry.id)
    return phase.name(language) if phase is not None else entry.id


def _touchpoint(tp: Touchpoint, number: int, phase_id: str, metrics: Metrics) -> TouchpointView:
    return TouchpointView(
        id=tp.id,
        name=tp.name,
        number=number,
        phase_id=phase_id,
        channel=tp.channel,
        media=tp.media,
        senses=tuple(tp.senses),
        description=tp.description,
        content=tp.content,
        doing=tp.doing,
        thinking=tp.thinking,
        feeling=tp.feeling,
        cta=tp.cta,
        emotion=tp.emotion,
        low=tp.emotion is not None and tp.emotion <= LOW_EMOTION,
        pain_points=tuple(tp.pain_points),
        opportunities=tuple(tp.opportunities),
        owner=tp.owner,
        tone=tp.tone,
        analytics=tuple(tp.analytics),
        extensions=tp.extensions,
        metrics=tuple(metrics.touchpoints.get(tp.id, ())),
    )


def build_journey(
    file: JourneyFile, language: str, index: str, metrics: Metrics | None = None
) -> JourneyPage:
    """The page of one valid journey (``file.journey`` and ``file.model`` are set)."""
    journey, model = file.journey, file.model
    assert journey is not None and model is not None, "render only journeys that loaded"
    metrics = metrics or Metrics()
    labels = labels_for(language)

    # Touchpoints first (without `next`), then their references, then the phases.
    plain: list[list[TouchpointView]] = []
    number = 0
    for entry in journey.phases:
        views = []
        for tp in entry.touchpoints:
            number += 1
            views.append(_touchpoint(tp, number, entry.id, metrics))
        plain.append(views)
    refs = {
        view.id: TouchpointRef(view.id, view.name, view.number) for row in plain for view in row
    }
    sources = {tp.id: tp for _, _, tp in journey.touchpoints()}
    linked = [
        [
            replace(view, next=tuple(refs[id_] for id_ in sources[view.id].next if id_ in refs))
            for view in row
        ]
        for row in plain
    ]

    averages = [_average([tp.emotion for tp in row if tp.emotion is not None]) for row in linked]
    known = [(value, i) for i, value in enumerate(averages) if value is not None]
    lowest_index = min(known)[1] if known else None
    phases = tuple(
        PhaseView(
            id=entry.id,
            name=_phase_name(entry, model, language),
            number=position + 1,
            goal=entry.goal,
            doing=entry.doing,
            thinking=entry.thinking,
            feeling=entry.feeling,
            kpis=tuple(entry.kpis),
            touchpoints=tuple(row),
            pain_points=tuple(text for tp in row for text in tp.pain_points),
            opportunities=tuple(text for tp in row for text in tp.opportunities),
            emotion=averages[position],
            lowest=position == lowest_index,
            with_cta=sum(1 for tp in row if tp.cta is not None),
            extensions=entry.extensions,
            metrics=tuple(metrics.phases.get(entry.id, ())),
        )
        for position, (entry, row) in enumerate(zip(journey.phases, linked, strict=True))
    )
    touchpoints = tuple(tp for phase in phases for tp in phase.touchpoints)
    relational = journey.journey.cycle == "relational"
    return JourneyPage(
        persona_id=file.persona_id,
        title=journey.journey.title or journey.persona.name,
        persona=journey.persona,
        journey=journey.journey,
        model=model.name,
        relational=relational,
        phases=phases,
        touchpoints=touchpoints,
        lowest_phase=phases[lowest_index] if lowest_index is not None else None,
        curve=_curve(phases, relational, labels),
        flow=tuple(Edge(refs[tp.id], target) for tp in touchpoints for target in tp.next),
        labels=labels,
        language=language,
        index=index,
        metrics_period=metrics.period,
    )


def _curve(phases: Sequence[PhaseView], relational: bool, labels: Mapping[str, str]) -> Curve:
    count = len(phases)
    points: list[CurvePoint] = []
    bands: list[CurveBand] = []
    for position, phase in enumerate(phases):
        bands.append(CurveBand(round(position * 100 / count, 3), round(100 / count, 3), phase))
        size = len(phase.touchpoints)
        for slot, tp in enumerate(phase.touchpoints):
            if tp.emotion is None:
                continue
            x = round((position + (slot + 0.5) / size) * 100 / count, 3)
            points.append(CurvePoint(x, _y(tp.emotion), tp.emotion, tp, tp.low))
    described = "; ".join(f"{point.touchpoint.name}: {point.emotion}" for point in points)
    return Curve(
        height=_CURVE_HEIGHT,
        levels=tuple((level, _y(level)) for level in range(5, 0, -1)),
        points=tuple(points),
        segments=tuple(pairwise(points)),
        bands=tuple(bands),
        loop=(points[-1], points[0]) if relational and len(points) > 1 else None,
        baseline=_CURVE_HEIGHT - 8,
        description=f"{labels['emotion_curve_desc']} {described}".strip(),
    )


def _y(emotion: int) -> int:
    return _CURVE_TOP + (5 - emotion) * _CURVE_STEP


def build_index(
    pages: Sequence[JourneyPage],
    models: Mapping[str, PhaseModel],
    language: str,
    suffix: str,
    measurements: Measurements | None = None,
) -> IndexPage:
    """The index over ``pages`` (sorted by persona id); ``models`` by persona id."""
    ordered = sorted(pages, key=lambda page: page.persona_id)
    entries = {
        page.persona_id: IndexEntry(
            persona_id=page.persona_id,
            name=page.persona.name,
            segment=page.persona.segment,
            title=page.title,
            href=f"{page.persona_id}{suffix}",
            model=page.model,
            phases=len(page.phases),
            touchpoints=len(page.touchpoints),
        )
        for page in ordered
    }
    # One matrix per phase model: journeys on different models share no columns.
    groups: dict[tuple[str, tuple[str, ...]], list[JourneyPage]] = {}
    for page in ordered:
        model = models[page.persona_id]
        groups.setdefault((model.name, model.ids), []).append(page)
    tables = []
    for (name, _), members in groups.items():
        model = models[members[0].persona_id]
        rows = tuple(
            CoverageRow(
                entries[page.persona_id],
                tuple(_cell(page, phase.id, phase.optional) for phase in model.phases),
            )
            for page in members
        )
        columns = tuple((phase.id, phase.name(language)) for phase in model.phases)
        tables.append(CoverageTable(name, columns, rows))
    return IndexPage(
        journeys=tuple(entries.values()),
        coverage=tuple(tables),
        labels=labels_for(language),
        language=language,
        metrics_period=measurements.period if measurements is not None else None,
        unclaimed=measurements.unclaimed if measurements is not None else None,
    )


def _cell(page: JourneyPage, phase_id: str, optional: bool) -> CoverageCell:
    phase = next((phase for phase in page.phases if phase.id == phase_id), None)
    if phase is None or not phase.touchpoints:
        state = "optional" if optional and phase is None else "empty"
        return CoverageCell(phase_id, 0, None, None, state)
    count = len(phase.touchpoints)
    return CoverageCell(
        phase_id,
        count,
        round(100 * phase.with_cta / count),
        phase.emotion,
        "thin" if count < THIN_BELOW else "ok",
    )
