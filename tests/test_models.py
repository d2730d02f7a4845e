"""The blocks' handling of keys they do not know and of empty values (cjm.models.Node).

Each case: a mapping validated as a block, and what pydantic reports (error type and
place) or what the block keeps. cjm.validation words these errors; the lint tests
show the messages and positions that come of them.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from cjm.models import Cta, Journey, Persona, Touchpoint

TOUCHPOINT = {"id": "t", "name": "T", "channel": "web"}

# (model, data, errors as (type, loc) in pydantic's order)
REFUSED: list[tuple[type[BaseModel], dict[Any, Any], list[tuple[str, tuple[Any, ...]]]]] = [
    (Cta, {"text": "a", "zz": 1}, [("extra_forbidden", ("zz",))]),
    (Cta, {"text": "a", "X-big": 1}, [("extra_forbidden", ("X-big",))]),  # `x-` only
    (Cta, {"text": "a", "x": 1}, [("extra_forbidden", ("x",))]),
    # A key that is not text (never from a file: cjm.yaml_source makes keys text) is
    # refused by pydantic itself (the wrap validator before issue 17 raised AttributeError).
    (Cta, {"text": "a", 7: 1}, [("invalid_key", (7,))]),
    (Cta, {"zz": None, "x-a": 1}, [("missing", ("text",)), ("extra_forbidden", ("zz",))]),
    (Cta, {"text": None}, [("string_type", ("text",))]),  # required: empty is an error
    (Persona, {"name": "A", "goals": [1, {}]}, [("string_type", ("goals", 1))]),
    (
        Touchpoint,
        {**TOUCHPOINT, "cta": {"text": "c", "bad": 1}, "zz": 2},
        [("extra_forbidden", ("cta", "bad")), ("extra_forbidden", ("zz",))],
    ),
]


@pytest.mark.parametrize(("model", "data", "errors"), REFUSED)
def test_unknown_keys_are_refused_where_they_are(
    model: type[BaseModel], data: dict[Any, Any], errors: list[tuple[str, tuple[Any, ...]]]
) -> None:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    assert [(e["type"], e["loc"]) for e in raised.value.errors()] == errors


# (model, data, the fields it sets, its extensions)
KEPT: list[tuple[type[BaseModel], dict[str, Any], set[str], dict[str, Any]]] = [
    (Cta, {"text": "a"}, {"text"}, {}),
    (
        Cta,
        {"text": "a", "x-b": {"c": [1]}, "x-a": None},
        {"text"},
        {"x-b": {"c": [1]}, "x-a": None},
    ),
    (Cta, {"text": "a", "url": None}, {"text"}, {}),  # empty: the default, as if not written
    (Persona, {"name": "A", "goals": None, "segment": None}, {"name"}, {}),
    (Touchpoint, {**TOUCHPOINT, "x-z": 1, "next": None}, {"id", "name", "channel"}, {"x-z": 1}),
]


@pytest.mark.parametrize(("model", "data", "fields", "extensions"), KEPT)
def test_own_keys_are_kept_and_empty_values_are_defaults(
    model: type[BaseModel], data: dict[str, Any], fields: set[str], extensions: dict[str, Any]
) -> None:
    block = model.model_validate(data)
    assert block.extensions == extensions  # type: ignore[attr-defined]
    assert list(block.extensions) == [k for k in data if k.startswith("x-")]  # type: ignore[attr-defined]
    assert {name for name in block.model_fields_set if not name.startswith("x-")} == fields
    default = model.model_fields
    for name in set(model.model_fields) - fields:
        assert getattr(block, name) == default[name].get_default(call_default_factory=True)


def test_a_block_without_own_keys_equals_its_defaults() -> None:
    validated = Journey.model_validate({"persona": {"name": "A"}, "phases": [{"id": "a"}]})
    assert validated.journey == type(validated.journey).model_construct()
    assert validated.extensions == {} and validated.journey.extensions == {}
