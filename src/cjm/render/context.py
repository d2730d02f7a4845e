"""What a template sees: ready-to-print views of a journey and of the index.

Templates should not compute: averages, the lowest phase, the curve's geometry,
KPI status, the summary and the coverage matrix are worked out here, once, so
every template (built-in or a consultant's own) shows the same numbers.
docs/templates.md documents these views; a field added here is a field
documented there.

A view *holds* the model block it shows (``source``) and adds only what is
computed: every field of the block reads through it (``tp.name`` is
``tp.source.name``). So a field added to :mod:`cjm.models` reaches the
templates without a change here, and tests/render/test_every_field.py makes sure
the built-in templates then show it.

Measurements from elsewhere (web analytics, issue 6) arrive as :class:`Measurements`:
per journey a :class:`Metrics` of display-ready label/value pairs per touchpoint
and per phase, the period they cover, and the sources no touchpoint claims (for the
index). Without them every ``metrics`` field is empty, ``metrics_period`` and
``unclaimed`` are None, and the output is exactly what it is without the hook.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from cjm.loader import JourneyFile
from cjm.models import Analytics, JourneyInfo, Kpi, Persona, PhaseEntry, Touchpoint
from cjm.phase_models import PhaseModel, phase_name
from cjm.render.kpi import KpiStatus, kpi_status
from cjm.render.labels import Words, labels_for
from cjm.text import Text

if TYPE_CHECKING:  # the backlog's views build on this module's
    from cjm.render.backlog import Matrix, OpportunityView

__all__ = [
    "BLUEPRINT",
    "HIGH_EMOTION",
    "LOW_EMOTION",
    "THIN_BELOW",
    "TOUCHPOINT_TEXTS",
    "CoverageCell",
    "CoverageRow",
    "CoverageTable",
    "Curve",
    "CurveBand",
    "CurvePoint",
    "Edge",
    "EmotionChange",
    "FlowArc",
    "FlowLane",
    "IndexEntry",
    "IndexPage",
    "JourneyLink",
    "JourneyPage",
    "KpiView",
    "Measurements",
    "Metric",
    "Metrics",
    "Note",
    "PersonaGroup",
    "PhaseChange",
    "PhaseView",
    "Plan",
    "PlanPoint",
    "Summary",
    "TouchpointRef",
    "TouchpointView",
    "UnclaimedSource",
    "build_index",
    "build_journey",
]

LOW_EMOTION = 2
"""An emotion at or below this is a low point on the curve."""
HIGH_EMOTION = 4
"""The journey's highest emotion is a high point when it is at least this."""
THIN_BELOW = 2
"""A phase with fewer touchpoints than this (but more than none) is thin."""

TOUCHPOINT_TEXTS = ("description", "doing", "thinking", "feeling", "content", "owner", "tone")
"""A touchpoint's free-text fields as its card shows them, in this order: ``tp.texts``.

A new text field on :class:`~cjm.models.Touchpoint` is shown on the HTML card and
in the Markdown by adding its name here (and a label in labels.py)."""

# --- issue 15: the service blueprint under the map, by convention from the customer down:
# each lane below the customer's touchpoints is separated from the one above by a line.
BLUEPRINT: tuple[tuple[str, str], ...] = (
    ("line", "line_of_interaction"),
    ("lane", "frontstage"),
    ("line", "line_of_visibility"),
    ("lane", "backstage"),
    ("line", "line_of_internal_interaction"),
    ("lane", "support"),
)
"""The blueprint's rows under the touchpoints: ``("line", label key)`` or ``("lane", field)``."""

# Emotion curve geometry, in SVG user units (x is a percentage of the width, so
# the points line up with the equal-width phase columns above them).
_CURVE_HEIGHT = 236
_CURVE_TOP = 48  # room for the phase names along the top
_CURVE_STEP = 34  # per emotion level: 5 at the top, 1 at _CURVE_TOP + 4 * _CURVE_STEP
# The flow lane: numbered nodes along the bottom, one bracket per `next` step above.
_FLOW_NODE = 16  # distance of the nodes' centre from the bottom
_FLOW_FIRST = 40  # distance of the lowest bracket from the bottom
_FLOW_STEP = 9  # between bracket rows


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
        names = _PAGE_FIELDS.get(type(self))
        if names is None:  # once per kind of page, not for each of 600 pages (issue 17)
            names = _PAGE_FIELDS[type(self)] = tuple(item.name for item in fields(self))  # type: ignore[arg-type]
        return {name: getattr(self, name) for name in names}


