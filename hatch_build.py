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

import io
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        locale = Path(self.root) / "src" / "cjm" / "locale"
        for source in sorted(locale.glob("*/LC_MESSAGES/*.po")):
            language = source.parent.parent.name
            with source.open("rb") as stream:
                catalog = read_po(stream, locale=language, domain=source.stem)
            buffer = io.BytesIO()
            write_mo(buffer, catalog)
            compiled = source.with_suffix(".mo")
            if not compiled.is_file() or compiled.read_bytes() != buffer.getvalue():
                compiled.write_bytes(buffer.getvalue())
            # git-ignored files are left out of a build unless named as artifacts.
            build_data.setdefault("artifacts", []).append(str(compiled.relative_to(self.root)))

        self._compile_templates(build_data)

    def _compile_templates(self, build_data: dict[str, Any]) -> None:
        # cjm's own code generator compiles them (it only needs jinja2, a build
        # requirement): the code from the source tree being built.
        source = str(Path(self.root) / "src")
        sys.path.insert(0, source)
        try:
            from cjm.render import precompiled

            written = precompiled.write_all()
        finally:
            sys.path.remove(source)
        for path in written:
            build_data.setdefault("artifacts", []).append(str(path.relative_to(self.root)))
