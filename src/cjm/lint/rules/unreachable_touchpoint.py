"""In a journey drawn with ``next``, every later touchpoint can be reached.

Once a journey uses ``next`` to draw the flow, a touchpoint outside the first
phase that no ``next`` leads to is a dead entry: the customer appears there
from nowhere. Usually a ``next`` was forgotten or points at an old id.
Touchpoints of the first phase are where customers enter, so they need none.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: ad, name: Advertentie, channel: social, next: [webshop]}
      - id: consideration
        touchpoints:
          - {id: webshop, name: Webshop, channel: website}

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: ad, name: Advertentie, channel: social, next: [webshop]}
      - id: consideration
        touchpoints:
          - {id: webshop, name: Webshop, channel: website}
          - {id: reviews, name: Reviews, channel: website}
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    touchpoints = ctx.journey.touchpoints()
    reached = {
        target
        for _, _, touchpoint in touchpoints
        for target in touchpoint.next
        if target != touchpoint.id  # a loop onto itself does not lead anyone there
    }
    if not any(touchpoint.next for _, _, touchpoint in touchpoints):
        return
    for p, t, touchpoint in touchpoints:
        if p > 0 and touchpoint.id not in reached:
            yield Finding(
                ("phases", p, "touchpoints", t),
                msg(
                    "no 'next' leads to touchpoint '{touchpoint}' in phase '{phase}'; "
                    "add it to the 'next' of the touchpoint before it",
                    touchpoint=touchpoint.id,
                    phase=ctx.journey.phases[p].id,
                ),
            )


rule = Rule(id="unreachable-touchpoint", severity=Severity.WARNING, doc=__doc__ or "", check=check)
