from __future__ import annotations

from cjm.lint.report import RunSummary
from cjm.lint.report.text import format_problem, summary_line
from tests.lint.report.conftest import render


def test_one_line_per_problem_and_a_summary(summary: RunSummary) -> None:
    lines = render("text", summary).splitlines()
    assert lines[:-1] == [format_problem(problem) for problem in summary.problems]
    assert lines[-1] == summary_line(summary)
    assert lines[-1].endswith("in 3 files")


def test_quiet_drops_the_summary(summary: RunSummary) -> None:
    lines = render("text", summary._replace(quiet=True)).splitlines()
    assert lines == [format_problem(problem) for problem in summary.problems]
    assert render("text", RunSummary([], 2, quiet=True)) == ""


def test_show_source_puts_a_caret_under_the_column(summary: RunSummary) -> None:
    out = render("text", summary._replace(show_source=True, quiet=True))
    problem = next(p for p in summary.problems if p.rule == "empty-phase")
    expected = f"{format_problem(problem)}\n 3 |   - id: orientation\n   |     ^\n"
    assert expected in out


def test_statistics_count_per_rule(summary: RunSummary) -> None:
    out = render("text", summary._replace(statistics=True))
    lines = out.splitlines()
    assert lines[-1] == summary_line(summary)
    counts = {line.split()[1]: int(line.split()[0]) for line in lines[:-1]}
    assert sum(counts.values()) == len(summary.problems)
    assert counts["missing-kpi"] == 2
    assert [int(line.split()[0]) for line in lines[:-1]] == sorted(counts.values(), reverse=True)


def test_control_characters_are_shown_not_obeyed_with_or_without_colour() -> None:
    import io

    from cjm.lint.report import get_reporter
    from cjm.problems import Problem, Severity
    from cjm.text import msg

    message = "channel '\x1b[2J\nx.yaml:1:1: error forged: no' is not in the project's channels"
    problem = Problem(
        "a\x1b.yaml",
        2,
        3,
        2,
        9,
        "unknown-channel",
        Severity.WARNING,
        msg("{problem}", problem=message),
    )
    for color in (False, True):
        stream = io.StringIO()
        get_reporter("text")(RunSummary([problem], 1), stream, color)
        out = stream.getvalue()
        assert "\x1b[2J" not in out and "\\x1b[2J\\nx.yaml:1:1" in out
        assert "a\\x1b.yaml:2:3:" in out
        assert len(out.splitlines()) == 2  # the problem and the summary
