"""One spelling per name across the journeys: the check ``unknown-channel`` and
``unknown-support`` share.

With a vocabulary from cjm.yaml every use must come from it (the message
suggests the closest entry). Without one, a name close to a name used more
often across all journeys of the run is taken for a typo: within edit distance
2, but 1 for names of four characters and 0 for shorter ones, since one letter
tells short names apart (``CRM`` and ``CMS``, ``sms`` and ``tv``) more often
than it is a typo.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from cjm.lint.rule import Gathered
from cjm.problems import Finding
from cjm.text import Message, msg, nmsg
from cjm.yaml_source import NodePath

__all__ = [
    "CHANNEL",
    "MAX_DISTANCE",
    "SUPPORT",
    "Use",
    "Uses",
    "allowed",
    "distance",
    "gathered",
    "vocabulary_findings",
]

CHANNEL = "channel"
SUPPORT = "support"
"""The vocabularies: what the messages call a name and the list it must come from."""

MAX_DISTANCE = 2

Use = tuple[NodePath, str]
"""A name as a journey uses it: where in the journey, and the name."""

Uses = Gathered[tuple[Use, ...]]
"""The names one journey uses, in document order (what the rules gather of it)."""


def gathered(uses: Iterable[Use]) -> tuple[Use, ...]:
    """``uses`` as kept until the run ends: each name interned, as a run repeats a
    handful of names thousands of times, so one copy of each is kept, not one per use."""
    return tuple((path, sys.intern(name)) for path, name in uses)


def vocabulary_findings(
    journeys: Sequence[Uses], vocabulary: Sequence[str] | None, kind: str
) -> Iterator[tuple[Uses, Finding]]:
    """Findings for the uses of a name of ``kind`` (:data:`CHANNEL` or :data:`SUPPORT`)."""
    counts = Counter(name for journey in journeys for _, name in journey.value)
    noun, where = _WORDS[kind]
    # One verdict per distinct name: a run has a handful of names and many thousands
    # of uses, and the edit distances were 6% of lint (issue 17).
    verdicts = {name: _verdict(name, counts, vocabulary, noun, where) for name in counts}
    for journey in journeys:
        for path, name in journey.value:
            message = verdicts[name]
            if message is not None:
                yield journey, Finding(path, message)


_WORDS = {
    CHANNEL: (msg("channel"), msg("the project's channels")),
    SUPPORT: (msg("support system"), msg("the project's systems")),
}


def _verdict(
    name: str,
    counts: Counter[str],
    vocabulary: Sequence[str] | None,
    noun: Message,
    where: Message,
) -> Message | None:
    """What is wrong with ``name``, or None."""
    if vocabulary is not None:
        if name in vocabulary:
            return None
        if vocabulary:
            close = min(vocabulary, key=lambda known: (distance(name, known), known))
            return msg(
                "{noun} '{name}' is not in {where} — did you mean '{close}'?",
                noun=noun,
                name=name,
                where=where,
                close=close,
            )
        return msg("{noun} '{name}' is not in {where}", noun=noun, name=name, where=where)
    likely = [
        (distance(name, other), -count, other)
        for other, count in counts.items()
        if count > counts[name] and distance(name, other) <= allowed(name, other)
    ]
    if not likely:
        return None
    close = min(likely)[2]
    return nmsg(
        "{noun} '{name}' looks like a typo of '{close}' (used {count} time, '{name}' {times})",
        "{noun} '{name}' looks like a typo of '{close}' (used {count} times, '{name}' {times})",
        counts[close],
        noun=noun,
        name=name,
        close=close,
        times=counts[name],
    )


def allowed(a: str, b: str) -> int:
    """The largest edit distance at which ``a`` may be a typo of ``b`` (see above)."""
    shorter = min(len(a), len(b))
    return 0 if shorter <= 3 else 1 if shorter == 4 else MAX_DISTANCE


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
