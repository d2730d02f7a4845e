"""Shared helpers: lint YAML text the way ``cjm lint`` would, without files on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from cjm.backlog import BACKLOG_DIR, BACKLOG_NAMES
from cjm.backlog.loader import Backlog, load_backlog_text
from cjm.config import Config, ProjectSettings, load_config
from cjm.lint.engine import lint
from cjm.lint.rules import ALL_RULES
from cjm.loader import load_text
from cjm.problems import Problem

REPO = Path(__file__).resolve().parent.parent


TODAY = date(2026, 11, 23)
"""The fixed "today" of every test run, so that date rules (stale-review) are deterministic."""


def config_from_text(text: str, tmp_path: Path) -> Config:
    """The configuration a ``cjm.yaml`` holding ``text`` gives, as ``cjm lint`` loads it."""
    path = tmp_path / "cjm.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(explicit=path)


def lint_sources(
    sources: dict[str, str],
    settings: ProjectSettings | None = None,
    root: Path | None = None,
    *,
    config: Config | None = None,
    today: date = TODAY,
    select: set[str] | None = None,
) -> list[Problem]:
    """Lint several named YAML texts as one run (cross-file rules see them all).

    Texts named ``opportunities.yaml`` (or ``opportunities/...``) are the project's
    opportunities, checked against the journeys of the run.
    """
    if config is None:
        config = Config(root=root or Path(), settings=settings or ProjectSettings())
    files = [
        load_text(text.encode(), name, config)
        for name, text in sources.items()
        if not is_backlog(name)
    ]
    backlog = Backlog(
        [
            load_backlog_text(text.encode(), name)
            for name, text in sources.items()
            if is_backlog(name)
        ]
    )
    return lint(
        files,
        config,
        ALL_RULES,
        today=today,
        select=select,
        backlog=backlog if backlog.files else None,
    )


def is_backlog(name: str) -> bool:
    """Whether a test source is an opportunities file rather than a journey."""
    return name in BACKLOG_NAMES or name.startswith(f"{BACKLOG_DIR}/")


def lint_source(text: str, settings: ProjectSettings | None = None) -> list[Problem]:
    return lint_sources({"journey.yaml": text}, settings)


def run_cjm(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m cjm ARGS`` in a real process: exit codes and streams as a shell sees them.

    ``env`` replaces the environment when given (tests that need a clean one).
    """
    return subprocess.run(
        [sys.executable, "-m", "cjm", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test inside an empty temporary directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# Hypothesis profiles (tests/hostile/test_properties.py). "ci", the default, is
# derandomized (the same examples on every run, so CI is deterministic) and
# bounded to keep `make test` fast; "soak" runs far more, randomly, for a local
# hunt: CJM_HYPOTHESIS_PROFILE=soak .venv/bin/python -m pytest tests/hostile
settings.register_profile(
    "ci",
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "soak",
    max_examples=3000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("CJM_HYPOTHESIS_PROFILE", "ci"))
