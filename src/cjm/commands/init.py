"""``cjm init``: a new project with a configuration, the schemas, a .gitignore and journeys/.

With ``bare`` the journeys folder is empty (a client project starts from ``cjm new``);
otherwise the project is the complete example to learn from: three personas and the
opportunities.yaml that links them.
"""

from __future__ import annotations

from pathlib import Path

from cjm.fsutil import create_new
from cjm.git import in_repository
from cjm.output.writer import display
from cjm.scaffold import EXAMPLE_FILES, config_text, example_file, gitignore_text
from cjm.schema import OPPORTUNITIES_SCHEMA_FILE, SCHEMA_FILE, schema_text
from cjm.text import msg, text_for

__all__ = ["KEEP_FILE", "run"]

KEEP_FILE = ".gitkeep"
"""Holds the empty journeys folder of a bare project: git keeps no empty folders, and a
fresh clone without ``journeys/`` would make ``cjm lint`` fail. Hidden, so cjm skips it."""


def run(directory: Path, language: str, bare: bool = False) -> int:
    # The project's language is also the language of what init says.
    text = text_for(language)
    files = {directory / "cjm.yaml": config_text(text).encode()}
    if bare:
        files[directory / "journeys" / KEEP_FILE] = b""
    else:
        files.update({directory / name: example_file(name) for name in EXAMPLE_FILES})
    files[directory / ".gitignore"] = gitignore_text().encode()
    files[directory / SCHEMA_FILE] = schema_text().encode()
    files[directory / OPPORTUNITIES_SCHEMA_FILE] = schema_text("opportunities").encode()
    create_new(files)
    for path in files:
        print(text(msg("created {path}", path=display(path))))
    cd = f"cd {display(directory)} && " if directory != Path() else ""
    command = cd + ('cjm new "' + text(msg("Persona name")) + '"' if bare else "cjm lint")
    print(text(msg("next: {command}", command=command)))
    if not in_repository(directory):
        note = msg(
            "note: {folder} is not in a git repository; journeys are kept in git "
            "(cjm diff --rev, reviews in pull requests): run '{command}'",
            folder=display(directory),
            command=cd + "git init",
        )
        print(text(note))
    return 0
