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
from typing import NamedTuple

from cjm.lint.rule import Gathered, JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.states import Head, Member, Run, based_on
from cjm.text import msg


class Low(NamedTuple):
    """A journey's identity and its (first) lowest touchpoint, if any has an emotion."""

    member: Member
    emotion: int | None
    phase: int = 0
    touchpoint: int = 0
    id: str = ""


def gather(ctx: JourneyContext, options: object) -> Low:
    member = Member(ctx.path, Head.of(ctx.journey))
    touchpoints = ctx.journey.touchpoints()
    lowest = min((tp.emotion for _, _, tp in touchpoints if tp.emotion), default=None)
    if lowest is None:
        return Low(member, None)
    # At the (first) lowest touchpoint: that is what to look at again.
    p, t, low = next(item for item in touchpoints if item[2].emotion == lowest)
    return Low(member, lowest, p, t, low.id)


def check_run(
    journeys: Sequence[Gathered[Low]], options: object
) -> Iterator[tuple[Gathered[Low], Finding]]:
    run = Run([gathered.value.member for gathered in journeys])
    lows = {id(gathered.value.member): gathered.value for gathered in journeys}
    for gathered in journeys:
        plan = gathered.value
        if plan.member.journey.journey.state != "future":
            continue
        current = based_on(plan.member, run).target
        if current is None:
            continue
        now = lows[id(current)].emotion
        if now is None or plan.emotion is None or plan.emotion > now:
            continue
        yield (
            gathered,
            Finding(
                ("phases", plan.phase, "touchpoints", plan.touchpoint, "emotion"),
                msg(
                    "the plan does not lift the low point: its lowest emotion is {planned} "
                    "('{touchpoint}'), the current journey's ({path}) is {now}",
                    planned=plan.emotion,
                    touchpoint=plan.id,
                    path=current.path,
                    now=now,
                ),
            ),
        )


rule = Rule(
    id="unlifted-low",
    severity=Severity.INFO,
    doc=__doc__ or "",
    check_run=check_run,
    gather=gather,
)
