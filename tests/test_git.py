"""Reading from git objects: exact bytes, literal paths, and errors as UsageError."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cjm.errors import UsageError
from cjm.git import find_repo

FILES = {
    "journeys/a.yaml": b"persona: {name: A}\n",
    "journeys/no-newline.yaml": b"x: 1",
    "journeys/empty.yaml": b"",
    "journeys/lines.yaml": b"a\n\nb\n\n\n",
    "journeys/star*.yaml": b"literal: yes\n",
    "other/b.yaml": b"b: 2\n",
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("git")
    for name, data in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    for args in (
        ["init", "-q"],
        ["config", "user.name", "Test"],
        ["config", "user.email", "test@example.invalid"],
        ["add", "-A"],
        ["commit", "-q", "-m", "files"],
    ):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    return root


def test_files_and_contents_byte_for_byte(repo: Path) -> None:
    git = find_repo(repo / "journeys")
    commit = git.commit("HEAD")
    names = git.files(commit, ["journeys"])
    assert names == sorted(name for name in FILES if name.startswith("journeys/"))
    assert git.read(commit, names) == {name: FILES[name] for name in names}


def test_pathspecs_are_literal(repo: Path) -> None:
    git = find_repo(repo)
    assert git.files(git.commit("HEAD"), ["journeys/star*.yaml"]) == ["journeys/star*.yaml"]
    assert git.files(git.commit("HEAD"), ["journeys/*.yaml"]) == []


def test_paths_are_named_from_the_top_of_the_repository(repo: Path) -> None:
    git = find_repo(repo / "journeys" / "missing.yaml")
    assert git.relative(repo / "journeys" / "missing.yaml") == "journeys/missing.yaml"
    assert git.relative(repo) == "."


@pytest.mark.parametrize("revision", ["no-such", "-x", "HEAD~5"])
def test_unknown_revisions(repo: Path, revision: str) -> None:
    with pytest.raises(UsageError, match="revision"):
        find_repo(repo).commit(revision)


def test_a_folder_is_not_a_file(repo: Path) -> None:
    git = find_repo(repo)
    with pytest.raises(UsageError, match="'journeys' is not a file"):
        git.read(git.commit("HEAD"), ["journeys"])
