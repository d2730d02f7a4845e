"""A future state's ``based_on`` names the current journey it changes.

A future-state journey (``journey.state: future``) is a plan for a current
journey: the map draws today's curve beside the plan's and ``cjm diff`` lists
the plan against it. ``based_on`` names that journey as a file, relative to
this one (``jonge-ouders.yaml``), or as a journey key (``jonge-ouders``,
``jonge-ouders.winter``; see docs/format.md). A file that does not exist, a key
no journey of the run has, or a journey that is itself a future state is an
error: the plan would be compared with nothing. Keys are looked up among the
journeys of one run, so lint the whole journeys folder (as the pre-commit hook
does).

Passing::

    # journeys/jonge-ouders.yaml
    persona: {id: jonge-ouders, name: Jonge ouders}
    phases:
      - id: orientation
    # journeys/jonge-ouders-gepland.yaml
    persona: {id: jonge-ouders, name: Jonge ouders}
    journey:
      state: future
      based_on: jonge-ouders
    phases:
      - id: orientation

Failing::

    # journeys/jonge-ouders.yaml
    persona: {id: jonge-ouders, name: Jonge ouders}
    phases:
      - id: orientation
    # journeys/jonge-ouders-gepland.yaml
    persona: {id: jonge-ouders, name: Jonge ouders}
    journey:
      state: future
      based_on: jonge-ouder
    phases:
      - id: orientation
"""

from collections.abc import Iterator, Sequence

from cjm.lint.rule import Gathered, JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.states import Head, Member, Run, based_on
from cjm.text import msg


def gather(ctx: JourneyContext, options: object) -> Member:
    return Member(ctx.path, Head.of(ctx.journey))


def check_run(
    journeys: Sequence[Gathered[Member]], options: object
) -> Iterator[tuple[Gathered[Member], Finding]]:
    run = Run([gathered.value for gathered in journeys])
    for gathered in journeys:
        member = gathered.value
        info = member.journey.journey
        if info.based_on is None:
            continue
        if info.state != "future":
            yield (
                gathered,
                Finding(
                    ("journey", "based_on"),
                    msg("based_on is for a future state: add 'state: future', or remove based_on"),
                ),
            )
            continue
        problem = based_on(member, run).problem
        if problem is not None:
            yield gathered, Finding(("journey", "based_on"), problem)


rule = Rule(
    id="unknown-based-on",
    severity=Severity.ERROR,
    doc=__doc__ or "",
    check_run=check_run,
    gather=gather,
)
