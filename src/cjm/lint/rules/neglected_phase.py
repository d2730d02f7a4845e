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

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import nmsg


def _median(counts: list[int]) -> float:
    """As statistics.median gives it (the middle count, or the mean of the two middle
    ones); written out so that a lint does not import statistics for one call."""
    ordered = sorted(counts)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    required = [phase for phase in ctx.model.phases if not phase.optional]
    if len(required) < 3:
        return
    ends = {required[0].id: True, required[-1].id: False}
    counts = {phase.id: len(phase.touchpoints) for phase in ctx.journey.phases}
    others = [count for phase_id, count in counts.items() if phase_id not in ends]
    if not others:
        return
    middle = _median(others)
    for index, phase in enumerate(ctx.journey.phases):
        count = counts[phase.id]
        if phase.id in ends and count > 0 and count < middle / 2:
            # The median as written (2 or 2.5): a value of the sentence, plain in every language.
            typical = f"{middle:g}"
            if ends[phase.id]:
                said = nmsg(
                    "phase '{phase}', the first of the {model} model, has {count} touchpoint "
                    "against a median of {median} in the other phases; this is where "
                    "customers are won and kept",
                    "phase '{phase}', the first of the {model} model, has {count} touchpoints "
                    "against a median of {median} in the other phases; this is where "
                    "customers are won and kept",
                    count,
                    phase=phase.id,
                    model=ctx.model.name,
                    median=typical,
                )
            else:
                said = nmsg(
                    "phase '{phase}', the last of the {model} model, has {count} touchpoint "
                    "against a median of {median} in the other phases; this is where "
                    "customers are won and kept",
                    "phase '{phase}', the last of the {model} model, has {count} touchpoints "
                    "against a median of {median} in the other phases; this is where "
                    "customers are won and kept",
                    count,
                    phase=phase.id,
                    model=ctx.model.name,
                    median=typical,
                )
            yield Finding(("phases", index), said)


rule = Rule(id="neglected-phase", severity=Severity.WARNING, doc=__doc__ or "", check=check)
