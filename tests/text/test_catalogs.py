"""The shipped catalogs: every message of the code translated in every language."""

from __future__ import annotations

from cjm.text.catalog import available
from cjm.text.maintain import problems


def test_dutch_and_english_are_shipped() -> None:
    assert {"en", "nl"} <= set(available())


def test_every_message_is_translated_in_every_language() -> None:
    # Extracts msg()/nmsg() from src/cjm with Babel and compares with each .po file:
    # a message missing, unused, untranslated, fuzzy, or with a {field} the code does
    # not pass is listed (make catalogs fixes the first two).
    assert list(problems()) == []
