"""``cjm templates export DIR``: copy the built-in templates as a starting point."""

from __future__ import annotations

from pathlib import Path

from cjm.fsutil import create_new
from cjm.output.writer import display
from cjm.render.environment import TEMPLATE_SUFFIX, builtin_templates

__all__ = ["run_export"]


def run_export(directory: Path) -> int:
    source = builtin_templates()
    files = {
        directory / path.name: path.read_bytes()
        for path in sorted(source.iterdir())
        if path.name.endswith(TEMPLATE_SUFFIX)
    }
    create_new(files)  # refuses (exit 2) if any exists: never overwrite a consultant's edits
    for path in files:
        print(f"created {display(path)}")
    print(
        f"next: edit what you want to change, delete the rest; "
        f"cjm render --templates {display(directory)} "
        "(or name the folder templates/ next to cjm.yaml)"
    )
    return 0