_PAGE_FIELDS: dict[type, tuple[str, ...]] = {}


_FIELD_NAMES: dict[type[BaseModel], frozenset[str]] = {}


def _field_names(model: type[BaseModel]) -> frozenset[str]:
    """A model's field names, looked up once per model (templates read fields by the
    hundred thousand, and pydantic's ``model_fields`` is a computed property)."""
    names = _FIELD_NAMES.get(model)
    if names is None:
        names = _FIELD_NAMES[model] = frozenset(model.model_fields)
    return names


class _Holds:
    """A view of a model block: the block's fields read as the view's own.

    Only names the view does not define itself are read from ``source``, and
    only the block's fields (and its ``extensions``): a typo in a template is
    still an error, never a blank.
    """

    source: BaseModel

    def __post_init__(self) -> None:
        # The block's fields become the view's own attributes when it is made: one
        # copy of a dict, where reading each on first use went through __getattr__
        # after a failed look-up (88,000 of them for 200 journeys, issue 17). A
        # pydantic model keeps its fields, and nothing else, in its __dict__ (its
        # extra keys live in a slot); the view's own fields win over the block's.
        # They are not dataclass fields: equality, replace() and variables() never
        # see them.
        merged = dict(self.source.__dict__)
        merged.update(self.__dict__)
        object.__setattr__(self, "__dict__", merged)

    def __getattr__(self, name: str) -> Any:
        source = self.__dict__.get("source")
        if source is not None and (name in _field_names(type(source)) or name == "extensions"):
            value = getattr(source, name)
            # Kept on the view: the next read (every format reads it) is a plain attribute.
            object.__setattr__(self, name, value)
            return value
        raise AttributeError(f"{type(self).__name__} has no field {name!r}")

    def __getitem__(self, name: object) -> Any:
        """``tp[key]`` is ``tp.<key>`` for a field of the view or of its block.

        Templates read a field by a name they hold (``phase[key]``, ``tp[key]``,
        ``selectattr("frontstage")``); without this Jinja tried an item first, caught
        the TypeError and only then read the attribute: an exception per read (issue
        17). Any other name is a KeyError, after which Jinja reads an attribute as
        before, with the sandbox's checks; field names never start with ``_``.
        """
        if type(name) is str:
            # The view's fields and its block's are exactly what __dict__ holds
            # (with ``extensions`` once read): see __post_init__.
            known = self.__dict__
            if name in known:
                return known[name]
            if name == "extensions" or name in _field_names(type(self.source)):
                return getattr(self, name)
        raise KeyError(name)

    # Reading items does not make a view a sequence: iterating one stays a TypeError.
    __iter__ = None


@dataclass(frozen=True)
class TouchpointRef:
    id: str
    name: str
    number: int


@dataclass(frozen=True)
class Note:
    """A pain point or opportunity in the phase lane, with the touchpoint it was written on."""

    text: str
    touchpoint: TouchpointRef

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class KpiView(_Holds):
    source: Kpi
    phase: str
    """The name of its phase."""
    status: KpiStatus
    """``on-track``, ``behind`` or ``no-data`` (see cjm.render.kpi)."""


@dataclass(frozen=True)
class TouchpointView(_Holds):
    source: Touchpoint
    number: int
    """Position in the journey, from 1: the number on the card and on the curve."""
    phase_id: str
    phase: str
    """The name of its phase."""
    low: bool
    high: bool
    texts: tuple[tuple[str, str], ...]
    """(field, text) for each of TOUCHPOINT_TEXTS the touchpoint has, in that order."""
    x: float
    """Centre of its slot, as a percentage of the map's width (curve and flow lane)."""
    mappings: tuple[Analytics, ...] = ()
    """Its ``analytics`` mappings as a list, whether the file gives one or several."""
    next: tuple[TouchpointRef, ...] = ()
    metrics: tuple[Metric, ...] = ()
    backlog: tuple[OpportunityView, ...] = ()
    """Opportunities in the backlog that link this touchpoint, best ranked first."""


