"""One plain sentence for the YAML mistakes a consultant makes, at the place to fix.

libyaml says what its grammar expected ("mapping values are not allowed in this
context"); a consultant needs to hear what to do ("put the value in quotes").
Each hint below recognises one common mistake from the parser's error and the
source line it points at, and says how to fix it, with the fixed line when it can
be written out. A mistake no hint recognises keeps libyaml's message.

Positions: a hint names the parser mark it belongs to and a shift along that
mark's line (never to another line); turning a mark into ``line:col`` stays
:mod:`cjm.yaml_source`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from yaml import MarkedYAMLError
from yaml.error import Mark
from yaml.nodes import Node, ScalarNode

from cjm.text import Message, msg

__all__ = ["Hint", "comment_hint", "cut_values", "syntax_hint"]

# libyaml counts these as line breaks (YAML 1.1), so "the line" means the same here.
_BREAKS = "\n\r\x85\u2028\u2029"
# `key: value` on a line, optionally as a list item: the key, and where the value starts.
_KEY_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[^\s:#'\"{\[-][^:#]*?):[ \t]+(?=\S)")


class Hint(NamedTuple):
    """The sentence to show, and where: ``shift`` characters from ``mark`` on its line."""

    message: Message
    mark: Mark
    shift: int = 0


class _Site(NamedTuple):
    """The source line around a parser mark."""

    line: str
    offset: int
    """The mark's position within ``line`` (0-based)."""
    mark: Mark

    def at(self, offset: int) -> tuple[Mark, int]:
        """``offset`` on this line as the mark and the shift from it."""
        return self.mark, offset - self.offset


def _site(text: str, mark: Mark) -> _Site:
    index = min(mark.index, len(text))
    start = max(text.rfind(b, 0, index) for b in _BREAKS) + 1
    ends = [found for found in (text.find(b, index) for b in _BREAKS) if found >= 0]
    return _Site(text[start : min(ends, default=len(text))], index - start, mark)


def _value(line: str, start: int) -> str:
    """The value from ``start`` to the end of the line, without a trailing comment."""
    return re.sub(r"\s+#\s.*$", "", line[start:]).rstrip()


def _string(value: str) -> str:
    """``value`` as a double-quoted YAML string."""
    from cjm.output.escape import yaml_string  # only when a hint is shown

    return yaml_string(value)


def _quoted(key: str, value: str) -> str:
    return f"{key}: {_string(value)}"


def _colon_in_value(error: MarkedYAMLError, text: str) -> Hint | None:
    if error.problem_mark is None or "mapping values are not allowed" not in (error.problem or ""):
        return None
    site = _site(text, error.problem_mark)
    found = _KEY_VALUE.match(site.line)
    if found is None or found.end() > site.offset:
        return None
    key, value = found.group("key").strip(), _value(site.line, found.end())
    return Hint(
        msg(
            "the value of '{key}' contains ': ', which YAML reads as the start of a new key; "
            "put the value in quotes: {fix}",
            key=key,
            fix=_quoted(key, value),
        ),
        *site.at(found.end()),
    )


def _tab(error: MarkedYAMLError, text: str) -> Hint | None:
    if error.problem_mark is None:
        return None
    site = _site(text, error.problem_mark)
    indent = len(site.line) - len(site.line.lstrip(" \t"))
    tab = site.line.find("\t", 0, max(indent, site.offset + 1))
    if tab < 0:
        return None
    return Hint(
        msg("this line contains a tab; YAML indents with spaces only: replace the tab with spaces"),
        *site.at(tab),
    )


def _unclosed_quote(error: MarkedYAMLError, text: str) -> Hint | None:
    opened = error.context_mark
    if opened is None or "quoted scalar" not in (error.context or ""):
        return None
    if "end of stream" not in (error.problem or "") and "document" not in (error.problem or ""):
        return None
    site = _site(text, opened)
    quote = site.line[site.offset : site.offset + 1] or '"'
    return Hint(
        msg(
            "the {quote} that opens this value is never closed: end the value with {quote} "
            "on the same line",
            quote=quote,
        ),
        *site.at(site.offset),
    )


