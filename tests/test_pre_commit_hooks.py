"""The shipped pre-commit hook works: its entry, run as pre-commit runs it, on a sample repo."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

GOOD = """\
persona: {id: jonge-ouders, name: Jonge ouders, goals: [x], pain_points: [y]}
phases:
  - id: orientation
    touchpoints: [{id: ad, name: Ad, channel: social, cta: Kijk, owner: Marketing}]
"""


def _hook() -> dict[str, Any]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [hook for hook in hooks if hook["id"] == "cjm-lint"]
    return dict(hook)


def _run_hook(repo: Path, changed: list[str]) -> subprocess.CompletedProcess[str]:
    hook = _hook()
    argv = shlex.split(hook["entry"]) + list(hook.get("args", []))
    if hook.get("pass_filenames", True):
        argv += [name for name in changed if re.search(hook["files"], name)]
    # The `cjm` console script of the environment running the tests, as pre-commit's
    # own environment would provide it.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(argv, cwd=repo, capture_output=True, text=True, check=False, env=env)


@pytest.fixture
def sample_repo(tmp_path: Path) -> Path:
    (tmp_path / "cjm.yaml").write_text("language: en\n", encoding="utf-8")
    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "jonge-ouders.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_the_hook_definition() -> None:
    hook = _hook()
    assert hook["language"] == "python"
    assert re.search(hook["files"], "journeys/jonge-ouders.yml")
    assert not re.search(hook["files"], "README.md")


def test_a_clean_repo_passes(sample_repo: Path) -> None:
    result = _run_hook(sample_repo, ["journeys/jonge-ouders.yaml"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_problem_in_any_journey_fails_the_commit(sample_repo: Path) -> None:
    # Only one file changed, but its persona id clashes with an unchanged one.
    (sample_repo / "journeys" / "kopie.yaml").write_text(GOOD, encoding="utf-8")
    result = _run_hook(sample_repo, ["journeys/kopie.yaml"])
    assert result.returncode == 1
    assert "journeys/kopie.yaml:1:15: error duplicate-persona:" in result.stdout
