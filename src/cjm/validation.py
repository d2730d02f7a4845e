"""Turn pydantic's validation errors into messages a consultant can act on.

Pydantic says ``phases.2.touchpoints.0.emotion: Input should be less than or
equal to 5``; cjm says ``phases[2].touchpoints[0]: 'emotion' must be a whole
number from 1 (very negative) to 5 (very positive), got 7`` and points at the
YAML node. The error's ``loc`` is mapped back to a path in the data (dropping
the union tags pydantic adds) and from there to a position.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from cjm.lines import one_line
from cjm.models import describe
from cjm.yaml_source import NodePath

__all__ = ["SchemaProblem", "render_path", "schema_problems"]


class SchemaProblem(NamedTuple):
    """A validation problem: where in the data, whether at the key, and what."""

    path: NodePath
    message: str
    key: bool = False


def render_path(path: NodePath) -> str:
    """``("phases", 2, "touchpoints", 0)`` → ``phases[2].touchpoints[0]``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def schema_problems(
    error: ValidationError, data: Any, root: type[BaseModel]
) -> Iterator[SchemaProblem]:
    """One problem per pydantic error, in the order of the document.

    A value that fits no member of a union gets an error per member; a member
    whose type matched (``model: []`` is a list, if an empty one) says what is
    really wrong, so the other members' "must be text" errors are left out.
    """
    seen: set[tuple[NodePath, str]] = set()
    found = [
        (details["type"] in _TYPE_WORDS, _problem(details, path, root), path)
        for details in error.errors(include_url=False)
        for path in [_data_path(data, details["loc"])]
    ]
    # Every path at or above a problem that is not a type mismatch (a set, so that
    # thousands of errors stay linear).
    explained = {
        path[:cut] for mismatch, _, path in found if not mismatch for cut in range(len(path) + 1)
    }
    for mismatch, problem, path in found:
        if mismatch and path in explained:
            continue
        if (problem.path, problem.message) not in seen:  # unions can repeat an error
            seen.add((problem.path, problem.message))
            yield problem


def _data_path(data: Any, loc: tuple[int | str, ...]) -> NodePath:
    """The part of ``loc`` that exists in the data, skipping pydantic's union tags."""
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif index == len(loc) - 1 and isinstance(part, str) and isinstance(current, dict):
            current = None  # a missing key: keep it so the message can name it
        else:
            continue  # a union member's tag such as 'str' or 'list[PhaseDef]'
        path.append(part)
    return tuple(path)


def _subject(path: NodePath) -> tuple[str, str]:
    """Split a path into where (``phases[2]``) and what (``'name'`` or ``'next[1]'``)."""
    cut = len(path)
    while cut > 0 and isinstance(path[cut - 1], int):
        cut -= 1
    if cut == 0:
        return "", f"'{render_path(path)}'" if path else "the file"
    where = render_path(path[: cut - 1])
    what = render_path((str(path[cut - 1]), *path[cut:]))
    return where, f"'{what}'"


def _problem(details: ErrorDetails, path: NodePath, root: type[BaseModel]) -> SchemaProblem:
    kind = details["type"]
    got = describe(details.get("input"))
    ctx = details.get("ctx") or {}
    if kind == "extra_forbidden":
        key = one_line(str(path[-1]))
        where = render_path(path[:-1])
        known = _known_keys(root, path[:-1])
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        if close:
            message = f"unknown key '{key}' — did you mean '{close[0]}'?"
        else:
            known_text = f"known keys: {', '.join(known)}; " if known else ""
            message = f"unknown key '{key}' ({known_text}keys of your own start with 'x-')"
        return SchemaProblem(path, f"{where}: {message}" if where else message, key=True)

    where, what = _subject(path)
    if kind == "missing":
        text = f"{what} is required"
        if not path[:-1]:
            text += " at the top level of a journey file"
        return SchemaProblem(path, f"{where}: {text}" if where else text)
    text = f"{what} {_requirement(kind, ctx, got, details['msg'])}"
    if path == () and kind in {"model_type", "model_attributes_type", "dict_type"}:
        text = "a journey file must be a mapping with 'persona' and 'phases', got " + (
            "an empty file" if details.get("input") is None else got
        )
    return SchemaProblem(path, f"{where}: {text}" if where else text)


_TYPE_WORDS = {
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be a mapping of keys and values",
    "model_attributes_type": "must be a mapping of keys and values",
    "dict_type": "must be a mapping of keys and values",
}


def _requirement(kind: str, ctx: dict[str, Any], got: str, pydantic_msg: str) -> str:
    if kind in _TYPE_WORDS:
        return f"{_TYPE_WORDS[kind]}, got {got}"
    if kind == "literal_error":
        return f"must be {ctx.get('expected', 'one of the allowed values')}, got {got}"
    if kind == "string_pattern_mismatch":
        return (
            "must be a slug: lowercase letters, digits and hyphens, starting with a letter "
            f"or digit (like 'google-search'), got {got}"
        )
    if kind in {"greater_than_equal", "less_than_equal"}:  # rule options (max_age_days: 0)
        bound = ctx.get("ge", ctx.get("le"))
        return f"must be {bound} or {'more' if kind == 'greater_than_equal' else 'less'}, got {got}"
    if kind == "string_too_long":  # ids: they become file names and anchors
        return f"must be at most {ctx.get('max_length')} characters long, got {got}"
    if kind == "too_short":
        return f"must hold at least {ctx.get('min_length', 1)} item(s), got none"
    # Custom errors (cjm.models) are already worded for people.
    return pydantic_msg[:1].lower() + pydantic_msg[1:]


def _known_keys(root: type[BaseModel], path: NodePath) -> list[str]:
    """Field names of the model that validates the mapping at ``path``."""
    model: type[BaseModel] | None = root
    for part in path:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        model = _model_in(field.annotation) if field is not None else None
    return list(model.model_fields) if model is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for argument in typing.get_args(annotation):
            found = _model_in(argument)
            if found is not None:
                return found
    return None
