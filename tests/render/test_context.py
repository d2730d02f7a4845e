"""The render context: the numbers every template shows, and the metrics hook."""

from __future__ import annotations

import random

import pytest

from cjm.render.context import Measurements, Metric, Metrics, build_index, build_journey
from cjm.text import text_for
from tests.render.helpers import EXAMPLES, load_clean, load_example, render

TWO_PHASES = """
persona: {id: p, name: P}
journey: {cycle: relational}
phases:
  - id: orientation
    touchpoints:
      - {id: a, name: A, channel: web, emotion: 5, cta: Kom}
      - {id: b, name: B, channel: web, emotion: 2, next: [c]}
  - id: purchase
    touchpoints:
      - {id: c, name: C, channel: web, emotion: 3, cta: Koop}
"""


def test_curve_points_sit_under_their_phase_column() -> None:
    page = build_journey(load_clean(TWO_PHASES), text_for("nl"), "index.html")
    points = [(p.touchpoint.id, p.x, p.y, p.low) for p in page.curve.points]
    # Two columns of 50%: two points at 1/4 and 3/4 of the first, one in the middle of the second.
    assert points == [("a", 12.5, 48, False), ("b", 37.5, 150, True), ("c", 75.0, 116, False)]
    assert [(a.touchpoint.id, b.touchpoint.id) for a, b in page.curve.segments] == [
        ("a", "b"),
        ("b", "c"),
    ]
    assert page.curve.loop is not None
    assert [point.touchpoint.id for point in page.curve.loop] == ["c", "a"]


def test_phase_numbers_average_and_lowest() -> None:
    page = build_journey(load_clean(TWO_PHASES), text_for("en"), "index.html")
    assert [(p.name, p.emotion, p.lowest, p.with_cta) for p in page.phases] == [
        ("Orientation", 3.5, False, 1),
        ("Purchase", 3.0, True, 1),
    ]
    assert page.lowest_phase is page.phases[1]
    assert [(e.source.id, e.target.id) for e in page.flow] == [("b", "c")]


def test_coverage_marks_empty_thin_and_absent_optional_phases() -> None:
    file = load_clean(
        """
persona: {id: p, name: P}
journey: {model: awareness}
phases:
  - id: awareness
    touchpoints:
      - {id: a, name: A, channel: web, emotion: 4, cta: Go}
      - {id: b, name: B, channel: web}
  - id: consideration
    touchpoints: [{id: c, name: C, channel: web, emotion: 2}]
  - id: purchase
    touchpoints: [{id: d, name: D, channel: web}]
"""
    )
    assert file.model is not None
    page = build_journey(file, text_for("nl"), "index.html")
    index = build_index([page], {"p": file.model}, text_for("nl"), ".html")
    (table,) = index.coverage
    assert table.model == "awareness"
    cells = [
        (c.phase_id, c.touchpoints, c.cta_share, c.emotion, c.state) for c in table.rows[0].cells
    ]
    assert cells == [
        ("latent-need", 0, None, None, "optional"),
        ("awareness", 2, 50, 4.0, "ok"),
        ("consideration", 1, 0, 2.0, "thin"),
        ("purchase", 1, 0, None, "thin"),
        ("service", 0, None, None, "empty"),
        ("loyalty", 0, None, None, "empty"),
    ]


def test_index_groups_journeys_by_phase_model() -> None:
    files = [load_example(path) for path in EXAMPLES]
    pages = [build_journey(file, text_for("nl"), "index.html") for file in files]
    models = {file.key: file.model for file in files if file.model is not None}
    index = build_index(pages, models, text_for("nl"), ".html")
    assert [entry.href for entry in index.journeys] == [
        "it-manager-mkb.html",
        "jonge-ouders.html",
        "jonge-ouders.future.html",
        "online-shopper.html",
    ]
    # The persona's two journeys are one group: its current state first.
    assert [[entry.key for entry in group.entries] for group in index.groups] == [
        ["it-manager-mkb"],
        ["jonge-ouders", "jonge-ouders.future"],
        ["online-shopper"],
    ]
    assert [table.model for table in index.coverage] == ["seven-phase", "five-phase", "awareness"]


def test_without_metrics_the_output_is_unchanged_and_with_them_they_show() -> None:
    file = load_clean(TWO_PHASES, "p.yaml")
    plain = render([file])
    empty = render([file], measurements=Measurements(journeys={"p": Metrics()}))
    # Nothing measured: the journey pages are unchanged; the index says nothing is unclaimed.
    assert {name: empty[name] for name in ("p.html", "p.md", "p.mmd")} == {
        name: plain[name] for name in ("p.html", "p.md", "p.mmd")
    }
    assert empty["index.md"] == plain["index.md"] + (
        "\n## Bronnen zonder touchpoint\n\n"
        "Verkeer uit de analytics-export dat geen touchpoint claimt, grootste eerst: "
        "touchpoints die de kaart mogelijk mist.\n\n"
        "Elke bron in de export hoort bij een touchpoint.\n"
    )
    measured = render(
        [file],
        measurements=Measurements(
            journeys={
                "p": Metrics(
                    touchpoints={"a": [Metric("Sessies", "1.204")]},
                    phases={"purchase": [Metric("Aankopen", "87")]},
                )
            }
        ),
    )
    assert "<dt>Sessies</dt><dd>1.204</dd>" in measured["p.html"]
    assert "<li><strong>Aankopen</strong><br>87</li>" in measured["p.html"]
    assert "**1. A** (hoogtepunt)\n\n- Metingen: Sessies 1.204\n" in measured["p.md"]
    assert "| Aankopen | — | 87 | |" in measured["p.md"]
    assert "Sessies" not in plain["p.html"] and "Aankopen" not in plain["p.md"]


def _first_fit(steps: list[tuple[int, int]]) -> list[int]:
    """The flow lane's rule said plainly: shortest steps first, each in the lowest row
    where it neither overlaps nor touches a step already there."""
    rows: list[list[tuple[int, int]]] = []
    level = {}
    for a, b in sorted(steps, key=lambda s: (abs(s[1] - s[0]), s[0])):
        low, high = min(a, b), max(a, b)
        fits = (i for i, row in enumerate(rows) if all(high < x or low > y for x, y in row))
        row = next(fits, len(rows))
        if row == len(rows):
            rows.append([])
        rows[row].append((low, high))
        level[(a, b)] = row
    return [level[step] for step in sorted(steps)]


@pytest.mark.parametrize("seed", range(40))
def test_flow_steps_take_the_lowest_row_where_they_fit(seed: int) -> None:
    chance = random.Random(seed)
    count = chance.randint(2, 24)
    steps = sorted(
        {(chance.randint(1, count), chance.randint(1, count)) for _ in range(chance.randint(1, 30))}
    )
    lines = ["persona: {id: p, name: P}", "phases:", "  - id: orientation", "    touchpoints:"]
    for number in range(1, count + 1):
        targets = [f"t{b}" for a, b in steps if a == number]
        lines.append(
            f"      - {{id: t{number}, name: T, channel: web, next: [{', '.join(targets)}]}}"
        )
    page = build_journey(load_clean("\n".join(lines) + "\n"), text_for("en"), "index.html")
    assert page.flow_lane is not None
    lane = page.flow_lane
    rows = [(lane.height - 40 - arc.y) // 9 for arc in lane.arcs]  # _FLOW_FIRST, _FLOW_STEP
    assert [(a.edge.source.number, a.edge.target.number) for a in lane.arcs] == steps
    assert rows == _first_fit(steps)
    assert lane.height == 40 + (max(rows) + 1) * 9 + 4
