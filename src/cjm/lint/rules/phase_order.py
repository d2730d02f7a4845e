"""Phases are listed in the order of the phase model.

The phase list is the journey's timeline: the map draws it left to right and
rules reason about what comes after the purchase. A phase listed out of order
is reported; when several are, cjm reports the fewest phases that would have
to move.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
      - id: consideration
      - id: purchase

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
      - id: purchase
      - id: consideration
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    order = {phase_id: index for index, phase_id in enumerate(ctx.model.ids)}
    known = [
        (p, order[phase.id]) for p, phase in enumerate(ctx.journey.phases) if phase.id in order
    ]
    keep = _longest_increasing(known)
    for p, rank in known:
        if p not in keep:
            phase_id = ctx.journey.phases[p].id
            kept = sorted(r for q, r in known if q in keep)
            before = [ctx.model.ids[r] for r in kept if r < rank]
            after = [ctx.model.ids[r] for r in kept if r > rank]
            if not before and not after:
                continue  # the same phase listed twice: that is duplicate-id's finding
            if before and after:
                where = msg("between '{before}' and '{after}'", before=before[-1], after=after[0])
            elif before:
                where = msg("after '{phase}'", phase=before[-1])
            else:
                where = msg("before '{phase}'", phase=after[0])
            yield Finding(
                ("phases", p, "id"),
                msg(
                    "phase '{phase}' is out of order: the {model} model puts it {where}",
                    phase=phase_id,
                    model=ctx.model.name,
                    where=where,
                ),
            )


def _longest_increasing(items: list[tuple[int, int]]) -> set[int]:
    """Positions of a longest run of phases already in model order (O(n²); n is tiny)."""
    best: list[list[int]] = []
    for i, (position, rank) in enumerate(items):
        chain = [position]
        for j in range(i):
            if items[j][1] < rank and len(best[j]) + 1 > len(chain):
                chain = [*best[j], position]
        best.append(chain)
    longest: list[int] = max(best, key=len) if best else []
    return set(longest)


rule = Rule(id="phase-order", severity=Severity.WARNING, doc=__doc__ or "", check=check)
