"""docs/templates.md stays true: its example template renders, and it documents every field."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from cjm.render.context import (
    CoverageCell,
    CurvePoint,
    FlowArc,
    FlowLane,
    IndexEntry,
    IndexPage,
    JourneyPage,
    KpiView,
    Note,
    PhaseView,
    Summary,
    TouchpointView,
)
from tests.conftest import REPO
from tests.render.helpers import load_example, render

DOC = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")


def test_the_example_template_renders_the_example_journey(tmp_path: Path) -> None:
    (example,) = re.findall(r"```jinja\n(.*?)```", DOC, re.DOTALL)
    (tmp_path / "journey.md.j2").write_text(example, encoding="utf-8")
    file = load_example(REPO / "journeys" / "jonge-ouders.yaml")
    text = render([file], ["markdown"], search=[tmp_path])["jonge-ouders.md"]
    assert text.startswith("# Jonge ouders: Van verhuisplan tot vaste klant\n\n- **Oriëntatie**: 4")
    assert "\n\nStart with **Oriëntatie**:\n- Stand op de Negenmaandenbeurs (event): " in text


def test_every_context_field_is_documented() -> None:
    views = (JourneyPage, IndexPage, PhaseView, TouchpointView, KpiView, Note, Summary)
    for view in (*views, FlowLane, FlowArc, CurvePoint, IndexEntry, CoverageCell):
        for field in fields(view):
            assert f"`{field.name}`" in DOC, f"{view.__name__}.{field.name} is not in the docs"
