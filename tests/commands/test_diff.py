"""``cjm diff`` as a user runs it: two files, two folders, exit codes, broken sides."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cjm

JOURNEY = """\
persona: {{id: {persona}, name: Ouders}}
phases:
  - id: use
    touchpoints:
      - {{id: levering, name: Levering, channel: delivery, emotion: {emotion}}}
"""


def journey(emotion: int = 2, persona: str = "ouders") -> str:
    return JOURNEY.format(emotion=emotion, persona=persona)


def cjm(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cjm("diff", *args, cwd=cwd, env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"})


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_two_files(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": journey(2), "b.yaml": journey(4)})
    done = cjm("a.yaml", "b.yaml", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "ouders: 1 field changed\n"
        "  phase Use (use)\n"
        "    touchpoint Levering (levering): emotion: 2 → 4 (better)\n"
    )


@pytest.mark.parametrize(
    ("new", "code"), [(journey(4), 1), (journey(2), 0), ("# same\n" + journey(2), 0)]
)
def test_exit_code_says_whether_anything_changed(tmp_path: Path, new: str, code: int) -> None:
    write(tmp_path, {"a.yaml": journey(2), "b.yaml": new})
    assert cjm("--exit-code", "a.yaml", "b.yaml", cwd=tmp_path).returncode == code
    assert cjm("a.yaml", "b.yaml", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("path", sorted((REPO / "journeys").glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_journey_against_itself(path: Path) -> None:
    done = cjm("--exit-code", str(path), str(path), cwd=REPO)
    # The examples' cjm.yaml says `language: nl`.
    assert (done.returncode, done.stdout, done.stderr) == (0, "geen verschillen\n", "")


def test_two_folders_match_personas_by_id_not_file_name(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "old/ouders.yaml": journey(2),
            "old/weg.yaml": journey(3, "weg"),
            "new/renamed.yaml": journey(2),
            "new/nieuw.yaml": journey(5, "nieuw"),
        },
    )
    done = cjm("old", "new", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "nieuw: persona added: 1 phase, 1 touchpoint\nweg: persona removed: 1 phase, 1 touchpoint\n"
    )


def test_markdown_in_the_project_language(tmp_path: Path) -> None:
    write(tmp_path, {"cjm.yaml": "language: en\n", "a.yaml": journey(2), "b.yaml": journey(1)})
    done = cjm("--format", "markdown", "a.yaml", "b.yaml", cwd=tmp_path)
    assert "- touchpoint **Levering** (`levering`): `emotion`: 2 → 1 (worse)\n" in done.stdout
    (tmp_path / "cjm.yaml").write_text("language: nl\n")
    done = cjm("--format", "markdown", "a.yaml", "b.yaml", cwd=tmp_path)
    assert "### Gebruik (`use`)\n" in done.stdout and "(slechter)" in done.stdout


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": journey(2), "b.yaml": journey(3)})
    done = cjm("-f", "json", "-o", "out/changes.json", "a.yaml", "b.yaml", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "")
    assert '"path": "phases[use].touchpoints[levering].emotion"' in (
        tmp_path / "out" / "changes.json"
    ).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("persona: [\n", journey(), "a.yaml:2:1: yaml-syntax: "),
        (journey(), journey().replace("emotion: 2", "emotion: 9"), "b.yaml:5:68: schema: "),
    ],
    ids=["old side not YAML", "new side not a journey"],
)
def test_a_side_that_does_not_load_is_shown_with_its_position_and_side(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    write(tmp_path, {"a.yaml": old, "b.yaml": new})
    done = cjm("a.yaml", "b.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    first = done.stderr.splitlines()[0]
    assert first.startswith(expected), done.stderr
    assert first.endswith("(old)" if expected.startswith("a.yaml") else "(new)")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a.yaml"], "give two journey files or two folders"),
        (["a.yaml", "missing.yaml"], "'missing.yaml' does not exist"),
        (["a.yaml", "dir"], "compare a file with a file"),
        (["-f", "html", "a.yaml", "a.yaml"], "must be one of text, json, markdown"),
        (["dup", "dir"], "journey 'ouders' is in two files on the old side"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    write(
        tmp_path,
        {
            "a.yaml": journey(),
            "dir/x.yaml": journey(),
            "dup/a.yaml": journey(),
            "dup/b.yaml": journey(),
        },
    )
    done = cjm(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
