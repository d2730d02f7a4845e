"""The text report: one line per problem, then a summary, like compilers and ruff.

Plain text unless ``color`` is set (a terminal without ``NO_COLOR``); only then
is rich imported, so a piped or CI run does not pay for it.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from cjm.problems import Problem, Severity
from cjm.report import RunSummary

__all__ = ["format_problem", "report", "summary_line"]

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format_problem(problem: Problem) -> str:
    return (
        f"{problem.path}:{problem.line}:{problem.column}: "
        f"{problem.severity.value} {problem.rule}: {problem.message}"
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary_line(summary: RunSummary) -> str:
    counts = Counter(problem.severity for problem in summary.problems)
    files = _plural(summary.files, "file")
    parts = [
        _plural(counts[severity], severity.value)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[severity]
    ]
    return f"{', '.join(parts)} in {files}" if parts else f"no problems in {files}"


def report(summary: RunSummary, stream: TextIO, color: bool) -> None:
    if not color:
        for problem in summary.problems:
            stream.write(format_problem(problem) + "\n")
        stream.write(summary_line(summary) + "\n")
        return

    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True)
    for problem in summary.problems:
        line = Text()
        line.append(f"{problem.path}:{problem.line}:{problem.column}:", style="bold")
        line.append(" ")
        line.append(problem.severity.value, style=_STYLES[problem.severity])
        line.append(f" {problem.rule}", style="dim")
        line.append(f": {problem.message}")
        console.print(line)
    console.print(Text(summary_line(summary), style="bold"))
