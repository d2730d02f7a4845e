"""``cjm init``: a new project with a configuration, an example journey and a .gitignore."""

from __future__ import annotations

from pathlib import Path

from cjm.fsutil import create_new
from cjm.output.writer import display
from cjm.scaffold import EXAMPLE_NAME, config_text, example_journey, gitignore_text
from cjm.schema import SCHEMA_FILE, schema_text

__all__ = ["run"]


def run(directory: Path, language: str) -> int:
    files = {
        directory / "cjm.yaml": config_text(language).encode(),
        directory / "journeys" / EXAMPLE_NAME: example_journey(),
        directory / ".gitignore": gitignore_text().encode(),
        directory / SCHEMA_FILE: schema_text().encode(),
    }
    create_new(files)
    for path in files:
        print(f"created {display(path)}")
    print(f"next: cd {display(directory)} && cjm lint" if directory != Path() else "next: cjm lint")
    return 0
