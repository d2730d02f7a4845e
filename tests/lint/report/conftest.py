"""A run with several files and problems of every severity, for every reporter."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cjm.config import Config
from cjm.lint.report import RunSummary, get_reporter
from cjm.lint.rules import ALL_RULES
from cjm.lint.settings import configure
from tests.conftest import lint_sources

SOURCES = {
    "journeys/a.yaml": """\
persona: {name: A, goals: [x], pain_points: [y]}
phases:
  - id: orientation
    touchpoints:
      - {id: ad, name: Ad, channel: social, owner: M, emotion: 1, opportunities: [z]}
""",
    "journeys/b.yaml": """\
persona: {name: B, goals: [x], pain_points: [y]}
phases:
  - id: orientation
    touchpoints: []
""",
    "journeys/c.yaml": "persona: [unclosed\n",
}


@pytest.fixture
def summary() -> RunSummary:
    config = Config(root=Path())
    problems = lint_sources(SOURCES, config=config)
    return RunSummary(
        problems, len(SOURCES), sources=SOURCES, rules=configure(ALL_RULES, config), root=Path()
    )


def render(name: str, summary: RunSummary) -> str:
    stream = io.StringIO()
    get_reporter(name)(summary, stream, False)
    return stream.getvalue()
