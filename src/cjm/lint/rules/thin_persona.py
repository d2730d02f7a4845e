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
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    persona = ctx.journey.persona
    goals = any(value.strip() for value in persona.goals)
    pains = any(value.strip() for value in persona.pain_points)
    if not goals and not pains:
        said = msg(
            "persona '{persona}' has no goals and no pain points: "
            "say what the persona wants and what gets in the way",
            persona=persona.name,
        )
    elif not goals:
        said = msg(
            "persona '{persona}' has no goals: say what the persona wants and what gets in the way",
            persona=persona.name,
        )
    elif not pains:
        said = msg(
            "persona '{persona}' has no pain points: "
            "say what the persona wants and what gets in the way",
            persona=persona.name,
        )
    else:
        return
    yield Finding(("persona",), said)


rule = Rule(id="thin-persona", severity=Severity.WARNING, doc=__doc__ or "", check=check)
