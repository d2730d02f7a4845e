"""``cjm diff`` on evidence, confidence and the opportunities, in the journey's words:
two files, two folders, ``--rev`` and git's diff driver."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.commands.test_diff_git import _driver, commit, git
from tests.conftest import run_cjm

JOURNEY = """\
persona: {id: ouders, name: Ouders}
phases:
  - id: purchase
    touchpoints:
      - {id: checkout, name: Afrekenen, channel: website, emotion: 2}
"""

BACKED = """\
persona: {id: ouders, name: Ouders}
phases:
  - id: purchase
    evidence: [{kind: workshop, source: Sessie met sales}]
    touchpoints:
      - id: checkout
        name: Afrekenen
        channel: website
        emotion: 2
        confidence: validated
        evidence:
          - {kind: interview, source: Interview 1, date: 2026-09-01}
          - {kind: interview, source: Interview 2}
"""

BACKLOG = """\
opportunities:
  - id: levertijd
    title: Levertijd vooraf tonen
    links: [ouders/checkout]
    impact: 5
    effort: 2
    status: planned
  - {id: weg, title: Oud idee, links: [ouders], impact: 1, effort: 5}
"""

BACKLOG_NEXT = """\
opportunities:
  - id: levertijd
    title: Levertijd vooraf tonen
    links: [ouders/checkout]
    impact: 5
    effort: 2
    status: done
    solutions: [{id: shop-1, title: Levertijd op de productpagina, status: done}]
  - {id: nieuw, title: Ruilen zonder printer, links: [ouders/purchase], impact: 4, effort: 3}
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def test_evidence_and_confidence_in_words(tmp_path: Path) -> None:
    _write(tmp_path, {"old.yaml": JOURNEY, "new.yaml": BACKED})
    run = run_cjm("diff", "old.yaml", "new.yaml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout == (
        "ouders: 5 fields changed\n"
        "  phase Purchase (purchase)\n"
        "    evidence: added workshop 'Sessie met sales'\n"
        "    confidence: now partial, backed by 1 workshop (was assumption) (better)\n"
        "    touchpoint Afrekenen (checkout)\n"
        "      evidence: added interview 'Interview 1' (2026-09-01)\n"
        "      evidence: added interview 'Interview 2'\n"
        "      confidence: now validated, backed by 2 interviews (was assumption) (better)\n"
    )


def test_json_keeps_the_levels_and_the_evidence_as_data(tmp_path: Path) -> None:
    _write(tmp_path, {"old.yaml": BACKED, "new.yaml": JOURNEY})
    run = run_cjm("diff", "old.yaml", "new.yaml", "--format", "json", cwd=tmp_path)
    changes = {item["path"]: item for item in json.loads(run.stdout)}
    level = changes["phases[purchase].touchpoints[checkout].confidence"]
    assert (level["kind"], level["old"], level["new"]) == ("changed", "validated", "assumption")


EXPECTED_BACKLOG = (
    "opportunities: 1 opportunity added, 1 removed, 2 fields changed\n"
    "  opportunity Levertijd vooraf tonen (levertijd)\n"
    "    status: planned → done\n"
    "    solutions: added 'Levertijd op de productpagina' (done)\n"
    "  opportunity Ruilen zonder printer (nieuw): added\n"
    "  opportunity Oud idee (weg): removed\n"
)


def test_two_opportunities_files(tmp_path: Path) -> None:
    _write(tmp_path, {"a/opportunities.yaml": BACKLOG, "b/opportunities.yaml": BACKLOG_NEXT})
    run = run_cjm("diff", "a/opportunities.yaml", "b/opportunities.yaml", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout == EXPECTED_BACKLOG


def test_two_project_folders_compare_their_backlogs_too(tmp_path: Path) -> None:
    _write(tmp_path, {"a/ouders.yaml": JOURNEY, "a/opportunities.yaml": BACKLOG})
    _write(tmp_path, {"b/ouders.yaml": JOURNEY, "b/opportunities/team.yaml": BACKLOG_NEXT})
    run = run_cjm("diff", "a", "b", "--exit-code", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stdout == EXPECTED_BACKLOG


def test_a_broken_opportunities_file_is_named_and_exits_2(tmp_path: Path) -> None:
    _write(tmp_path, {"a/opportunities.yaml": BACKLOG, "b/opportunities.yaml": "- [\n"})
    run = run_cjm("diff", "a/opportunities.yaml", "b/opportunities.yaml", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.startswith("b/opportunities.yaml:2:1: yaml-syntax: ")
    assert run.stderr.rstrip().endswith("fix the problems above (`cjm lint` checks a file on disk)")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("backlog-repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    commit(root, "start", {"journeys/ouders.yaml": JOURNEY, "opportunities.yaml": BACKLOG})
    commit(root, "done", {"opportunities.yaml": BACKLOG_NEXT})
    return root


def test_rev_compares_the_backlog_when_every_journey_is_in_the_run(repo: Path) -> None:
    run = run_cjm("diff", "--rev", "HEAD~1..HEAD", cwd=repo)
    assert run.returncode == 0, run.stderr
    assert run.stdout == EXPECTED_BACKLOG
    # One journey named: the backlog is not the question.
    only = run_cjm("diff", "--rev", "HEAD~1..HEAD", "journeys/ouders.yaml", cwd=repo)
    assert only.stdout == "no differences\n"


def test_rev_against_the_working_tree(repo: Path, tmp_path: Path) -> None:
    work = tmp_path / "clone"
    shutil.copytree(repo, work)
    (work / "opportunities.yaml").write_text(BACKLOG)
    run = run_cjm("diff", "--rev", "HEAD", cwd=work)
    assert run.stdout.startswith("opportunities: 1 opportunity added, 1 removed, 2 fields changed")


def test_as_git_external_diff_of_the_opportunities_file(repo: Path) -> None:
    shown = subprocess.run(
        ["git", "-C", str(repo), "diff", "HEAD~1", "HEAD", "--", "opportunities.yaml"],
        capture_output=True,
        text=True,
        check=True,
        env={"GIT_EXTERNAL_DIFF": _driver(repo), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    ).stdout
    assert shown == "cjm diff opportunities.yaml\n" + EXPECTED_BACKLOG
