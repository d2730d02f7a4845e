"""An opportunity marked done no longer links a low point.

"Evaluate, monitor, adjust": when the work behind an opportunity is done, the
touchpoints it linked should feel better, and the map should say so. A ``done``
opportunity whose linked touchpoint still scores emotion 1 or 2 means either
the map was not updated after re-measuring, or the solution did not work and
the opportunity is not done. Reported at the opportunity's ``status``.

Passing::

    # journeys/jonge-ouders.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - {id: levertijd, name: Levertijd zoeken, channel: website, emotion: 4}
    # opportunities.yaml
    opportunities:
      - id: levertijd-vooraf
        title: Hoe kunnen we de levertijd vooraf tonen?
        links: [jonge-ouders/levertijd]
        impact: 4
        effort: 2
        status: done

Failing::

    # journeys/jonge-ouders.yaml
    persona:
      id: jonge-ouders
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - {id: levertijd, name: Levertijd zoeken, channel: website, emotion: 1}
    # opportunities.yaml
    opportunities:
      - id: levertijd-vooraf
        title: Hoe kunnen we de levertijd vooraf tonen?
        links: [jonge-ouders/levertijd]
        impact: 4
        effort: 2
        status: done
"""

from collections.abc import Iterator

from cjm.backlog.links import linked_touchpoints
from cjm.lint.rule import BacklogContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg, nmsg
from cjm.text.lists import comma


def check_backlog(run: BacklogContext, options: object) -> Iterator[tuple[str, Finding]]:
    steps = run.steps
    for entry in run.backlog.entries():
        opportunity = entry.opportunity
        if opportunity.status != "done":
            continue
        low = [
            msg("'{step}' (emotion {emotion})", step=f"{persona}/{tp.id}", emotion=tp.emotion)
            for persona, tp in linked_touchpoints(opportunity.links, steps)
            if tp.emotion is not None and tp.emotion <= 2
        ]
        if low:
            yield (
                entry.file.path,
                Finding(
                    (*entry.path, "status"),
                    nmsg(
                        "opportunity '{opportunity}' is done, but {steps} still scores low: "
                        "re-measure and update the emotion, or reopen the opportunity",
                        "opportunity '{opportunity}' is done, but {steps} still score low: "
                        "re-measure and update the emotion, or reopen the opportunity",
                        len(low),
                        opportunity=opportunity.id,
                        steps=comma(low),
                    ),
                ),
            )


rule = Rule(
    id="done-but-still-low",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    check_backlog=check_backlog,
)
