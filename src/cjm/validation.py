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
from dataclasses import replace
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from cjm.lines import one_line
from cjm.models import describe
from cjm.text import Message, msg, nmsg
from cjm.yaml_source import NodePath

__all__ = ["SchemaProblem", "render_path", "schema_problems"]


class SchemaProblem(NamedTuple):
    """A validation problem: where in the data, whether at the key, and what."""

    path: NodePath
    message: Message
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
    seen: set[tuple[NodePath, Message]] = set()
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


def _subject(path: NodePath) -> tuple[str, Message | str]:
    """Split a path into where (``phases[2]``) and what (``'name'`` or ``'next[1]'``)."""
    cut = len(path)
    while cut > 0 and isinstance(path[cut - 1], int):
        cut -= 1
    if cut == 0:
        return "", f"'{render_path(path)}'" if path else msg("the file")
    where = render_path(path[: cut - 1])
    what = render_path((str(path[cut - 1]), *path[cut:]))
    return where, f"'{what}'"


def _at(where: str, said: Message) -> Message:
    """``phases[2]: said``; the path is the data's, the same in every language."""
    return msg("{where}: {problem}", where=where, problem=said) if where else said


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
            message = msg("unknown key '{key}' — did you mean '{close}'?", key=key, close=close[0])
        elif known:
            message = msg(
                "unknown key '{key}' (known keys: {known}; keys of your own start with 'x-')",
                key=key,
                known=", ".join(known),
            )
        else:
            message = msg("unknown key '{key}' (keys of your own start with 'x-')", key=key)
        return SchemaProblem(path, _at(where, message), key=True)

    where, what = _subject(path)
    if kind == "missing":
        if not path[:-1]:
            said = msg("{what} is required at the top level of a journey file", what=what)
        else:
            said = msg("{what} is required", what=what)
        return SchemaProblem(path, _at(where, said))
    said = msg(
        "{what} {requirement}", what=what, requirement=_requirement(kind, ctx, got, details["msg"])
    )
    if path == () and kind in {"model_type", "model_attributes_type", "dict_type"}:
        said = msg(
            "a journey file must be a mapping with 'persona' and 'phases', got {got}",
            got=msg("an empty file") if details.get("input") is None else got,
        )
    return SchemaProblem(path, _at(where, said))


_TYPE_WORDS = {
    "string_type": msg("must be text, got {got}"),
    "int_type": msg("must be a whole number, got {got}"),
    "int_parsing": msg("must be a whole number, got {got}"),
    "int_from_float": msg("must be a whole number, got {got}"),
    "float_type": msg("must be a number, got {got}"),
    "float_parsing": msg("must be a number, got {got}"),
    "bool_type": msg("must be true or false, got {got}"),
    "bool_parsing": msg("must be true or false, got {got}"),
    "list_type": msg("must be a list, got {got}"),
    "model_type": msg("must be a mapping of keys and values, got {got}"),
    "model_attributes_type": msg("must be a mapping of keys and values, got {got}"),
    "dict_type": msg("must be a mapping of keys and values, got {got}"),
}


def _requirement(kind: str, ctx: dict[str, Any], got: Message | str, pydantic_msg: str) -> Message:
    if kind in _TYPE_WORDS:
        return replace(_TYPE_WORDS[kind], params=(("got", got),))
    if kind == "literal_error":
        # pydantic's list of the allowed values ('b2c' or 'b2b'): ids, and its 'or'.
        return msg("must be {expected}, got {got}", expected=str(ctx.get("expected", "")), got=got)
    if kind == "string_pattern_mismatch":
        return msg(
            "must be a slug: lowercase letters, digits and hyphens, starting with a letter "
            "or digit (like 'google-search'), got {got}",
            got=got,
        )
    if kind == "greater_than_equal":  # rule options (max_age_days: 0)
        return msg("must be {bound} or more, got {got}", bound=ctx.get("ge"), got=got)
    if kind == "less_than_equal":
        return msg("must be {bound} or less, got {got}", bound=ctx.get("le"), got=got)
    if kind == "string_too_long":  # ids: they become file names and anchors
        return msg(
            "must be at most {length} characters long, got {got}",
            length=ctx.get("max_length"),
            got=got,
        )
    if kind == "too_short":
        return nmsg(
            "must hold at least {count} item, got none",
            "must hold at least {count} items, got none",
            int(ctx.get("min_length", 1)),
        )
    message = ctx.get("message")
    if isinstance(message, Message):  # cjm's own errors (cjm.models.custom_error)
        return message
    # An error cjm has no words for: pydantic's own (English), as it says it.
    return msg("{problem}", problem=pydantic_msg[:1].lower() + pydantic_msg[1:])


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
