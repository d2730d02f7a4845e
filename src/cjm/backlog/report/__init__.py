"""``cjm opportunities``'s formats: one module per ``--format``, each with ``report``.

Every module here (but ``_``-prefixed helpers) is a format and has one function,
``report(summary, stream, color)``, that writes the whole backlog to ``stream``.
Each is a pure function of the summary: the same files give byte-identical output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple, TextIO

from cjm.output.registry import Registry

if TYPE_CHECKING:  # the CLI imports this package for the names alone
    from cjm.backlog.links import Steps
    from cjm.backlog.score import Ranked
    from cjm.text import Message, Text

__all__ = ["FORMATS", "BacklogSummary", "Reporter"]


class BacklogSummary(NamedTuple):
    """What a reporter gets: the ranked opportunities to show and how to word them."""

    ranked: Sequence[Ranked]
    """Best first; ranks are the whole backlog's, also when filters leave some out."""
    formula: Message
    """How the score is worked out: ``impact ÷ effort``."""
    steps: Steps
    """Every journey's steps by persona id, to name what a link points at."""
    text: Text
    """The language the command chose (``--lang``, cjm.yaml, English)."""
    total: int = 0
    """How many opportunities the backlog holds before filtering."""


Reporter = Callable[[BacklogSummary, TextIO, bool], None]
"""``reporter(summary, stream, color)`` writes the whole report to ``stream``."""

FORMATS: Registry[Reporter] = Registry(__name__, "report", default="text")
