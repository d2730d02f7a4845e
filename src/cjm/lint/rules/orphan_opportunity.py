"""Every opportunity links at least one journey, phase or touchpoint.

An opportunity that links nothing floats free of the maps: no badge shows
where it helps, and lint cannot tell when the step it should improve is
still low after it is done. Link the touchpoints (``persona-id/touchpoint-id``),
phases or journeys it improves.

Passing::

    # journeys/jonge-ouders.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders
    phases:
      - id: purchase
    # opportunities.yaml
    opportunities:
      - id: levertijd-vooraf
        title: Hoe kunnen we de levertijd vooraf tonen?
        links: [jonge-ouders/purchase]
        impact: 4
        effort: 2

Failing::

    # journeys/jonge-ouders.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders
    phases:
      - id: purchase
    # opportunities.yaml
    opportunities:
      - id: levertijd-vooraf
        title: Hoe kunnen we de levertijd vooraf tonen?
        impact: 4
        effort: 2
"""

from collections.abc import Iterator

from cjm.lint.rule import BacklogContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check_backlog(run: BacklogContext, options: object) -> Iterator[tuple[str, Finding]]:
    for entry in run.backlog.entries():
        if not entry.opportunity.links:
            yield (
                entry.file.path,
                Finding(
                    (*entry.path, "id"),
                    msg(
                        "opportunity '{opportunity}' links no journey, phase or touchpoint; "
                        "add 'links' such as 'persona-id/touchpoint-id'",
                        opportunity=entry.opportunity.id,
                    ),
                ),
            )


rule = Rule(
    id="orphan-opportunity",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    check_backlog=check_backlog,
)
