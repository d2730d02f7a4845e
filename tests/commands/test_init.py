"""``cjm init``: a working project, never an overwritten file."""

from __future__ import annotations

from pathlib import Path

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
        "cjm.schema.json",
        "cjm.yaml",
        "journeys/jonge-ouders.yaml",
    ]
    assert "language: en" in (project / "cjm.yaml").read_text()
    assert "build/" in (project / ".gitignore").read_text().splitlines()
    example = (project / "journeys" / "jonge-ouders.yaml").read_bytes()
    assert example == (REPO / "journeys" / "jonge-ouders.yaml").read_bytes()


def test_init_refuses_to_overwrite_and_changes_nothing(in_tmp: Path) -> None:
    (in_tmp / ".gitignore").write_text("node_modules/\n")
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 2
    assert ".gitignore" in result.output and "nothing was written" in result.output
    assert sorted(p.name for p in in_tmp.iterdir()) == [".gitignore"]
    assert (in_tmp / ".gitignore").read_text() == "node_modules/\n"


def test_init_rejects_an_unknown_language(in_tmp: Path) -> None:
    result = runner.invoke(app, ["init", "--language", "de"])
    assert result.exit_code == 2
    assert list(in_tmp.iterdir()) == []
