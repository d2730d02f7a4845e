"""Every touchpoint has an owner.

Journeys fail in silos: the ad belongs to marketing, the delivery to logistics,
the complaint to customer service, and the customer falls between them. Every
contact moment needs a department that owns it (``owner``).

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: ad, name: Advertentie, channel: social, owner: Marketing}

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: ad, name: Advertentie, channel: social}
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    for p, t, touchpoint in ctx.journey.touchpoints():
        if not (touchpoint.owner or "").strip():
            yield Finding(
                ("phases", p, "touchpoints", t),
                f"touchpoint '{touchpoint.id}' has no owner: name the department responsible",
            )


rule = Rule(id="missing-owner", severity=Severity.INFO, doc=__doc__ or "", check=check)
