"""The text report: one line per problem, then a summary, like compilers and ruff.

Plain text unless ``color`` is set (a terminal without ``NO_COLOR``); only then
is rich imported, so a piped or CI run does not pay for it. ``--show-source``
adds the offending line with a caret under the column; ``--statistics`` gives
counts per rule instead of the problems; ``--quiet`` drops the summary line.
Messages, severity words and counts are in the run's language (``fout``,
``3 fouten, 1 waarschuwing in 2 bestanden``); rule ids stay as they are.
Text from the journeys is shown through :func:`cjm.output.escape.terminal`: an
ESC cannot drive the terminal, and a newline cannot forge a second
``file:line:col`` line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from cjm.lines import editor_lines
from cjm.lint.report import RunSummary
from cjm.output.escape import terminal
from cjm.problems import Problem, Severity
from cjm.text import DEFAULT_LANGUAGE, Message, Text, msg, nmsg, text_for

__all__ = ["format_problem", "report", "source_excerpt", "statistics_lines", "summary_line"]

_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _where(problem: Problem) -> str:
    return f"{terminal(problem.path)}:{problem.line}:{problem.column}:"


def format_problem(problem: Problem, text: Text | None = None) -> str:
    """``path:line:col: severity rule: message`` on one line, control characters shown,
    in ``text``'s language (English when not given)."""
    text = text or text_for(DEFAULT_LANGUAGE)
    said = terminal(text(problem.message))
    return f"{_where(problem)} {text(problem.severity.word)} {problem.rule}: {said}"


def _count(severity: Severity, count: int) -> Message:
    # Spelled out per severity so that the catalog extractor sees each literal.
    if severity is Severity.ERROR:
        return nmsg("{count} error", "{count} errors", count)
    if severity is Severity.WARNING:
        return nmsg("{count} warning", "{count} warnings", count)
    return nmsg("{count} info", "{count} infos", count)


def summary_line(summary: RunSummary) -> str:
    """``3 errors, 11 warnings in 4 files`` or ``no problems in 4 files``, in the run's language."""
    text = summary.text
    counts = Counter(problem.severity for problem in summary.problems)
    files = nmsg("{count} file", "{count} files", summary.files)
    parts = [
        text(_count(severity, counts[severity]))
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[severity]
    ]
    if not parts:
        return text(msg("no problems in {files}", files=files))
    return text(msg("{problems} in {files}", problems=", ".join(parts), files=files))


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


def statistics_lines(problems: Sequence[Problem], text: Text | None = None) -> list[str]:
    """``count  rule  severity`` per rule, most frequent first (ruff's ``--statistics``)."""
    text = text or text_for(DEFAULT_LANGUAGE)
    counts = Counter((problem.rule, problem.severity) for problem in problems)
    if not counts:
        return []
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][0], item[0][1].value))
    shown = [(text.number(count), rule, text(level.word)) for (rule, level), count in ordered]
    width = max(len(count) for count, _, _ in shown)
    rule_width = max(len(rule) for _, rule, _ in shown)
    return [f"{count:>{width}}  {rule:<{rule_width}}  {level}" for count, rule, level in shown]


def _lines(summary: RunSummary) -> list[tuple[Problem | None, str]]:
    """Every line of the report; the problem it belongs to, for colouring."""
    text = summary.text
    out: list[tuple[Problem | None, str]] = []
    if summary.statistics:
        out += [(None, line) for line in statistics_lines(summary.problems, text)]
    else:
        for problem in summary.problems:
            out.append((problem, format_problem(problem, text)))
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
    from rich.text import Text as Styled

    text = summary.text
    console = Console(file=stream, highlight=False, soft_wrap=True)
    last = len(lines) - 1
    for number, (problem, plain) in enumerate(lines):
        if problem is None:
            summary_row = number == last and not summary.quiet
            console.print(Styled(plain, style="bold" if summary_row else ""))
            continue
        styled = Styled()
        styled.append(_where(problem), style="bold")
        styled.append(" ")
        styled.append(text(problem.severity.word), style=_STYLES[problem.severity])
        styled.append(f" {problem.rule}", style="dim")
        styled.append(f": {terminal(text(problem.message))}")
        console.print(styled)
