"""Every phase id belongs to the journey's phase model (preset models).

The preset models (five-phase, awareness, seven-phase, four-stage,
decision-process) fix their phase ids, so rules, the rendered map and the
coverage overview line journeys up phase by phase. An id outside the model is
usually a translation (``afweging`` for ``consideration``) or a typo, so the
message suggests the phase whose id, Dutch or English name it matches. Set the
phase's display name with ``name:``; define a model of your own in cjm.yaml
when the presets do not fit. A phase reported here counts, for
``missing-phase``, as the phase it suggests: one wrong id is one problem.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        name: Oriëntatie

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientatie
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    if not ctx.model.preset:
        return
    ids = list(ctx.model.ids)
    for p, phase in enumerate(ctx.journey.phases):
        if phase.id not in ids:
            meant = ctx.model.suggest(phase.id)
            if meant is not None:
                known, said = meant
                message = msg(
                    "phase '{phase}' is not in the {model} model — did you mean "
                    "'{meant}' ({name})? (its phases: {phases})",
                    phase=phase.id,
                    model=ctx.model.name,
                    meant=known.id,
                    name=said if said != known.id else known.label,
                    phases=", ".join(ids),
                )
            else:
                message = msg(
                    "phase '{phase}' is not in the {model} model (its phases: {phases})",
                    phase=phase.id,
                    model=ctx.model.name,
                    phases=", ".join(ids),
                )
            yield Finding(("phases", p, "id"), message)


rule = Rule(id="unknown-phase", severity=Severity.ERROR, doc=__doc__ or "", check=check)
