"""Problems as values: what rules find, and what reporters print.

A rule yields a :class:`Finding` — a path in the journey and a message. The lint
engine, not the rule, turns it into a :class:`Problem` with a file position and
a severity (the rule's default, or what the project configured).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from cjm.text import Message, msg
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

    @property
    def word(self) -> Message:
        """The severity as a reader's text names it (``fout`` in Dutch); machine formats
        keep :attr:`value`, the neutral id."""
        return _WORDS[self]


class Finding(NamedTuple):
    """What a rule reports: where in the journey (``path``) and what is wrong.

    ``key=True`` points at the mapping key rather than its value (an unknown or
    repeated key). ``span`` is set only where the position is known outright,
    such as a YAML syntax error, which has no path.
    """

    path: NodePath
    message: Message
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
    message: Message
    """Rendered in the command's language by the reporter (:class:`cjm.text.Text`)."""

    def order(self) -> tuple[str, int, int, int, int, str, str]:
        """Where the problem sorts: by file, position and rule (the message decides
        nothing, so the order is the same in every language)."""
        return (
            self.path,
            self.line,
            self.column,
            self.end_line,
            self.end_column,
            self.rule,
            self.message.msgid,
        )


_WORDS = {
    Severity.ERROR: msg("error"),
    Severity.WARNING: msg("warning"),
    Severity.INFO: msg("info"),
}
