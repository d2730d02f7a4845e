"""The one text layer: every sentence a user reads comes from a message catalog.

Code never builds a user-facing sentence itself. It names one with :func:`msg`
(or :func:`nmsg` when a count picks the form), passing the values as named
parameters, and what writes output turns it into the project's language with a
:class:`Text`::

    problem = msg("phase '{phase}' has no touchpoints", phase="purchase")
    nmsg("{count} error", "{count} errors", 2)
    text = text_for("nl")
    text(problem)             # "fase 'purchase' heeft geen touchpoints"
    text.number(1234.5)       # "1.234,5"

Messages are values: a rule or a comparison returns them without knowing the
language, and each reporter renders them once, in the language the command decided
(:func:`choose_language`). The catalogs are gettext ``.po`` files in
``cjm/locale/<lang>/LC_MESSAGES/cjm.po``, compiled to ``.mo`` when cjm is built;
Babel gives plural rules, numbers, percentages and dates per locale. Adding a
language is adding its ``.po`` file (docs/languages.md).

This module is imported by every command, so it stays light: the catalog of a
language is read the first time a message is rendered in it, and Babel only when a
number, percentage or date needs the locale's format.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

__all__ = [
    "DEFAULT_LANGUAGE",
    "MISSING",
    "Message",
    "Number",
    "Text",
    "choose_language",
    "format_number",
    "languages",
    "msg",
    "nmsg",
    "pmsg",
    "text_for",
]

DEFAULT_LANGUAGE = "en"
"""The language when neither ``--lang`` nor ``cjm.yaml`` names one."""

MISSING = "-"
"""How a number that is not there (or not finite) is shown, in every language."""


@dataclass(frozen=True, slots=True)
class Message:
    """A sentence to show, not yet in a language: a catalog id and its values.

    ``plural`` and ``count`` are set for a message whose form depends on a number
    (:func:`nmsg`). A parameter may itself be a :class:`Message`; it is rendered in
    the same language first.
    """

    msgid: str
    params: tuple[tuple[str, object], ...] = ()
    plural: str | None = None
    count: int | None = None
    context: str | None = None
    """Set by :func:`pmsg`: the same English text meaning different things (gettext's
    ``msgctxt``), such as a phase name that two models translate differently."""

    def __str__(self) -> str:
        # Only for code paths that must have a str (tracebacks, debugging): English.
        return text_for(DEFAULT_LANGUAGE)(self)


@dataclass(frozen=True, slots=True)
class Number:
    """A number inside a message, written in the language's format when the message is
    rendered (``1,234.5`` / ``1.234,5``): code that words a finding need not know it."""

    value: float | None
    fraction: bool = False


def msg(msgid: str, /, **params: object) -> Message:
    """A message from the catalog; ``msgid`` is its English text with ``{name}`` fields."""
    return Message(msgid, tuple(params.items()))


def nmsg(singular: str, plural: str, count: int, /, **params: object) -> Message:
    """A message whose form follows ``count`` (available to the text as ``{count}``)."""
    return Message(singular, tuple(params.items()), plural, count)


def pmsg(context: str, msgid: str, /, **params: object) -> Message:
    """A message whose English text is shared by messages that translate differently:
    ``pmsg("five-phase", "Consideration")`` is *Afweging*, the awareness model's *Overweging*."""
    return Message(msgid, tuple(params.items()), context=context)


def languages() -> tuple[str, ...]:
    """The languages cjm speaks: one per catalog shipped, sorted."""
    from cjm.text.catalog import available

    return available()


def choose_language(flag: str | None, configured: str | None) -> str:
    """``--lang``, else ``cjm.yaml``'s ``language``, else English: decided once, at the top."""
    return flag or configured or DEFAULT_LANGUAGE


