"""The three reports of one example change, byte for byte, against golden files.

``golden/old.yaml`` → ``golden/new.yaml`` is a workshop round on a small journey:
a touchpoint added, one removed, one moved to another phase, emotions up and
down, a call to action and a description reworded, a KPI updated, a persona goal
replaced, priorities reordered, an ``x-`` key changed.

When a report changes on purpose, rewrite the golden files and review the diff::

    CJM_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/diff/test_reports.py
    git diff tests/diff/golden/
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from cjm.config import Config, ProjectSettings
from cjm.diff import as_json, markdown, text
from cjm.diff.changes import PersonaDiff
from cjm.diff.compare import compare
from cjm.loader import load_journey

GOLDEN = Path(__file__).parent / "golden"


def example(language: str) -> list[PersonaDiff]:
    config = Config(root=GOLDEN, settings=ProjectSettings.model_validate({"language": language}))
    old = load_journey(GOLDEN / "old.yaml", config)
    new = load_journey(GOLDEN / "new.yaml", config)
    assert old.journey is not None and new.journey is not None and new.model is not None
    return [compare("jonge-ouders", old.journey, new.journey, new.model, language)]


def plain_text(diffs: list[PersonaDiff]) -> str:
    stream = io.StringIO()
    text.report(diffs, stream, color=False)
    return stream.getvalue()


RENDERINGS: dict[str, Callable[[], str]] = {
    "changes.nl.md": lambda: markdown.render(example("nl"), "nl"),
    "changes.en.md": lambda: markdown.render(example("en"), "en"),
    "changes.txt": lambda: plain_text(example("en")),
    "changes.json": lambda: as_json.render(example("en")),
}


@pytest.mark.parametrize("name", RENDERINGS)
def test_report_matches_golden_file(name: str) -> None:
    produced = RENDERINGS[name]()
    golden = GOLDEN / name
    if os.environ.get("CJM_UPDATE_GOLDEN"):
        golden.write_bytes(produced.encode())
    assert produced.encode() == golden.read_bytes()


def test_reports_are_deterministic() -> None:
    for render in RENDERINGS.values():
        assert render() == render()


def test_json_is_the_documented_list_of_changes() -> None:
    changes = json.loads(as_json.render(example("en")))
    assert all(list(change) == ["persona", "path", "kind", "old", "new"] for change in changes)
    assert {
        "persona": "jonge-ouders",
        "path": "phases[use].touchpoints[whatsapp-bezorgbericht]",
        "kind": "moved",
        "old": "purchase",
        "new": "use",
    } in changes


def test_colour_shows_changed_words_without_plain_text_marks() -> None:
    stream = io.StringIO()
    text.report(example("en"), stream, color=True)
    coloured = stream.getvalue()
    assert "\x1b[" in coloured
    assert "[-drukke-]" not in coloured and "drukke" in coloured


def test_no_differences() -> None:
    assert plain_text([]) == "no differences\n"
    assert markdown.render([], "nl").endswith("Geen wijzigingen in de klantreizen.\n")
    assert as_json.render([]) == "[]\n"
