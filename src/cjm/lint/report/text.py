"""The text report: one line per problem, then a summary, like compilers and ruff.

Plain text unless ``color`` is set (a terminal without ``NO_COLOR``); only then
is rich imported, so a piped or CI run does not pay for it. ``--show-source``
adds the offending line with a caret under the column; ``--statistics`` gives
counts per rule instead of the problems; ``--quiet`` drops the summary line.
Text from the journeys is shown through :func:`cjm.output.escape.terminal`: an
ESC cannot drive the terminal, and a newline cannot forge a second
``file:line:col`` line.
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from cjm.lines import editor_lines
from cjm.lint.report import RunSummary
from cjm.output.escape import terminal
from cjm.problems import Problem, Severity
from cjm.wording import plural

__all__ = ["format_problem", "report", "source_excerpt", "statistics_lines", "summary_line"]

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _where(problem: Problem) -> str:
    return f"{terminal(problem.path)}:{problem.line}:{problem.column}:"


def format_problem(problem: Problem) -> str:
    """``path:line:col: severity rule: message`` on one line, control characters shown."""
    return f"{_where(problem)} {problem.severity.value} {problem.rule}: {terminal(problem.message)}"


def summary_line(summary: RunSummary) -> str:
    counts = Counter(problem.severity for problem in summary.problems)
    files = plural(summary.files, "file")
    parts = [
        plural(counts[severity], severity.value)
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[severity]
    ]
    return f"{', '.join(parts)} in {files}" if parts else f"no problems in {files}"


def source_excerpt(problem: Problem, source: str) -> list[str]:
    """The problem's line, numbered, and a caret under its column; nothing if out of range."""
    lines = editor_lines(source)
    if not 0 < problem.line <= len(lines):
        return []
    number = str(problem.line)
    gutter = " " * len(number)
    return [
        f" {number} | {terminal(lines[problem.line - 1].rstrip())}",
        f" {gutter} | {' ' * (max(problem.column, 1) - 1)}^",
    ]


def statistics_lines(problems: list[Problem] | tuple[Problem, ...]) -> list[str]:
    """``count  rule  severity`` per rule, most frequent first (ruff's ``--statistics``)."""
    counts = Counter((problem.rule, problem.severity.value) for problem in problems)
    if not counts:
        return []
    width = len(str(max(counts.values())))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    rule_width = max(len(rule) for (rule, _), _ in ordered)
    return [f"{count:>{width}}  {rule:<{rule_width}}  {level}" for (rule, level), count in ordered]


def _lines(summary: RunSummary) -> list[tuple[Problem | None, str]]:
    """Every line of the report; the problem it belongs to, for colouring."""
    out: list[tuple[Problem | None, str]] = []
    if summary.statistics:
        out += [(None, line) for line in statistics_lines(list(summary.problems))]
    else:
        for problem in summary.problems:
            out.append((problem, format_problem(problem)))
            if summary.show_source:
                source = summary.sources.get(problem.path, "")
                out += [(None, line) for line in source_excerpt(problem, source)]
    if not summary.quiet:
        out.append((None, summary_line(summary)))
    return out


def report(summary: RunSummary, stream: TextIO, color: bool) -> None:
    lines = _lines(summary)
    if not color:
        for _, line in lines:
            stream.write(line + "\n")
        return

    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, highlight=False, soft_wrap=True)
    last = len(lines) - 1
    for number, (problem, plain) in enumerate(lines):
        if problem is None:
            summary_row = number == last and not summary.quiet
            console.print(Text(plain, style="bold" if summary_row else ""))
            continue
        styled = Text()
        styled.append(_where(problem), style="bold")
        styled.append(" ")
        styled.append(problem.severity.value, style=_STYLES[problem.severity])
        styled.append(f" {problem.rule}", style="dim")
        styled.append(f": {terminal(problem.message)}")
        console.print(styled)
