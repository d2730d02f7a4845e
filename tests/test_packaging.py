"""The wheel carries what it needs from the repository's top level: an installed cjm
renders with the built-in templates and `cjm init` writes the example journey."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cjm.render.environment import builtin_templates
from tests.conftest import REPO
from tests.render.helpers import load_example, render


def test_a_development_install_uses_the_repository_templates() -> None:
    assert builtin_templates() == REPO / "templates"


@pytest.mark.slow
def test_the_wheel_renders_without_the_repository(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO)],
        check=True,
    )
    (wheel,) = dist.glob("cjm-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        site = tmp_path / "site"
        archive.extractall(site)
    shipped = {f"cjm/templates/{path.name}" for path in (REPO / "templates").glob("*.j2")}
    assert len(shipped) >= 9 and shipped <= names
    # The catalogs ship compiled: the .po source and the .mo the build made from it.
    for language in ("en", "nl"):
        assert f"cjm/locale/{language}/LC_MESSAGES/cjm.po" in names
        assert f"cjm/locale/{language}/LC_MESSAGES/cjm.mo" in names
    # So do the templates' code: each template in each environment (html, md, mmd;
    # trusted and sandboxed), made by the build (cjm.render.precompiled).
    compiled = {n for n in names if n.startswith("cjm/render/compiled/") and n.endswith(".jbc")}
    assert len(compiled) == 6 * len(shipped)

    # The unpacked wheel first on the path, run from a folder outside the repository.
    project = tmp_path / "project"
    (project / "journeys").mkdir(parents=True)
    shutil.copy(REPO / "journeys" / "jonge-ouders.yaml", project / "journeys")
    (project / "cjm.yaml").write_text("language: nl\n", encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(site)}
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cjm.render import environment as e; print(e.builtin_templates())",
        ],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip() == str(site / "cjm" / "templates")
    result = subprocess.run(
        [sys.executable, "-m", "cjm", "render", "-f", "markdown"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    expected = render([load_example(REPO / "journeys" / "jonge-ouders.yaml")], ["markdown"])
    assert (project / "build" / "jonge-ouders.md").read_text(encoding="utf-8") == (
        expected["jonge-ouders.md"]
    )

    init = subprocess.run(
        [sys.executable, "-m", "cjm", "init", "fresh"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "fresh" / "journeys" / "jonge-ouders.yaml").read_bytes() == (
        REPO / "journeys" / "jonge-ouders.yaml"
    ).read_bytes()
