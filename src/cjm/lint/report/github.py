"""``--format github``: GitHub Actions workflow commands, one line per problem.

``::error file=F,line=L,col=C,title=cjm RULE::MESSAGE`` becomes an annotation on
the pull request. GitHub reads each command from one line, so the values are
escaped as its runner requires: ``%``, CR and LF in the message; additionally
``:`` and ``,`` in the properties. Info problems become notices. Never wrapped
or styled, whatever the terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from cjm.lint.report import RunSummary
from cjm.lint.report._paths import repo_relative, repository_root
from cjm.output.escape import github_data, github_property
from cjm.problems import Severity

__all__ = ["report"]

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def report(summary: RunSummary, stream: TextIO, color: bool) -> None:
    text = summary.text
    base = repository_root(summary.root or Path())
    for problem in summary.problems:
        properties = {
            "file": repo_relative(problem.path, base),
            "line": str(problem.line),
            "col": str(problem.column),
            "title": f"cjm {problem.rule}",
        }
        joined = ",".join(f"{key}={github_property(value)}" for key, value in properties.items())
        stream.write(
            f"::{_COMMANDS[problem.severity]} {joined}::{github_data(text(problem.message))}\n"
        )
