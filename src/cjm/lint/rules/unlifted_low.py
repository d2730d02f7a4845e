"""A future state lifts the current journey's lowest point.

The low point of today's emotion curve is where customers drop out or call
in anger; a plan (``journey.state: future``) that leaves it as low as it is,
or lower, does not address what hurts most. The plan's lowest emotion is
compared with the lowest emotion of the current journey it is based on (see
``based_on``); both need emotions. Reported at the plan's first touchpoint
with its lowest emotion. Advice, not an error: sometimes a plan works
elsewhere first.

Passing::

    # journeys/jonge-ouders.yaml
    persona: {id: jonge-ouders, name: Jonge ouders}
    phases:
      - id: purchase
        touchpoints:
          - {id: levertijd, name: Levertijd, channel: phone, emotion: 1}
    # journeys/jonge-ouders-gepland.yaml
    persona: {id: jonge-ouders, name: Jonge ouders}
    journey: {state: future}
    phases:
      - id: purchase
        touchpoints:
          - {id: levertijd, name: Levertijd, channel: web, emotion: 3}

Failing::

    # journeys/jonge-ouders.yaml
    persona: {id: jonge-ouders, name: Jonge ouders}
    phases:
      - id: purchase
        touchpoints:
          - {id: levertijd, name: Levertijd, channel: phone, emotion: 2}
    # journeys/jonge-ouders-gepland.yaml
    persona: {id: jonge-ouders, name: Jonge ouders}
    journey: {state: future}
    phases:
      - id: purchase
        touchpoints:
          - {id: levertijd, name: Levertijd, channel: phone, emotion: 2}
"""

from collections.abc import Iterator, Sequence

from cjm.lint.rule import JourneyContext, Rule
from cjm.models import Journey
from cjm.problems import Finding, Severity
from cjm.states import Member, Run, based_on
from cjm.text import msg


def _lowest(journey: Journey) -> int | None:
    return min((tp.emotion for _, _, tp in journey.touchpoints() if tp.emotion), default=None)


def check_run(
    contexts: Sequence[JourneyContext], options: object
) -> Iterator[tuple[JourneyContext, Finding]]:
    members = [Member(ctx.path, ctx.journey) for ctx in contexts]
    run = Run(members)
    for ctx, member in zip(contexts, members, strict=True):
        if ctx.journey.journey.state != "future":
            continue
        current = based_on(member, run).target
        if current is None:
            continue
        now, planned = _lowest(current.journey), _lowest(ctx.journey)
        if now is None or planned is None or planned > now:
            continue
        # At the plan's (first) lowest touchpoint: that is what to look at again.
        p, t, low = next(item for item in ctx.journey.touchpoints() if item[2].emotion == planned)
        yield (
            ctx,
            Finding(
                ("phases", p, "touchpoints", t, "emotion"),
                msg(
                    "the plan does not lift the low point: its lowest emotion is {planned} "
                    "('{touchpoint}'), the current journey's ({path}) is {now}",
                    planned=planned,
                    touchpoint=low.id,
                    path=current.path,
                    now=now,
                ),
            ),
        )


rule = Rule(id="unlifted-low", severity=Severity.INFO, doc=__doc__ or "", check_run=check_run)
