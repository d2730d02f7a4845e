"""The lint engine reads files as a stream and lets each go once its own rules have run."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from pathlib import Path

from cjm.config import Config, ProjectSettings
from cjm.lint.engine import lint
from cjm.lint.rules import ALL_RULES
from cjm.loader import JourneyFile, load_text
from tests.conftest import TODAY

JOURNEY = """\
persona: {{id: {persona}, name: Persona}}
phases:
  - id: orientation
    touchpoints:
      - {{id: ad, name: Advertentie, channel: {channel}, cta: Kijk}}
"""


def _stream(
    config: Config, channels: list[str], alive: list[weakref.ref[JourneyFile]]
) -> Iterator[JourneyFile]:
    for number, channel in enumerate(channels):
        text = JOURNEY.format(persona=f"p{number}", channel=channel)
        file = load_text(text.encode(), f"journeys/p{number}.yaml", config)
        alive.append(weakref.ref(file))
        yield file
        del file
        # The engine asks for the next file once it has checked this one; it may still
        # hold this one (its loop variable), but nothing of any earlier file except
        # positions and problems: what it holds does not grow with the run.
        assert [ref() is None for ref in alive[:-1]] == [True] * (len(alive) - 1)


def test_files_are_let_go_and_cross_file_findings_keep_their_positions() -> None:
    config = Config(root=Path(), settings=ProjectSettings())
    alive: list[weakref.ref[JourneyFile]] = []
    channels = ["website"] * 5 + ["websit"]  # the typo is judged once every file is read
    problems = lint(
        _stream(config, channels, alive), config, ALL_RULES, today=TODAY, select={"unknown-channel"}
    )
    assert len(alive) == len(channels)
    assert [ref() is None for ref in alive] == [True] * len(alive)
    assert [(p.path, p.line, p.column, p.rule) for p in problems] == [
        ("journeys/p5.yaml", 5, 46, "unknown-channel")
    ]
