"""The JSON Schema of the journey format, generated from the pydantic models.

Editors (VS Code's YAML extension, JetBrains IDEs) use it to complete and check
keys while a consultant types. A few adjustments make it say what cjm accepts,
where a custom validator hides the rule from pydantic's generator: keys starting
with ``x-`` are allowed on every mapping, plain text fields also accept a number
(cjm reads ``name: 2025`` as the text "2025"), emotion is 1..5, ``reviewed`` is a
``YYYY-MM-DD`` date, a phase model named by text is one of the presets, and a
journey id is not a state (``current``, ``future``).
"""

from __future__ import annotations

import json
from typing import Any

from cjm.models import STATES, Journey
from cjm.phase_models import PRESETS

__all__ = [
    "OPPORTUNITIES_SCHEMA_FILE",
    "SCHEMAS",
    "SCHEMA_FILE",
    "journey_schema",
    "opportunities_schema",
    "schema_text",
]

SCHEMA_FILE = "cjm.schema.json"
OPPORTUNITIES_SCHEMA_FILE = "cjm.opportunities.schema.json"
"""The schema of ``opportunities.yaml`` (issue 14), written by ``cjm init`` beside the other."""
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


_BOUNDS = {"ge": "minimum", "le": "maximum"}


def _adjust(node: Any) -> None:
    if isinstance(node, dict):
        for constraint, keyword in _BOUNDS.items():  # pydantic leaves these raw behind validators
            if constraint in node:
                node[keyword] = node.pop(constraint)
        if node.get("additionalProperties") is False:
            node["patternProperties"] = {"^x-": {}}
        if node.get("type") == "string" and not {"pattern", "enum", "const", "format"} & set(node):
            node["type"] = ["string", "number"]
        for value in node.values():
            _adjust(value)
    elif isinstance(node, list):
        for value in node:
            _adjust(value)


def _first_branch(definitions: dict[str, Any], model: str, field: str) -> dict[str, Any]:
    branch: dict[str, Any] = definitions[model]["properties"][field]["anyOf"][0]
    return branch


def journey_schema() -> dict[str, Any]:
    schema = Journey.model_json_schema()
    definitions = schema["$defs"]
    reviewed = _first_branch(definitions, "JourneyInfo", "reviewed")
    reviewed.update(format="date", pattern=r"^\d{4}-\d{2}-\d{2}$", type="string")
    journey_id = _first_branch(definitions, "JourneyInfo", "id")
    journey_id["not"] = {"enum": list(STATES)}  # the states go into file names after the id
    preset = _first_branch(definitions, "JourneyInfo", "model")
    preset.clear()
    preset["enum"] = list(PRESETS)
    _adjust(schema)
    return {"$schema": _DIALECT, **schema, "title": "cjm journey file"}


def opportunities_schema() -> dict[str, Any]:
    """The schema of an opportunities file (``opportunities.yaml``)."""
    from cjm.backlog.models import LINK_PATTERN, OpportunitiesFile

    schema = OpportunitiesFile.model_json_schema()
    _adjust(schema)
    # The link's validator words its own message, which hides the pattern from pydantic.
    links = schema["$defs"]["Opportunity"]["properties"]["links"]
    links["items"] = {"type": "string", "pattern": LINK_PATTERN}
    return {"$schema": _DIALECT, **schema, "title": "cjm opportunities file"}


SCHEMAS = {"journey": journey_schema, "opportunities": opportunities_schema}
"""The file kinds ``cjm schema --for`` knows, each with its schema."""


def schema_text(kind: str = "journey") -> str:
    """The schema as cjm writes it: indented, stable key order, ending in a newline."""
    return json.dumps(SCHEMAS[kind](), indent=2, ensure_ascii=False) + "\n"
