"""``cjm init``: a working project, never an overwritten file."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cjm.cli import app
from tests.conftest import REPO

runner = CliRunner()


def test_init_creates_a_project_that_lints_clean(in_tmp: Path) -> None:
    result = runner.invoke(app, ["init", "project", "--language", "en"])
    assert result.exit_code == 0, result.output
    project = in_tmp / "project"
    assert sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_file()) == [
        ".gitignore",
        "cjm.opportunities.schema.json",
        "cjm.schema.json",
        "cjm.yaml",
        "journeys/it-manager-mkb.yaml",
        "journeys/jonge-ouders.yaml",
        "journeys/online-shopper.yaml",
        "opportunities.yaml",
    ]
    assert "language: en" in (project / "cjm.yaml").read_text()
    assert "build/" in (project / ".gitignore").read_text().splitlines()
    for name in ("journeys/jonge-ouders.yaml", "opportunities.yaml"):
        assert (project / name).read_bytes() == (REPO / name).read_bytes()
    # The opportunities link all three personas, and every link holds.
    os.chdir(project)
    linted = runner.invoke(app, ["lint", "--select", "unknown-link,orphan-opportunity,schema"])
    assert (linted.exit_code, linted.output) == (0, "no problems in 4 files\n")


def test_init_refuses_to_overwrite_and_changes_nothing(in_tmp: Path) -> None:
    (in_tmp / ".gitignore").write_text("node_modules/\n")
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 2
    assert ".gitignore" in result.output and "er is niets geschreven" in result.output  # nl project
    assert sorted(p.name for p in in_tmp.iterdir()) == [".gitignore"]
    assert (in_tmp / ".gitignore").read_text() == "node_modules/\n"


def test_init_rejects_an_unknown_language(in_tmp: Path) -> None:
    result = runner.invoke(app, ["init", "--language", "de"])
    assert result.exit_code == 2
    assert list(in_tmp.iterdir()) == []


def test_bare_makes_a_client_project_without_the_example(in_tmp: Path) -> None:
    result = runner.invoke(app, ["init", "klant", "--bare"])
    assert result.exit_code == 0, result.output
    project = in_tmp / "klant"
    assert sorted(str(p.relative_to(project)) for p in project.rglob("*")) == [
        ".gitignore",
        "cjm.opportunities.schema.json",
        "cjm.schema.json",
        "cjm.yaml",
        "journeys",
        "journeys/.gitkeep",  # git keeps no empty folder; cjm skips hidden files
    ]
    assert (project / "journeys" / ".gitkeep").read_bytes() == b""
    # In the project's language (init's default, nl), as its cjm.yaml is.
    assert 'volgende stap: cd klant && cjm new "Naam van de persona"' in result.output.splitlines()
    os.chdir(project)
    linted = runner.invoke(app, ["lint"])
    assert (linted.exit_code, linted.output) == (0, "geen problemen in 0 bestanden\n")  # nl
    assert runner.invoke(app, ["new", "Jonge ouders"]).exit_code == 0
    assert (project / "journeys" / "jonge-ouders.yaml").is_file()


@pytest.mark.parametrize("inside", [False, True], ids=["outside git", "inside git"])
def test_init_suggests_git_init_outside_a_repository(in_tmp: Path, inside: bool) -> None:
    if inside:
        subprocess.run(["git", "init", "-q", str(in_tmp)], check=True)
    result = runner.invoke(app, ["init", "project", "--bare", "--language", "en"])
    assert result.exit_code == 0
    note = (
        "note: project is not in a git repository; journeys are kept in git "
        "(cjm diff --rev, reviews in pull requests): run 'cd project && git init'"
    )
    assert (note in result.output.splitlines()) is not inside
