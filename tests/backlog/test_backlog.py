"""The backlog's pieces: where the files are, how they rank, what a link points at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cjm.backlog.loader import Backlog, BacklogFile, Entry, backlog_paths, covers_project
from cjm.backlog.models import Opportunity
from cjm.backlog.score import describe_score, rank, score
from cjm.config import Config, ScoreSettings
from cjm.loader import discover


def _opportunity(id_: str, impact: int, effort: int) -> Opportunity:
    return Opportunity(id=id_, title=id_, impact=impact, effort=effort)


@pytest.mark.parametrize(
    ("settings", "impact", "effort", "expected"),
    [
        (ScoreSettings(), 5, 2, 2.5),
        (ScoreSettings(), 5, 3, 1.67),
        (ScoreSettings(method="weighted"), 5, 5, 0.0),
        (ScoreSettings(method="weighted", impact_weight=2, effort_weight=0.5), 4, 2, 7.0),
    ],
)
def test_score(settings: ScoreSettings, impact: int, effort: int, expected: float) -> None:
    assert score(_opportunity("a", impact, effort), settings) == expected


def test_ties_rank_by_impact_then_effort_then_id() -> None:
    file = BacklogFile("o.yaml")
    items = [("d", 2, 2), ("c", 4, 4), ("b", 4, 4), ("a", 1, 1)]
    entries = [Entry(file, n, _opportunity(*item)) for n, item in enumerate(items)]
    ranked = rank(entries, ScoreSettings())
    assert [(r.rank, r.opportunity.id) for r in ranked] == [(1, "b"), (2, "c"), (3, "d"), (4, "a")]


def test_the_formula_is_worded() -> None:
    assert describe_score(ScoreSettings()) == "impact ÷ effort"
    weighted = ScoreSettings(method="weighted", impact_weight=2)
    assert describe_score(weighted) == "2 × impact − 1 × effort"


def test_the_file_then_the_folder_sorted_and_never_a_journey(tmp_path: Path) -> None:
    (tmp_path / "opportunities.yaml").write_text("opportunities: []\n")
    folder = tmp_path / "opportunities"
    (folder / "team").mkdir(parents=True)
    (folder / "b.yaml").write_text("")
    (folder / "team" / "a.yml").write_text("")
    (folder / ".hidden.yaml").write_text("")
    (folder / "notes.txt").write_text("")
    paths = backlog_paths(tmp_path, Config(root=tmp_path))
    found = [path.relative_to(tmp_path).as_posix() for path in paths]
    assert found == ["opportunities.yaml", "opportunities/b.yaml", "opportunities/team/a.yml"]
    # A project whose journeys live next to cjm.yaml never reads them as journeys.
    (tmp_path / "jonge-ouders.yaml").write_text("")
    config = Config(root=tmp_path)
    assert [path.name for path in discover([tmp_path], config)] == ["jonge-ouders.yaml"]


@pytest.mark.parametrize(
    ("given", "covered"),
    [([], True), (["journeys"], True), (["."], True), (["journeys/a.yaml"], False), (["x"], False)],
)
def test_links_are_judged_only_when_the_run_sees_every_journey(
    tmp_path: Path, given: list[str], covered: bool
) -> None:
    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "a.yaml").write_text("")
    (tmp_path / "x").mkdir()
    config = Config(root=tmp_path)
    assert covers_project([tmp_path / path for path in given], config) is covered


def test_an_empty_backlog_has_no_entries() -> None:
    assert list(Backlog().entries()) == []


def test_hostile_opportunities_files_are_problems_not_hangs(tmp_path: Path) -> None:
    from tests.conftest import run_cjm

    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "a.yaml").write_text(JOURNEY)
    os.mkfifo(tmp_path / "opportunities.yaml")  # reading it would wait for a writer forever
    folder = tmp_path / "opportunities"
    folder.mkdir()
    (folder / "loop").symlink_to(folder)
    (folder / "team.yaml").symlink_to("/dev/zero")
    run = run_cjm("lint", "--select", "unknown-link", cwd=tmp_path)
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert lines[0].startswith("opportunities.yaml:1:1: error yaml-syntax: ")
    assert "FIFO" in lines[0] or "not a regular file" in lines[0], lines[0]
    assert any(
        line.startswith("opportunities/loop:1:1: error yaml-syntax: a symlink cycle")
        for line in lines
    )
    assert any(
        line.startswith("opportunities/team.yaml:1:1: error yaml-syntax: ") for line in lines
    )
    rendered = run_cjm("render", "--out", tmp_path / "build", cwd=tmp_path)
    assert rendered.returncode == 1
    assert "3 opportunities files left out because of errors\n" in rendered.stderr
    assert "journeys not rendered" not in rendered.stderr  # the journey itself is fine


JOURNEY = """\
persona: {id: a, name: A}
phases:
  - id: orientation
    touchpoints: [{id: t, name: T, channel: web, cta: Kom}]
"""
