"""Compile the message catalogs (``.po`` → ``.mo``) and the built-in templates when
cjm is built.

The ``.po`` files are the source, kept in git; the compiled ``.mo`` files are not
(.gitignore) and are written next to them here, for the wheel and for an editable
install alike, so an installed cjm reads its catalogs with the standard library
and never needs Babel's parser at run time. The same goes for the templates:
their Python code is compiled here into ``src/cjm/render/compiled/`` (see
:mod:`cjm.render.precompiled`), so ``cjm render`` does not compile them each run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        # cjm's own code does both (its one writer writes the files: atomic, the
        # umask's mode); it needs only Babel and jinja2, the build requirements.
        # The code is the source tree's being built.
        source = str(Path(self.root) / "src")
        sys.path.insert(0, source)
        try:
            from cjm.render import precompiled
            from cjm.text import maintain

            written = [*maintain.compile_all(), *precompiled.write_all()]
        finally:
            sys.path.remove(source)
        # git-ignored files are left out of a build unless named as artifacts.
        for path in written:
            build_data.setdefault("artifacts", []).append(str(path.relative_to(self.root)))
