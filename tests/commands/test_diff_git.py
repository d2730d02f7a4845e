"""``cjm diff --rev`` and cjm as git's diff driver, in a real temporary repository.

The history: commit 1 has two personas; commit 2 adds a touchpoint, commit 3
moves one to another phase, commit 4 deletes a persona.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.commands.test_diff import JOURNEY, cjm

TWO_PHASES = """\
persona: {id: ouders, name: Ouders}
phases:
  - id: purchase
    touchpoints:
      - {id: checkout, name: Afrekenen, channel: website}
      - {id: chat, name: Chat, channel: chat}
  - id: use
    touchpoints:
      - {id: levering, name: Levering, channel: delivery}
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


def commit(repo: Path, message: str, files: dict[str, str | None]) -> None:
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.invalid")
    git(root, "config", "commit.gpgsign", "false")
    commit(
        root,
        "two personas",
        {
            "journeys/ouders.yaml": TWO_PHASES,
            "journeys/weg.yaml": JOURNEY.format(persona="weg", emotion=3),
            "README.md": "not a journey\n",
        },
    )
    added = TWO_PHASES + "      - {id: whatsapp, name: WhatsApp, channel: whatsapp}\n"
    commit(root, "add a touchpoint", {"journeys/ouders.yaml": added})
    moved = added.replace("      - {id: chat, name: Chat, channel: chat}\n", "") + (
        "      - {id: chat, name: Chat, channel: chat}\n"
    )
    commit(root, "move a touchpoint", {"journeys/ouders.yaml": moved})
    commit(root, "delete a persona", {"journeys/weg.yaml": None})
    return root


def changes(done: subprocess.CompletedProcess[str]) -> list[str]:
    import json

    assert done.returncode in (0, 1), done.stderr
    return [f"{c['persona']} {c['kind']} {c['path']}" for c in json.loads(done.stdout)]


@pytest.mark.parametrize(
    ("revisions", "expected"),
    [
        ("HEAD~3..HEAD~2", ["ouders added phases[use].touchpoints[whatsapp]"]),
        ("HEAD~2..HEAD~1", ["ouders moved phases[use].touchpoints[chat]"]),
        ("HEAD~1..HEAD", ["weg removed "]),
        ("HEAD~1...HEAD", ["weg removed "]),
        ("HEAD..HEAD~1", ["weg added "]),
    ],
)
def test_rev_range(repo: Path, revisions: str, expected: list[str]) -> None:
    assert changes(cjm("--rev", revisions, "-f", "json", cwd=repo)) == expected


def test_rev_against_the_working_tree_touches_neither_tree_nor_index(repo: Path) -> None:
    path = repo / "journeys" / "ouders.yaml"
    saved = path.read_text(encoding="utf-8")
    index = (repo / ".git" / "index").read_bytes()
    try:
        path.write_text(saved.replace("name: Levering", "name: Bezorging"), encoding="utf-8")
        status = git(repo, "status", "--porcelain")
        done = cjm("--rev", "HEAD~3", "-f", "json", "--exit-code", ".", cwd=repo / "journeys")
        assert done.returncode == 1
        assert changes(done) == [
            "ouders changed phases[use].touchpoints[levering].name",
            "ouders added phases[use].touchpoints[whatsapp]",
            "ouders moved phases[use].touchpoints[chat]",
            "weg removed ",
        ]
        assert git(repo, "status", "--porcelain") == status
        assert (repo / ".git" / "index").read_bytes() == index
        # A path names what to compare; a file deleted since REV is a removed persona.
        done = cjm("--rev", "HEAD~1", "--exit-code", "weg.yaml", cwd=repo / "journeys")
        assert (done.returncode, done.stdout) == (
            1,
            "weg: persona removed: 1 phase, 1 touchpoint\n",
        )
    finally:
        path.write_text(saved, encoding="utf-8")


