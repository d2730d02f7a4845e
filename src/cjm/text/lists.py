"""Lists in a sentence: ``a, b or c`` in English, ``a, b of c`` in Dutch.

The items may be data (``str``) or messages; the result is a value to pass as a
field of another message, rendered in the same language.
"""

from __future__ import annotations

from collections.abc import Sequence

from cjm.text import Message, msg

__all__ = ["alternatives", "comma", "listing"]

Item = Message | str


def comma(items: Sequence[Item]) -> Item:
    """``a, b, c``: the comma is the same in every language cjm speaks."""
    if all(isinstance(item, str) for item in items):
        return ", ".join(str(item) for item in items)
    # Messages are rendered only in a language, so the list is built as a message
    # (lists in messages are short: phase names, a few words).
    joined: Item = items[-1] if items else ""
    for item in reversed(items[:-1]):
        joined = msg("{first}, {rest}", first=item, rest=joined)
    return joined


def listing(items: Sequence[Item]) -> Item:
    """``a, b and c``."""
    if len(items) < 2:
        return items[0] if items else ""
    return msg("{items} and {last}", items=comma(items[:-1]), last=items[-1])


def alternatives(items: Sequence[Item]) -> Item:
    """``a, b or c``."""
    if len(items) < 2:
        return items[0] if items else ""
    return msg("{items} or {last}", items=comma(items[:-1]), last=items[-1])
