"""Every low point of the emotion curve lists opportunities.

The low points of the curve (emotion 1 or 2) are where the experience can be
improved most; a map that shows a low point without saying what to do about
it stops halfway. List at least one improvement under ``opportunities``.

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


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    for p, t, touchpoint in ctx.journey.touchpoints():
        low = touchpoint.emotion is not None and touchpoint.emotion <= 2
        if low and not any(item.strip() for item in touchpoint.opportunities):
            yield Finding(
                ("phases", p, "touchpoints", t),
                f"touchpoint '{touchpoint.id}' is a low point (emotion {touchpoint.emotion}) "
                "but lists no opportunities to improve it",
            )


rule = Rule(id="unaddressed-low", severity=Severity.WARNING, doc=__doc__ or "", check=check)
