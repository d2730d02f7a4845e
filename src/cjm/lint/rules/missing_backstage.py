"""In a service blueprint, every owned touchpoint says what happens backstage.

A blueprint shows what the company does behind each touchpoint; a touchpoint
that a department owns but whose ``backstage`` lane is empty leaves the
blueprint with a hole exactly where the team needs to act. The rule applies
to blueprint projects only: journeys that use a blueprint lane
(``frontstage``, ``backstage`` or ``support``), or every journey when
``cjm.yaml`` renders the blueprint (``render: {view: blueprint}``). Off by
default: turn it on with ``rules: {missing-backstage: info}`` in cjm.yaml.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - id: levering
            name: Levering aan huis
            channel: delivery
            owner: Logistiek
            backstage: [Route plannen, Kast picken]

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - id: bestelling
            name: Bestelling plaatsen
            channel: website
            owner: E-commerce
            frontstage: Bevestigingsmail
          - id: levering
            name: Levering aan huis
            channel: delivery
            owner: Logistiek
            backstage: [Route plannen, Kast picken]
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg

LANES = ("frontstage", "backstage", "support")


def _blueprint(ctx: JourneyContext) -> bool:
    if ctx.config.settings.render.view == "blueprint":
        return True
    return any(getattr(tp, lane) for _, _, tp in ctx.journey.touchpoints() for lane in LANES)


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    if not _blueprint(ctx):
        return
    for p, t, touchpoint in ctx.journey.touchpoints():
        if (touchpoint.owner or "").strip() and not any(s.strip() for s in touchpoint.backstage):
            yield Finding(
                ("phases", p, "touchpoints", t, "owner"),
                msg(
                    "touchpoint '{touchpoint}' is owned by {owner} but says nothing "
                    "backstage: what does the team do out of the customer's sight?",
                    touchpoint=touchpoint.id,
                    owner=touchpoint.owner,
                ),
            )


rule = Rule(
    id="missing-backstage", severity=Severity.INFO, doc=__doc__ or "", check=check, enabled=False
)
