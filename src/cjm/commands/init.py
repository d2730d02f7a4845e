"""``cjm init``: a new project with a configuration, the schema, a .gitignore and journeys/.

With ``bare`` the journeys folder is empty (a client project starts from ``cjm new``);
otherwise it holds the complete example journey to learn from.
"""

from __future__ import annotations

from pathlib import Path

from cjm.fsutil import create_new
from cjm.git import in_repository
from cjm.output.writer import display
from cjm.scaffold import EXAMPLE_NAME, config_text, example_journey, gitignore_text
from cjm.schema import SCHEMA_FILE, schema_text

__all__ = ["KEEP_FILE", "run"]

KEEP_FILE = ".gitkeep"
"""Holds the empty journeys folder of a bare project: git keeps no empty folders, and a
fresh clone without ``journeys/`` would make ``cjm lint`` fail. Hidden, so cjm skips it."""


def run(directory: Path, language: str, bare: bool = False) -> int:
    journeys = directory / "journeys"
    files = {
        directory / "cjm.yaml": config_text(language).encode(),
        (journeys / KEEP_FILE if bare else journeys / EXAMPLE_NAME): (
            b"" if bare else example_journey()
        ),
        directory / ".gitignore": gitignore_text().encode(),
        directory / SCHEMA_FILE: schema_text().encode(),
    }
    create_new(files)
    for path in files:
        print(f"created {display(path)}")
    cd = f"cd {display(directory)} && " if directory != Path() else ""
    print(f'next: {cd}cjm new "Persona name"' if bare else f"next: {cd}cjm lint")
    if not in_repository(directory):
        print(
            f"note: {display(directory)} is not in a git repository; journeys are kept in git "
            f"(cjm diff --rev, reviews in pull requests): run '{cd}git init'"
        )
    return 0
