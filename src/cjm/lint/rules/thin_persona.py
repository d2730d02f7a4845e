"""The persona has goals and pain points.

A journey is drawn for someone: what the persona wants to achieve and what gets
in their way are what every touchpoint answers to. A journey without a
persona's needs is a sales funnel.

Passing::

    persona:
      name: Jonge ouders
      goals: [Een veilige kinderkamer voor de geboorte]
      pain_points: [Weinig tijd naast werk en verhuizing]
    phases:
      - id: orientation

Failing::

    persona:
      name: Jonge ouders
      goals: [Een veilige kinderkamer voor de geboorte]
    phases:
      - id: orientation
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    persona = ctx.journey.persona
    missing = [
        label
        for label, values in (("goals", persona.goals), ("pain points", persona.pain_points))
        if not any(value.strip() for value in values)
    ]
    if missing:
        yield Finding(
            ("persona",),
            f"persona '{persona.name}' has no {' and no '.join(missing)}: "
            "say what the persona wants and what gets in the way",
        )


rule = Rule(id="thin-persona", severity=Severity.WARNING, doc=__doc__ or "", check=check)
