"""Every ``next`` names a touchpoint of the same journey.

``next`` draws the flow between touchpoints (a customer may go from the
Instagram ad to the webshop or to the store). A ``next`` that names no
touchpoint is a broken arrow on the map, usually a typo or a renamed id.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: instagram-ad, name: Advertentie, channel: social, next: [webshop]}
          - {id: webshop, name: Webshop, channel: website}

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: instagram-ad, name: Advertentie, channel: social, next: [web-shop]}
          - {id: webshop, name: Webshop, channel: website}
"""

import difflib
from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    ids = [touchpoint.id for _, _, touchpoint in ctx.journey.touchpoints()]
    known = set(ids)
    for p, t, touchpoint in ctx.journey.touchpoints():
        for n, target in enumerate(touchpoint.next):
            if target not in known:
                close = difflib.get_close_matches(target, ids, n=1)
                if close:
                    said = msg(
                        "'next' of touchpoint '{touchpoint}' names '{target}', which is not "
                        "a touchpoint of this journey — did you mean '{close}'?",
                        touchpoint=touchpoint.id,
                        target=target,
                        close=close[0],
                    )
                else:
                    said = msg(
                        "'next' of touchpoint '{touchpoint}' names '{target}', which is not "
                        "a touchpoint of this journey",
                        touchpoint=touchpoint.id,
                        target=target,
                    )
                yield Finding(("phases", p, "touchpoints", t, "next", n), said)


rule = Rule(id="unknown-next", severity=Severity.ERROR, doc=__doc__ or "", check=check)
