"""The opportunities file format, version 1, as pydantic models.

The conventions of :mod:`cjm.models` hold: unknown keys are errors except
``x-`` keys (kept in ``extensions``), and a number where text is expected is text.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from cjm.models import Node, Slug

__all__ = ["LINK_PATTERN", "STATUSES", "OpportunitiesFile", "Opportunity", "Solution"]

STATUSES = ("idea", "planned", "in-progress", "done", "dropped")
"""An opportunity's statuses, in the order work goes through them."""

Status = Literal["idea", "planned", "in-progress", "done", "dropped"]

LINK_PATTERN = r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?$"
"""``persona-id`` (a whole journey) or ``persona-id/step-id`` (a touchpoint or a phase)."""


def _one_to_five(value: object) -> object:
    from cjm.models import custom_error, describe
    from cjm.text import msg

    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise custom_error(
            "one_to_five",
            msg("must be a whole number from 1 (low) to 5 (high), got {got}", got=describe(value)),
        )
    return value


OneToFive = Annotated[int, BeforeValidator(_one_to_five), Field(ge=1, le=5)]


def _link(value: object) -> object:
    import re

    from cjm.models import custom_error, describe
    from cjm.text import msg

    if not isinstance(value, str) or not re.match(LINK_PATTERN, value):
        raise custom_error(
            "link",
            msg(
                "must be 'persona-id' or 'persona-id/step-id' (a touchpoint or phase id, "
                "like 'jonge-ouders/levering'), got {got}",
                got=describe(value),
            ),
        )
    return value


Link = Annotated[str, BeforeValidator(_link), Field(pattern=LINK_PATTERN)]


class Solution(Node):
    """A concrete piece of work that carries an opportunity out, such as a ticket."""

    id: Slug | None = None
    title: str
    status: Status = "idea"
    url: str | None = None
    owner: str | None = None


class Opportunity(Node):
    """One "How might we ..." with what it links, its value and its state."""

    id: Slug
    title: str
    """The "How might we ..." sentence."""
    problem: str | None = None
    links: list[Link] = Field(default_factory=list)
    impact: OneToFive
    effort: OneToFive
    status: Status = "idea"
    owner: str | None = None
    kpis: list[str] = Field(default_factory=list)
    """Names of the KPIs (in the linked journeys) it should move."""
    solutions: list[Solution] = Field(default_factory=list)


class OpportunitiesFile(Node):
    """A whole opportunities file."""

    version: Literal[1] = 1
    opportunities: list[Opportunity] = Field(default_factory=list)
