"""``cjm diff CURRENT FUTURE --plan``: the difference read as the plan, as a person reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, run_cjm

CURRENT = """persona: {id: p, name: P}
journey: {title: Vandaag}
phases:
  - id: consideration
    touchpoints:
      - {id: product, name: Productpagina, channel: web, description: Lang verhaal, emotion: 3}
  - id: purchase
    kpis: [{name: Conversie, target: 2%}]
    touchpoints:
      - id: afrekenen
        name: Afrekenen
        channel: web
        emotion: 2
        analytics: {source: a, medium: b}
"""
FUTURE = """persona: {id: p, name: P}
journey: {state: future, based_on: p, title: Gepland}
phases:
  - id: consideration
    touchpoints:
      - {id: product, name: Productpagina, channel: web, emotion: 3}
      - {id: levertijd, name: Levertijd op productpagina, channel: web, emotion: 4}
  - id: purchase
    kpis: [{name: Conversie, target: 3%}]
    touchpoints:
      - {id: afrekenen, name: Afrekenen, channel: web, emotion: 4, backstage: Voorraadcheck}
"""


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (
            ["--plan"],
            "Plan for p: Vandaag (current state) → Gepland (future state)\n"
            "p: 1 touchpoint added, 5 fields changed\n"
            "  phase Consideration (consideration)\n"
            "    average emotion: 3.0 → 3.5 (better)\n"
            "    touchpoint Levertijd op productpagina (levertijd): added\n"
            "  phase Purchase (purchase)\n"
            "    average emotion: 2.0 → 4.0 (better)\n"
            "    KPI Conversie: target: '2%' → '3%'\n"
            "    touchpoint Afrekenen (afrekenen)\n"
            "      emotion: 2 → 4 (better)\n"
            "      backstage: added 'Voorraadcheck'\n",
        ),
        # Without --plan, the description and mapping a plan leaves out are changes too.
        (
            [],
            "p: 1 touchpoint added, 8 fields changed\n",
        ),
    ],
    ids=["plan", "full diff"],
)
def test_the_plan_reads_as_a_plan(flags: list[str], expected: str, tmp_path: Path) -> None:
    (tmp_path / "nu.yaml").write_text(CURRENT, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(FUTURE, encoding="utf-8")
    done = run_cjm("diff", "nu.yaml", "plan.yaml", *flags, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    if flags:
        assert done.stdout == expected
    else:
        assert done.stdout.splitlines()[0] == expected.strip()
        assert "description: removed" in done.stdout and "analytics: removed" in done.stdout


def test_the_markdown_plan_has_its_header_under_the_title(tmp_path: Path) -> None:
    (tmp_path / "nu.yaml").write_text(CURRENT, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(FUTURE, encoding="utf-8")
    (tmp_path / "cjm.yaml").write_text("language: nl\n", encoding="utf-8")
    done = run_cjm("diff", "nu.yaml", "plan.yaml", "--plan", "-f", "markdown", cwd=tmp_path)
    assert done.stdout.startswith(
        "# Wijzigingen in de klantreizen\n\n"
        "**Plan voor p: Vandaag (huidige situatie) → Gepland (gewenste situatie)**\n\n## P"
    )


def test_the_example_plan() -> None:
    done = run_cjm(
        "diff", "journeys/jonge-ouders.yaml", "journeys/jonge-ouders-gepland.yaml", "--plan",
        "--lang", "en", cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "touchpoint Levertijd op de productpagina (levertijd-productpagina): added" in (
        done.stdout
    )
    assert "      emotion: 1 → 3 (better)\n" in done.stdout
    assert "description" not in done.stdout and "analytics" not in done.stdout
