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


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    if not ctx.model.preset:
        return
    ids = list(ctx.model.ids)
    for p, phase in enumerate(ctx.journey.phases):
        if phase.id not in ids:
            meant = ctx.model.suggest(phase.id)
            hint = ""
            if meant is not None:
                known, said = meant
                name = said if said != known.id else known.name(ctx.config.language)
                hint = f" — did you mean '{known.id}' ({name})?"
            yield Finding(
                ("phases", p, "id"),
                f"phase '{phase.id}' is not in the {ctx.model.name} model{hint} "
                f"(its phases: {', '.join(ids)})",
            )


rule = Rule(id="unknown-phase", severity=Severity.ERROR, doc=__doc__ or "", check=check)
