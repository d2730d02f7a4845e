"""The JSON Schema of the journey format, generated from the pydantic models.

Editors (VS Code's YAML extension, JetBrains IDEs) use it to complete and check
keys while a consultant types. Two adjustments make it say what cjm accepts:
keys starting with ``x-`` are allowed on every mapping, and plain text fields
also accept a number (cjm reads ``name: 2025`` as the text "2025").
"""

from __future__ import annotations

import json
from typing import Any

from cjm.models import Journey

__all__ = ["SCHEMA_FILE", "journey_schema", "schema_text"]

SCHEMA_FILE = "cjm.schema.json"
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _adjust(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("additionalProperties") is False:
            node["patternProperties"] = {"^x-": {}}
        if node.get("type") == "string" and not {"pattern", "enum", "const", "format"} & set(node):
            node["type"] = ["string", "number"]
        for value in node.values():
            _adjust(value)
    elif isinstance(node, list):
        for value in node:
            _adjust(value)


def journey_schema() -> dict[str, Any]:
    schema = Journey.model_json_schema()
    _adjust(schema)
    return {"$schema": _DIALECT, **schema, "title": "cjm journey file"}


def schema_text() -> str:
    """The schema as cjm writes it: indented, stable key order, ending in a newline."""
    return json.dumps(journey_schema(), indent=2, ensure_ascii=False) + "\n"
