from __future__ import annotations

import pytest
from typer.testing import CliRunner

from cjm.cli import app
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
    assert "Passing::" in result.stdout and "Failing::" in result.stdout


def test_options_are_listed() -> None:
    result = CliRunner().invoke(app, ["rules", "stale-review"])
    assert "Options (in cjm.yaml under rules: stale-review:): max_age_days" in result.stdout


def test_an_unknown_rule_is_exit_2_with_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["rules", "missing-kip"])
    assert result.exit_code == 2
    assert "unknown rule 'missing-kip' — did you mean 'missing-kpi'?" in result.stderr
