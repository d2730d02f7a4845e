"""Current and future state on the map: link a persona's journeys, draw today beside the plan.

A future-state page gets the current journey it changes (paired by
:func:`cjm.states.based_on`, as lint pairs them) as a :class:`~cjm.render.context.Plan`:
the current emotion curve placed under the future map's phase columns, the change
in emotion per touchpoint where the ids match, and the change per phase. A
current-state page gets links to its plans. Pages of journeys that are not in the
same render are left as they are.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from itertools import pairwise

from cjm.render.context import (
    EmotionChange,
    JourneyLink,
    JourneyPage,
    PhaseChange,
    Plan,
    PlanPoint,
    _y,
)
from cjm.states import Member, Run, based_on

__all__ = ["link_states"]


def link_states(
    pages: Sequence[JourneyPage], members: Mapping[str, Member], suffix: str
) -> list[JourneyPage]:
    """``pages`` with their ``current``, ``futures`` and ``plan``; ``members`` by journey key."""
    by_key = {page.key: page for page in pages}
    run = Run(list(members.values()))
    current_of: dict[str, str] = {}
    for page in pages:
        if page.journey.state != "future":
            continue
        target = based_on(members[page.key], run).target
        if target is not None and target.key in by_key:
            current_of[page.key] = target.key
    futures: dict[str, list[str]] = {}
    for future, current in current_of.items():
        futures.setdefault(current, []).append(future)
    linked = []
    for page in pages:
        if page.key in current_of:
            before = by_key[current_of[page.key]]
            link = _link(before, suffix)
            page = dataclasses.replace(page, current=link, plan=_plan(page, before, link))
        elif page.key in futures:
            links = tuple(_link(by_key[key], suffix) for key in sorted(futures[page.key]))
            page = dataclasses.replace(page, futures=links)
        linked.append(page)
    return linked


def _link(page: JourneyPage, suffix: str) -> JourneyLink:
    return JourneyLink(
        page.key, page.title, f"{page.key}{suffix}", page.journey.state, page.journey.id
    )


def _plan(future: JourneyPage, current: JourneyPage, link: JourneyLink) -> Plan:
    bands = {band.phase.id: band for band in future.curve.bands}
    points: list[PlanPoint] = []
    for phase in current.phases:
        band = bands.get(phase.id)
        if band is None:
            continue  # a phase the plan drops has no column to be drawn in
        count = len(phase.touchpoints)
        for slot, tp in enumerate(phase.touchpoints):
            if tp.emotion is None:
                continue
            x = round(band.x + (slot + 0.5) * band.width / count, 3)
            points.append(PlanPoint(x, _y(tp.emotion), tp.emotion, tp.name, tp.number))
    before = {tp.id: tp.emotion for tp in current.touchpoints if tp.emotion is not None}
    changes = {
        tp.id: EmotionChange(before[tp.id], tp.emotion)
        for tp in future.touchpoints
        if tp.emotion is not None and tp.id in before
    }
    averages = {phase.id: phase.emotion for phase in current.phases}
    phases = tuple(
        PhaseChange(phase.id, phase.name, averages.get(phase.id), phase.emotion)
        for phase in future.phases
    )
    described = "; ".join(f"{point.number}. {point.name}: {point.emotion}" for point in points)
    return Plan(
        current=link,
        points=tuple(points),
        segments=tuple(pairwise(points)),
        changes=changes,
        added=frozenset(tp.id for tp in future.touchpoints) - {tp.id for tp in current.touchpoints},
        phases=phases,
        description=f"{future.labels['curve_now']}: {described}".strip(),
    )
