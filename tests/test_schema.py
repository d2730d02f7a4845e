"""The JSON Schema says what cjm accepts: every example journey passes, broken ones fail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from cjm.cli import app
from cjm.schema import SCHEMA_FILE, journey_schema, opportunities_schema, schema_text
from cjm.yaml_source import decode, parse_yaml
from tests.conftest import REPO
from tests.lint.rules.test_cases import CASES

VALIDATOR = jsonschema.Draft202012Validator(journey_schema())


def _data(text: str) -> Any:
    return parse_yaml(decode(text.encode())).data  # as cjm reads it (YAML 1.2, merge keys)


def _schema_cases(failing: bool) -> list[Any]:
    cases = yaml.safe_load((CASES / "schema.yaml").read_text(encoding="utf-8"))
    return [
        pytest.param(case["journey"], id=case["name"])
        for case in cases
        if bool(case["expect"]) == failing and "journey" in case
    ]


def test_the_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(journey_schema())
    assert schema_text() == schema_text() and schema_text().endswith("}\n")


@pytest.mark.parametrize("path", sorted((REPO / "journeys").glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_journey_is_accepted(path: Path) -> None:
    errors = [error.message for error in VALIDATOR.iter_errors(_data(path.read_text("utf-8")))]
    assert errors == []


@pytest.mark.parametrize("text", _schema_cases(failing=False))
def test_valid_cases_are_accepted(text: str) -> None:
    assert [error.message for error in VALIDATOR.iter_errors(_data(text))] == []


@pytest.mark.parametrize("text", _schema_cases(failing=True))
def test_schema_invalid_cases_are_rejected(text: str) -> None:
    assert list(VALIDATOR.iter_errors(_data(text)))


def test_cjm_schema_prints_it_and_writes_it(in_tmp: Path) -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0 and result.stdout == schema_text()
    result = CliRunner().invoke(app, ["schema", "--output", "cjm.schema.json"])
    assert result.exit_code == 0 and result.stdout == ""
    assert (in_tmp / "cjm.schema.json").read_text(encoding="utf-8") == schema_text()


def test_init_writes_the_schema(in_tmp: Path) -> None:
    result = CliRunner().invoke(app, ["init", "project"])
    assert result.exit_code == 0, result.stderr
    assert (in_tmp / "project" / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text()
    assert f"{Path('project') / SCHEMA_FILE} aangemaakt" in result.stdout  # init's default: nl


@pytest.mark.parametrize(
    ("journeys", "line"), [("journeys", "../"), ("docs/klantreizen", "../../")]
)
def test_new_points_editors_at_the_schema(in_tmp: Path, journeys: str, line: str) -> None:
    (in_tmp / "cjm.yaml").write_text(f"journeys: {journeys}\n", encoding="utf-8")
    (in_tmp / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
    result = CliRunner().invoke(app, ["new", "Jonge ouders"])
    assert result.exit_code == 0, result.stderr
    written = (in_tmp / journeys / "jonge-ouders.yaml").read_text(encoding="utf-8")
    assert written.splitlines()[0] == f"# yaml-language-server: $schema={line}{SCHEMA_FILE}"
    assert result.stderr == ""
    assert list(VALIDATOR.iter_errors(_data(written))) == []


def test_new_says_how_to_write_a_missing_schema(in_tmp: Path) -> None:
    result = CliRunner().invoke(app, ["new", "Jonge ouders"])
    assert result.exit_code == 0
    assert "cjm schema --output" in result.stderr


OPPORTUNITIES = jsonschema.Draft202012Validator(opportunities_schema())


def test_the_opportunities_schema_accepts_the_example_and_refuses_mistakes() -> None:
    jsonschema.Draft202012Validator.check_schema(opportunities_schema())
    example = _data((REPO / "opportunities.yaml").read_text("utf-8"))
    assert [error.message for error in OPPORTUNITIES.iter_errors(example)] == []
    for broken in (
        "opportunities: [{id: a, title: A, impact: 6, effort: 1}]",
        "opportunities: [{id: a, title: A, impact: 3}]",
        "opportunities: [{id: a, title: A, impact: 3, effort: 1, links: [Jonge/ouders]}]",
        "opportunities: [{id: a, title: A, impact: 3, effort: 1, status: klaar}]",
        "opportunities: [{id: a, title: A, impact: 3, effort: 1, owner: x, eigenaar: y}]",
    ):
        assert list(OPPORTUNITIES.iter_errors(_data(broken))), broken
    extension = "opportunities: [{id: a, title: A, impact: 3, effort: 1, x-jira: CX-1}]"
    assert list(OPPORTUNITIES.iter_errors(_data(extension))) == []


def test_cjm_schema_for_opportunities() -> None:
    result = CliRunner().invoke(app, ["schema", "--for", "opportunities"])
    assert result.exit_code == 0 and result.stdout == schema_text("opportunities")
    assert '"title": "cjm opportunities file"' in result.stdout
