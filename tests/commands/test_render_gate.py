"""Render runs only the rules that can stop it, and stops exactly what the whole lint stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.commands.render import lint_gate
from cjm.config import load_config
from cjm.lint.engine import lint
from cjm.lint.report.text import format_problem
from cjm.lint.rules import ALL_RULES
from cjm.loader import load_paths
from cjm.problems import Severity
from tests.conftest import REPO

OWNERLESS = """\
persona: {id: zonder, name: Zonder eigenaar}
phases:
  - id: orientation
    touchpoints:
      - {id: zoeken, name: Zoeken, channel: search}  # cjm: disable=missing-kpi
  - id: purchase
    touchpoints: []
"""
BROKEN = "persona: {id: kapot, name: Kapot\nphases: [\n"

CONFIGS = [
    pytest.param("", id="defaults"),
    pytest.param("rules:\n  missing-owner: error\n", id="a-warning-made-an-error"),
    pytest.param("rules:\n  empty-phase: warning\n", id="an-error-made-a-warning"),
    pytest.param("rules:\n  unused-suppression: error\n", id="unused-suppression-an-error"),
    pytest.param("rules:\n  empty-phase: off\n  schema: warning\n", id="off-and-lowered"),
]


def test_a_warning_made_an_error_stops_the_render(in_tmp: Path) -> None:
    (in_tmp / "cjm.yaml").write_text("rules:\n  missing-owner: error\n", encoding="utf-8")
    (in_tmp / "zonder.yaml").write_text(OWNERLESS, encoding="utf-8")
    config = load_config()
    clean, blocked = lint_gate(load_paths([Path("zonder.yaml")], config), config)
    assert clean == []
    assert any("missing-owner" in line for line in blocked["zonder.yaml"])


@pytest.mark.parametrize("settings", CONFIGS)
def test_the_gate_stops_what_the_whole_lint_stops(in_tmp: Path, settings: str) -> None:
    (in_tmp / "cjm.yaml").write_text(f"language: en\n{settings}", encoding="utf-8")
    journeys = in_tmp / "journeys"
    journeys.mkdir()
    for example in sorted((REPO / "journeys").glob("*.yaml")):
        (journeys / example.name).write_bytes(example.read_bytes())
    (journeys / "zonder.yaml").write_text(OWNERLESS, encoding="utf-8")
    (journeys / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    config = load_config()
    files = load_paths([Path("journeys")], config)
    expected: dict[str, list[str]] = {}
    for problem in lint(files, config, ALL_RULES):
        if problem.severity is Severity.ERROR:
            expected.setdefault(problem.path, []).append(format_problem(problem))
    assert "journeys/kapot.yaml" in expected  # the gate has something to stop
    clean, blocked = lint_gate(files, config)
    assert blocked == expected
    assert [file.path for file in clean] == [
        file.path for file in files if file.path not in expected and file.journey is not None
    ]