def test_a_journey_that_does_not_load_at_a_revision_is_labelled_with_it(
    tmp_path: Path,
) -> None:
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    commit(tmp_path, "broken", {"journeys/x.yaml": "persona: {name: X}\nphases: [\n"})
    commit(tmp_path, "fixed", {"journeys/x.yaml": JOURNEY.format(persona="x", emotion=1)})
    done = cjm("--rev", "HEAD~1..HEAD", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("HEAD~1:journeys/x.yaml:3:1: yaml-syntax: ")
    assert done.stderr.splitlines()[0].endswith("(HEAD~1)")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rev", "no-such-branch"], "unknown revision 'no-such-branch'"),
        (["--rev", "HEAD", "journeys", "/"], "'/' is outside the git repository at"),
        (["--rev", "HEAD", "/"], "not a git repository: '/' is not inside one"),
        (["--rev", "HEAD", "journeys/nope.yaml"], "is neither in the working tree nor at HEAD"),
    ],
)
def test_bad_revisions_and_paths_exit_2(repo: Path, args: list[str], message: str) -> None:
    done = cjm(*args, cwd=repo)
    assert done.returncode == 2
    assert message in done.stderr


@pytest.mark.parametrize("folder", [True, False], ids=["journeys folder", "nothing"])
def test_outside_a_repository_says_so_plainly(tmp_path: Path, folder: bool) -> None:
    if folder:
        (tmp_path / "journeys").mkdir()
    done = cjm("--rev", "HEAD", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(
        "cjm: error: not a git repository: 'journeys' is not inside one, and --rev reads "
        "journeys from git history; run 'git init'"
    )


def test_without_git(repo: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cjm", "diff", "--rev", "HEAD"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": str(repo / "no-such-dir")},
    )
    assert done.returncode == 2
    assert "git is not installed or not on PATH" in done.stderr


def _driver(repo: Path) -> str:
    return f"{shlex.quote(sys.executable)} -m cjm diff"


def test_as_the_diff_driver_in_git_diff_and_git_log(repo: Path) -> None:
    (repo / ".git" / "info" / "attributes").write_text("journeys/*.yaml diff=cjm\n")
    git(repo, "config", "diff.cjm.command", _driver(repo))
    try:
        shown = git(repo, "diff", "HEAD~3", "HEAD~2")
        assert "cjm diff journeys/ouders.yaml\n" in shown
        assert "touchpoint WhatsApp (whatsapp): added\n" in shown
        log = git(repo, "log", "-p", "--ext-diff", "--format=commit %s")
        assert "    touchpoint Chat (chat): moved from Purchase to Use\n" in log
        assert "weg: persona removed: 1 phase, 1 touchpoint\n" in log
        assert (
            "ouders: persona added: 2 phases, 3 touchpoints\n" in log
        )  # the first commit adds the files
        assert "README.md" in log and "not a journey" in log  # others keep git's own diff
    finally:
        git(repo, "config", "--unset", "diff.cjm.command")
        (repo / ".git" / "info" / "attributes").unlink()


def test_as_git_external_diff(repo: Path) -> None:
    shown = subprocess.run(
        ["git", "-C", str(repo), "diff", "HEAD~2", "HEAD~1", "--", "journeys"],
        capture_output=True,
        text=True,
        check=True,
        env={"GIT_EXTERNAL_DIFF": _driver(repo), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    ).stdout
    assert shown == (
        "cjm diff journeys/ouders.yaml\n"
        "ouders: 1 touchpoint moved\n"
        "  phase Use (use)\n"
        "    touchpoint Chat (chat): moved from Purchase to Use\n"
    )


def test_driver_arguments_with_dev_null_and_a_broken_side(tmp_path: Path) -> None:
    (tmp_path / "new.yaml").write_text(JOURNEY.format(persona="x", emotion=2))
    (tmp_path / "bad.yaml").write_text("phases: [\n")
    hexa, mode = "0" * 40, "100644"
    added = cjm("j/x.yaml", "/dev/null", ".", ".", "new.yaml", hexa, mode, cwd=tmp_path)
    assert (added.returncode, added.stdout) == (
        0,
        "cjm diff j/x.yaml\nx: persona added: 1 phase, 1 touchpoint\n",
    )
    # A rename: git adds the new path and a message; a formatting-only change says so.
    renamed = cjm(
        "j/x.yaml",
        "new.yaml",
        hexa,
        mode,
        "new.yaml",
        hexa,
        mode,
        "j/y.yaml",
        "similarity",
        cwd=tmp_path,
    )
    assert renamed.stdout == "cjm diff j/x.yaml → j/y.yaml\nx: no difference in meaning\n"
    broken = cjm("j/x.yaml", "bad.yaml", hexa, mode, "new.yaml", hexa, mode, cwd=tmp_path)
    # git stops the whole diff when its driver fails: the problem goes in the output.
    assert broken.returncode == 0
    assert broken.stdout.startswith("cjm diff j/x.yaml: cannot compare\n  j/x.yaml:2:1: ")
