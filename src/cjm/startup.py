"""What keeps ``cjm lint``'s start-up close to that of the libraries it is built on.

A linter runs on every commit, so a one-file ``cjm lint`` should cost little more
than importing typer, yaml and pydantic. Two costs of that stack are not needed for
what cjm does, and are kept out here without changing any result:

* pydantic's plugin loader imports ``importlib.metadata`` (and with it email,
  zipfile and socket) even when plugins are disabled;
* typer (0.2x) converts every command-line value through a pydantic adapter it
  builds on each run, which imports pydantic's JSON-schema and type-adapter
  machinery and compiles a validator per option.

Both stand-ins defer to the library's own code for anything they do not know to
be equivalent, so behaviour stays the library's.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, get_args, get_origin

__all__ = ["quick_values", "skip_plugin_scan"]

_PLUGIN_LOADER = "pydantic.plugin._loader"
_DISABLED = ("__all__", "1", "true")  # the values pydantic's loader reads as "none"


def skip_plugin_scan() -> None:
    """Answer pydantic's ``get_plugins()`` without importing its loader while plugins are off.

    Only when ``PYDANTIC_DISABLE_PLUGINS`` is ``__all__`` (cjm's default) and the
    loader is not imported yet. The moment plugins are enabled (code that changes
    the variable during the run), the real loader is imported and answers instead.
    """
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") != "__all__" or _PLUGIN_LOADER in sys.modules:
        return
    stand_in = types.ModuleType(_PLUGIN_LOADER, skip_plugin_scan.__doc__)

    def get_plugins() -> Iterable[object]:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _DISABLED:
            return ()
        if sys.modules.get(_PLUGIN_LOADER) is stand_in:
            del sys.modules[_PLUGIN_LOADER]
        plugins: Iterable[object] = importlib.import_module(_PLUGIN_LOADER).get_plugins()
        return plugins

    stand_in.get_plugins = get_plugins  # type: ignore[attr-defined]
    sys.modules[_PLUGIN_LOADER] = stand_in


def quick_values(params: Iterable[Any]) -> None:
    """Let ``str``, ``bool`` and ``Path`` parameters (and lists of them) skip typer's adapters.

    Typer 0.2x gives each parameter a lazily built ``_runtime_param``; this sets it,
    before parsing, for the annotations whose conversion is known to be plain: a
    ``str`` from the command line stays that ``str`` (a ``bool`` that bool), and one
    for a ``Path`` becomes ``Path(value)`` (what pydantic's ``Path`` validator returns
    for a ``str``) and then goes through typer's own path checks. Any other value,
    or any other annotation or typer version, is left to typer.
    """
    quick = _quick_class()
    if quick is None:  # a typer without adapters: nothing to skip
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", 0) is not None:
            continue
        if _plain(descriptor):
            param._runtime_param = quick(descriptor)


@cache
def _quick_class() -> type[Any] | None:
    """typer's runtime parameter for plain values; made once (a class per call cost 1 ms)."""
    try:
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_path
    except ImportError:
        return None

    class Quick(RuntimeParam):
        # Not a dataclass like typer's own (making one costs more than the conversions
        # it saves on a one-file lint); RuntimeParam is frozen, hence object.__setattr__.
        descriptor: Any

        def __init__(self, descriptor: Any) -> None:
            object.__setattr__(self, "parameter_info", descriptor.parameter_info)
            object.__setattr__(self, "annotation", descriptor.annotation)
            object.__setattr__(self, "descriptor", descriptor)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation: Any = self.annotation
            many = get_origin(annotation) is list
            leaf = get_args(annotation)[0] if many else annotation
            items = (value if isinstance(value, list | tuple) else [value]) if many else [value]
            if all(_known(leaf, item) for item in items):
                try:
                    done = [self._leaf(leaf, item, param, ctx) for item in items]
                except (ValueError, AssertionError):
                    # Inside typer's adapter pydantic turns these into a usage error
                    # (a NUL in a path: os.stat's ValueError): let typer say it.
                    pass
                else:
                    return done if many else done[0]
            return build_runtime_param(self.descriptor)._coerce_value(value, param, ctx)

        def _leaf(self, leaf: type, item: str | Path, param: Any, ctx: Any) -> Any:
            if leaf is str or leaf is bool:
                return item
            path = item if isinstance(item, Path) else Path(item)
            return coerce_cli_path(path, self.parameter_info, path_type=Path, param=param, ctx=ctx)

    return Quick


def _known(leaf: type, item: object) -> bool:
    """Whether converting ``item`` to ``leaf`` is the plain case (a str stays that str)."""
    if leaf is bool:
        return type(item) is bool
    return type(item) is str if leaf is str else type(item) is str or isinstance(item, Path)


def _plain(descriptor: Any) -> bool:
    """``str``, ``bool``, ``Path`` or a list of them, with nothing that changes conversion."""
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or getattr(info, "parser", None) is not None:
        return False
    if getattr(info, "click_type", None) is not None:
        return False
    annotation = descriptor.annotation
    if get_origin(annotation) is list:
        (annotation,) = get_args(annotation) or (None,)
    if annotation is str or annotation is bool:
        return True
    return annotation is Path and getattr(info, "path_type", None) is None
