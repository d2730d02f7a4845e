from __future__ import annotations

import json

from cjm.lint.report import RunSummary
from tests.lint.report.conftest import render


def test_one_object_per_problem_with_stable_keys(summary: RunSummary) -> None:
    text = render("json", summary)
    items = json.loads(text)
    assert text.endswith("]\n")
    assert len(items) == len(summary.problems) >= 5
    assert {item["path"] for item in items} == {
        "journeys/a.yaml",
        "journeys/b.yaml",
        "journeys/c.yaml",
    }
    for item, problem in zip(items, summary.problems, strict=True):
        assert list(item) == [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "rule",
            "severity",
            "message",
        ]
        assert (item["line"], item["column"], item["rule"], item["severity"]) == (
            problem.line,
            problem.column,
            problem.rule,
            problem.severity.value,
        )
    assert {"error", "warning", "info"} <= {item["severity"] for item in items}


def test_no_problems_is_an_empty_list(summary: RunSummary) -> None:
    assert render("json", RunSummary([], 3)) == "[]\n"
