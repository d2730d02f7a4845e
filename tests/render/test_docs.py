"""docs/templates.md stays true: every template in it renders, and it documents every field.

Each ```jinja block starts with a comment naming the template it replaces
(``{# journey.md.j2 ... #}``); the test writes it under that name and renders the
example journeys through it, as ``cjm render --templates`` would.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import jinja2
import pytest

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
from tests.render.helpers import EXAMPLES, load_example, render

DOC = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
BLOCKS: list[str] = re.findall(r"```jinja\n(.*?)```", DOC, re.DOTALL)
_NAME = re.compile(r"\{# ([\w.]+\.j2)\b")


_KINDS = {".html.j2": "html", ".md.j2": "markdown", ".mmd.j2": "mermaid"}


def _template_name(block: str) -> str:
    found = _NAME.match(block)
    assert found, f"a ```jinja block in the docs names no template: {block[:60]!r}"
    return found.group(1)


def _render_block(block: str, tmp_path: Path) -> dict[str, str]:
    name = _template_name(block)
    (tmp_path / name).write_text(block, encoding="utf-8")
    # A template's output kind is in its name (journey.md.j2): render that format.
    chosen = [fmt for suffix, fmt in _KINDS.items() if name.endswith(suffix)]
    files = [load_example(path) for path in EXAMPLES]
    return render(files, chosen or ["html", "markdown", "mermaid"], search=[tmp_path])


def test_the_docs_have_template_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: block.splitlines()[0])
def test_every_template_in_the_docs_renders_every_example_journey(
    block: str, tmp_path: Path
) -> None:
    outputs = _render_block(block, tmp_path)
    assert len(outputs) >= len(EXAMPLES)


def test_every_inline_template_snippet_is_valid_jinja() -> None:
    snippets = [s for s in re.findall(r"`([^`\n]+)`", DOC) if "{{" in s or "{%" in s]
    assert snippets
    for snippet in snippets:
        jinja2.Environment().parse(snippet)


def _block(fragment: str) -> str:
    (found,) = [block for block in BLOCKS if fragment in block]
    return found


def test_the_example_template_renders_the_example_journey(tmp_path: Path) -> None:
    text = _render_block(_block("Start with"), tmp_path)["jonge-ouders.md"]
    assert text.startswith("# Jonge ouders: Van verhuisplan tot vaste klant\n\n- **Oriëntatie**: 4")
    assert "\n\nStart with **Oriëntatie**:\n- Stand op de Negenmaandenbeurs (event): " in text


def test_the_extensions_example_reads_keys_a_touchpoint_may_lack(tmp_path: Path) -> None:
    text = _render_block(_block('extensions.get("x-jira"'), tmp_path)["jonge-ouders.md"]
    assert "- 3D-kamerplanner: CX-142\n" in text
    assert "- Stand op de Negenmaandenbeurs: no ticket\n" in text
    assert "Workshop: 2026-09-14 sessie met klantenservice en winkelteam\n" in text


def test_every_context_field_is_documented() -> None:
    views = (JourneyPage, IndexPage, PhaseView, TouchpointView, KpiView, Note, Summary)
    for view in (*views, FlowLane, FlowArc, CurvePoint, IndexEntry, CoverageCell):
        for field in fields(view):
            assert f"`{field.name}`" in DOC, f"{view.__name__}.{field.name} is not in the docs"
