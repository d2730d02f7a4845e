"""Every low point of the emotion curve is addressed by an opportunity.

The low points of the curve (emotion 1 or 2) are where the experience can be
improved most; a map that shows a low point without saying what to do about
it stops halfway. List at least one improvement under the touchpoint's
``opportunities``, or link it from an opportunity in ``opportunities.yaml``
(``persona-id/touchpoint-id``, or its phase): the project's backlog counts
when the run covers the journeys folder.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - id: levertijd-telefoon
            name: Bellen over de levertijd
            channel: phone
            emotion: 1
            opportunities: [Terugbelverzoek in plaats van wachtrij]

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - id: levertijd-telefoon
            name: Bellen over de levertijd
            channel: phone
            emotion: 1
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    linked = ctx.linked()
    for p, t, touchpoint in ctx.journey.touchpoints():
        low = touchpoint.emotion is not None and touchpoint.emotion <= 2
        if not low or any(item.strip() for item in touchpoint.opportunities):
            continue
        if touchpoint.id in linked or ctx.journey.phases[p].id in linked:
            continue
        yield Finding(
            ("phases", p, "touchpoints", t),
            msg(
                "touchpoint '{touchpoint}' is a low point (emotion {emotion}) "
                "but lists no opportunities to improve it, and no opportunity links it",
                touchpoint=touchpoint.id,
                emotion=touchpoint.emotion,
            ),
        )


rule = Rule(id="unaddressed-low", severity=Severity.WARNING, doc=__doc__ or "", check=check)
