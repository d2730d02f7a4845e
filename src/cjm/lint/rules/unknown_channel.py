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

from collections import Counter
from collections.abc import Iterator, Sequence

from pydantic import BaseModel, ConfigDict

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.yaml_source import NodePath

_MAX_DISTANCE = 2


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channels: list[str] | None = None
    """The project's channel vocabulary; without it, likely typos are looked for."""


def _uses(ctx: JourneyContext) -> Iterator[tuple[NodePath, str]]:
    for index, channel in enumerate(ctx.journey.persona.preferred_channels):
        yield ("persona", "preferred_channels", index), channel
    for p, t, touchpoint in ctx.journey.touchpoints():
        yield ("phases", p, "touchpoints", t, "channel"), touchpoint.channel


def check_run(
    contexts: Sequence[JourneyContext], options: Options
) -> Iterator[tuple[JourneyContext, Finding]]:
    counts = Counter(channel for ctx in contexts for _, channel in _uses(ctx))
    # One verdict per distinct channel: a run has a handful of channels and many
    # thousands of uses, and the edit distances were 6% of lint (issue 17).
    verdicts = {channel: _verdict(channel, counts, options.channels) for channel in counts}
    for ctx in contexts:
        for path, channel in _uses(ctx):
            message = verdicts[channel]
            if message is not None:
                yield ctx, Finding(path, message)


def _verdict(channel: str, counts: Counter[str], vocabulary: list[str] | None) -> str | None:
    """What is wrong with ``channel``, or None."""
    if vocabulary is not None:
        if channel in vocabulary:
            return None
        hint = ""
        if vocabulary:
            close = min(vocabulary, key=lambda known: (distance(channel, known), known))
            hint = f" — did you mean '{close}'?"
        return f"channel '{channel}' is not in the project's channels{hint}"
    likely = [
        (distance(channel, other), -count, other)
        for other, count in counts.items()
        if count > counts[channel] and distance(channel, other) <= _MAX_DISTANCE
    ]
    if not likely:
        return None
    close = min(likely)[2]
    return (
        f"channel '{channel}' looks like a typo of '{close}' "
        f"(used {counts[close]} times, '{channel}' {counts[channel]})"
    )


def distance(a: str, b: str) -> int:
    """Levenshtein edit distance: insertions, deletions and substitutions."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


rule = Rule(
    id="unknown-channel",
    severity=Severity.WARNING,
    doc=__doc__ or "",
    check_run=check_run,
    options=Options,
)
