"""A rule's docstring is its documentation; its examples must be true."""

from __future__ import annotations

import re

import pytest

from cjm.lint.rule import Rule
from cjm.lint.rules import ALL_RULES
from tests.conftest import lint_sources

_FILE_MARK = re.compile(r"^# (\S+\.ya?ml)$", re.MULTILINE)


def example(rule: Rule, kind: str) -> str:
    """The indented block after ``Passing::`` or ``Failing::`` in the docstring."""
    match = re.search(rf"^{kind}::\n\n((?:    .*\n|\n)+)", rule.doc, re.MULTILINE)
    assert match, f"{rule.id}: no '{kind}::' example in its docstring"
    lines = match.group(1).rstrip("\n").splitlines()
    return "\n".join(line[4:] for line in lines) + "\n"


def sources(text: str) -> dict[str, str]:
    """An example either is one journey, or several marked ``# journeys/name.yaml``."""
    parts = _FILE_MARK.split(text)
    if len(parts) == 1:
        return {"journey.yaml": text}
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def _turned_on(rule: Rule) -> set[str] | None:
    """A rule that is off by default runs in its examples as if cjm.yaml turned it on."""
    return None if rule.enabled else {rule.id}


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_docstring_has_summary_and_explanation(rule: Rule) -> None:
    paragraphs = [p for p in rule.doc.split("\n\n") if p.strip()]
    assert len(paragraphs) >= 4, f"{rule.id}: summary, why, passing and failing examples"
    assert rule.summary and len(rule.summary) <= 80


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_passing_example_passes(rule: Rule) -> None:
    problems = lint_sources(sources(example(rule, "Passing")), select=_turned_on(rule))
    assert [p for p in problems if p.rule == rule.id] == []


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_failing_example_fails(rule: Rule) -> None:
    problems = lint_sources(sources(example(rule, "Failing")), select=_turned_on(rule))
    assert [p for p in problems if p.rule == rule.id], f"{rule.id}: the failing example passes"
