"""``cjm lint``'s report formats: one module per ``--format``, found by :data:`FORMATS`.

Every module here (but ``_``-prefixed helpers) is a format and has one function,
``report(summary, stream, color)``, that writes the whole report to ``stream``;
``color`` is true only for a terminal. A module is imported only when its format
is asked for, so a plain text run never pays for json, hashlib or rich; the CLI
imports this package for the names alone, so it imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

from cjm.output.registry import Registry

if TYPE_CHECKING:
    from cjm.lint.settings import ActiveRule
    from cjm.problems import Problem
    from cjm.text import Text

__all__ = ["FORMATS", "Reporter", "RunSummary", "get_reporter"]


class RunSummary(NamedTuple):
    """What a reporter gets: the problems, sorted, and what it needs to present them."""

    problems: Sequence[Problem]
    files: int
    sources: Mapping[str, str] = field(default_factory=dict)
    """Each file's source text by shown path (``--show-source``, SARIF fingerprints)."""
    rules: Sequence[ActiveRule] = ()
    """The rules that ran, with their severities (SARIF's ``rules[]``)."""
    root: Path | None = None
    """The project root; machine formats give paths relative to its repository."""
    quiet: bool = False
    statistics: bool = False
    show_source: bool = False
    language: str = "en"
    """The language the command chose (``--lang``, else ``cjm.yaml``): the messages,
    the words of the text report and the CSV's separators follow it."""

    @property
    def text(self) -> Text:
        """Messages and numbers in :attr:`language`."""
        from cjm.text import text_for

        return text_for(self.language)


Reporter = Callable[[RunSummary, TextIO, bool], None]
"""``reporter(summary, stream, color)`` writes the whole report to ``stream``."""

FORMATS: Registry[Reporter] = Registry(__name__, "report", default="text")


def get_reporter(name: str) -> Reporter:
    """The ``report`` function of ``cjm.lint.report.<name>``."""
    return FORMATS.get(name)
