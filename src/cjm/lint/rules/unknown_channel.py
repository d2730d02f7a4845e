"""Every channel has one name across the journeys.

Channel overviews and analytics count touchpoints per channel: ``e-mail`` next
to ``email`` splits one channel in two. With a ``channels:`` vocabulary in
cjm.yaml (``rules: {unknown-channel: {channels: [...]}}``) every channel must
come from it. Without one, a channel within edit distance 2 of a channel used
more often across all journeys of the run is taken for a typo. Both touchpoint
channels and the persona's ``preferred_channels`` are checked; the message
suggests the closest channel.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: nieuwsbrief, name: Nieuwsbrief, channel: email}
          - {id: welkomstmail, name: Welkomstmail, channel: email}
          - {id: bevestiging, name: Bevestiging, channel: email}

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - {id: nieuwsbrief, name: Nieuwsbrief, channel: email}
          - {id: welkomstmail, name: Welkomstmail, channel: email}
          - {id: bevestiging, name: Bevestiging, channel: e-mail}
"""

from collections.abc import Iterator, Sequence

from cjm.lint.rule import JourneyContext, Rule, RuleOptions
from cjm.lint.vocabulary import CHANNEL, Use, Uses, gathered, vocabulary_findings
from cjm.problems import Finding, Severity


class Options(RuleOptions):
    channels: list[str] | None = None
    """The project's channel vocabulary; without it, likely typos are looked for."""


def _uses(ctx: JourneyContext) -> Iterator[Use]:
    for index, channel in enumerate(ctx.journey.persona.preferred_channels):
        yield ("persona", "preferred_channels", index), channel
    for p, t, touchpoint in ctx.journey.touchpoints():
        yield ("phases", p, "touchpoints", t, "channel"), touchpoint.channel


def gather(ctx: JourneyContext, options: Options) -> tuple[Use, ...]:
    return gathered(_uses(ctx))


def check_run(journeys: Sequence[Uses], options: Options) -> Iterator[tuple[Uses, Finding]]:
    return vocabulary_findings(journeys, options.channels, CHANNEL)


rule = Rule(
    id="unknown-channel",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    check_run=check_run,
    gather=gather,
    options=Options,
)
