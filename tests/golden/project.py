"""The example project, copied for a command to run in, in a chosen language.

Shared by the golden outputs (tests/golden/test_commands.py) and the check that no
text bypasses the catalogs (the pseudo-language ``qps``, :func:`pseudo_catalogs`).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.catalog import Catalog

from tests.conftest import REPO

__all__ = ["PSEUDO", "copy_project", "data_words", "outside_catalog", "pseudo_catalogs"]

EXTRA = Path(__file__).parent / "extra"
PSEUDO = "qps"
"""A pseudo-language (after Windows' qps-ploc): every catalog text wrapped in ⟦ ⟧, so
any word outside the brackets came from somewhere other than the catalogs."""
OPEN, CLOSE = "⟦", "⟧"


def copy_project(target: Path, language: str) -> Path:
    """The examples (journeys, opportunities, export) plus the problem journey in
    ``target``, with ``language: <language>`` in its cjm.yaml."""
    shutil.copytree(REPO / "journeys", target / "journeys")
    shutil.copy(EXTRA / "proefreis.yaml", target / "journeys" / "proefreis.yaml")
    shutil.copy(REPO / "opportunities.yaml", target / "opportunities.yaml")
    shutil.copytree(REPO / "analytics", target / "analytics")
    (target / "cjm.yaml").write_text(f"language: {language}\n", encoding="utf-8")
    return target


def pseudo_catalogs(locale: Path) -> None:
    """``locale`` gets cjm's real catalogs and the pseudo-language made from English."""
    from babel.messages.pofile import read_po, write_po

    from cjm.text.catalog import LOCALE_DIR

    shutil.copytree(LOCALE_DIR, locale, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.mo"))
    with (LOCALE_DIR / "en" / "LC_MESSAGES" / "cjm.po").open("rb") as stream:
        english = read_po(stream, locale="en")
    pseudo = Catalog(locale="en", domain="cjm")
    for message in english:
        if not message.id:
            continue
        strings = (
            tuple(message.string)
            if isinstance(message.string, (list, tuple))
            else (message.string,)
        )
        wrapped = tuple(_wrap(text or "") for text in strings)
        pseudo.add(message.id, wrapped if len(wrapped) > 1 else wrapped[0], context=message.context)
    folder = locale / PSEUDO / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "cjm.po").open("wb") as stream:
        write_po(stream, pseudo)


def _wrap(text: str) -> str:
    """Each literal stretch of a catalog text in brackets, its ``{fields}`` outside: a
    field's value (data, or another message with brackets of its own) is judged on its own."""
    parts = re.split(r"(\{[A-Za-z_][A-Za-z0-9_]*[^{}]*\})", text)
    return "".join(
        part if index % 2 else (f"{OPEN}{part}{CLOSE}" if part else "")
        for index, part in enumerate(parts)
    )


def outside_catalog(text: str) -> list[str]:
    """The words of ``text`` outside every ⟦…⟧."""
    depth = 0
    outside: list[str] = []
    for char in text:
        if char == OPEN:
            depth += 1
            outside.append(" ")
        elif char == CLOSE:
            depth = max(0, depth - 1)
            outside.append(" ")
        else:
            outside.append(char if depth == 0 else " ")
    return _words("".join(outside))


def data_words(project: Path, written: tuple[str, ...] = ()) -> set[str]:
    """Every word the project's own files hold: data a report may show as it is.

    ``written`` are the files the command wrote (relative paths): their words are what
    is being checked, never data."""
    words: set[str] = set()
    skipped = {project / name for name in written}
    for path in project.rglob("*"):
        if path.is_file() and path not in skipped:
            words.update(_words(path.read_text(encoding="utf-8-sig", errors="replace")))
            words.update(_words(str(path.relative_to(project))))
    return words


def _words(text: str) -> list[str]:
    # Words of three letters or more: shorter ones (ids such as "nl", units) say little.
    return [word.lower() for word in re.findall(r"[^\W\d_]{3,}", text)]


def visible_text(html: str) -> str:
    """What a reader of an HTML page sees, with titles, alt texts and labels."""
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.parts)


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "alt", "aria-label", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def iter_messages(value: object) -> Iterator[str]:
    """Every ``message`` (and ``text``) string in parsed JSON: the fields a machine
    format translates; everything else in it stays language-neutral."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("message", "text") and isinstance(item, str):
                yield item
            else:
                yield from iter_messages(item)
    elif isinstance(value, list):
        for item in value:
            yield from iter_messages(item)
