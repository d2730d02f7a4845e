"""Every rule's cases: a YAML snippet and the ``line:col`` where the rule must fire.

Each file in ``cases/`` is named after a rule and holds a list of cases::

    - name: what the case shows
      journey: |          # or `files: {name.yaml: text, ...}` for cross-file rules
        persona: ...
      config: |           # optional: cjm.yaml content for the run (rules: and options too)
        language: en
      today: 2026-11-23   # optional: the date date rules compare with (default: TODAY)
      expect: ["5:7"]     # positions where this rule fires; [] for a passing case
      message: text       # optional: a fragment the first problem's message contains, in
                          # the case's language (cjm.yaml's language:, English by default)

Only the rule under test is compared, so a case need not be clean of other rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cjm.lint.rules import ALL_RULES
from cjm.text import DEFAULT_LANGUAGE, text_for
from tests.conftest import TODAY, config_from_text, lint_sources

CASES = Path(__file__).parent / "cases"


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            params.append(pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}"))
    return params


@pytest.mark.parametrize(("rule_id", "case"), _load_cases())
def test_rule_case(rule_id: str, case: dict[str, Any], tmp_path: Path) -> None:
    sources = case.get("files") or {"journey.yaml": case["journey"]}
    config = config_from_text(case["config"], tmp_path) if "config" in case else None
    today = case.get("today", TODAY)  # yaml.safe_load reads an unquoted date as a date
    problems = [p for p in lint_sources(sources, config=config, today=today) if p.rule == rule_id]
    many = "files" in case
    found = [f"{p.path}:{p.line}:{p.column}" if many else f"{p.line}:{p.column}" for p in problems]
    text = text_for(config.language if config is not None else DEFAULT_LANGUAGE)
    assert found == case["expect"], [f"{p.line}:{p.column} {text(p.message)}" for p in problems]
    if "message" in case:
        assert case["message"] in text(problems[0].message)


def test_every_rule_has_passing_and_failing_cases() -> None:
    cases: dict[str, list[dict[str, Any]]] = {}
    for path in CASES.glob("*.yaml"):
        cases[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8"))
    for rule in ALL_RULES:
        assert rule.id in cases, f"no cases/{rule.id}.yaml"
        assert any(not case["expect"] for case in cases[rule.id]), f"{rule.id}: no passing case"
        assert any(case["expect"] for case in cases[rule.id]), f"{rule.id}: no failing case"
    assert set(cases) <= {rule.id for rule in ALL_RULES}, "a case file names no rule"
