"""The backlog's ranking: a score per opportunity, worked out in the open.

The score is what ``opportunities: score:`` in ``cjm.yaml`` says (docs/format.md):

* ``ratio`` (the default): impact ÷ effort. Quick wins (high impact, low effort)
  come first; a 5/5 ranks with a 1/1.
* ``weighted``: ``impact_weight × impact − effort_weight × effort``. With the
  default weights of 1, a 5/5 scores 0 and a 5/1 scores 4.

Ties are broken by impact (higher first), then effort (lower first), then id, so
the order never depends on the order of the files.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from cjm.backlog.loader import Entry
from cjm.backlog.models import Opportunity
from cjm.config import ScoreSettings
from cjm.text import Message, msg

__all__ = ["Ranked", "describe_score", "formula", "rank", "score"]


def score(opportunity: Opportunity, settings: ScoreSettings) -> float:
    """The opportunity's score, rounded to two decimals (so text and JSON agree)."""
    impact, effort = opportunity.impact, opportunity.effort
    if settings.method == "weighted":
        value = settings.impact_weight * impact - settings.effort_weight * effort
    else:
        value = impact / effort
    return round(value, 2)


def formula(settings: ScoreSettings) -> Message:
    """The formula in words, for reports: ``impact ÷ effort``."""
    if settings.method == "weighted":
        return msg(
            "{impact_weight} × impact − {effort_weight} × effort",
            impact_weight=f"{settings.impact_weight:g}",
            effort_weight=f"{settings.effort_weight:g}",
        )
    return msg("impact ÷ effort")


def describe_score(settings: ScoreSettings) -> str:
    """The formula in English (``cjm render``'s index until it renders :func:`formula`)."""
    return str(formula(settings))


class Ranked(NamedTuple):
    rank: int
    """1 for the first; equal scores get consecutive ranks (the tie-break decides)."""
    score: float
    entry: Entry

    @property
    def opportunity(self) -> Opportunity:
        return self.entry.opportunity


def rank(entries: Iterable[Entry], settings: ScoreSettings) -> list[Ranked]:
    """``entries`` best first, numbered."""
    scored = [(score(entry.opportunity, settings), entry) for entry in entries]
    scored.sort(
        key=lambda item: (
            -item[0],
            -item[1].opportunity.impact,
            item[1].opportunity.effort,
            item[1].opportunity.id,
        )
    )
    return [Ranked(number, value, entry) for number, (value, entry) in enumerate(scored, 1)]
