"""``cjm new``: a skeleton that passes lint, for every model, language and segment."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cjm.cli import app
from cjm.models import JourneyInfo, Persona, PhaseEntry, Touchpoint
from cjm.phase_models import PRESETS
from cjm.problems import Severity
from cjm.scaffold import slugify
from tests.conftest import REPO, lint_sources

# A commented-out field of the skeleton: indentation, "# ", then `key: value`.
_COMMENTED = re.compile(r"^(\s*)# ([a-z_]+: .*)$", re.MULTILINE)

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
    # Each commented-out field is valid as it stands: removing the '# ' keeps the file
    # a valid journey (lint may then ask for content, but the format holds).
    uncommented = _COMMENTED.sub(r"\1\2", text)
    assert uncommented != text
    problems = lint_sources({"journeys/jonge-ouders.yaml": uncommented})
    assert [p.message for p in problems if p.rule in ("yaml-syntax", "schema")] == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_skeleton_shows_every_optional_field_with_an_explanation(
    in_tmp: Path, language: str
) -> None:
    (in_tmp / "cjm.yaml").write_text(f"language: {language}\n")
    assert runner.invoke(app, ["new", "Jonge ouders"]).exit_code == 0
    text = (in_tmp / "journeys" / "jonge-ouders.yaml").read_text(encoding="utf-8")
    blocks = {"  ": (Persona, JourneyInfo), "    ": (PhaseEntry,), "        ": (Touchpoint,)}
    for indent, models in blocks.items():
        for model in models:
            for field in model.model_fields:
                shown = re.search(
                    rf"^(?:{indent}|{indent[2:]}- )(# )?{field}:(?: .*)?$", text, re.MULTILINE
                )
                assert shown, f"{model.__name__}.{field} is not in the skeleton"
                if shown.group(1):  # commented out: it says what the field is for
                    assert re.search(r"\S\s+# \S", shown.group(0)), shown.group(0)


def test_the_skeleton_links_the_format_reference_from_the_project_url(in_tmp: Path) -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    repository = project["project"]["urls"]["Repository"]
    (in_tmp / "cjm.yaml").write_text("language: nl\n")
    assert runner.invoke(app, ["new", "Jonge ouders"]).exit_code == 0
    text = (in_tmp / "journeys" / "jonge-ouders.yaml").read_text(encoding="utf-8")
    assert f"# Alle velden en hun betekenis: {repository}/blob/main/docs/format.md\n" in text


def test_new_uses_the_project_model_and_journeys_folder(in_tmp: Path) -> None:
    (in_tmp / "cjm.yaml").write_text("model: four-stage\njourneys: maps\n")
    result = runner.invoke(app, ["new", "IT-manager"])
    assert result.exit_code == 0
    assert result.stdout == "created maps/it-manager.yaml\n"  # as the user would type it
    text = (in_tmp / "maps" / "it-manager.yaml").read_text(encoding="utf-8")
    assert "- id: decision" in text and "\n  model:" not in text


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
