"""``cjm templates export DIR``: copy the built-in templates as a starting point."""

from __future__ import annotations

from pathlib import Path

from cjm.config import load_config
from cjm.fsutil import create_new
from cjm.output.writer import display
from cjm.render.environment import TEMPLATE_SUFFIX, builtin_templates
from cjm.text import choose_language, msg, text_for

__all__ = ["run_export"]


def run_export(directory: Path, language: str | None = None) -> int:
    """``language`` is ``--lang``; else the project's, else English."""
    text = text_for(choose_language(language, load_config().language))
    source = builtin_templates()
    files = {
        directory / path.name: path.read_bytes()
        for path in sorted(source.iterdir())
        if path.name.endswith(TEMPLATE_SUFFIX)
    }
    create_new(files)  # refuses (exit 2) if any exists: never overwrite a consultant's edits
    for path in files:
        print(text(msg("created {path}", path=display(path))))
    said = msg(
        "next: edit what you want to change, delete the rest; cjm render --templates {folder} "
        "(or name the folder templates/ next to cjm.yaml)",
        folder=display(directory),
    )
    print(text(said))
    return 0
