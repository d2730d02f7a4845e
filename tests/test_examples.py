"""The example journeys show the format at its best: every rule passes on them."""

from __future__ import annotations

from pathlib import Path

from cjm.backlog.loader import load_backlog
from cjm.config import Config
from cjm.lint.engine import lint
from cjm.lint.rules import ALL_RULES
from cjm.loader import discover, load_journey
from tests.conftest import REPO, TODAY


def test_the_example_journeys_have_no_problems_at_all() -> None:
    config = Config(root=REPO)
    files = [load_journey(path, config) for path in discover([REPO / "journeys"], config)]
    assert len(files) == 4
    backlog = load_backlog(config)
    assert [Path(file.path).name for file in backlog.files] == ["opportunities.yaml"]
    problems = lint(files, config, ALL_RULES, today=TODAY, backlog=backlog)
    assert [f"{p.path}:{p.line}:{p.column}: {p.rule}" for p in problems] == []
