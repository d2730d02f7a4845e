"""The journey was reviewed recently.

A journey is evaluated, monitored and adjusted: channels change, pain points
get solved, KPIs move. A map nobody reviewed in months is a guess. This rule
fires when ``journey.reviewed`` is more than ``max_age_days`` (option, default
180) before today. Journeys without a ``reviewed`` date are not checked.

Passing::

    persona:
      name: Jonge ouders
    journey:
      reviewed: 2999-01-01
    phases:
      - id: orientation

Failing::

    persona:
      name: Jonge ouders
    journey:
      reviewed: 2020-01-31
    phases:
      - id: orientation
"""

from collections.abc import Iterator

from pydantic import Field

from cjm.lint.rule import JourneyContext, Rule, RuleOptions
from cjm.problems import Finding, Severity
from cjm.text import nmsg


class Options(RuleOptions):
    max_age_days: int = Field(default=180, ge=1)
    """How many days after its last review a journey counts as stale."""


def check(ctx: JourneyContext, options: Options) -> Iterator[Finding]:
    reviewed = ctx.journey.journey.reviewed
    if reviewed is None:
        return
    age = (ctx.today - reviewed).days
    if age > options.max_age_days:
        yield Finding(
            ("journey", "reviewed"),
            nmsg(
                "last reviewed on {date}, {count} day ago (more than {limit}): "
                "review the journey and update the date",
                "last reviewed on {date}, {count} days ago (more than {limit}): "
                "review the journey and update the date",
                age,
                date=reviewed.isoformat(),
                limit=options.max_age_days,
            ),
        )


rule = Rule(
    id="stale-review", severity=Severity.WARNING, doc=__doc__ or "", check=check, options=Options
)
