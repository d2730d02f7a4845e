"""Reporters: how ``cjm lint`` prints its problems, chosen by name from a registry."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from cjm.problems import Problem

__all__ = ["REPORTERS", "Reporter", "RunSummary", "get_reporter"]


@dataclass(frozen=True)
class RunSummary:
    """What a reporter gets: the problems, sorted, and how many files were checked."""

    problems: Sequence[Problem]
    files: int


Reporter = Callable[[RunSummary, TextIO, bool], None]
"""``reporter(summary, stream, color)`` writes the whole report to ``stream``."""


def _text(summary: RunSummary, stream: TextIO, color: bool) -> None:
    from cjm.report.text import report

    report(summary, stream, color)


REPORTERS: dict[str, Reporter] = {"text": _text}


def get_reporter(name: str) -> Reporter:
    return REPORTERS[name]
