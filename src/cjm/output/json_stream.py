"""JSON written piece by piece: a report of a million rows without a million dictionaries.

:func:`write_json` writes exactly the text :func:`cjm.output.escape.json_text`
returns for the same value (strict, indented, non-finite numbers as ``null``);
a :class:`JsonArray` in the value is made item by item while it is written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from cjm.output.escape import finite

__all__ = ["JsonArray", "write_json"]


class JsonArray(list[Any]):
    """A JSON array whose items are made while it is written.

    ``items()`` gives them one at a time, ``length`` says how many there are. To
    :mod:`json`'s encoder it is a list, so the text is what a list would give.
    """

    def __init__(self, items: Callable[[], Iterable[Any]], length: int) -> None:
        super().__init__()
        self._items = items
        self._length = length

    def __iter__(self) -> Iterator[Any]:
        return (_finite(item) for item in self._items())

    def __len__(self) -> int:
        return self._length

    def __bool__(self) -> bool:
        return self._length > 0


def _finite(value: Any) -> Any:
    """:func:`~cjm.output.escape.finite`, leaving a :class:`JsonArray` to be made later."""
    if isinstance(value, JsonArray):
        return value
    if isinstance(value, dict):
        return {finite(key): _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return finite(value)


def write_json(stream: TextIO, value: Any) -> None:
    """:func:`~cjm.output.escape.json_text` of ``value``, written to ``stream`` in pieces."""
    # json.dumps(indent=2) encodes with this very encoder (the indented one is Python's).
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False, allow_nan=False)
    pieces: list[str] = []
    for piece in encoder.iterencode(_finite(value)):
        pieces.append(piece)
        if len(pieces) >= 8192:
            stream.write("".join(pieces))
            pieces.clear()
    pieces.append("\n")
    stream.write("".join(pieces))
