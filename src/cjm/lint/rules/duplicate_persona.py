"""No two journey files declare the same persona id.

The persona id names the rendered map (``build/<persona>.html``) and is how
``cjm diff`` matches journeys across revisions. Two files with one id
overwrite each other's output. Files without an ``id`` use their file name, so
this usually means a copied file whose ``id`` was not changed. Checked across
all files of one run; every file after the first is reported.

Passing::

    # journeys/jonge-ouders.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders
    phases:
      - id: orientation
    # journeys/senioren.yaml
    persona:
      id: senioren
      name: Senioren
    phases:
      - id: orientation

Failing::

    # journeys/jonge-ouders.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders
    phases:
      - id: orientation
    # journeys/jonge-ouders-kopie.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders (kopie)
    phases:
      - id: orientation
"""

from collections.abc import Iterator, Sequence
from pathlib import Path

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity


def check_run(
    contexts: Sequence[JourneyContext], options: object
) -> Iterator[tuple[JourneyContext, Finding]]:
    first: dict[str, str] = {}
    for ctx in contexts:
        declared = ctx.journey.persona.id
        persona_id = declared or Path(ctx.path).stem
        if persona_id in first:
            where = ("persona", "id") if declared else ("persona",)
            yield (
                ctx,
                Finding(where, f"persona id '{persona_id}' is also used by {first[persona_id]}"),
            )
        else:
            first[persona_id] = ctx.path


rule = Rule(id="duplicate-persona", severity=Severity.ERROR, doc=__doc__ or "", check_run=check_run)