def _text_after_quote(error: MarkedYAMLError, text: str) -> Hint | None:
    if error.problem_mark is None:
        return None
    site = _site(text, error.problem_mark)
    found = _KEY_VALUE.match(site.line)
    if found is None or not site.line[found.end() :].startswith(("'", '"')):
        return None
    quote = site.line[found.end()]
    closing = site.line.find(quote, found.end() + 1)
    if closing < 0 or closing >= site.offset or not site.line[closing + 1 :].strip():
        return None
    key, value = found.group("key").strip(), _value(site.line, found.end())
    inner = value[1:-1] if value.endswith(quote) else value[1:]
    if quote == "'":
        said = msg(
            "the value of '{key}' ends at its closing ' but more text follows; "
            "inside single quotes, write ' as '' or use double quotes: {fix}",
            key=key,
            fix=_quoted(key, inner),
        )
    else:
        said = msg(
            "the value of '{key}' ends at its closing \" but more text follows; "
            'inside double quotes, write " as \\" or use single quotes: {fix}',
            key=key,
            fix=_quoted(key, inner),
        )
    return Hint(
        said,
        *site.at(found.end()),
    )


def _list_item_indent(error: MarkedYAMLError, text: str) -> Hint | None:
    problem = error.problem or ""
    if error.problem_mark is None:
        return None
    site = _site(text, error.problem_mark)
    stripped = site.line.lstrip(" ")
    column = len(site.line) - len(stripped)
    if "expected '-' indicator" in problem and error.context_mark is not None:
        list_column = error.context_mark.column
        return Hint(
            msg(
                "this line is in the list whose items start with '-' in column {column}, "
                "but it is not an item: indent it further to belong to the item above, or "
                "start it with '- '",
                column=list_column + 1,
            ),
            *site.at(column),
        )
    if "expected key" not in problem or not (stripped.startswith("- ") or stripped == "-"):
        return None
    above = _item_column_above(text, error.problem_mark.index - site.offset, column)
    if above is not None:
        said = msg(
            "this list item starts in column {column}; the items above start in column "
            "{above}: put every '-' of one list in the same column",
            column=column + 1,
            above=above + 1,
        )
    else:
        said = msg(
            "this list item starts in column {column}: put every '-' of one list "
            "in the same column",
            column=column + 1,
        )
    return Hint(
        said,
        *site.at(column),
    )


def _item_column_above(text: str, line_start: int, column: int) -> int | None:
    """The column of the nearest list item above ``line_start`` in another column."""
    for line in reversed(re.split(f"[{_BREAKS}]", text[:line_start])):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if stripped.startswith("- ") and indent != column:
            return indent
        if stripped and not stripped.startswith("#") and indent < min(column, 2):
            return None
    return None


_RESERVED = {"@": "'@'", "`": "`", "%": "'%'", "*": "'*'", "|": "'|'", ">": "'>'"}


def _reserved_start(error: MarkedYAMLError, text: str) -> Hint | None:
    problem, context = error.problem or "", error.context or ""
    # `*sterren*` fails inside the alias it starts; the alias's start is the place to fix.
    mark = error.context_mark if "alias" in context else error.problem_mark
    if mark is None or not (
        "cannot start any token" in problem or "alias" in problem or "alias" in context
    ):
        return None
    site = _site(text, mark)
    character = site.line[site.offset : site.offset + 1]
    if character not in _RESERVED:
        return None
    found = _KEY_VALUE.match(site.line)
    fix = msg("put the value in quotes")
    if found is not None and found.end() == site.offset:
        key = found.group("key").strip()
        fix = msg(
            "put the value in quotes: {fix}", fix=_quoted(key, _value(site.line, site.offset))
        )
    if character == "*":
        said = msg("a value cannot start with '*' in YAML (an alias); {fix}", fix=fix)
    elif character == "`":
        said = msg("a value cannot start with a backtick in YAML; {fix}", fix=fix)
    else:
        said = msg(
            "a value cannot start with {character} in YAML; {fix}",
            character=_RESERVED[character],
            fix=fix,
        )
    return Hint(
        said,
        *site.at(site.offset),
    )


