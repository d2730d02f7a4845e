"""Every phase has at least one touchpoint.

A phase without touchpoints is a moment where the customer is on their own:
nobody reaches them, nothing moves them on. On a map shown to a client, an
empty column is the first thing they notice. Fill the phase, or leave it out
of the journey on purpose.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: loyalty
        touchpoints:
          - id: review-mail
            name: Vraag om een review
            channel: email
            cta: Schrijf een review

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: loyalty
        goal: Vaste klant maken
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    for index, phase in enumerate(ctx.journey.phases):
        if not phase.touchpoints:
            yield Finding(
                ("phases", index), msg("phase '{phase}' has no touchpoints", phase=phase.id)
            )


rule = Rule(id="empty-phase", severity=Severity.ERROR, doc=__doc__ or "", check=check)
