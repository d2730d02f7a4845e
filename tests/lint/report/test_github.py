from __future__ import annotations

from pathlib import Path

from cjm.lint.report import RunSummary
from cjm.problems import Problem, Severity
from cjm.text import msg
from tests.lint.report.conftest import render


def test_one_workflow_command_per_problem(summary: RunSummary) -> None:
    lines = render("github", summary).splitlines()
    assert len(lines) == len(summary.problems)
    first = summary.problems[0]
    assert lines[0] == (
        f"::{'notice' if first.severity is Severity.INFO else first.severity.value} "
        f"file={first.path},line={first.line},col={first.column},"
        f"title=cjm {first.rule}::{first.message!s}"
    )
    assert any(line.startswith("::error file=journeys/c.yaml,line=") for line in lines)
    assert any(line.startswith("::notice ") for line in lines)


def _one(message: str, path: str = "journeys/a.yaml") -> str:
    problem = Problem(
        path, 3, 5, 3, 9, "missing-cta", Severity.WARNING, msg("{problem}", problem=message)
    )
    return render("github", RunSummary([problem], 1, root=Path()))


def test_escaping_of_percent_colon_comma_and_newlines() -> None:
    out = _one("100% sure: a, b\r\nnext line", path="journeys/a,b:c%.yaml")
    assert out == (
        "::warning file=journeys/a%2Cb%3Ac%25.yaml,line=3,col=5,title=cjm missing-cta"
        "::100%25 sure: a, b%0D%0Anext line\n"
    )


def test_a_long_message_stays_on_one_line() -> None:
    message = "word " * 60  # 300 characters
    out = _one(message)
    assert out.count("\n") == 1
    assert out.endswith("::" + message + "\n")
