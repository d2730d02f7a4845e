"""Every phase names at least one KPI.

A great journey map names a KPI for each stage: sessions in orientation,
showroom appointments in consideration, conversion at the purchase, repeat
purchases in loyalty. Without one nobody can tell whether a change to the
journey made it better.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        kpis:
          - {name: Organische sessies, target: 5000}

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    for index, phase in enumerate(ctx.journey.phases):
        if not phase.kpis:
            yield Finding(
                ("phases", index),
                msg("phase '{phase}' has no KPIs: how will you measure it?", phase=phase.id),
            )


rule = Rule(id="missing-kpi", severity=Severity.INFO, doc=__doc__ or "", check=check)
