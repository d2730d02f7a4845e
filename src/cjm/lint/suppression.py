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
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Suppression", "parse_suppressions"]

# A YAML comment starts with '#' at the start of a line or after whitespace.
_DIRECTIVE = re.compile(
    r"(?:^|(?<=\s))#\s*cjm:\s*(?P<kind>disable-file|disable)\s*=\s*(?P<rules>[\w-]+(?:\s*,\s*[\w-]+)*)"
)


@dataclass
class Suppression:
    line: int
    """Where the comment is (1-based), for reporting it."""
    column: int
    rules: tuple[str, ...]
    target: int | None
    """The line it silences; None for the whole file."""
    used: set[str] = field(default_factory=set)

    def silences(self, rule: str, line: int) -> bool:
        return rule in self.rules and (self.target is None or self.target == line)


def parse_suppressions(
    text: str, in_scalar: Callable[[int, int], bool] = lambda line, column: False
) -> list[Suppression]:
    """The suppressions in ``text``; ``in_scalar(line, column)`` rules out text inside a value
    (``content: "uses # cjm: disable=x"`` is not a comment)."""
    lines = text.splitlines()
    found: list[Suppression] = []
    for index, line in enumerate(lines):
        match = _DIRECTIVE.search(line)
        if match is None or in_scalar(index + 1, match.start() + 1):
            continue
        rules = tuple(dict.fromkeys(r.strip() for r in match.group("rules").split(",")))
        own_line = not line[: match.start()].strip()
        target: int | None
        if match.group("kind") == "disable-file":
            target = None
        elif own_line:
            target = _next_content_line(lines, index + 1)
        else:
            target = index + 1
        found.append(Suppression(index + 1, match.start() + 1, rules, target))
    return found


def _next_content_line(lines: list[str], start: int) -> int:
    for number, line in enumerate(lines[start:], start=start + 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return number
    return 0  # nothing follows: silences nothing, so it is reported as unused
