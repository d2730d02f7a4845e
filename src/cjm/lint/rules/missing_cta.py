"""Every touchpoint carries a call to action.

A touchpoint should move the customer to the next step: "download de
checklist", "plan een showroombezoek". Without a CTA the contact moment is a
dead end. A bare string is enough: ``cta: Bel ons``.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - id: instagram-ad
            name: Advertentie op Instagram
            channel: social
            cta: Bekijk de collectie

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - id: instagram-ad
            name: Advertentie op Instagram
            channel: social
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    for p, t, touchpoint in ctx.journey.touchpoints():
        if touchpoint.cta is None:
            yield Finding(
                ("phases", p, "touchpoints", t),
                msg(
                    "touchpoint '{touchpoint}' has no call to action (cta)",
                    touchpoint=touchpoint.id,
                ),
            )


rule = Rule(id="missing-cta", severity=Severity.WARNING, doc=__doc__ or "", check=check)
