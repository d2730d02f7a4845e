"""Reporters: how ``cjm lint`` prints its problems, chosen by name from a registry.

Each reporter module is imported only when its format is asked for, so a plain
text run never pays for json, hashlib or rich.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import field
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

from cjm.problems import Problem

if TYPE_CHECKING:
    from cjm.lint.settings import ActiveRule

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


Reporter = Callable[[RunSummary, TextIO, bool], None]
"""``reporter(summary, stream, color)`` writes the whole report to ``stream``."""

FORMATS = ("text", "json", "github", "sarif")


def get_reporter(name: str) -> Reporter:
    """The ``report`` function of ``cjm.report.<name>``."""
    if name not in FORMATS:
        raise KeyError(name)
    module = import_module(f"cjm.report.{name}")
    reporter: Reporter = module.report
    return reporter