def _backslash(error: MarkedYAMLError, text: str) -> Hint | None:
    if error.problem_mark is None or "unknown escape character" not in (error.problem or ""):
        return None
    site = _site(text, error.problem_mark)
    return Hint(
        msg(
            "a backslash inside double quotes starts an escape such as \\n: write it as "
            "\\\\, or put the value in single quotes"
        ),
        *site.at(site.offset),
    )


_HINTS: tuple[Callable[[MarkedYAMLError, str], Hint | None], ...] = (
    _tab,
    _unclosed_quote,
    _backslash,
    _colon_in_value,
    _text_after_quote,
    _reserved_start,
    _list_item_indent,
)


def syntax_hint(error: MarkedYAMLError, text: str) -> Hint | None:
    """What to do about a YAML syntax error, when it is a mistake cjm recognises."""
    for hint in _HINTS:
        found = hint(error, text)
        if found is not None:
            return found
    return None


def comment_hint(text: str, mark: Mark) -> Hint | None:
    """For an empty value at ``mark``: was it emptied by a ``#`` that starts a comment?

    ``name: #1 keuze`` is the empty name, followed by the comment ``#1 keuze``.
    """
    site = _site(text, mark)
    rest = site.line[site.offset :]
    hash_at = site.offset + len(rest) - len(rest.lstrip(" \t"))
    if not site.line.startswith("#", hash_at):
        return None
    found = _KEY_VALUE.match(site.line)
    item = re.match(r"^\s*-[ \t]+", site.line)
    value = _string(site.line[hash_at:].rstrip())
    fix = msg("put the value in quotes")
    if found is not None and found.end() == hash_at:
        fix = msg("put the value in quotes: {fix}", fix=f"{found.group('key').strip()}: {value}")
    elif item is not None and item.end() == hash_at:
        fix = msg("put the value in quotes: {fix}", fix=f"- {value}")
    return Hint(
        msg("'#' starts a comment in YAML, so the value here is empty; {fix}", fix=fix),
        *site.at(hash_at),
    )


_TEXT_TAGS = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:null")


def cut_values(
    text: str, values: Mapping[tuple[str | int, ...], Node]
) -> Iterator[tuple[tuple[str | int, ...], Hint]]:
    """Plain text values that a ``#`` cut short: ``content: Deel #mijnkinderkamer``.

    YAML reads ``#`` after a space as a comment, without an error: the value loses
    the rest of the line. A comment whose text starts right after the ``#`` (a
    hashtag, ``#1``) was almost always meant as part of the value; ``# note`` is a
    comment. Quoted values and numbers are left alone.
    """
    # One scan of the text finds every candidate; most files have none, and then no
    # value is looked at (lint runs on every commit, over hundreds of thousands of values).
    candidates: dict[int, int] = {}  # where the blank before a '#' starts -> the '#'
    at = text.find("#")  # str.find, not a regex: a linear scan at C speed
    while at >= 0:
        following = text[at + 1 : at + 2]
        if at > 0 and text[at - 1] in " \t" and following.strip() and following != "#":
            start = at
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            candidates[start] = at
        at = text.find("#", at + 1)
    if not candidates:
        return
    for path, node in values.items():
        hash_index = candidates.get(node.end_mark.index)
        if hash_index is None or not (
            isinstance(node, ScalarNode) and not node.style and node.tag in _TEXT_TAGS
        ):
            continue
        site = _site(text, node.end_mark)
        hash_at = site.offset + hash_index - node.end_mark.index
        same_line = node.start_mark.line == node.end_mark.line
        start = site.offset - (node.end_mark.index - node.start_mark.index)
        whole = _value(site.line, start).strip() if same_line else None
        fix = msg("put the whole value in quotes")
        if whole is not None:
            name = path[-1] if path and isinstance(path[-1], str) else "-"
            written = f"{name}{':' if name != '-' else ''} {_string(whole)}"
            fix = msg("put the whole value in quotes: {fix}", fix=written)
        if node.value:
            said = msg(
                "'#' after a space starts a comment in YAML, so the value ends before it, "
                "as '{value}'; {fix}",
                value=node.value,
                fix=fix,
            )
        else:
            said = msg(
                "'#' after a space starts a comment in YAML, so the value is empty; {fix}",
                fix=fix,
            )
        yield path, Hint(said, *site.at(hash_at))
