"""A B2B persona names the buying unit: at least two decision makers.

In B2B a purchase is rarely one person's decision: the IT manager, the finance
director and the end users all have to agree, and each needs different
touchpoints. A b2b persona with fewer than two ``decision_makers`` hides that.

Passing::

    persona:
      name: IT-manager MKB
      segment: b2b
      decision_makers: [IT-manager, Financieel directeur]
    phases:
      - id: orientation

Failing::

    persona:
      name: IT-manager MKB
      segment: b2b
      decision_makers: [IT-manager]
    phases:
      - id: orientation
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import nmsg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    persona = ctx.journey.persona
    named = [name for name in persona.decision_makers if name.strip()]
    if persona.segment == "b2b" and len(named) < 2:
        where = ("persona", "decision_makers") if persona.decision_makers else ("persona",)
        yield Finding(
            where,
            nmsg(
                "b2b persona '{persona}' names {count} decision maker; list the roles in "
                "the buying unit (decision_makers) who must agree",
                "b2b persona '{persona}' names {count} decision makers; list the roles in "
                "the buying unit (decision_makers) who must agree",
                len(named),
                persona=persona.name,
            ),
        )


rule = Rule(id="b2b-buying-unit", severity=Severity.WARNING, doc=__doc__ or "", check=check)
