"""Problems as values: what rules find, and what reporters print.

A rule yields a :class:`Finding` — a path in the journey and a message. The lint
engine, not the rule, turns it into a :class:`Problem` with a file position and
a severity (the rule's default, or what the project configured).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from cjm.yaml_source import NodePath, Span

__all__ = ["Finding", "Problem", "Severity"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; ``--fail-on`` compares ranks."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Finding(NamedTuple):
    """What a rule reports: where in the journey (``path``) and what is wrong.

    ``key=True`` points at the mapping key rather than its value (an unknown or
    repeated key). ``span`` is set only where the position is known outright,
    such as a YAML syntax error, which has no path.
    """

    path: NodePath
    message: str
    key: bool = False
    span: Span | None = None


class Problem(NamedTuple):
    """A finding placed in a file, with its severity: one line of ``cjm lint`` output."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