@dataclass(frozen=True)
class PhaseView(_Holds):
    source: PhaseEntry
    name: str
    number: int
    kpis: tuple[KpiView, ...]
    touchpoints: tuple[TouchpointView, ...]
    pain_points: tuple[Note, ...]
    """The touchpoints' pain points, in order; each prints as its text."""
    opportunities: tuple[Note, ...]
    emotion: float | None
    """Average emotion of the touchpoints that have one, to one decimal."""
    lowest: bool
    """The phase with the lowest average emotion (the first of equals)."""
    with_cta: int
    metrics: tuple[Metric, ...] = ()
    backlog: tuple[OpportunityView, ...] = ()
    """Opportunities in the backlog that link this phase as a whole."""


@dataclass(frozen=True)
class CurvePoint:
    x: float
    """Percentage of the curve's width."""
    y: int
    emotion: int
    touchpoint: TouchpointView
    low: bool
    high: bool


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
class FlowArc:
    """One `next` step drawn as a bracket: up from ``x1``, across at ``y``, down to ``x2``."""

    edge: Edge
    x1: float
    x2: float
    y: int


@dataclass(frozen=True)
class FlowLane:
    height: int
    node_y: int
    """y of the numbered nodes (one per touchpoint, at ``tp.x``)."""
    arcs: tuple[FlowArc, ...]
    description: str


@dataclass(frozen=True)
class Summary:
    """What matters in five lines: the top of every map and each journey in the index."""

    lowest: tuple[TouchpointView, ...]
    """The touchpoints with the journey's lowest emotion."""
    highest: tuple[TouchpointView, ...]
    """The touchpoints with its highest emotion; empty when every emotion is the same."""
    behind: tuple[KpiView, ...]
    """KPIs behind their target."""
    measured: int
    """KPIs with a status (on track or behind): ``behind`` is out of these."""
    empty: tuple[str, ...]
    """Names of phases without touchpoints, and of the model's required phases the journey lacks."""
    thin: tuple[str, ...]
    """Names of phases with a single touchpoint."""
    unclaimed: UnclaimedSource | None
    """With measurements: the largest traffic source no touchpoint claims."""


# --- issue 15: current and future state ---------------------------------------------


@dataclass(frozen=True)
class JourneyLink:
    """Another journey of the same persona, to link to: ``<a href=link.href>``."""

    key: str
    title: str
    href: str
    state: str
    """``current`` or ``future``."""
    journey_id: str | None


@dataclass(frozen=True)
class EmotionChange:
    """A touchpoint's emotion now and planned (same id in both journeys)."""

    before: int
    after: int

    @property
    def delta(self) -> int:
        return self.after - self.before

    @property
    def direction(self) -> str:
        """``better``, ``worse`` or ``same``: ``labels["change_" ~ direction]``."""
        return "better" if self.delta > 0 else "worse" if self.delta < 0 else "same"


@dataclass(frozen=True)
class PhaseChange:
    """A phase's average emotion now and planned; None where one side has no emotions."""

    phase_id: str
    name: str
    before: float | None
    after: float | None

    @property
    def direction(self) -> str | None:
        """``better``, ``worse``, ``same``, or None when a side has no average."""
        if self.before is None or self.after is None:
            return None
        return (
            "better"
            if self.after > self.before
            else "worse"
            if self.after < self.before
            else "same"
        )


@dataclass(frozen=True)
class PlanPoint:
    """A point of the current curve, placed on the future map: its phase's column."""

    x: float
    y: int
    emotion: int
    name: str
    number: int
    """The touchpoint's number on the current map."""


