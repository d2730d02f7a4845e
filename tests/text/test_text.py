"""The text layer: messages through a catalog, plural forms, numbers, dates per locale."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cjm.text import Message, Text, choose_language, msg, nmsg, text_for
from cjm.text import catalog as catalog_module
from cjm.text.catalog import compile_po, translations

EMPTY = "phase '{phase}' has no touchpoints"
PO = """\
msgid ""
msgstr ""
"Language: {lang}\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "phase '{{phase}}' has no touchpoints"
msgstr "{empty}"

msgid "{{count}} error"
msgid_plural "{{count}} errors"
msgstr[0] "{one}"
msgstr[1] "{many}"

msgid "in {{where}}"
msgstr "{nested}"
"""

CATALOGS = {
    "nl": {
        "empty": "fase '{phase}' heeft geen touchpoints",
        "one": "{count} fout",
        "many": "{count} fouten",
        "nested": "in {where}",
    },
    "en": {
        "empty": "phase '{phase}' has no touchpoints",
        "one": "{count} error",
        "many": "{count} errors",
        "nested": "in {where}",
    },
}


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for lang, texts in CATALOGS.items():
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "cjm.po").write_text(PO.format(lang=lang, **texts), encoding="utf-8")
    monkeypatch.setattr(catalog_module, "LOCALE_DIR", tmp_path)
    catalog_module.available.cache_clear()
    text_for.cache_clear()
    yield tmp_path
    catalog_module.available.cache_clear()
    text_for.cache_clear()


@pytest.mark.parametrize(
    ("lang", "message", "expected"),
    [
        (
            "nl",
            msg("phase '{phase}' has no touchpoints", phase="koop"),
            "fase 'koop' heeft geen touchpoints",
        ),
        (
            "en",
            msg("phase '{phase}' has no touchpoints", phase="buy"),
            "phase 'buy' has no touchpoints",
        ),
        ("nl", nmsg("{count} error", "{count} errors", 1), "1 fout"),
        ("nl", nmsg("{count} error", "{count} errors", 2), "2 fouten"),
        ("nl", nmsg("{count} error", "{count} errors", 1234), "1.234 fouten"),
        ("en", nmsg("{count} error", "{count} errors", 1234), "1,234 errors"),
        ("en", nmsg("{count} error", "{count} errors", 0), "0 errors"),
        # A message inside a message is rendered in the same language.
        ("nl", msg("in {where}", where=nmsg("{count} error", "{count} errors", 3)), "in 3 fouten"),
        # Data is never looked up: braces in it stay as typed.
        (
            "nl",
            msg("phase '{phase}' has no touchpoints", phase="{x}"),
            "fase '{x}' heeft geen touchpoints",
        ),
    ],
)
def test_messages(locale: Path, lang: str, message: Message, expected: str) -> None:
    assert text_for(lang)(message) == expected


def test_compiled_catalog_is_read_when_current(locale: Path) -> None:
    source = locale / "nl" / "LC_MESSAGES" / "cjm.po"
    compiled = source.with_suffix(".mo")
    mo = compile_po(source.read_bytes(), "nl")
    compiled.write_bytes(mo.replace(b"heeft geen", b"heeft xeen"))  # same length, tell-tale
    assert "heeft xeen" in translations("nl").gettext("phase '{phase}' has no touchpoints")
    # A .po edited after the build wins: a translator sees the edit without rebuilding.
    source.touch()
    import os

    stat = compiled.stat()
    os.utime(compiled, ns=(stat.st_atime_ns, source.stat().st_mtime_ns - 1_000_000_000))
    assert "heeft geen" in translations("nl").gettext("phase '{phase}' has no touchpoints")


def test_corrupt_compiled_catalog_falls_back_to_the_source(locale: Path) -> None:
    (locale / "nl" / "LC_MESSAGES" / "cjm.mo").write_bytes(b"\x00" * 40)
    assert "heeft geen" in translations("nl").gettext("phase '{phase}' has no touchpoints")


def test_unknown_language_has_no_catalog(locale: Path) -> None:
    assert catalog_module.available() == ("en", "nl")
    with pytest.raises(LookupError):
        translations("de")


@pytest.mark.parametrize(
    ("lang", "call", "expected"),
    [
        ("en", lambda t: t.number(1234.5), "1,234.50"),
        ("nl", lambda t: t.number(1234.5), "1.234,50"),
        ("en", lambda t: t.number(18420), "18,420"),
        ("nl", lambda t: t.number(18420), "18.420"),
        ("nl", lambda t: t.number(999), "999"),
        ("nl", lambda t: t.number(3, fraction=True), "3,00"),
        ("en", lambda t: t.number(float("nan")), "-"),
        ("en", lambda t: t.number(None), "-"),
        ("en", lambda t: t.decimal(3.4), "3.4"),
        ("nl", lambda t: t.decimal(3.4), "3,4"),
        ("nl", lambda t: t.decimal(1234.5), "1.234,5"),
        ("en", lambda t: t.decimal(1234.5), "1,234.5"),
        ("nl", lambda t: t.decimal(4), "4"),
        ("en", lambda t: t.percent(0.354), "35.4%"),
        ("nl", lambda t: t.percent(0.354), "35,4%"),
        ("en", lambda t: t.percent(float("inf")), "-"),
        ("en", lambda t: t.date(date(2026, 3, 3)), "March 3, 2026"),
        ("nl", lambda t: t.date(date(2026, 3, 3)), "3 maart 2026"),
    ],
)
def test_locale_formats(locale: Path, lang: str, call: object, expected: str) -> None:
    assert callable(call)
    assert call(text_for(lang)) == expected


@pytest.mark.parametrize(
    ("flag", "configured", "expected"),
    [("nl", "en", "nl"), (None, "nl", "nl"), (None, None, "en"), ("en", None, "en")],
)
def test_language_is_flag_then_config_then_english(
    flag: str | None, configured: str | None, expected: str
) -> None:
    assert choose_language(flag, configured) == expected


def test_text_passes_data_through() -> None:
    assert Text("en", translations("en"))("{not a message}") == "{not a message}"


@pytest.mark.parametrize(
    ("value", "pattern", "locale", "expected"),
    [
        # Asked twice in a row: the second answer comes from the kept one and must agree.
        (3, "#,##0.0", "en", "3.0"),
        (3.0, "#,##0.###", "nl", "3"),
        (1234.5, "#,##0.00", "nl", "1.234,50"),
        (1234.5, "#,##0.00", "en", "1,234.50"),
        # -0.0 == 0.0 but is written with its sign: zero is never kept.
        (0.0, "#,##0.0", "en", "0.0"),
        (-0.0, "#,##0.0", "en", "-0.0"),
        (0.0, "#,##0.0", "en", "0.0"),
    ],
)
def test_format_number_agrees_with_babel(
    value: float, pattern: str, locale: str, expected: str
) -> None:
    from babel.numbers import format_decimal

    from cjm.text import format_number

    assert str(format_decimal(value, format=pattern, locale=locale)) == expected
    assert format_number(value, pattern, locale) == expected
    assert format_number(value, pattern, locale) == expected
