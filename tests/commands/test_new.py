"""``cjm new``: a skeleton that passes lint, for every model, language and segment."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cjm.cli import app
from cjm.phase_models import PRESETS
from cjm.problems import Severity
from cjm.scaffold import slugify
from tests.conftest import lint_sources

runner = CliRunner()


@pytest.mark.parametrize("model", list(PRESETS))
@pytest.mark.parametrize(("language", "segment"), [("nl", "b2c"), ("en", "b2b")])
def test_new_skeleton_passes_lint(in_tmp: Path, model: str, language: str, segment: str) -> None:
    (in_tmp / "cjm.yaml").write_text(f"language: {language}\n")
    result = runner.invoke(app, ["new", "Jonge ouders", "--model", model, "--segment", segment])
    assert result.exit_code == 0, result.output
    path = in_tmp / "journeys" / "jonge-ouders.yaml"
    text = path.read_text(encoding="utf-8")
    problems = lint_sources({"journeys/jonge-ouders.yaml": text})
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    assert f"model: {model}" in text
    assert f"segment: {segment}" in text
    for phase in PRESETS[model].phases:  # every phase, named in a comment
        assert f"- id: {phase.id}" in text and phase.name(language) in text


def test_new_uses_the_project_model_and_journeys_folder(in_tmp: Path) -> None:
    (in_tmp / "cjm.yaml").write_text("model: four-stage\njourneys: maps\n")
    result = runner.invoke(app, ["new", "IT-manager"])
    assert result.exit_code == 0
    assert result.stdout == "created maps/it-manager.yaml\n"  # as the user would type it
    text = (in_tmp / "maps" / "it-manager.yaml").read_text(encoding="utf-8")
    assert "- id: decision" in text and "model:" not in text


def test_new_never_overwrites(in_tmp: Path) -> None:
    target = in_tmp / "journeys" / "jonge-ouders.yaml"
    target.parent.mkdir()
    target.write_text("mine\n")
    result = runner.invoke(app, ["new", "Jonge ouders"])
    assert result.exit_code == 2
    assert target.read_text() == "mine\n"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [(["new", "X", "--model", "nine-phase"], "unknown phase model"), (["new", "!!!"], "file name")],
)
def test_new_usage_errors(in_tmp: Path, args: list[str], fragment: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert fragment in result.output


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Jonge ouders", "jonge-ouders"),
        ("Oriëntatie & Co", "orientatie-co"),
        ("IT-manager MKB", "it-manager-mkb"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug
