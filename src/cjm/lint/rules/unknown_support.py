"""Every support system has one name across the journeys.

The support lane of a service blueprint names the processes and systems
behind a touchpoint (CRM, ERP, a delivery partner). An overview of what a
system carries, or of what changes when it is replaced, needs one spelling
per system: ``Salesforce`` next to ``SalesForce`` splits one in two. With a
``systems:`` list in cjm.yaml (``rules: {unknown-support: {systems: [...]}}``)
every ``support`` entry must come from it; without one, an entry within edit
distance 2 of one used more often across all journeys of the run is taken for
a typo. The message suggests the closest name, as ``unknown-channel`` does.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - {id: bestelling, name: Bestelling, channel: website, support: [Magento, SAP]}
          - {id: factuur, name: Factuur, channel: email, support: [SAP, Magento]}
          - {id: levering, name: Levering, channel: delivery, support: [Magento, PostNL]}

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - {id: bestelling, name: Bestelling, channel: website, support: [Magento, SAP]}
          - {id: factuur, name: Factuur, channel: email, support: [SAP, Magento]}
          - {id: levering, name: Levering, channel: delivery, support: [Magneto, PostNL]}
"""

from collections.abc import Iterator, Sequence

from cjm.lint.rule import JourneyContext, Rule, RuleOptions
from cjm.lint.vocabulary import SUPPORT, Use, Uses, gathered, vocabulary_findings
from cjm.problems import Finding, Severity


class Options(RuleOptions):
    systems: list[str] | None = None
    """The project's support processes and systems; without it, likely typos are looked for."""


def _uses(ctx: JourneyContext) -> Iterator[Use]:
    for p, t, touchpoint in ctx.journey.touchpoints():
        for index, system in enumerate(touchpoint.support):
            yield ("phases", p, "touchpoints", t, "support", index), system


def gather(ctx: JourneyContext, options: Options) -> tuple[Use, ...]:
    return gathered(_uses(ctx))


def check_run(journeys: Sequence[Uses], options: Options) -> Iterator[tuple[Uses, Finding]]:
    return vocabulary_findings(journeys, options.systems, SUPPORT)


rule = Rule(
    id="unknown-support",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    check_run=check_run,
    gather=gather,
    options=Options,
)
