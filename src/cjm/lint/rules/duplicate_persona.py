"""No two journey files are the same journey of the same persona.

A persona may have several journeys: today's (``journey.state: current``, the
default), plans (``state: future``) and scenarios told apart by ``journey.id``.
Persona id, journey id and state together name the rendered map
(``build/<persona>[.<journey id>][.future].html``) and are how ``cjm diff``
matches journeys across revisions: two files with all three alike overwrite
each other's output. Files without a persona ``id`` use their file name, so
this usually means a copied file whose ids were not changed. Checked across
all files of one run; every file after the first is reported.

Passing::

    # journeys/jonge-ouders.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders
    phases:
      - id: orientation
    # journeys/jonge-ouders-gepland.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders
    journey:
      state: future
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

from cjm.lint.rule import Gathered, JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.states import Head, Member
from cjm.text import msg
from cjm.yaml_source import NodePath


def gather(ctx: JourneyContext, options: object) -> Member:
    return Member(ctx.path, Head.of(ctx.journey))


def check_run(
    journeys: Sequence[Gathered[Member]], options: object
) -> Iterator[tuple[Gathered[Member], Finding]]:
    first: dict[str, str] = {}
    for gathered in journeys:
        member = gathered.value
        key = member.key
        if key not in first:
            first[key] = member.path
            continue
        info = member.journey.journey
        if info.id is not None:
            where: NodePath = ("journey", "id")
        elif member.journey.persona.id is not None:
            where = ("persona", "id")
        else:
            where = ("persona",)
        if info.id is not None:
            what = msg(
                "persona '{persona}', journey id '{journey}'",
                persona=member.persona_id,
                journey=info.id,
            )
        else:
            what = msg("persona '{persona}'", persona=member.persona_id)
        if info.state == "future":
            said = msg(
                "the future state of {what} is also in {path}; give this journey its own "
                "'journey: id:' (a scenario) or 'state:', or the persona its own id",
                what=what,
                path=first[key],
            )
        else:
            said = msg(
                "the current state of {what} is also in {path}; give this journey its own "
                "'journey: id:' (a scenario) or 'state:', or the persona its own id",
                what=what,
                path=first[key],
            )
        yield gathered, Finding(where, said)


rule = Rule(
    id="duplicate-persona",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    check_run=check_run,
    gather=gather,
)
