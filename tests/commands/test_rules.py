from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from cjm.cli import app
from cjm.lint.rule import plain_text
from cjm.lint.rules import ALL_RULES


def test_the_list_names_every_rule_with_its_severity_and_summary() -> None:
    result = CliRunner().invoke(app, ["rules"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [
        [rule.id, rule.severity.value] for rule in ALL_RULES
    ]
    assert all(line.endswith(rule.summary) for line, rule in zip(lines, ALL_RULES, strict=True))


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_one_rule_prints_its_documentation_with_examples(rule: object) -> None:
    rule_id = getattr(rule, "id")  # noqa: B009 - parametrized as object for the ids lambda
    result = CliRunner().invoke(app, ["rules", rule_id])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{rule_id} (default severity: ")
    assert "\nPassing:\n\n    " in result.stdout and "\nFailing:\n\n    " in result.stdout
    # Clean terminal text: no reST markup around code, no '::' before the examples.
    assert "``" not in result.stdout and "::" not in result.stdout.replace("{{", "")
    assert not re.search(r":[a-z]+:`", result.stdout)


@pytest.mark.parametrize(
    ("doc", "text"),
    [
        ("Needs an ``owner``.", "Needs an 'owner'."),
        ("See :class:`~cjm.problems.Finding` and :mod:`cjm.lint`.", "See Finding and cjm.lint."),
        ("Passing::\n\n    a: ``kept``\n", "Passing:\n\n    a: ``kept``"),
        ("Set ``rules: {x: {y: [...]}}``.", "Set 'rules: {x: {y: [...]}}'."),
    ],
)
def test_plain_text_drops_markup_in_prose_only(doc: str, text: str) -> None:
    assert plain_text(doc) == text


def test_options_are_listed() -> None:
    result = CliRunner().invoke(app, ["rules", "stale-review"])
    assert "Options (in cjm.yaml under rules: stale-review:): max_age_days" in result.stdout


def test_an_unknown_rule_is_exit_2_with_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["rules", "missing-kip"])
    assert result.exit_code == 2
    assert "onbekende regel 'missing-kip' — bedoel je 'missing-kpi'?" in result.stderr  # nl
