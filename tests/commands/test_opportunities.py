"""``cjm opportunities`` end to end: the example backlog, filters, exit codes, streams."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cjm

GOLDEN = REPO / "tests" / "backlog" / "golden"
UPDATE = os.environ.get("CJM_UPDATE_GOLDEN") == "1"

cjm = run_cjm  # every test here runs cjm in a real process


@pytest.mark.parametrize(
    ("output_format", "golden"),
    [
        ("text", "backlog.txt"),
        ("markdown", "backlog.md"),
        ("json", "backlog.json"),
        ("csv", "backlog.csv"),
    ],
)
def test_the_example_backlog_in_every_format(output_format: str, golden: str) -> None:
    run = cjm("opportunities", "--format", output_format, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    path = GOLDEN / golden
    if UPDATE:
        path.write_bytes(run.stdout.encode())
    assert run.stdout == path.read_bytes().decode("utf-8")


def test_json_is_ranked_by_the_documented_score() -> None:
    run = cjm("opportunities", "--format", "json", "--lang", "en", cwd=REPO)
    document = json.loads(run.stdout)
    assert document["score"] == "impact ÷ effort"
    scores = [item["score"] for item in document["opportunities"]]
    assert scores == sorted(scores, reverse=True)
    for item in document["opportunities"]:
        assert item["score"] == round(item["impact"] / item["effort"], 2)
        assert all(link["kind"] in ("touchpoint", "phase", "journey") for link in item["links"])


def test_filters_keep_the_whole_backlog_s_ranks() -> None:
    run = cjm(
        "opportunities", "--status", "idea,planned", "--persona", "jonge-ouders", "--lang", "en",
        cwd=REPO,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    titles = [line for line in run.stdout.splitlines()[:-1] if line[:1].isdigit()]
    assert [line.split(".")[0] for line in titles] == ["6", "7", "8"]
    assert run.stdout.endswith("3 of 8 opportunities, ranked by impact ÷ effort\n")


def test_csv_opens_as_one_row_per_opportunity_with_dutch_separators() -> None:
    run = cjm("opportunities", "--format", "csv", cwd=REPO)
    rows = list(csv.reader(run.stdout.lstrip("\ufeff").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["rank", "id", "title"]
    assert len(rows) == 9
    assert rows[1][7] == "3"  # a number Excel reads; 1.67 is written "1,67" in Dutch
    assert rows[4][7] == "1,67"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "klaar"], "--status: unknown status 'klaar' (statuses: idea, planned"),
        (["--persona", "jonge-oudrs"], "did you mean 'jonge-ouders'?"),
        (["--format", "xml"], "--format"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    run = cjm("opportunities", *args, "--lang", "en", cwd=REPO)
    assert run.returncode == 2
    assert message in run.stderr
    assert run.stdout == ""


def _project(tmp: Path, opportunities: str) -> Path:
    (tmp / "cjm.yaml").write_text("language: en\n")
    shutil.copytree(REPO / "journeys", tmp / "journeys")
    (tmp / "opportunities.yaml").write_text(opportunities)
    return tmp


def test_a_broken_file_is_named_at_its_line_and_the_rest_still_shows(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        "opportunities:\n  - {id: a, title: A?, links: [jonge-ouders], impact: 9, effort: 1}\n",
    )
    (project / "opportunities").mkdir()
    (project / "opportunities" / "service.yaml").write_text(
        "opportunities:\n  - {id: b, title: B?, links: [jonge-ouders], impact: 2, effort: 1}\n"
    )
    run = cjm("opportunities", cwd=project)
    assert run.returncode == 1
    assert run.stderr.startswith("opportunities.yaml:2:55: error schema: opportunities[0]: ")
    assert "'impact' must be a whole number from 1 (low) to 5 (high), got 9" in run.stderr
    assert run.stdout.startswith("1. B?\n")


def test_weighted_score_from_cjm_yaml(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        "opportunities:\n"
        "  - {id: quick, title: Quick?, links: [jonge-ouders], impact: 2, effort: 1}\n"
        "  - {id: big, title: Big?, links: [jonge-ouders], impact: 5, effort: 4}\n",
    )
    default = cjm("opportunities", cwd=project)
    assert default.stdout.startswith("1. Quick?\n")  # 2.0 against 1.25
    (project / "cjm.yaml").write_text(
        "language: en\nopportunities:\n  score: {method: weighted, impact_weight: 3}\n"
    )
    weighted = cjm("opportunities", cwd=project)
    assert weighted.stdout.startswith("1. Big?\n")  # 3*5-4 = 11 against 3*2-1 = 5
    assert weighted.stdout.endswith("ranked by 3 × impact − 1 × effort\n")


def test_no_opportunities_says_where_to_write_them(tmp_path: Path) -> None:
    (tmp_path / "cjm.yaml").write_text("language: en\n")
    run = cjm("opportunities", cwd=tmp_path)
    assert run.returncode == 0
    assert "write them in opportunities.yaml next to cjm.yaml" in run.stderr
    assert run.stdout == "0 opportunities, ranked by impact ÷ effort\n"


def test_output_file(tmp_path: Path) -> None:
    run = cjm("opportunities", "--format", "json", "--output", tmp_path / "b.json", cwd=REPO)
    assert run.returncode == 0 and run.stdout == ""
    assert json.loads((tmp_path / "b.json").read_text())["total"] == 8
