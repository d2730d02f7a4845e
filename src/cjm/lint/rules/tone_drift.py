"""Touchpoints speak in the journey's tone of voice.

Inconsistent communication confuses customers: the storyline has to hold across
every touchpoint, from the ad to the invoice. This rule fires when a
touchpoint's ``tone`` differs from the journey's ``tone_of_voice`` (ignoring
case and spacing). A deliberate exception, such as a formal tone for a payment
reminder, is suppressed with a comment that says why.

Passing::

    persona:
      name: Jonge ouders
    journey:
      tone_of_voice: warm, informeel
    phases:
      - id: orientation
        touchpoints:
          - {id: ad, name: Advertentie, channel: social, tone: "Warm,  informeel"}

Failing::

    persona:
      name: Jonge ouders
    journey:
      tone_of_voice: warm, informeel
    phases:
      - id: orientation
        touchpoints:
          - {id: ad, name: Advertentie, channel: social, tone: zakelijk}
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    voice = ctx.journey.journey.tone_of_voice
    if voice is None or not voice.strip():
        return
    for p, t, touchpoint in ctx.journey.touchpoints():
        if touchpoint.tone is not None and _normal(touchpoint.tone) != _normal(voice):
            yield Finding(
                ("phases", p, "touchpoints", t, "tone"),
                msg(
                    "touchpoint '{touchpoint}' has tone '{tone}', the journey's "
                    "tone of voice is '{voice}'",
                    touchpoint=touchpoint.id,
                    tone=touchpoint.tone,
                    voice=voice,
                ),
            )


rule = Rule(id="tone-drift", severity=Severity.WARNING, doc=__doc__ or "", check=check)
