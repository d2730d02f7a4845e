"""Current and future state on the map, and the service blueprint: what the outputs say.

Each case renders a small current journey and its plan (or one journey) and names
fragments the named output must contain, or must not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cjm.config import Config
from cjm.lint.engine import lint
from cjm.lint.rules import ALL_RULES
from cjm.loader import JourneyFile, load_text
from cjm.problems import Severity
from tests.render.helpers import load_clean, render


def _load(sources: dict[str, str], *, gate: bool = True) -> list[JourneyFile]:
    """Load the files as one run; with ``gate``, insist it lints without errors."""
    config = Config(root=Path())
    files = [load_text(text.encode(), name, config) for name, text in sources.items()]
    if gate:
        errors = [p for p in lint(files, config, ALL_RULES) if p.severity is Severity.ERROR]
        assert not errors, errors
    return files


CURRENT = """persona: {id: p, name: Persona P}
journey: {title: Nu de reis}
phases:
  - id: orientation
    touchpoints:
      - {id: a, name: Advertentie, channel: social, cta: Kijk, emotion: 2, opportunities: [x]}
      - {id: b, name: Blog, channel: web, cta: Lees, emotion: 4}
  - id: purchase
    touchpoints:
      - {id: c, name: Kassa, channel: web, cta: Koop, emotion: 1, opportunities: [y]}
"""
FUTURE = """persona: {id: p, name: Persona P}
journey: {state: future, based_on: p, title: Gepland de reis}
phases:
  - id: orientation
    touchpoints:
      - {id: a, name: Advertentie, channel: social, cta: Kijk, emotion: 4}
      - {id: b, name: Blog, channel: web, cta: Lees, emotion: 4}
  - id: purchase
    touchpoints:
      - {id: n, name: Levertijd zichtbaar, channel: web, cta: Zie, emotion: 4}
      - {id: c, name: Kassa, channel: web, cta: Koop, emotion: 3}
"""
LANES = """persona: {id: bp, name: Blueprint}
phases:
  - id: purchase
    touchpoints:
      - id: levering
        name: Levering
        channel: delivery
        cta: Teken
        owner: Logistiek
        frontstage: Bezorger belt aan
        backstage: [Route plannen, Kast picken]
        support: WMS
"""

CASES: list[Any] = [
    pytest.param(
        {"p.yaml": CURRENT, "p-plan.yaml": FUTURE},
        "map",
        "p.future.html",
        [
            '<span class="badge state future">Gewenste situatie</span>',
            '<a href="p.html" rel="prev">Huidige situatie: Nu de reis</a>',
            '<span class="key now"></span>Nu: <a href="p.html">Nu de reis</a>',
            # the current curve, under this map's columns: a at 12.5%, b at 37.5%, c at 75%
            '<line class="now-segment" x1="12.5%" y1="150" x2="37.5%" y2="82"/>',
            '<line class="now-segment" x1="37.5%" y1="82" x2="75.0%" y2="184"/>',
            '<span class="change better">(nu 2, +2)</span>',
            '<text class="delta better" x="12.5%" dx="13" y="76">+2</text>',
            '<span class="badge new">nieuw</span>',
        ],
        ['<span class="change same">'],
        id="future map: current curve, legend, link, changes, new touchpoint",
    ),
    pytest.param(
        {"p.yaml": CURRENT, "p-plan.yaml": FUTURE},
        "map",
        "p.html",
        ['Gewenste situatie: <a href="p.future.html">Gepland de reis</a>'],
        ['<line class="now-segment"', '<p class="curve-legend"'],
        id="current map links its plan",
    ),
    pytest.param(
        {"p.yaml": CURRENT, "p-plan.yaml": FUTURE},
        "map",
        "index.html",
        [
            '<li class="persona-group"><h3>Persona P',
            '<tr><th scope="row">Oriëntatie</th><td>3,0 → 4,0 <span class="change better">',
            '<tr><th scope="row">Aankoop</th><td>1,0 → 3,5 <span class="change better">',
        ],
        [],
        id="index groups the persona's journeys with the planned change per phase",
    ),
    pytest.param(
        {"p.yaml": CURRENT, "p-plan.yaml": FUTURE},
        "map",
        "p.future.md",
        [
            "**Gewenste situatie** · Gebaseerd op: [Nu de reis](p.md)",
            "| Aankoop | 1,0 | 3,5 | beter |",
            "| 4 | Kassa | web | Koop | — | 3 (nu 1, \\+2) |",  # Markdown-escaped
            "| 3 | Levertijd zichtbaar | web | Zie | — | 4 (nieuw) |",
        ],
        [],
        id="future Markdown: link, change per phase and per touchpoint",
    ),
    pytest.param(
        {"p-plan.yaml": FUTURE},
        "map",
        "p.future.html",
        ["Gebaseerd op: p</p>"],
        ['<line class="now-segment"'],
        id="a plan rendered without its current journey names it as written",
    ),
    pytest.param(
        {"bp.yaml": LANES},
        "blueprint",
        "bp.html",
        [
            '<tr class="bp-line line_of_interaction"><td colspan="2"><span>Interactielijn</span>',
            '<tr class="bp-line line_of_visibility"><td colspan="2">'
            "<span>Zichtbaarheidslijn</span>",
            '<tr class="bp-line line_of_internal_interaction"><td colspan="2">'
            "<span>Lijn van interne interactie</span>",
            "<span>Bezorger belt aan</span>",
            "<ul><li>Route plannen</li><li>Kast picken</li></ul>",
            '<span class="bp-chip">WMS</span>',
        ],
        [],
        id="blueprint view: three lines in order, lanes as text, list and chips",
    ),
    pytest.param(
        {"bp.yaml": LANES},
        "map",
        "bp.html",
        [],
        ["blueprint", "Bezorger belt aan", "_states_style", "bp-line"],
        id="the default map stays as it was",
    ),
    pytest.param(
        {"bp.yaml": LANES},
        "map",
        "bp.md",
        [
            "### Service blueprint\n\n| # | Touchpoint | Frontstage | Backstage | Support |\n",
            "| 1 | Levering | Bezorger belt aan | Route plannen; Kast picken | WMS |\n",
        ],
        [],
        id="Markdown: a blueprint table per phase, whatever the view",
    ),
]


@pytest.mark.parametrize(("sources", "view", "output", "present", "absent"), CASES)
def test_states_and_blueprint(
    sources: dict[str, str], view: str, output: str, present: list[str], absent: list[str]
) -> None:
    outputs = render(_load(sources, gate=len(sources) > 1), ("html", "markdown"), view=view)
    text = outputs[output]
    for fragment in present:
        assert fragment in text, fragment
    for fragment in absent:
        assert fragment not in text, fragment


def test_the_blueprint_lines_come_in_the_conventions_order() -> None:
    text = render([load_clean(LANES, "bp.yaml")], ("html",), view="blueprint")["bp.html"]
    order = ["lane-customer", "line_of_interaction", "lane-frontstage", "line_of_visibility"]
    order += ["lane-backstage", "line_of_internal_interaction", "lane-support"]
    positions = [
        text.index(f'<tr class="{name}' if name.startswith("lane") else f"bp-line {name}")
        for name in order
    ]
    assert positions == sorted(positions)
