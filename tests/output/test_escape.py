"""Every escaping function against its cases (escape.yaml), and JSON's strictness."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from cjm.output import escape

CASES: dict[str, list[list[str]]] = yaml.safe_load(
    (Path(__file__).parent / "escape.yaml").read_text(encoding="utf-8")
)
FLAT = [(name, given, expected) for name, cases in CASES.items() for given, expected in cases]


@pytest.mark.parametrize(("function", "given", "expected"), FLAT)
def test_escape(function: str, given: str, expected: str) -> None:
    assert getattr(escape, function)(given) == expected


def test_every_escaping_function_has_cases() -> None:
    public = {name for name in escape.__all__ if name not in ("text", "finite", "json_text")}
    assert public <= set(CASES)


def _strict(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def test_json_text_is_strict_and_says_null_for_non_finite_numbers() -> None:
    value = {"a": math.nan, "b": [math.inf, -math.inf, 1.5], "c": "\udcff", 1: 2}
    text = escape.json_text(value)
    assert _strict(text) == {"a": None, "b": [None, None, 1.5], "c": "\\xff", "1": 2}
    assert text.endswith("\n")


def test_terminal_keeps_newlines_only_when_asked() -> None:
    assert escape.terminal("a\nb\x1b", keep_newlines=True) == "a\nb\\x1b"


def test_yaml_string_reads_back_as_written() -> None:
    corpus = yaml.safe_load((Path(__file__).parent / "hostile.yaml").read_text(encoding="utf-8"))
    for value in corpus:
        assert yaml.safe_load(f"key: {escape.yaml_string(value)}\n") == {"key": value}, value


def test_folding_may_skip_printable_strings() -> None:
    """escape._fold returns a printable str without a double space as it is: that is
    only right while every character its patterns change, but a single space, is
    unprintable."""
    import sys

    from cjm.output.escape import _CONTROL, _SURROGATE, _WHITESPACE

    printable = "".join(
        char for char in map(chr, range(sys.maxunicode + 1)) if char.isprintable() and char != " "
    )
    for pattern in (_WHITESPACE, _CONTROL, _SURROGATE):
        assert pattern.search(printable) is None, pattern.pattern


@pytest.mark.parametrize("value", ["a  b", "a\u00a0b", "a\tb", "x\u2028y", " lead", "plain"])
def test_folding_a_string_is_folding_its_text(value: str) -> None:
    from cjm.output.escape import _CONTROL, _WHITESPACE, _fold, _visible, text

    assert _fold(value) == _CONTROL.sub(_visible, _WHITESPACE.sub(" ", text(value)))
