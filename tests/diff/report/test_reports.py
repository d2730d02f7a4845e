"""The three reports of one example change, byte for byte, against golden files.

``golden/old.yaml`` → ``golden/new.yaml`` is a workshop round on a small journey:
a touchpoint added, one removed, one moved to another phase, emotions up and
down, a call to action and a description reworded, a KPI updated, a persona goal
replaced, priorities reordered, an ``x-`` key changed.

When a report changes on purpose, rewrite the golden files and review the diff::

    CJM_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/diff/report/test_reports.py
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
from cjm.diff.changes import PersonaDiff
from cjm.diff.compare import compare
from cjm.diff.report import FORMATS, DiffReport
from cjm.loader import load_journey
from cjm.text import text_for

GOLDEN = Path(__file__).parent.parent / "golden"


def example(language: str) -> list[PersonaDiff]:
    config = Config(root=GOLDEN, settings=ProjectSettings.model_validate({"language": language}))
    old = load_journey(GOLDEN / "old.yaml", config)
    new = load_journey(GOLDEN / "new.yaml", config)
    assert old.journey is not None and new.journey is not None and new.model is not None
    return [compare("jonge-ouders", old.journey, new.journey, new.model)]


def render(name: str, diffs: list[PersonaDiff], language: str = "en", color: bool = False) -> str:
    stream = io.StringIO()
    FORMATS.get(name)(DiffReport(diffs, text_for(language)), stream, color)
    return stream.getvalue()


RENDERINGS: dict[str, Callable[[], str]] = {
    "changes.nl.md": lambda: render("markdown", example("nl"), "nl"),
    "changes.en.md": lambda: render("markdown", example("en"), "en"),
    "changes.txt": lambda: render("text", example("en")),
    "changes.json": lambda: render("json", example("en")),
}


@pytest.mark.parametrize("name", RENDERINGS)
def test_report_matches_golden_file(name: str) -> None:
    produced = RENDERINGS[name]()
    golden = GOLDEN / name
    if os.environ.get("CJM_UPDATE_GOLDEN"):
        golden.write_bytes(produced.encode())
    assert produced.encode() == golden.read_bytes()


def test_reports_are_deterministic() -> None:
    for rendering in RENDERINGS.values():
        assert rendering() == rendering()


def test_json_is_the_documented_list_of_changes() -> None:
    changes = json.loads(render("json", example("en")))
    assert all(list(change) == ["persona", "path", "kind", "old", "new"] for change in changes)
    assert {
        "persona": "jonge-ouders",
        "path": "phases[use].touchpoints[whatsapp-bezorgbericht]",
        "kind": "moved",
        "old": "purchase",
        "new": "use",
    } in changes


def test_colour_shows_changed_words_without_plain_text_marks() -> None:
    coloured = render("text", example("en"), color=True)
    assert "\x1b[" in coloured
    assert "[-drukke-]" not in coloured and "drukke" in coloured


def test_no_differences() -> None:
    assert render("text", []) == "no differences\n"
    assert render("markdown", [], "nl").endswith("Geen wijzigingen in de klantreizen.\n")
    assert render("json", []) == "[]\n"