class Text:
    """Messages, numbers and dates in one language."""

    def __init__(self, language: str, translations: gettext.NullTranslations) -> None:
        self.language = language
        self._translations = translations

    def __call__(self, message: Message | str) -> str:
        """``message`` in this language; a plain ``str`` is data and passes unchanged."""
        if isinstance(message, str):
            return message
        if message.context is not None:
            template = self._translations.pgettext(message.context, message.msgid)
        elif message.plural is None or message.count is None:
            template = self._translations.gettext(message.msgid)
        else:
            template = self._translations.ngettext(message.msgid, message.plural, message.count)
        values: dict[str, object] = {name: self._value(value) for name, value in message.params}
        if message.count is not None:
            values.setdefault("count", self.number(message.count))
        return template.format_map(_Values(values))

    def _value(self, value: object) -> object:
        if isinstance(value, Message):
            return self(value)
        if isinstance(value, Number):
            return self.number(value.value, fraction=value.fraction)
        return value

    @property
    def locale(self) -> str:
        """The locale Babel formats numbers and dates in: the language's, or English for
        a language Babel does not know (a pseudo-language for testing)."""
        return _babel_locale(self.language)

    def number(self, value: float | None, *, fraction: bool = False) -> str:
        """``18420`` as ``18,420`` (en) or ``18.420`` (nl); two decimals for a fraction,
        or for every value with ``fraction`` (money, averages)."""
        if value is None or isinstance(value, bool) or not math.isfinite(value):
            return MISSING
        whole = float(value).is_integer()
        if whole and not fraction and -1000 < value < 1000:
            return str(int(value))  # the same in every locale, and spares loading Babel
        pattern = "#,##0.00" if fraction or not whole else "#,##0"
        return format_number(value, pattern, self.locale)

    def decimal(self, value: float | None, *, places: int = 0) -> str:
        """A number as written (``3.4``, ``3``), with the locale's decimal mark: ``3,4``;
        with at least ``places`` decimals (an average of one decimal: ``3.0``, ``3,0``)."""
        if value is None or isinstance(value, bool) or not math.isfinite(value):
            return MISSING
        if float(value).is_integer() and not isinstance(value, float) and not places:
            return self.number(value)
        pattern = "#,##0." + "0" * places + "#" * max(3 - places, 0)
        return format_number(value, pattern, self.locale)

    @property
    def decimal_mark(self) -> str:
        """The character that separates decimals: ``.`` (en), ``,`` (nl). A CSV for a
        language with a decimal comma separates its cells with ``;``, as Excel does."""
        from babel.numbers import get_decimal_symbol

        return str(get_decimal_symbol(self.locale))

    def percent(self, share: float | None) -> str:
        """A share (0..1) as ``35.4%`` (en) or ``35,4%`` (nl)."""
        if share is None or not math.isfinite(share):
            return MISSING
        from babel.numbers import format_percent

        return str(format_percent(share, format="#,##0.0%", locale=self.locale))

    def date(self, day: date) -> str:
        """A date as people write it: ``3 March 2026`` (en), ``3 maart 2026`` (nl)."""
        from babel.dates import format_date

        return str(format_date(day, format="long", locale=self.locale))


_FORMATTED: dict[tuple[str, str, type, float], str] = {}


def format_number(value: float, pattern: str, locale: str) -> str:
    """Babel's ``format_decimal(value, format=pattern, locale=locale)``, each distinct
    value formatted once per run: Babel parses the pattern and looks up the locale's
    symbols on every call, and a render words the same emotions and averages on every
    page (issue 17). The key has the value's type (``3`` and ``3.0`` may be written
    differently); zero is not kept, as ``-0.0 == 0.0`` but is written ``-0``."""
    if not value:
        from babel.numbers import format_decimal

        return str(format_decimal(value, format=pattern, locale=locale))
    key = (pattern, locale, type(value), value)
    found = _FORMATTED.get(key)
    if found is None:
        from babel.numbers import format_decimal

        if len(_FORMATTED) >= 65_536:
            _FORMATTED.clear()
        found = _FORMATTED[key] = str(format_decimal(value, format=pattern, locale=locale))
    return found


class _Values(dict[str, object]):
    """Format values; a field the translation names but the code did not pass shows as
    ``{name}`` instead of raising, so a translator's typo cannot crash a report (the
    catalog test catches it)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@cache
def _babel_locale(language: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return DEFAULT_LANGUAGE
    return language


@cache
def text_for(language: str) -> Text:
    """The :class:`Text` of ``language``; its catalog is read on first use, once."""
    from cjm.text.catalog import translations

    return Text(language, translations(language))
