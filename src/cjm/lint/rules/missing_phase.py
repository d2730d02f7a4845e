"""Every phase of the model that is not optional appears in the journey.

A journey that skips a phase of its model hides a part of the customer's road:
most often the loyalty phase, where existing customers are kept. Optional
phases (the awareness model's latent need, the seven-phase model's
out-of-market) may be left out. A phase whose id is not in the model but
which ``unknown-phase`` recognises (``afweging`` for ``consideration``) counts
as present: the wrong id is reported once, there.

Passing::

    journey:
      model: four-stage
    persona:
      name: IT-manager
    phases:
      - id: awareness
      - id: consideration
      - id: decision
      - id: loyalty

Failing::

    journey:
      model: four-stage
    persona:
      name: IT-manager
    phases:
      - id: awareness
      - id: consideration
      - id: decision
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    present = {phase.id for phase in ctx.journey.phases}
    for phase_id in present - set(ctx.model.ids):
        meant = ctx.model.suggest(phase_id) if ctx.model.preset else None
        if meant is not None:
            present.add(meant[0].id)
    for phase in ctx.model.phases:
        if not phase.optional and phase.id not in present:
            yield Finding(
                ("phases",),
                msg(
                    "phase '{phase}' ({name}) of the {model} model is missing",
                    phase=phase.id,
                    name=phase.label,
                    model=ctx.model.name,
                ),
                key=True,
            )


rule = Rule(id="missing-phase", severity=Severity.WARNING, doc=__doc__ or "", check=check)
