"""``rules:`` in cjm.yaml and --select/--ignore: what runs, how severe, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.errors import ConfigError, UsageError
from cjm.lint.rules import ALL_RULES
from cjm.lint.settings import configure
from cjm.problems import Severity
from tests.conftest import config_from_text, lint_sources

JOURNEY = """\
persona: {name: A}
journey: {reviewed: 2026-01-01}
phases:
  - id: orientation
    touchpoints:
      - {id: a, name: A, channel: web}
"""

BAD_CONFIGS = [
    ("rules:\n  missing-kpi: loud\n", 2, 16, "severity must be one of off, info, warning, error"),
    ("rules:\n  missing-kip: off\n", 2, 3, "unknown rule 'missing-kip' — did you mean"),
    (
        "rules:\n  stale-review: {severity: error, max_age_days: soon}\n",
        2,
        49,
        "rules.stale-review: 'max_age_days' must be a whole number, got 'soon'",
    ),
    (
        "rules:\n  stale-review:\n    max_age_days: 0\n",
        3,
        19,
        "rules.stale-review: 'max_age_days' must be 1 or more, got 0",
    ),
    (
        "rules:\n  stale-review:\n    max_days: 30\n",
        3,
        5,
        "unknown option 'max_days' — did you mean 'max_age_days'? "
        "('stale-review' takes: severity, max_age_days)",
    ),
    (
        "rules:\n  missing-cta: {channels: [a]}\n",
        2,
        17,
        "unknown option 'channels' ('missing-cta' takes: severity)",
    ),
    (
        "rules:\n  unknown-channel: {channels: email}\n",
        2,
        31,
        "rules.unknown-channel: 'channels' must be a list",
    ),
    ("rules:\n  missing-cta: [warning]\n", 2, 16, "takes one of off, info, warning, error"),
]


@pytest.mark.parametrize(("text", "line", "column", "message"), BAD_CONFIGS)
def test_a_wrong_rule_setting_names_its_line(
    text: str, line: int, column: int, message: str, tmp_path: Path
) -> None:
    config = config_from_text(text, tmp_path)
    with pytest.raises(ConfigError) as raised:
        configure(ALL_RULES, config)
    error = raised.value
    assert error.exit_code == 2
    assert error.location is not None
    assert (error.location.line, error.location.column) == (line, column), str(error)
    assert message in str(error)
    assert str(error).startswith(f"{tmp_path / 'cjm.yaml'}:{line}:{column}: ")


def _rules(tmp_path: Path, text: str, **flags: object) -> dict[str, Severity]:
    config = config_from_text(text, tmp_path)
    return {
        item.rule.id: item.severity
        for item in configure(ALL_RULES, config, **flags)  # type: ignore[arg-type]
    }


def test_severities_and_off_from_the_configuration(tmp_path: Path) -> None:
    text = "rules:\n  missing-kpi: off\n  missing-cta: error\n  thin-persona: {severity: info}\n"
    active = _rules(tmp_path, text)
    assert "missing-kpi" not in active
    assert active["missing-cta"] is Severity.ERROR
    assert active["thin-persona"] is Severity.INFO
    assert active["missing-owner"] is Severity.INFO


@pytest.mark.parametrize(
    ("text", "flags", "expected"),
    [
        ("language: nl\n", {}, None),
        ("rules:\n  missing-backstage: warning\n", {}, Severity.WARNING),
        ("rules:\n  missing-backstage: {}\n", {}, Severity.INFO),
        ("language: nl\n", {"select": ["missing-backstage"]}, Severity.INFO),
    ],
    ids=["off by default", "a severity", "a mapping", "--select"],
)
def test_a_rule_off_by_default_runs_when_named(
    text: str, flags: dict[str, object], expected: Severity | None, tmp_path: Path
) -> None:
    assert _rules(tmp_path, text, **flags).get("missing-backstage") is expected


def test_select_limits_the_run_and_turns_on_what_the_configuration_turned_off(
    tmp_path: Path,
) -> None:
    active = _rules(tmp_path, "rules:\n  missing-kpi: off\n", select=["missing-kpi", "schema"])
    assert active == {"schema": Severity.ERROR, "missing-kpi": Severity.INFO}


def test_ignore_wins_over_select(tmp_path: Path) -> None:
    active = _rules(tmp_path, "", select=["missing-kpi", "schema"], ignore=["schema"])
    assert active == {"missing-kpi": Severity.INFO}


@pytest.mark.parametrize("flag", ["select", "ignore"])
def test_an_unknown_rule_on_the_command_line_is_a_usage_error(flag: str, tmp_path: Path) -> None:
    config = config_from_text("", tmp_path)
    with pytest.raises(UsageError, match=f"--{flag}: unknown rule 'missing-cat' — did you mean"):
        configure(ALL_RULES, config, **{flag: ["missing-cat"]})


def test_configured_severity_and_options_reach_the_problems(tmp_path: Path) -> None:
    config = config_from_text(
        "rules:\n  stale-review: {severity: error, max_age_days: 400}\n  missing-cta: info\n",
        tmp_path,
    )
    problems = lint_sources({"j.yaml": JOURNEY}, config=config)
    by_rule = {problem.rule: problem.severity for problem in problems}
    assert "stale-review" not in by_rule  # 326 days old, within 400
    assert by_rule["missing-cta"] is Severity.INFO
    config = config_from_text("rules:\n  stale-review: {severity: error}\n", tmp_path)
    problems = lint_sources({"j.yaml": JOURNEY}, config=config)
    assert [p.severity for p in problems if p.rule == "stale-review"] == [Severity.ERROR]
