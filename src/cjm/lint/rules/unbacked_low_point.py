"""A low point or a pain point rests on evidence, not on an assumption alone.

The steps that hurt are where the team will spend its money. A touchpoint with
emotion 1 or 2, or with pain points, should say what it rests on: an
``evidence`` entry (an interview, a survey, analytics, support tickets, ...) or
a ``confidence`` above ``assumption``. Without either the map's sharpest claim
is a guess, and the workshop's loudest voice wins.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - id: levertijd
            name: Levertijd zoeken
            channel: website
            emotion: 1
            evidence:
              - kind: interview
                source: Interview 3, moeder van een tweeling
                quote: Ik kon nergens vinden wanneer het bedje zou komen.

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - id: levertijd
            name: Levertijd zoeken
            channel: website
            emotion: 1
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    for p, t, touchpoint in ctx.journey.touchpoints():
        low = touchpoint.emotion is not None and touchpoint.emotion <= 2
        hurts = any(item.strip() for item in touchpoint.pain_points)
        if (low or hurts) and touchpoint.level == "assumption":
            if low:
                said = msg(
                    "touchpoint '{touchpoint}' is a low point (emotion {emotion}) but rests on "
                    "assumptions only: add 'evidence' (an interview, survey, analytics, ...) "
                    "or set 'confidence'",
                    touchpoint=touchpoint.id,
                    emotion=touchpoint.emotion,
                )
            else:
                said = msg(
                    "touchpoint '{touchpoint}' has pain points but rests on assumptions only: "
                    "add 'evidence' (an interview, survey, analytics, ...) or set 'confidence'",
                    touchpoint=touchpoint.id,
                )
            yield Finding(("phases", p, "touchpoints", t), said)


rule = Rule(id="unbacked-low-point", severity=Severity.WARNING, doc=__doc__ or "", check=check)
