"""Finding and reading the message catalogs.

A language is a folder ``cjm/locale/<lang>/LC_MESSAGES`` holding ``cjm.po`` (the
source, in git) and ``cjm.mo`` (compiled from it when cjm is built, see
``hatch_build.py``). An installed cjm reads the ``.mo`` with the standard
library's :mod:`gettext`, which costs well under a millisecond. A checkout whose
``.po`` is newer than its ``.mo`` (a translator at work) is compiled in memory with
Babel instead, so an edit shows at once and never needs a rebuild to be tried.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

__all__ = ["DOMAIN", "LOCALE_DIR", "available", "catalog_path", "translations"]

DOMAIN = "cjm"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
"""Where the catalogs live, inside the package so the wheel carries them."""


def catalog_path(language: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def available() -> tuple[str, ...]:
    """Every language with a catalog, sorted: what ``--lang`` and ``language:`` accept."""
    if not LOCALE_DIR.is_dir():
        return ()
    return tuple(
        sorted(
            entry.name
            for entry in LOCALE_DIR.iterdir()
            if catalog_path(entry.name).is_file() or catalog_path(entry.name, ".mo").is_file()
        )
    )


def translations(language: str) -> gettext.GNUTranslations:
    """The compiled catalog of ``language``.

    Raises :class:`LookupError` for a language without a catalog; the command checks
    ``--lang`` and ``language:`` against :func:`available` before it gets here.
    """
    source = catalog_path(language)
    compiled = catalog_path(language, ".mo")
    if compiled.is_file() and (
        not source.is_file() or compiled.stat().st_mtime_ns >= source.stat().st_mtime_ns
    ):
        try:
            with compiled.open("rb") as stream:
                return gettext.GNUTranslations(stream)
        except OSError:
            pass  # unreadable or damaged: the source below is the truth
    if not source.is_file():
        raise LookupError(f"no message catalog for language {language!r}")
    return gettext.GNUTranslations(io.BytesIO(compile_po(source.read_bytes(), language)))


def compile_po(source: bytes, language: str) -> bytes:
    """A ``.po`` file's bytes compiled to ``.mo`` bytes (Babel, imported only here)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(source), locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()
