"""One spelling per name across the journeys: the check ``unknown-channel`` and
``unknown-support`` share.

With a vocabulary from cjm.yaml every use must come from it (the message
suggests the closest entry). Without one, a name within edit distance 2 of a
name used more often across all journeys of the run is taken for a typo.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from cjm.lint.rule import JourneyContext
from cjm.problems import Finding
from cjm.yaml_source import NodePath

__all__ = ["MAX_DISTANCE", "Use", "distance", "vocabulary_findings"]

MAX_DISTANCE = 2

Use = tuple[JourneyContext, NodePath, str]
"""A name as a journey uses it: the journey, where in it, and the name."""


def vocabulary_findings(
    uses: Sequence[Use], vocabulary: Sequence[str] | None, noun: str, where: str
) -> Iterator[tuple[JourneyContext, Finding]]:
    """Findings for ``uses`` of ``noun`` (``channel``); ``where`` names the vocabulary."""
    counts = Counter(name for _, _, name in uses)
    for ctx, path, name in uses:
        if vocabulary is not None:
            if name in vocabulary:
                continue
            hint = ""
            if vocabulary:
                close = min(vocabulary, key=lambda known: (distance(name, known), known))
                hint = f" — did you mean '{close}'?"
            message = f"{noun} '{name}' is not in {where}{hint}"
        else:
            likely = [
                (distance(name, other), -count, other)
                for other, count in counts.items()
                if count > counts[name] and distance(name, other) <= MAX_DISTANCE
            ]
            if not likely:
                continue
            close = min(likely)[2]
            message = (
                f"{noun} '{name}' looks like a typo of '{close}' "
                f"(used {counts[close]} times, '{name}' {counts[name]})"
            )
        yield ctx, Finding(path, message)


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
