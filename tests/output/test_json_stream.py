"""``write_json`` writes exactly what ``json_text`` returns, arrays made as they are written."""

from __future__ import annotations

import io
import math
from typing import Any

import pytest

from cjm.output.escape import json_text
from cjm.output.json_stream import JsonArray, write_json


def _lazy(items: list[Any]) -> JsonArray:
    return JsonArray(lambda: iter(items), len(items))


VALUES: list[Any] = [
    {"gaps": [], "n": 1},
    {"gaps": [{"source": "a", "share": 0.5, "metrics": {"x": math.nan, "y": 1}}], "z": None},
    [[1, 2], [], {"ü": "\u2028<script>", "nan": math.inf}],
    {"rows": [{"line": i, "label": f"site{i} / referral"} for i in range(20_000)]},
]


@pytest.mark.parametrize("value", VALUES, ids=["empty", "nested", "strings", "many"])
def test_write_json_is_json_text(value: Any) -> None:
    def lazy(node: Any) -> Any:  # every list in the value made lazy
        if isinstance(node, dict):
            return {key: lazy(item) for key, item in node.items()}
        if isinstance(node, list):
            return _lazy([lazy(item) for item in node])
        return node

    stream = io.StringIO()
    write_json(stream, lazy(value))
    assert stream.getvalue() == json_text(value)


def test_a_lazy_array_is_made_when_written() -> None:
    made: list[int] = []

    def items() -> Any:
        for i in range(3):
            made.append(i)
            yield {"i": i}

    document = {"items": JsonArray(items, 3)}
    assert made == []
    stream = io.StringIO()
    write_json(stream, document)
    assert made == [0, 1, 2]
    assert stream.getvalue() == json_text({"items": [{"i": 0}, {"i": 1}, {"i": 2}]})
