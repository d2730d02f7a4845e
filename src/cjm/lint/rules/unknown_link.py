"""Every link of an opportunity names a journey, touchpoint or phase that exists.

An opportunity links what it improves as ``persona-id/touchpoint-id``,
``persona-id/phase-id`` or ``persona-id`` (the whole journey). A link that
names nothing is a broken promise: the map shows no badge, ``unaddressed-low``
and ``done-but-still-low`` cannot see the step, usually after a renamed id.
Reported at the link in ``opportunities.yaml``; checked when the run covers
the project's journeys folder (``cjm lint`` without paths, or that folder).

Passing::

    # journeys/jonge-ouders.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - {id: levertijd, name: Levertijd zoeken, channel: website}
    # opportunities.yaml
    opportunities:
      - id: levertijd-vooraf
        title: Hoe kunnen we de levertijd vooraf tonen?
        links: [jonge-ouders/levertijd, jonge-ouders/purchase, jonge-ouders]
        impact: 4
        effort: 2

Failing::

    # journeys/jonge-ouders.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - {id: levertijd, name: Levertijd zoeken, channel: website}
    # opportunities.yaml
    opportunities:
      - id: levertijd-vooraf
        title: Hoe kunnen we de levertijd vooraf tonen?
        links: [jonge-ouders/levertijden]
        impact: 4
        effort: 2
"""

from collections.abc import Iterator

from cjm.backlog.links import unresolved
from cjm.lint.rule import BacklogContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check_backlog(run: BacklogContext, options: object) -> Iterator[tuple[str, Finding]]:
    steps = run.steps
    for entry in run.backlog.entries():
        for n, link in enumerate(entry.opportunity.links):
            if steps.resolve(link) is None:
                why = unresolved(link, steps.journeys)
                message = msg(
                    "opportunity '{opportunity}': {why}", opportunity=entry.opportunity.id, why=why
                )
                yield entry.file.path, Finding((*entry.path, "links", n), message)


rule = Rule(
    id="unknown-link", severity=Severity.ERROR, doc=__doc__ or "", check_backlog=check_backlog
)
