"""``cjm templates export``: the built-in set, copied; never over a consultant's files."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cjm.cli import app
from cjm.render.environment import builtin_templates
from tests.conftest import REPO


def test_export_copies_every_built_in_template(in_tmp: Path) -> None:
    result = CliRunner().invoke(app, ["templates", "export", "mine"])
    assert result.exit_code == 0, result.output
    built_in = {p.name: p.read_bytes() for p in builtin_templates().glob("*.j2")}
    assert {p.name: p.read_bytes() for p in (in_tmp / "mine").iterdir()} == built_in
    assert "journey.html.j2" in built_in and "index.md.j2" in built_in
    assert "created mine/journey.html.j2" in result.stdout


def test_exported_templates_render_what_the_built_in_ones_do(in_tmp: Path) -> None:
    runner = CliRunner()
    journey = str(REPO / "journeys" / "jonge-ouders.yaml")
    assert runner.invoke(app, ["templates", "export", "mine"]).exit_code == 0
    formats = ["-f", "html", "-f", "markdown"]
    assert runner.invoke(app, ["render", journey, *formats, "--out", "a"]).exit_code == 0
    assert (
        runner.invoke(app, ["render", journey, *formats, "--out", "b", "--templates", "mine"])
    ).exit_code == 0
    a = {p.name: p.read_bytes() for p in (in_tmp / "a").iterdir()}
    assert a == {p.name: p.read_bytes() for p in (in_tmp / "b").iterdir()}


def test_export_never_overwrites(in_tmp: Path) -> None:
    (in_tmp / "mine").mkdir()
    (in_tmp / "mine" / "journey.md.j2").write_text("my own\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["templates", "export", "mine"])
    assert result.exit_code == 2
    assert "refusing to overwrite existing files; nothing was written:\n  mine/journey.md.j2" in (
        result.stderr
    )
    assert [p.name for p in (in_tmp / "mine").iterdir()] == ["journey.md.j2"]
    assert (in_tmp / "mine" / "journey.md.j2").read_text(encoding="utf-8") == "my own\n"
