"""``--format csv``: one row per problem, for a spreadsheet.

Columns: ``path, line, column, end_line, end_column, rule, severity, message``,
the keys of ``--format json`` in the same order. Written as every cjm CSV is
(:mod:`cjm.output.csv`): UTF-8 with a byte-order mark, ``;`` for a Dutch
project and ``,`` otherwise, and text that a spreadsheet would run as a formula
neutralised with a leading ``'``.
"""

from __future__ import annotations

from typing import TextIO

from cjm.lint.report import RunSummary
from cjm.output.csv import write_table

__all__ = ["COLUMNS", "report"]

COLUMNS = ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message")


def report(summary: RunSummary, stream: TextIO, color: bool) -> None:
    text = summary.text
    rows = (
        (
            problem.path,
            problem.line,
            problem.column,
            problem.end_line,
            problem.end_column,
            problem.rule,
            problem.severity.value,
            text(problem.message),
        )
        for problem in summary.problems
    )
    write_table(stream, COLUMNS, rows, summary.language)
