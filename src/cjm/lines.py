"""Lines as a text editor numbers them: the one definition of "line N" in cjm.

Editors, ``grep -n`` and GitHub break lines at ``\\n`` (and at ``\\r\\n`` or a
lone ``\\r``, as editors do). Python's :meth:`str.splitlines` and libyaml also
break at U+0085 (NEXT LINE), U+2028 (LINE SEPARATOR) and U+2029 (PARAGRAPH
SEPARATOR), which are ordinary characters inside a value to every tool a
consultant uses: counting them would shift every later position by a line.
Everything that numbers or cuts source lines goes through this module.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from cjm.output.escape import terminal

__all__ = ["EXTRA_BREAKS", "LineIndex", "editor_lines", "one_line"]

EXTRA_BREAKS = ("\x85", "\u2028", "\u2029")
"""Characters libyaml and :meth:`str.splitlines` treat as line breaks and editors do not."""

_BREAK = re.compile(r"\r\n|\r|\n")


# Control characters and the line separators: printed raw in a message they would
# break the one-line-per-problem reports (and a terminal's state).
def one_line(text: str) -> str:
    """``text`` safe to put in a one-line message: control characters and line
    separators written as escapes (``\\n``, ``\\x1b``, ``\\u2028``).

    The terminal grammar of :mod:`cjm.output.escape` is the one definition.
    """
    return terminal(text)


def editor_lines(text: str) -> list[str]:
    """``text`` cut into lines the way an editor shows them (without their line ends)."""
    lines = _BREAK.split(text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()  # a final line end does not start another line, as in splitlines
    return [] if text == "" else lines


class LineIndex(NamedTuple):
    """Where each editor line starts in ``text``: turns a character offset into line:column."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        return cls((0, *(match.end() for match in _BREAK.finditer(text))))

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of the character at ``offset``."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
