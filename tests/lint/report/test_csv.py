"""``--format csv``: one record per problem, for Excel, in the project's notation."""

from __future__ import annotations

import csv
import io

from cjm.lint.report import RunSummary
from cjm.lint.report.csv import COLUMNS
from cjm.problems import Problem, Severity
from cjm.text import msg
from tests.lint.report.conftest import render


def _records(text: str, delimiter: str) -> list[list[str]]:
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=delimiter))


def test_one_record_per_problem_with_the_json_columns(summary: RunSummary) -> None:
    text = render("csv", summary)
    records = _records(text, ",")
    assert records[0] == list(COLUMNS)
    assert len(records) == len(summary.problems) + 1
    first = summary.problems[0]
    assert records[1] == [
        first.path,
        str(first.line),
        str(first.column),
        str(first.end_line),
        str(first.end_column),
        first.rule,
        first.severity.value,
        str(first.message),
    ]
    assert text.count("\r\n") == len(records)  # RFC 4180 line ends


def test_a_dutch_project_gets_semicolons(summary: RunSummary) -> None:
    records = _records(render("csv", summary._replace(language="nl")), ";")
    assert records[0] == list(COLUMNS)


def test_text_excel_would_run_as_a_formula_is_text() -> None:
    message = '=HYPERLINK("x")'
    problem = Problem(
        "@a.yaml",
        3,
        5,
        3,
        9,
        "unknown-channel",
        Severity.WARNING,
        msg("{problem}", problem=message),
    )
    text = render("csv", RunSummary([problem], 1))
    record = _records(text, ",")[1]
    assert record[0] == "'@a.yaml"
    assert record[-1] == '\'=HYPERLINK("x")'
    assert record[1:3] == ["3", "5"]  # numbers stay numbers


def test_a_message_with_a_newline_is_still_one_record() -> None:
    message = 'two\nlines; and, quotes"'
    problem = Problem(
        "a.yaml", 1, 1, 1, 2, "yaml-syntax", Severity.ERROR, msg("{problem}", problem=message)
    )
    records = _records(render("csv", RunSummary([problem], 1)), ",")
    assert len(records) == 2
    assert records[1][-1] == message
