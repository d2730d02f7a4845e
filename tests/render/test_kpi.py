"""KPI status and the summary, as data: cases/kpi-status.yaml and the example journeys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cjm.render.context import build_journey
from cjm.render.kpi import kpi_status, leading_number
from cjm.text import text_for
from tests.conftest import REPO
from tests.render.helpers import load_clean, load_example, render

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "kpi-status.yaml").read_text("utf-8"))


@pytest.mark.parametrize(
    "case",
    CASES,
    ids=[f"{c['target']}|{c.get('actual')}|{c.get('better', 'higher')}" for c in CASES],
)
def test_kpi_status(case: dict[str, Any]) -> None:
    status = kpi_status(case["target"], case.get("actual"), case.get("better", "higher"))
    assert status == case["status"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("5000 per maand", 5000),
        ("2,5%", 2.5),
        ("1.204", 1204),
        ("250,000", 250000),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("8.", 8),
        (12, 12),
        ("geen", None),
        ("1.2.3", None),
    ],
)
def test_leading_number(text: object, number: float | None) -> None:
    assert leading_number(text) == number


def test_kpi_status_on_the_map_and_in_markdown_in_both_languages() -> None:
    file = load_clean(
        """
persona: {id: p, name: P}
phases:
  - id: orientation
    kpis:
      - {name: Sessies, target: 5000, actual: 4100}
      - {name: Klachten, target: 2, actual: 1, better: lower}
      - {name: Nieuw, target: 10}
    touchpoints: [{id: a, name: A, channel: web, emotion: 3}]
""",
        "p.yaml",
    )
    nl, en = render([file], language="nl"), render([file], language="en")
    assert '<span class="status behind">✗ achter</span>' in nl["p.html"]
    assert '<span class="status on-track">✓ op koers</span>' in nl["p.html"]
    assert '<span class="status no-data">? geen data</span>' in nl["p.html"]
    assert '<span class="target" title="lager is beter">≤ 2</span>' in nl["p.html"]
    assert "| Sessies | ≥ 5000 | 4100 | ✗ achter |" in nl["p.md"]
    assert "| Klachten | ≤ 2 | 1 | ✓ op koers |" in nl["p.md"]
    assert "| Nieuw | ≥ 10 | — | ? geen data |" in nl["p.md"]
    assert "| Sessies | ≥ 5000 | 4100 | ✗ behind |" in en["p.md"]
    assert "**KPIs behind target (1 of 2):** Sessies (Awareness" not in en["p.md"]
    assert "- **KPIs behind target (1 of 2):** Sessies (Orientation: 4100 / 5000)" in en["p.md"]


# What the summary of each example says: the numbers of the lowest and highest
# touchpoints, how many KPIs are behind out of those measured, empty and thin phases.
EXAMPLE_SUMMARIES = {
    "it-manager-mkb": ([11], [12, 22], 12, 12, (), ()),
    "jonge-ouders": ([13], [9, 19, 20], 9, 10, (), ()),
    "online-shopper": ([19], [11, 23, 24], 11, 12, (), ()),
}


@pytest.mark.parametrize("stem", sorted(EXAMPLE_SUMMARIES))
def test_summary_of_the_examples(stem: str) -> None:
    page = build_journey(
        load_example(REPO / "journeys" / f"{stem}.yaml"), text_for("nl"), "index.html"
    )
    summary = page.summary
    lowest, highest, behind, measured, empty, thin = EXAMPLE_SUMMARIES[stem]
    assert [tp.number for tp in summary.lowest] == lowest
    assert [tp.number for tp in summary.highest] == highest
    assert (len(summary.behind), summary.measured) == (behind, measured)
    assert (summary.empty, summary.thin) == (empty, thin)
    assert summary.unclaimed is None
    # The lowest moment is the curve's minimum, the highest its maximum.
    emotions = [tp.emotion for tp in page.touchpoints if tp.emotion is not None]
    assert {tp.emotion for tp in summary.lowest} == {min(emotions)}
    assert {tp.emotion for tp in summary.highest} == {max(emotions)}


def test_summary_names_empty_thin_and_missing_phases() -> None:
    file = load_clean(
        """
persona: {id: p, name: P}
phases:
  - id: orientation
    touchpoints: [{id: a, name: A, channel: web, emotion: 3}]
  - id: consideration  # cjm: disable=empty-phase
  - id: purchase
    touchpoints:
      - {id: b, name: B, channel: web, emotion: 3}
      - {id: c, name: C, channel: web, emotion: 3}
""",
        "p.yaml",
    )
    summary = build_journey(file, text_for("en"), "index.html").summary
    # Use and loyalty are in the model but not in the journey: empty as well.
    assert summary.empty == ("Consideration", "Use", "Loyalty")
    assert summary.thin == ("Orientation",)
    # Every emotion the same: a lowest moment, no separate highest.
    assert [tp.id for tp in summary.lowest] == ["a", "b", "c"] and summary.highest == ()
    text = render([file], language="en")["p.md"]
    assert (
        "- **Empty or thin phases:** empty: Consideration, Use, Loyalty; thin: Orientation\n"
        in text
    )
