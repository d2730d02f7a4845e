"""Keeping the catalogs in step with the code (for developers and translators).

``make catalogs`` runs ``python -m cjm.text.maintain``: it extracts every
:func:`cjm.text.msg`, :func:`cjm.text.nmsg` and :func:`cjm.text.pmsg` from
``src/cjm`` with Babel, adds new messages to each language's ``.po`` (empty, for a
translator to fill), drops the ones the code no longer uses, and fills the English
catalog, whose text is the message id. ``python -m cjm.text.maintain --init de``
starts a new language.
:func:`problems` is what the test suite checks: every message translated in every
language, with the same ``{fields}``.

The files are written sorted by message id and without source line references, so
that two branches adding messages merge cleanly and moving code changes nothing.
"""

from __future__ import annotations

import argparse
import copy
import io
import re
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from cjm.output.writer import write_file
from cjm.text import DEFAULT_LANGUAGE
from cjm.text.catalog import DOMAIN, available, catalog_path, compile_po

__all__ = ["extract", "problems", "update"]

SOURCE = Path(__file__).resolve().parent.parent
"""``src/cjm``: where the messages are written."""
KEYWORDS: dict[str, tuple[int | tuple[int, str], ...] | None] = {
    "msg": None,
    "nmsg": (1, 2),
    "pmsg": ((1, "c"), 2),
}
# A fixed date in the header: the files change only when the messages do.
_FIXED = datetime(2026, 1, 1, tzinfo=UTC)
_HEADER = """\
# cjm's texts in '{language}': translate each msgstr; keep every {{field}} of the msgid.
# `make catalogs` adds new messages and removes unused ones; docs/languages.md says more."""
_FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")


def extract() -> Catalog:
    """Every message the code names, as a template catalog."""
    template = Catalog(domain=DOMAIN, project="cjm", creation_date=_FIXED, fuzzy=False)
    found = extract_from_dir(
        str(SOURCE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        template.add(
            message,
            locations=[(filename, lineno)],
            auto_comments=comments,
            context=context,
            flags=("python-brace-format",),
        )
    return template


def read(language: str) -> Catalog:
    path = catalog_path(language)
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def write(language: str, catalog: Catalog) -> None:
    catalog.revision_date = _FIXED
    catalog.creation_date = _FIXED
    catalog.header_comment = _HEADER.format(language=language)
    catalog.version = ""
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "cjm contributors"
    catalog.language_team = language
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        no_location=True,
        sort_output=True,
        ignore_obsolete=True,
        include_previous=False,
    )
    # Unchanged files are left alone: a newer .po would make cjm compile it on every run.
    write_file(catalog_path(language), buffer.getvalue(), skip_unchanged=True)


def update(template: Catalog, language: str, *, new: bool = False) -> Catalog:
    """``language``'s catalog with exactly the template's messages."""
    if new:
        catalog = Catalog(locale=language, domain=DOMAIN, project="cjm", fuzzy=False)
    else:
        catalog = read(language)
    # A copy: Babel adds the template's own Message objects, which the English fill
    # below would otherwise change for every language after it.
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True, update_header_comment=False)
    if language == DEFAULT_LANGUAGE:
        for message in catalog:
            if message.id and not _translated(message):
                message.string = message.id
    return catalog


def problems(template: Catalog | None = None) -> Iterator[str]:
    """What is wrong with the catalogs, one sentence each: nothing when they are complete."""
    template = extract() if template is None else template
    wanted = {_key(message) for message in template if message.id}
    for language in available():
        catalog = read(language)
        have = {_key(message) for message in catalog if message.id}
        for key in sorted(wanted - have, key=str):
            yield f"{language}: {key[0]!r} is not in the catalog (run make catalogs)"
        for key in sorted(have - wanted, key=str):
            yield f"{language}: {key[0]!r} is no longer used (run make catalogs)"
        for message in catalog:
            if not message.id:
                continue
            if not _translated(message):
                yield f"{language}: {_key(message)[0]!r} has no translation"
            elif message.fuzzy:
                yield f"{language}: {_key(message)[0]!r} is marked fuzzy"
            else:
                yield from _field_problems(language, message)


def _key(message: Message) -> tuple[str, ...]:
    ids = tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)
    # A context (pmsg) makes a message of its own: key it, after the ids.
    return ids if message.context is None else (*ids, f"context: {message.context}")


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return bool(strings) and all(strings)


def _field_problems(language: str, message: Message) -> Iterator[str]:
    ids = tuple(message.id) if isinstance(message.id, (list, tuple)) else (message.id,)
    allowed = {name for text in ids for name in _FIELD.findall(text)}
    if len(ids) > 1:
        allowed.add("count")
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    for string in strings:
        unknown = set(_FIELD.findall(string or "")) - allowed
        if unknown:
            yield f"{language}: {ids[0]!r} uses {sorted(unknown)} which the code does not pass"


def compile_all() -> list[Path]:
    """Each language's .mo compiled from its .po (``make``, and hatch_build.py for every
    build); the files written.

    Always written, also when unchanged: a .mo older than its .po is compiled again
    in memory on every run (:mod:`cjm.text.catalog`), so its time must move on.
    """
    written = []
    for language in available():
        source = catalog_path(language)
        if source.is_file():
            target = catalog_path(language, ".mo")
            write_file(target, compile_po(source.read_bytes(), language))
            written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cjm.text.maintain")
    parser.add_argument("--init", metavar="LANG", help="start the catalog of a new language")
    parser.add_argument("--check", action="store_true", help="only report, write nothing")
    parser.add_argument(
        "--compile", action="store_true", help="only compile each .po to its .mo (as a build does)"
    )
    args = parser.parse_args(argv)
    if args.compile:
        compile_all()
        return 0
    template = extract()
    if args.check:
        found = list(problems(template))
        print("\n".join(found) or "catalogs complete")
        return 1 if found else 0
    languages = set(available())
    if args.init:
        languages.add(args.init)
    for language in sorted(languages):
        write(language, update(template, language, new=language == args.init))
    available.cache_clear()  # a language started above is one of them now
    compile_all()
    missing = [line for line in problems(template) if "no translation" in line]
    print(f"{len(template)} messages; {len(missing)} still to translate")
    for line in missing:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
