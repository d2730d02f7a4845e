"""The journey goes on after the purchase.

Losing contact after the sale is the classic journey failure: the order
confirmation is the last thing the customer hears, and the use and loyalty
phases, where a customer becomes a returning one, are left empty. This rule
fires when no phase after the model's purchase phase holds a touchpoint
(models without a purchase phase are not checked).

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - {id: checkout, name: Afrekenen, channel: website}
      - id: use
        touchpoints:
          - {id: montage, name: Montagevideo, channel: video}

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - {id: checkout, name: Afrekenen, channel: website}
      - id: use
      - id: loyalty
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg
from cjm.yaml_source import NodePath


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    purchase = ctx.model.purchase_index
    if purchase is None:
        return
    purchase_id = ctx.model.ids[purchase]
    after = [
        phase
        for phase in ctx.journey.phases
        if phase.id in ctx.model.ids and ctx.model.ids.index(phase.id) > purchase
    ]
    if any(phase.touchpoints for phase in after):
        return
    where: NodePath = ("phases",)
    for index, phase in enumerate(ctx.journey.phases):
        if phase.id == purchase_id:
            where = ("phases", index)
    yield Finding(
        where,
        msg(
            "no touchpoint after the purchase phase '{phase}': add follow-up contact "
            "(delivery, use, service, loyalty) so the customer is not lost after the sale",
            phase=purchase_id,
        ),
    )


rule = Rule(id="no-follow-up", severity=Severity.WARNING, doc=__doc__ or "", check=check)
