"""Every touchpoint the company controls has an owner.

Journeys fail in silos: the ad belongs to marketing, the delivery to logistics,
the complaint to customer service, and the customer falls between them. Every
contact moment needs a department that owns it (``owner``).

Earned touchpoints are the exception: word of mouth, a price-comparison site,
a review on a third-party site or a newspaper article happen without the
company, so nobody in it can own them, and asking for an owner there only
teaches people to ignore the rule. A touchpoint is earned when the file says
so with ``media: earned`` (the same field the map and the format use for
paid / owned / earned); the channel alone cannot tell, since a review on your
own website is owned. Give an earned touchpoint an owner anyway when someone
does answer for it (webcare replying to reviews): it is then shown as usual.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: ad, name: Advertentie, channel: social, owner: Marketing}
          - {id: vrienden, name: Tip van vrienden, channel: word of mouth, media: earned}

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
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    for p, t, touchpoint in ctx.journey.touchpoints():
        if touchpoint.media == "earned":
            continue  # no one in the company can own what others say about it
        if not (touchpoint.owner or "").strip():
            yield Finding(
                ("phases", p, "touchpoints", t),
                msg(
                    "touchpoint '{touchpoint}' has no owner: name the department responsible "
                    "(or mark a touchpoint others create 'media: earned')",
                    touchpoint=touchpoint.id,
                ),
            )


rule = Rule(id="missing-owner", severity=Severity.INFO, doc=__doc__ or "", check=check)
