"""A relational journey leads from its last phase back to its first.

A relational journey is a cycle: the end of one round (loyalty) is the start of
the next (a new need, a contract renewal). Say where it starts again: at least
one touchpoint of the last phase should have a ``next`` into the first phase.
Only journeys that draw their flow with ``next`` are checked (as
``docs/format.md`` says); transactional journeys, which end, are not.

Passing::

    persona:
      name: Jonge ouders
    journey:
      cycle: relational
    phases:
      - id: orientation
        touchpoints:
          - {id: blog, name: Blog, channel: website, next: [nieuwsbrief]}
      - id: loyalty
        touchpoints:
          - {id: nieuwsbrief, name: Nieuwsbrief, channel: email, next: [blog]}

Failing::

    persona:
      name: Jonge ouders
    journey:
      cycle: relational
    phases:
      - id: orientation
        touchpoints:
          - {id: blog, name: Blog, channel: website, next: [nieuwsbrief]}
      - id: loyalty
        touchpoints:
          - {id: nieuwsbrief, name: Nieuwsbrief, channel: email}
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    phases = ctx.journey.phases
    if ctx.journey.journey.cycle != "relational" or len(phases) < 2:
        return
    if not any(touchpoint.next for _, _, touchpoint in ctx.journey.touchpoints()):
        return  # a journey without a drawn flow has no arrows to close the circle with
    first = {touchpoint.id for touchpoint in phases[0].touchpoints}
    last = phases[-1]
    if not any(target in first for tp in last.touchpoints for target in tp.next):
        yield Finding(
            ("phases", len(phases) - 1),
            msg(
                "relational journey: no touchpoint of the last phase '{last}' has a 'next' "
                "into the first phase '{first}'; say where the cycle starts again",
                last=last.id,
                first=phases[0].id,
            ),
        )


rule = Rule(id="open-loop", severity=Severity.WARNING, doc=__doc__ or "", check=check)
