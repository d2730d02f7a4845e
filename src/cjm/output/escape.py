"""Escaping: one function per output grammar, the only place cjm escapes text.

Every value that reaches an output — a name from a journey, a cell from an
analytics export, a file name — is text the user typed, and must show as that
text in the grammar it lands in, never as syntax:

===============  =========================  ==============================================
grammar          function                   what it guards against
===============  =========================  ==============================================
terminal text    :func:`terminal`           ESC driving the terminal, a newline forging a
                                            second ``file:line:col`` line
Markdown         :func:`markdown`,          raw HTML, links, emphasis, table pipes, a
                 :func:`markdown_code`,     value starting a heading or a list item
                 :func:`markdown_url`
Mermaid          :func:`mermaid`            ``:`` ``#`` ``;`` ``%%``, quotes, leading
                                            keywords (``section``, ``title``), empty names
HTML             :func:`html`,              (templates: Jinja's autoescape does the same);
                 :func:`script_json`        a value in an inline script cannot end it
JSON             :func:`json_text`          ``NaN`` / ``Infinity``, which are not JSON
CSV              :func:`csv_cell`           formulas: a cell starting ``=`` ``+`` ``-`` ``@``
GitHub           :func:`github_data`,       a message ending the workflow command
                 :func:`github_property`
SARIF            :func:`sarif_uri`          paths as URIs (the rest is :func:`json_text`)
YAML             :func:`yaml_string`        a line break that YAML would fold
===============  =========================  ==============================================

File names that are not UTF-8 reach Python as lone surrogates; every function
here shows such a byte as ``\\xNN`` rather than fail on it (:func:`text`).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any
from urllib.parse import quote

__all__ = [
    "csv_cell",
    "finite",
    "github_data",
    "github_property",
    "html",
    "json_text",
    "link_url",
    "markdown",
    "markdown_code",
    "markdown_url",
    "mermaid",
    "sarif_uri",
    "script_json",
    "terminal",
    "text",
    "yaml_string",
]

# Undecodable bytes of a file name (os.fsdecode's surrogateescape): U+DC80..U+DCFF.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _byte(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def text(value: object) -> str:
    """``value`` as a string that encodes as UTF-8: undecodable bytes shown as ``\\xNN``."""
    string = str(value)
    return _SURROGATE.sub(_byte, string) if _SURROGATE.search(string) else string


# -- terminal ---------------------------------------------------------------

# C0 and C1 controls, DEL, and what Unicode treats as line or paragraph breaks or
# as direction overrides (which reorder what a reviewer sees: "Trojan Source").
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(value: object, *, keep_newlines: bool = False) -> str:
    """Text for a terminal or a log: control characters shown as ``\\x1b``, ``\\n``, ...

    One value stays on one line, so a report keeps one line per problem;
    ``keep_newlines`` is for cjm's own multi-line messages.
    """
    string = text(value)
    if keep_newlines:
        return "\n".join(_CONTROL.sub(_visible, line) for line in string.split("\n"))
    return _CONTROL.sub(_visible, string)


# -- Markdown (CommonMark and GitHub's tables) --------------------------------

# Any ASCII punctuation may be backslash-escaped in CommonMark; these are the ones
# that can start emphasis, code, links (and so images), tables or strikethrough.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# What starts a block when it begins a line: a heading, a list item, a setext underline.
# A leading '-' '+' '=' is always escaped ("---" is a rule, "- x" a list item).
_MD_LEADING = re.compile(r"^([#=+-])|^(\d{1,9})([.)])(?= |$)")
# Every character either pass above escapes, and every first character _MD_LEADING needs.
_MD_SYNTAX = re.compile(r"[&<>\\`*_\[\]|~]")
_MD_MAY_LEAD = re.compile(r"[#=+\-\d]")


_WHITESPACE = re.compile(r"\s+")


def _fold(value: object) -> str:
    """One line: each run of whitespace (line and paragraph separators too) one space,
    other control characters shown as in :func:`terminal`."""
    if type(value) is str and value.isprintable() and "  " not in value:
        # Nothing to fold or show (the common case, checked in C): every character
        # _WHITESPACE, _CONTROL or _SURROGATE matches but a single space is unprintable.
        return value
    return _CONTROL.sub(_visible, _WHITESPACE.sub(" ", text(value)))


def markdown(value: object) -> str:
    """Inline Markdown that shows exactly ``value``: one line, no HTML, no syntax.

    ``&`` ``<`` ``>`` become entities (no raw HTML, no autolinks), punctuation
    Markdown reads as syntax gets a backslash (``\\|`` is GitHub's escape inside a
    table cell too), and newlines fold to spaces so a value cannot start a
    heading or a list item. Control characters are shown as in :func:`terminal`.
    """
    # No space at the ends: "**x **" is no emphasis, and a template's spacing is its own.
    folded = _fold(value).strip()
    # Most text has nothing to escape: one scan for any of it instead of five passes
    # that change nothing (a render escapes tens of thousands of texts, issue 17).
    if _MD_SYNTAX.search(folded):
        folded = folded.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        folded = _MD_SPECIAL.sub(r"\\\1", folded)
    # After the entity pass '>' is gone; a leading '-', '+', '=' or '1.' is left.
    if _MD_MAY_LEAD.match(folded):
        return _MD_LEADING.sub(_leading, folded)
    return folded


def _leading(match: re.Match[str]) -> str:
    if match.group(1):
        return f"\\{match.group(1)}"
    return f"{match.group(2)}\\{match.group(3)}"


_MD_CODE_SAFE = re.compile(r"^[\w.\-/\[\]:@ ]+$")


def markdown_code(value: object) -> str:
    """An identifier as inline code; text that code cannot hold safely as :func:`markdown`.

    Inside code nothing can be escaped, and GitHub still splits a table row at a
    ``|`` in it, so only plain identifiers become code.
    """
    folded = _fold(value).strip()
    if _MD_CODE_SAFE.match(folded):
        return f"`{folded}`"
    return markdown(folded)


_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def link_url(value: object) -> str:
    """A URL that is safe to link: web, mail or phone, or relative; else empty.

    Escaping cannot make ``javascript:`` harmless in an ``href``, so such a link is
    dropped and its text shown on its own.
    """
    # Browsers drop tabs and newlines inside a URL: "java\tscript:" is "javascript:".
    url = _CONTROL.sub("", text(value)).strip()
    lowered = url.lower()
    if lowered.startswith(_SAFE_SCHEMES) or not re.match(r"^[a-z][a-z0-9+.-]*:", lowered):
        return url
    return ""


def markdown_url(value: object) -> str:
    """A link destination for Markdown: safe schemes only; spaces, brackets, ``<>`` encoded."""
    return quote(link_url(value), safe=":/?#@!$&'*+,;=%~")


# -- Mermaid (journey and flowchart diagrams) -------------------------------

# Mermaid's journey grammar reads ':' '#' ';' as syntax in a task line, and a
# flowchart label ends at '"'; '<' '>' are read as HTML and '#...;' as an entity
# code, '`' starts a Markdown string, '{' '}' a directive or an accDescr block.
# They are shown as look-alikes: the diagram reads the same, the grammar sees text.
_MERMAID_LOOKALIKE = str.maketrans(
    {
        ":": "꞉",
        "#": "＃",
        ";": "；",
        "<": "＜",
        ">": "＞",
        '"': "＂",
        "`": "ˋ",
        "{": "｛",
        "}": "｝",
        "\\": "＼",
    }
)
# A line's first word that the journey lexer (case-insensitively) takes for a
# keyword: a task named "Section B" would start a section, "Title x" replace the title.
# A line starting with '%' is dropped as a comment, too.
_MERMAID_KEYWORD = re.compile(r"^(%|journey|title|section|acc(title|descr))", re.IGNORECASE)
_WORD_JOINER = "\u2060"
_PERCENTS = re.compile("%(?=%)")
EMPTY_NAME = "–"
"""What Mermaid shows for a blank name: a task or a label cannot be empty."""


def mermaid(value: object) -> str:
    """A name as Mermaid text, for a ``journey`` task, section or title and a flowchart label.

    One line; syntax characters as look-alikes; ``%%`` (a comment to the end of
    the line) broken up; a leading keyword kept from being one by an invisible
    word joiner; a blank name shown as ``–``.
    """
    folded = _fold(value).strip().translate(_MERMAID_LOOKALIKE)
    if "%" in folded:
        folded = _PERCENTS.sub(f"%{_WORD_JOINER}", folded)
    if not folded:
        return EMPTY_NAME
    if _MERMAID_KEYWORD.match(folded):
        return _WORD_JOINER + folded
    return folded


# -- HTML -------------------------------------------------------------------


def html(value: object) -> str:
    """Text for HTML element content or a quoted attribute (templates autoescape the same)."""
    from markupsafe import escape

    return str(escape(text(value)))


def script_json(value: Any) -> str:
    """A JavaScript literal for an inline ``<script>``: JSON, with ``<`` as ``\\u003c``.

    No value can then close the script element (``</script>``) or open a comment.
    """
    return json.dumps(finite(value), allow_nan=False).replace("<", "\\u003c")


# -- JSON -------------------------------------------------------------------


def finite(value: Any) -> Any:
    """``value`` with every non-finite float as ``None`` and every string UTF-8-safe.

    JSON has no NaN or Infinity; ``null`` says "no number", which is what a
    non-finite value in a report means.
    """
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {finite(key): finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [finite(item) for item in value]
    return value


def json_text(value: Any) -> str:
    """Strict JSON (RFC 8259), indented, UTF-8, ending in a newline: NaN/Infinity as null."""
    return json.dumps(finite(value), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


# -- YAML (files cjm writes for people to edit, and hints) ------------------

# JSON's string escapes are YAML's, but YAML reads NEL and the line and paragraph
# separators as line breaks (folding them), and C1 controls are not printable.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")


def yaml_string(value: object) -> str:
    """``value`` as a YAML double-quoted scalar that reads back as exactly ``value``."""
    quoted = json.dumps(text(value), ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


# -- CSV (for spreadsheets) -------------------------------------------------

_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value: object) -> str:
    """A text cell a spreadsheet shows as text: a leading ``= + - @`` gets a ``'``.

    Excel and LibreOffice run a cell starting with one of these as a formula
    (OWASP "CSV injection"); the apostrophe is Excel's own "this is text" mark.
    Numbers are written as numbers, not through here.
    """
    string = text(value)
    return f"'{string}" if string.startswith(_FORMULA) else string


# -- GitHub Actions workflow commands ---------------------------------------


def github_data(value: object) -> str:
    """A workflow command's message: ``%`` CR LF as GitHub's runner unescapes them.

    Other control characters are shown as in :func:`terminal`: the runner would
    pass them to the log viewer raw.
    """
    string = text(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _CONTROL.sub(_visible, string)


def github_property(value: object) -> str:
    """A workflow command's property value: as :func:`github_data`, and ``:`` ``,``."""
    return github_data(value).replace(":", "%3A").replace(",", "%2C")


# -- SARIF ------------------------------------------------------------------


def sarif_uri(path: str) -> str:
    """A repository-relative path as SARIF's ``artifactLocation.uri`` (RFC 3986)."""
    return quote(path.encode("utf-8", "surrogateescape"), safe="/:")
