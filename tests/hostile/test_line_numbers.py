"""Positions are the line an editor, ``grep -n`` and GitHub show (issue 10, class 2).

U+0085, U+2028 and U+2029 are line breaks to libyaml and ``str.splitlines`` but
ordinary characters to every tool a consultant uses; a value holding one must
not shift the position of anything after it.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cjm.config import Config
from cjm.lines import EXTRA_BREAKS, LineIndex, editor_lines
from cjm.lint.report import RunSummary, get_reporter
from cjm.lint.report.text import source_excerpt
from cjm.lint.rules import ALL_RULES
from cjm.lint.settings import configure
from cjm.yaml_source import YamlProblem, parse_yaml
from tests.conftest import lint_source

SEPARATORS = pytest.mark.parametrize("separator", EXTRA_BREAKS, ids=lambda c: f"U+{ord(c):04X}")


def _line_of(text: str, needle: str) -> int:
    """The line ``grep -n`` gives: count of '\\n' before the needle, plus one."""
    return text[: text.index(needle)].count("\n") + 1


def _journey(separator: str, tail: str) -> str:
    return (
        f'persona: {{name: "Jonge{separator}ouders", goals: [a{separator}b]}}\n'
        "phases:\n"
        "  - id: orientation\n"
        f"    goal: 'twee{separator}regels'\n"
        "    touchpoints:\n"
        f"      - {{id: a, name: A, channel: web, owner: M, cta: x}}\n{tail}"
    )


@SEPARATORS
def test_schema_problem_after_a_separator(separator: str) -> None:
    text = _journey(separator, "      - {id: b, name: B, channel: web, emotion: 9}\n")
    (problem,) = [p for p in lint_source(text) if p.rule == "schema"]
    line = _line_of(text, "emotion: 9")
    assert (problem.line, problem.column) == (line, text.split("\n")[line - 1].index("9") + 1)


@SEPARATORS
def test_rule_problem_after_a_separator(separator: str) -> None:
    text = _journey(separator, "      - {id: b, name: B, channel: web, owner: M}\n")
    (problem,) = [p for p in lint_source(text) if p.rule == "missing-cta"]
    assert problem.line == _line_of(text, "id: b")


@SEPARATORS
def test_syntax_and_duplicate_key_positions(separator: str) -> None:
    text = f'a: "x{separator}y"\nb: [1,\nc: 2\n'
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    assert (caught.value.line, caught.value.column) == (4, 1)
    assert str(caught.value.message).endswith("(while parsing a flow sequence at 2:4)")
    text = f'a: "x{separator}y"\nb: 1\nb: 2\n'
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    assert (caught.value.line, caught.value.column) == (3, 1)
    assert "first at 2:1" in str(caught.value.message)


@SEPARATORS
def test_spans_start_and_end_on_editor_lines(separator: str) -> None:
    text = f'a: "een{separator}twee"\nb: [1, "x{separator}", 3]\n'
    document = parse_yaml(text)
    assert document.span(("a",)) == (1, 4, 1, 14)
    assert document.span(("b", 2)) == (2, 14, 2, 15)


@SEPARATORS
def test_suppression_after_a_separator(separator: str) -> None:
    text = _journey(
        separator, "      - {id: b, name: B, channel: web, owner: M}  # cjm: disable=missing-cta\n"
    )
    assert [p.rule for p in lint_source(text)].count("missing-cta") == 0
    assert [p.rule for p in lint_source(text)].count("unused-suppression") == 0


@SEPARATORS
def test_reports_show_and_fingerprint_the_editor_line(separator: str) -> None:
    text = _journey(separator, "      - {id: b, name: B, channel: web, emotion: 9}\n")
    problems = [p for p in lint_source(text) if p.rule == "schema"]
    (problem,) = problems
    assert source_excerpt(problem, text)[0].endswith("- {id: b, name: B, channel: web, emotion: 9}")
    summary = RunSummary(
        problems,
        1,
        sources={problem.path: text},
        rules=configure(ALL_RULES, Config(root=Path())),
        root=Path(),
    )
    for name in ("github", "sarif"):
        stream = io.StringIO()
        get_reporter(name)(summary, stream, False)
        out = stream.getvalue()
        if name == "github":
            assert f"line={problem.line}," in out
        else:
            (result,) = json.loads(out)["runs"][0]["results"]
            region = result["locations"][0]["physicalLocation"]["region"]
            assert region["startLine"] == _line_of(text, "emotion: 9")


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("", []),
        ("a", ["a"]),
        ("a\n", ["a"]),
        ("a\nb", ["a", "b"]),
        ("a\r\nb\rc\n", ["a", "b", "c"]),
        ("a\u2028b\x85c\u2029d\n", ["a\u2028b\x85c\u2029d"]),
        ("\n\n", ["", ""]),
    ],
)
def test_editor_lines(text: str, lines: list[str]) -> None:
    assert editor_lines(text) == lines
    index = LineIndex.of(text)
    for number, line in enumerate(lines, start=1):
        if line:
            offset = text.index(line, index.starts[number - 1])
            assert index.position(offset) == (number, 1)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("a: é\x00\n", (1, 5)),
        ("a: ééé\nb: \x07\n", (2, 4)),
        ("a: '日本語'\nb: x\x01", (2, 5)),
        ("a: '😀'\n\x1b", (2, 1)),
    ],
)
def test_a_control_character_after_multibyte_text(text: str, position: tuple[int, int]) -> None:
    # libyaml reports these with a byte offset; found by the property-based suite.
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    assert (caught.value.line, caught.value.column) == position
