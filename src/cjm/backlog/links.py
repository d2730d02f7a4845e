"""What an opportunity's link points at: a journey, a phase or a touchpoint.

A link is ``persona-id`` (the whole journey) or ``persona-id/step-id``, where the
step is a touchpoint id or, when no touchpoint has that id, a phase id. A persona
may have several journeys (a future state, scenarios): a link names the journey
of today, its current state without a journey id (see :func:`linkable`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

from cjm.models import Journey, PhaseEntry, Touchpoint
from cjm.text import Message, msg

__all__ = ["LinkTarget", "Steps", "linkable", "linked_touchpoints", "resolve", "unresolved"]


def linkable(journeys: Iterable[tuple[str, Journey]]) -> dict[str, Journey]:
    """The journey each persona's links point at, from ``(persona id, journey)`` pairs.

    An opportunity is about what customers meet today, so the current state wins
    over a plan, and the persona's main journey over a scenario with a journey id;
    between equals the first given (files come sorted) wins.
    """
    chosen: dict[str, tuple[tuple[bool, bool], Journey]] = {}
    for persona, journey in journeys:
        rank = (journey.journey.state != "current", journey.journey.id is not None)
        if persona not in chosen or rank < chosen[persona][0]:
            chosen[persona] = (rank, journey)
    return {persona: journey for persona, (_, journey) in chosen.items()}


class LinkTarget(NamedTuple):
    persona: str
    kind: Literal["journey", "phase", "touchpoint"]
    phase: PhaseEntry | None = None
    touchpoint: Touchpoint | None = None


def _split(link: str) -> tuple[str, str | None]:
    persona, _, step = link.partition("/")
    return persona, step or None


class Steps:
    """Every step of ``journeys`` by persona and id, indexed once: resolving a link is
    a lookup, so checking a backlog stays linear in its links and the journeys."""

    def __init__(self, journeys: Mapping[str, Journey]) -> None:
        self.journeys = journeys
        self._index: dict[str, dict[str, LinkTarget]] = {}

    def _steps(self, persona: str, journey: Journey) -> dict[str, LinkTarget]:
        steps = self._index.get(persona)
        if steps is None:
            steps = {}
            # Touchpoint ids win over phase ids: the first of each id counts.
            for phase in journey.phases:
                for touchpoint in phase.touchpoints:
                    steps.setdefault(
                        touchpoint.id, LinkTarget(persona, "touchpoint", phase, touchpoint)
                    )
            for phase in journey.phases:
                steps.setdefault(phase.id, LinkTarget(persona, "phase", phase))
            self._index[persona] = steps
        return steps

    def resolve(self, link: str) -> LinkTarget | None:
        """The step ``link`` names, or None."""
        persona, step = _split(link)
        journey = self.journeys.get(persona)
        if journey is None:
            return None
        if step is None:
            return LinkTarget(persona, "journey")
        return self._steps(persona, journey).get(step)


def resolve(link: str, journeys: Mapping[str, Journey] | Steps) -> LinkTarget | None:
    """The step ``link`` names in ``journeys`` (by persona id), or None."""
    steps = journeys if isinstance(journeys, Steps) else Steps(journeys)
    return steps.resolve(link)


def unresolved(link: str, journeys: Mapping[str, Journey]) -> Message:
    """Why ``link`` points nowhere, with the closest name that exists."""
    persona, step = _split(link)
    journey = journeys.get(persona)
    if journey is None:
        close = difflib.get_close_matches(persona, sorted(journeys), n=1)
        if close:
            return msg(
                "link '{link}' names no journey: there is no persona '{persona}' — did you "
                "mean '{close}'?",
                link=link,
                persona=persona,
                close=close[0],
            )
        return msg(
            "link '{link}' names no journey: there is no persona '{persona}'",
            link=link,
            persona=persona,
        )
    steps = [tp.id for _, _, tp in journey.touchpoints()] + [phase.id for phase in journey.phases]
    close = difflib.get_close_matches(step or "", steps, n=1)
    if close:
        return msg(
            "link '{link}': journey '{persona}' has no touchpoint or phase '{step}' — did you "
            "mean '{close}'?",
            link=link,
            persona=persona,
            step=step,
            close=f"{persona}/{close[0]}",
        )
    return msg(
        "link '{link}': journey '{persona}' has no touchpoint or phase '{step}'",
        link=link,
        persona=persona,
        step=step,
    )


def linked_touchpoints(
    links: Iterable[str], journeys: Mapping[str, Journey] | Steps
) -> list[tuple[str, Touchpoint]]:
    """The touchpoints ``links`` name (a phase link names none: it is about the whole phase)."""
    steps = journeys if isinstance(journeys, Steps) else Steps(journeys)
    found = []
    for link in links:
        target = steps.resolve(link)
        if target is not None and target.touchpoint is not None:
            found.append((target.persona, target.touchpoint))
    return found
