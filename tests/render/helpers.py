"""Render YAML text the way ``cjm render`` would, in memory."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from cjm.config import Config, ProjectSettings
from cjm.lint.engine import lint
from cjm.lint.rules import ALL_RULES
from cjm.loader import JourneyFile, load_journey, load_text
from cjm.problems import Severity
from cjm.render.context import Measurements
from cjm.render.environment import Templates
from cjm.render.outputs import BacklogInput, render_outputs
from cjm.text import text_for
from tests.conftest import REPO

EXAMPLES = sorted((REPO / "journeys").glob("*.yaml"))


def load_clean(text: str, name: str = "journey.yaml") -> JourneyFile:
    """Load one journey and insist it lints without errors (the render precondition)."""
    config = Config(root=Path(), settings=ProjectSettings())
    file = load_text(text.encode(), name, config)
    errors = [p for p in lint([file], config, ALL_RULES) if p.severity is Severity.ERROR]
    assert not errors, errors
    return file


def load_example(path: Path) -> JourneyFile:
    return load_journey(path, Config(root=REPO, settings=ProjectSettings()))


def example_key(path: Path) -> str:
    """The example's journey key: its output files' stem (``jonge-ouders.future``)."""
    return load_example(path).key


@cache
def _templates(search: tuple[Path, ...]) -> Templates:
    # Compiling the templates is most of a render's time; the tests share them.
    return Templates(search)


def render(
    files: Sequence[JourneyFile],
    formats: Sequence[str] = ("html", "markdown", "mermaid"),
    language: str = "nl",
    search: Sequence[Path] = (),
    measurements: Measurements | None = None,
    view: str = "map",
    backlog: BacklogInput | None = None,
) -> dict[str, str]:
    outputs = render_outputs(
        files,
        formats,
        text_for(language),
        _templates(tuple(search)),
        measurements,
        view=view,
        backlog=backlog,
    )
    return {name: data.decode() for name, data in outputs.items()}


def example_backlog(files: Sequence[JourneyFile]) -> BacklogInput | None:
    """The example project's opportunities.yaml, ranked as ``cjm render`` ranks it."""
    from cjm.backlog.loader import load_backlog
    from cjm.commands.render import backlog_input

    config = Config(root=REPO, settings=ProjectSettings())
    return backlog_input(config, files, load_backlog(config))