@dataclass(frozen=True)
class Plan:
    """What a future-state map shows of the current journey it changes."""

    current: JourneyLink
    points: tuple[PlanPoint, ...]
    """The current curve, in its own journey order, under the future map's phases."""
    segments: tuple[tuple[PlanPoint, PlanPoint], ...]
    changes: Mapping[str, EmotionChange]
    """By touchpoint id, for touchpoints with an emotion in both journeys."""
    added: frozenset[str]
    """Ids of the plan's touchpoints the current journey does not have."""
    phases: tuple[PhaseChange, ...]
    """One per phase of the future map, in its order."""
    description: str
    """The current curve in words, for the SVG's ``<desc>``."""


# --- end issue 15 ---------------------------------------------------------------------


@dataclass(frozen=True)
class JourneyPage(_Page):
    persona_id: str
    key: str
    """The journey's identity and file stem: ``persona[.journey id][.future]`` (cjm.states)."""
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
    flow_lane: FlowLane | None
    """The `next` steps drawn under the curve; None when the journey has none."""
    summary: Summary
    labels: Mapping[str, str]
    words: Words
    """Counted words, numbers, percentages and dates in the page's language
    (cjm.render.labels.Words): ``words.count("touchpoints", n)``, ``words.date(d)``."""
    language: str
    index: str
    """File name of the index next to this page (``index.html``, ``index.md``)."""
    metrics_period: str | None = None
    """The period the ``metrics`` cover; None without measurements (or a period)."""
    # --- issue 15: current and future state, service blueprint ---
    current: JourneyLink | None = None
    """For a future state: the current journey it changes, when rendered with it."""
    futures: tuple[JourneyLink, ...] = ()
    """For a current state: the future states that change it."""
    plan: Plan | None = None
    """For a future state with its current journey: the current curve and the changes."""
    blueprint: tuple[tuple[str, str], ...] = ()
    """BLUEPRINT under the ``blueprint`` view (``cjm render --view blueprint``), else empty."""
    backlog: tuple[OpportunityView, ...] = ()
    """Opportunities in the backlog that link this journey or a step of it, best first."""


@dataclass(frozen=True)
class IndexEntry:
    persona_id: str
    key: str
    name: str
    segment: str
    title: str
    href: str
    model: str
    phases: int
    touchpoints: int
    summary: Summary
    # --- issue 15 ---
    state: str = "current"
    journey_id: str | None = None
    plan: Plan | None = None
    """For a future state rendered with its current journey: the planned change per phase."""


@dataclass(frozen=True)
class PersonaGroup:
    """A persona's journeys in the index: current states first, then the plans."""

    persona_id: str
    name: str
    entries: tuple[IndexEntry, ...]


@dataclass(frozen=True)
class CoverageCell:
    phase_id: str
    name: str | None
    """The journey's own name for the phase when it differs from the column's, else None."""
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
    """(id, name) of the model's phases, in order: the journeys' own name when they agree."""
    rows: tuple[CoverageRow, ...]


@dataclass(frozen=True)
class IndexPage(_Page):
    journeys: tuple[IndexEntry, ...]
    coverage: tuple[CoverageTable, ...]
    labels: Mapping[str, str]
    words: Words
    language: str
    metrics_period: str | None = None
    unclaimed: tuple[UnclaimedSource, ...] | None = None
    """Sources no touchpoint claims, largest first; None without measurements."""
    groups: tuple[PersonaGroup, ...] = ()
    """The journeys grouped by persona (issue 15), in the order of ``journeys``."""
    backlog: tuple[OpportunityView, ...] = ()
    """Every opportunity of the project, best ranked first."""
    matrix: Matrix | None = None
    """The impact × effort matrix of ``backlog``; None without opportunities."""
    score_formula: str | None = None
    """How the score is worked out (``impact ÷ effort``), from cjm.yaml."""


