"""The evidence behind a low point is recent.

A low point is where the team acts, so what it rests on should still hold:
customers, channels and the product change. This rule fires when the newest
dated ``evidence`` of a touchpoint with emotion 1 or 2 is more than
``max_age_days`` (option, default 365) before today: interview again, or look
at fresh data. Evidence without a ``date`` is not judged.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - id: levertijd
            name: Levertijd zoeken
            channel: website
            emotion: 1
            evidence:
              - {kind: interview, source: Interview 3, date: 2999-01-01}

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: purchase
        touchpoints:
          - id: levertijd
            name: Levertijd zoeken
            channel: website
            emotion: 1
            evidence:
              - {kind: interview, source: Interview 3, date: 2020-03-01}
"""

from collections.abc import Iterator

from pydantic import Field

from cjm.lint.rule import JourneyContext, Rule, RuleOptions
from cjm.problems import Finding, Severity
from cjm.text import nmsg


class Options(RuleOptions):
    max_age_days: int = Field(default=365, ge=1)
    """How many days old the newest evidence of a low point may be."""


def check(ctx: JourneyContext, options: Options) -> Iterator[Finding]:
    for p, t, touchpoint in ctx.journey.touchpoints():
        if touchpoint.emotion is None or touchpoint.emotion > 2:
            continue
        dated = [(item.date, n) for n, item in enumerate(touchpoint.evidence) if item.date]
        if not dated:
            continue
        newest, n = max(dated)
        age = (ctx.today - newest).days
        if age > options.max_age_days:
            yield Finding(
                ("phases", p, "touchpoints", t, "evidence", n, "date"),
                nmsg(
                    "the newest evidence of low point '{touchpoint}' is from {date}, {count} "
                    "day ago (more than {limit}): check it again with customers or fresh data",
                    "the newest evidence of low point '{touchpoint}' is from {date}, {count} "
                    "days ago (more than {limit}): check it again with customers or fresh data",
                    age,
                    touchpoint=touchpoint.id,
                    date=newest.isoformat(),
                    limit=options.max_age_days,
                ),
            )


rule = Rule(
    id="stale-evidence", severity=Severity.INFO, doc=__doc__ or "", check=check, options=Options
)
