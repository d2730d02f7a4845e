"""Phase ids are unique, and touchpoint ids are unique within the journey.

Ids are how ``next`` links touchpoints, how ``cjm diff`` matches what changed
and how rendered maps link to a touchpoint. Two touchpoints with one id make
all three ambiguous; the second one is reported. Opportunity ids are unique
across the project's opportunities files, and so are solution ids: tickets and
``cjm diff`` name them.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: google-search, name: Zoeken via Google, channel: search}
          - {id: google-ad, name: Advertentie in Google, channel: search}

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: google-search, name: Zoeken via Google, channel: search}
          - {id: google-search, name: Advertentie in Google, channel: search}
"""

from collections.abc import Iterator

from cjm.lint.rule import BacklogContext, JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import Message, msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    phases: dict[str, int] = {}
    for p, phase in enumerate(ctx.journey.phases):
        if phase.id in phases:
            yield Finding(
                ("phases", p, "id"),
                msg(
                    "phase id '{id}' is used twice (first as {first})",
                    id=phase.id,
                    first=f"phases[{phases[phase.id]}]",
                ),
            )
        phases.setdefault(phase.id, p)
    touchpoints: dict[str, str] = {}
    for p, t, touchpoint in ctx.journey.touchpoints():
        if touchpoint.id in touchpoints:
            yield Finding(
                ("phases", p, "touchpoints", t, "id"),
                msg(
                    "touchpoint id '{id}' is used twice (first in phase '{phase}')",
                    id=touchpoint.id,
                    phase=touchpoints[touchpoint.id],
                ),
            )
        touchpoints.setdefault(touchpoint.id, ctx.journey.phases[p].id)


def check_backlog(run: BacklogContext, options: object) -> Iterator[tuple[str, Finding]]:
    opportunities: dict[str, Message] = {}
    solutions: dict[str, Message] = {}
    for entry in run.backlog.entries():
        opportunity = entry.opportunity
        where = msg("{path}, opportunities[{index}]", path=entry.file.path, index=str(entry.index))
        if opportunity.id in opportunities:
            yield (
                entry.file.path,
                Finding(
                    (*entry.path, "id"),
                    msg(
                        "opportunity id '{id}' is used twice (first in {first})",
                        id=opportunity.id,
                        first=opportunities[opportunity.id],
                    ),
                ),
            )
        opportunities.setdefault(opportunity.id, where)
        for s, solution in enumerate(opportunity.solutions):
            if solution.id is None:
                continue
            if solution.id in solutions:
                yield (
                    entry.file.path,
                    Finding(
                        (*entry.path, "solutions", s, "id"),
                        msg(
                            "solution id '{id}' is used twice (first in {first})",
                            id=solution.id,
                            first=solutions[solution.id],
                        ),
                    ),
                )
            solutions.setdefault(solution.id, msg("opportunity '{id}'", id=opportunity.id))


rule = Rule(
    id="duplicate-id",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    check=check,
    check_backlog=check_backlog,
)
