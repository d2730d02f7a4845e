"""Suppression comments: ``# cjm: disable=rule-a,rule-b`` and ``# cjm: disable-file=...``.

Comments are not part of the YAML tree, so they are read from the source text.
``disable`` at the end of a line silences the named rules for problems reported
on that line; alone on a line it silences them on the next line that holds YAML
(blank lines and other comments between are skipped). ``disable-file`` silences
them in the whole file. Each suppression remembers whether it silenced anything,
so that stale ones can be reported (``unused-suppression``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from cjm.lines import editor_lines

__all__ = ["Suppression", "parse_suppressions"]

# A YAML comment starts with '#' at the start of a line or after whitespace.
_DIRECTIVE = re.compile(
    r"(?:^|(?<=\s))#\s*cjm:\s*(?P<kind>disable-file|disable)\s*=\s*(?P<rules>[\w-]+(?:\s*,\s*[\w-]+)*)"
)


class Suppression(NamedTuple):
    line: int
    """Where the comment is (1-based), for reporting it."""
    column: int
    rules: tuple[str, ...]
    target: int | None
    """The line it silences; None for the whole file."""
    used: set[str]
    """The rules it silenced in this run (filled in by the lint engine)."""

    def silences(self, rule: str, line: int) -> bool:
        return rule in self.rules and (self.target is None or self.target == line)


def parse_suppressions(
    text: str, in_scalar: Callable[[int, int], bool] = lambda line, column: False
) -> list[Suppression]:
    """The suppressions in ``text``; ``in_scalar(line, column)`` rules out text inside a value
    (``content: "uses # cjm: disable=x"`` is not a comment).

    Linear in the text: every line is looked at once, and the line an own-line
    comment silences comes from one backward pass, not a search per comment.
    """
    found: list[Suppression] = []
    following: list[int] | None = None
    # Only the lines that say "cjm" are looked at, found with str.find (C speed); the
    # text is cut into lines only for an own-line directive (see _lines_with).
    for index, line in _lines_with(text, "cjm"):
        match = _DIRECTIVE.search(line)
        if match is None or in_scalar(index + 1, match.start() + 1):
            continue
        rules = tuple(dict.fromkeys(r.strip() for r in match.group("rules").split(",")))
        own_line = not line[: match.start()].strip()
        target: int | None
        if match.group("kind") == "disable-file":
            target = None
        elif own_line:
            if following is None:
                following = _next_content_lines(editor_lines(text))
            target = following[index + 1]
        else:
            target = index + 1
        found.append(Suppression(index + 1, match.start() + 1, rules, target, set()))
    return found


def _lines_with(text: str, word: str) -> Iterator[tuple[int, str]]:
    """Each line holding ``word`` once, with its 0-based index, as :func:`editor_lines`
    cuts and numbers them (a line ends at ``\\r\\n``, ``\\r`` or ``\\n``).

    Lines are counted between one hit and the next, so the whole is one pass over
    the text: a file with a directive on every line stays linear.
    """
    index, counted = 0, 0  # line breaks in text[:counted], which is a line's start
    at = text.find(word)
    while at >= 0:
        # Every search is bounded by the line around the hit (or the lines since the
        # last one), never the whole text: a file of '\n' alone has no '\r' to find.
        start = max(counted, text.rfind("\n", counted, at) + 1, text.rfind("\r", counted, at) + 1)
        # A line start never falls inside a \r\n pair, so each break is counted once.
        index += (
            text.count("\n", counted, start)
            + text.count("\r", counted, start)
            - text.count("\r\n", counted, start)
        )
        counted = start
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        carriage = text.find("\r", at, end)
        end = end if carriage < 0 else carriage
        yield index, text[start:end]
        at = text.find(word, end)


def _next_content_lines(lines: list[str]) -> list[int]:
    """For each 0-based index, the 1-based number of the first line from there on that
    holds YAML (not blank, not a comment); 0 when none does: such a comment silences
    nothing, so it is reported as unused."""
    following = [0] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        stripped = lines[index].strip()
        content = bool(stripped) and not stripped.startswith("#")
        following[index] = index + 1 if content else following[index + 1]
    return following
