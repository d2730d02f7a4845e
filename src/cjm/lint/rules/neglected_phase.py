"""The model's first and last phases get their share of touchpoints.

Companies give the first phase (orientation: where new customers are reached)
and the last phase (loyalty: where existing customers are kept) the least
attention, while the middle of the funnel gets all of it. This rule fires when
the model's first or last phase holds fewer than half as many touchpoints as
the median of the journey's other phases. (An empty phase is left to
``empty-phase``; optional phases of the model do not count as first or last.)

Passing::

    persona:
      name: Jonge ouders
    journey:
      model: four-stage
    phases:
      - id: awareness
        touchpoints:
          - {id: ad, name: Advertentie, channel: social}
          - {id: blog, name: Blog, channel: website}
      - id: consideration
        touchpoints:
          - {id: reviews, name: Reviews, channel: website}
          - {id: showroom, name: Showroom, channel: store}
      - id: decision
        touchpoints:
          - {id: checkout, name: Afrekenen, channel: website}
      - id: loyalty
        touchpoints:
          - {id: nieuwsbrief, name: Nieuwsbrief, channel: email}

Failing::

    persona:
      name: Jonge ouders
    journey:
      model: four-stage
    phases:
      - id: awareness
        touchpoints:
          - {id: ad, name: Advertentie, channel: social}
      - id: consideration
        touchpoints:
          - {id: reviews, name: Reviews, channel: website}
          - {id: showroom, name: Showroom, channel: store}
          - {id: planner, name: Kamerplanner, channel: website}
      - id: decision
        touchpoints:
          - {id: checkout, name: Afrekenen, channel: website}
          - {id: winkel, name: Winkel, channel: store}
          - {id: offerte, name: Offerte, channel: email}
      - id: loyalty
        touchpoints:
          - {id: nieuwsbrief, name: Nieuwsbrief, channel: email}
          - {id: review, name: Review, channel: email}
"""

from collections.abc import Iterator
from statistics import median

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    required = [phase for phase in ctx.model.phases if not phase.optional]
    if len(required) < 3:
        return
    ends = {required[0].id: "first", required[-1].id: "last"}
    counts = {phase.id: len(phase.touchpoints) for phase in ctx.journey.phases}
    others = [count for phase_id, count in counts.items() if phase_id not in ends]
    if not others:
        return
    middle = median(others)
    for index, phase in enumerate(ctx.journey.phases):
        count = counts[phase.id]
        if phase.id in ends and count > 0 and count < middle / 2:
            yield Finding(
                ("phases", index),
                f"phase '{phase.id}', the {ends[phase.id]} of the {ctx.model.name} model, has "
                f"{count} touchpoint{'s' if count != 1 else ''} against a median of {middle:g} "
                "in the other phases; this is where customers are won and kept",
            )


rule = Rule(id="neglected-phase", severity=Severity.WARNING, doc=__doc__ or "", check=check)
