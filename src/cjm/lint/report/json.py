"""``--format json``: a list of problem objects with stable keys.

Each object has exactly ``path, line, column, end_line, end_column, rule,
severity, message`` in that order; ``path`` is as ``cjm lint`` shows it (as
given on the command line, or found below it). Indented, UTF-8, ending in a
newline, and nothing else on the stream, so ``cjm lint --format json | jq``
always parses.
"""

from __future__ import annotations

from typing import TextIO

from cjm.lint.report import RunSummary
from cjm.output.escape import json_text

__all__ = ["report"]


def report(summary: RunSummary, stream: TextIO, color: bool) -> None:
    text = summary.text
    items = [
        {
            "path": problem.path,
            "line": problem.line,
            "column": problem.column,
            "end_line": problem.end_line,
            "end_column": problem.end_column,
            "rule": problem.rule,
            "severity": problem.severity.value,
            "message": text(problem.message),
        }
        for problem in summary.problems
    ]
    stream.write(json_text(items))