def _average(values: Sequence[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def build_journey(
    file: JourneyFile,
    text: Text,
    index: str,
    metrics: Metrics | None = None,
    unclaimed: Sequence[UnclaimedSource] = (),
    backlog: Sequence[OpportunityView] = (),
) -> JourneyPage:
    """The page of one valid journey (``file.journey`` and ``file.model`` are set).

    ``unclaimed`` are the measured sources no touchpoint claims, largest first: the
    summary names the first. ``backlog`` is the project's ranked opportunities: those
    linking this journey show on its cards, phases and list.
    """
    journey, model = file.journey, file.model
    assert journey is not None and model is not None, "render only journeys that loaded"
    metrics = metrics or Metrics()
    labels = labels_for(text)
    language = text.language
    names = [phase_name(entry.id, entry.name, model, text) for entry in journey.phases]
    emotions = [tp.emotion for _, _, tp in journey.touchpoints() if tp.emotion is not None]
    peak = max(emotions, default=0)
    mine = tuple(view for view in backlog if file.persona_id in view.personas())
    linked: dict[str, list[OpportunityView]] = {}
    for view in mine:
        for link in view.links:
            if link.persona_id == file.persona_id and link.step_id is not None:
                linked.setdefault(link.step_id, []).append(view)
    refs: dict[str, TouchpointRef] = {}
    for number, (_, _, tp) in enumerate(journey.touchpoints(), start=1):
        refs.setdefault(tp.id, TouchpointRef(tp.id, tp.name, number))

    count = len(journey.phases)
    rows: list[tuple[TouchpointView, ...]] = []
    number = 0
    for position, entry in enumerate(journey.phases):
        row = []
        for slot, tp in enumerate(entry.touchpoints):
            number += 1
            row.append(
                TouchpointView(
                    source=tp,
                    number=number,
                    phase_id=entry.id,
                    phase=names[position],
                    low=tp.emotion is not None and tp.emotion <= LOW_EMOTION,
                    high=tp.emotion is not None and tp.emotion == peak >= HIGH_EMOTION,
                    texts=tuple(
                        (key, said) for key in TOUCHPOINT_TEXTS if (said := getattr(tp, key))
                    ),
                    x=round((position + (slot + 0.5) / len(entry.touchpoints)) * 100 / count, 3),
                    mappings=_mappings(tp.analytics),
                    next=tuple(refs[id_] for id_ in tp.next if id_ in refs),
                    metrics=tuple(metrics.touchpoints.get(tp.id, ())),
                    backlog=tuple(dict.fromkeys(linked.get(tp.id, ()))),
                )
            )
        rows.append(tuple(row))

    averages = [_average([tp.emotion for tp in row if tp.emotion is not None]) for row in rows]
    known = [(value, i) for i, value in enumerate(averages) if value is not None]
    lowest_index = min(known)[1] if known else None
    phases = tuple(
        PhaseView(
            source=entry,
            name=names[position],
            number=position + 1,
            kpis=tuple(
                KpiView(kpi, names[position], kpi_status(kpi.target, kpi.actual, kpi.better))
                for kpi in entry.kpis
            ),
            touchpoints=row,
            pain_points=_notes(row, "pain_points", refs),
            opportunities=_notes(row, "opportunities", refs),
            emotion=averages[position],
            lowest=position == lowest_index,
            with_cta=sum(1 for tp in row if tp.cta is not None),
            metrics=tuple(metrics.phases.get(entry.id, ())),
            backlog=tuple(dict.fromkeys(linked.get(entry.id, ()))),
        )
        for position, (entry, row) in enumerate(zip(journey.phases, rows, strict=True))
    )
    touchpoints = tuple(tp for phase in phases for tp in phase.touchpoints)
    relational = journey.journey.cycle == "relational"
    flow = tuple(Edge(refs[tp.id], target) for tp in touchpoints for target in tp.next)
    return JourneyPage(
        persona_id=file.persona_id,
        key=file.key,
        title=journey.journey.title or journey.persona.name,
        persona=journey.persona,
        journey=journey.journey,
        model=model.name,
        relational=relational,
        phases=phases,
        touchpoints=touchpoints,
        lowest_phase=phases[lowest_index] if lowest_index is not None else None,
        curve=_curve(phases, relational, labels),
        flow=flow,
        flow_lane=_flow_lane(flow, touchpoints, labels) if flow else None,
        summary=_summary(phases, model, text, unclaimed),
        labels=labels,
        words=Words(text),
        language=language,
        index=index,
        metrics_period=metrics.period,
        backlog=mine,
    )


def _mappings(value: Sequence[Analytics]) -> tuple[Analytics, ...]:
    """``analytics:`` as a tuple (the model already makes one mapping a list of one)."""
    return tuple(value)


def _notes(
    row: Sequence[TouchpointView], key: str, refs: Mapping[str, TouchpointRef]
) -> tuple[Note, ...]:
    return tuple(Note(text, refs[tp.id]) for tp in row for text in getattr(tp, key))


def _summary(
    phases: Sequence[PhaseView],
    model: PhaseModel,
    text: Text,
    unclaimed: Sequence[UnclaimedSource],
) -> Summary:
    scored = [tp for phase in phases for tp in phase.touchpoints if tp.emotion is not None]
    low = min((tp.emotion for tp in scored), default=None)
    high = max((tp.emotion for tp in scored), default=None)
    present = {phase.id for phase in phases}
    missing = [
        phase_name(phase.id, None, model, text)
        for phase in model.phases
        if phase.id not in present and not phase.optional
    ]
    return Summary(
        lowest=tuple(tp for tp in scored if tp.emotion == low),
        highest=tuple(tp for tp in scored if tp.emotion == high) if high != low else (),
        behind=tuple(kpi for phase in phases for kpi in phase.kpis if kpi.status == "behind"),
        measured=sum(1 for phase in phases for kpi in phase.kpis if kpi.status != "no-data"),
        empty=tuple([phase.name for phase in phases if not phase.touchpoints] + missing),
        thin=tuple(phase.name for phase in phases if 0 < len(phase.touchpoints) < THIN_BELOW),
        unclaimed=unclaimed[0] if unclaimed else None,
    )


def _curve(phases: Sequence[PhaseView], relational: bool, labels: Mapping[str, str]) -> Curve:
    count = len(phases)
    points: list[CurvePoint] = []
    bands: list[CurveBand] = []
    for position, phase in enumerate(phases):
        bands.append(CurveBand(round(position * 100 / count, 3), round(100 / count, 3), phase))
        for tp in phase.touchpoints:
            if tp.emotion is not None:
                points.append(CurvePoint(tp.x, _y(tp.emotion), tp.emotion, tp, tp.low, tp.high))
    described = "; ".join(
        f"{point.touchpoint.number}. {point.touchpoint.name}: {point.emotion}" for point in points
    )
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


def _flow_lane(
    flow: Sequence[Edge], touchpoints: Sequence[TouchpointView], labels: Mapping[str, str]
) -> FlowLane:
    """Brackets for the `next` steps, stacked so that no two in a row overlap.

    Short steps go lowest (closest to their nodes); each step takes the lowest row
    where it overlaps no step already placed (nor touches one: they would share a
    node's bracket end). A row's steps never overlap, so kept in order of where
    they start they are in order of where they end too: the one step that could
    overlap a new one is the last that starts at or before the new one's end,
    found by bisection instead of comparing with every step in the row (issue 17).
    """
    x = {tp.number: tp.x for tp in touchpoints}
    starts: list[list[int]] = []  # per row, where its steps start, in order
    ends: list[list[int]] = []  # per row, where the same steps end
    placed: list[tuple[Edge, int]] = []
    for edge in sorted(
        flow, key=lambda e: (abs(e.target.number - e.source.number), e.source.number)
    ):
        low, high = sorted((edge.source.number, edge.target.number))
        for level, row in enumerate(starts):
            before = bisect_right(row, high)  # the steps starting at or before ``high``
            if before == 0 or ends[level][before - 1] < low:
                break
        else:
            level, before = len(starts), 0
            starts.append([])
            ends.append([])
        starts[level].insert(before, low)
        ends[level].insert(before, high)
        placed.append((edge, level))
    height = _FLOW_FIRST + len(starts) * _FLOW_STEP + 4
    arcs = tuple(
        FlowArc(
            edge,
            x[edge.source.number],
            x[edge.target.number],
            height - _FLOW_FIRST - level * _FLOW_STEP,
        )
        for edge, level in sorted(
            placed, key=lambda item: (item[0].source.number, item[0].target.number)
        )
    )
    described = "; ".join(f"{e.source.number} → {e.target.number}" for e in flow)
    return FlowLane(height, height - _FLOW_NODE, arcs, f"{labels['flow']}: {described}")


def build_index(
    pages: Sequence[JourneyPage],
    models: Mapping[str, PhaseModel],
    text: Text,
    suffix: str,
    measurements: Measurements | None = None,
    backlog: Sequence[OpportunityView] = (),
    score_formula: str | None = None,
) -> IndexPage:
    """The index over ``pages`` (sorted by journey key); ``models`` by journey key.

    ``backlog`` is the project's ranked opportunities: the index shows them as a
    list and as the impact × effort matrix.
    """
    from cjm.render.backlog import build_matrix

    language = text.language
    ordered = sorted(pages, key=lambda page: page.key)
    entries = {
        page.key: IndexEntry(
            persona_id=page.persona_id,
            key=page.key,
            name=page.persona.name,
            segment=page.persona.segment,
            title=page.title,
            href=f"{page.key}{suffix}",
            model=page.model,
            phases=len(page.phases),
            touchpoints=len(page.touchpoints),
            summary=page.summary,
            state=page.journey.state,
            journey_id=page.journey.id,
            plan=page.plan,
        )
        for page in ordered
    }
    # One matrix per phase model: journeys on different models share no columns.
    groups: dict[tuple[str, tuple[str, ...]], list[JourneyPage]] = {}
    for page in ordered:
        model = models[page.key]
        groups.setdefault((model.name, model.ids), []).append(page)
    tables = []
    for (name, _), members in groups.items():
        model = models[members[0].key]
        columns = tuple(
            (phase.id, _column_name(members, phase.id, phase_name(phase.id, None, model, text)))
            for phase in model.phases
        )
        rows = tuple(
            CoverageRow(
                entries[page.key],
                tuple(
                    _cell(page, phase.id, column, phase.optional)
                    for phase, (_, column) in zip(model.phases, columns, strict=True)
                ),
            )
            for page in members
        )
        tables.append(CoverageTable(name, columns, rows))
    return IndexPage(
        journeys=tuple(entries.values()),
        coverage=tuple(tables),
        labels=labels_for(text),
        words=Words(text),
        language=language,
        metrics_period=measurements.period if measurements is not None else None,
        unclaimed=measurements.unclaimed if measurements is not None else None,
        backlog=tuple(backlog),
        matrix=build_matrix(backlog),
        score_formula=score_formula if backlog else None,
        groups=_groups(tuple(entries.values())),
    )


def _groups(entries: Sequence[IndexEntry]) -> tuple[PersonaGroup, ...]:
    by_persona: dict[str, list[IndexEntry]] = {}
    for entry in entries:
        by_persona.setdefault(entry.persona_id, []).append(entry)
    return tuple(
        PersonaGroup(
            persona_id,
            members[0].name,
            tuple(sorted(members, key=lambda e: (e.state != "current", e.key))),
        )
        for persona_id, members in by_persona.items()
    )


def _column_name(pages: Sequence[JourneyPage], phase_id: str, default: str) -> str:
    """The journeys' own name for a phase when all that have the phase agree, else the model's."""
    names = {phase.name for page in pages for phase in page.phases if phase.id == phase_id}
    return names.pop() if len(names) == 1 else default


def _cell(page: JourneyPage, phase_id: str, column: str, optional: bool) -> CoverageCell:
    phase = next((phase for phase in page.phases if phase.id == phase_id), None)
    own = phase.name if phase is not None and phase.name != column else None
    if phase is None or not phase.touchpoints:
        state = "optional" if optional and phase is None else "empty"
        return CoverageCell(phase_id, own, 0, None, None, state)
    count = len(phase.touchpoints)
    return CoverageCell(
        phase_id,
        own,
        count,
        round(100 * phase.with_cta / count),
        phase.emotion,
        "thin" if count < THIN_BELOW else "ok",
    )
