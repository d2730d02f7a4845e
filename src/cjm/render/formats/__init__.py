"""``cjm render``'s formats: one module per ``--format``, found by :data:`FORMATS`.

Every module here (but ``_``-prefixed helpers) is a format and has one function,
``render(site) -> {file name: bytes}`` (:class:`cjm.render.outputs.Site`). A
format from templates calls ``site.from_templates(...)``; a format built on
another one's files (a PDF from the HTML) starts from ``site.outputs("html")``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from cjm.output.registry import Registry

if TYPE_CHECKING:  # the CLI imports this package for the names alone
    from cjm.render.outputs import Site

__all__ = ["FORMATS", "RenderFormat"]

RenderFormat = Callable[["Site"], Mapping[str, bytes]]
"""``render(site)``: the format's files by name."""

FORMATS: Registry[RenderFormat] = Registry(__name__, "render", default="html")
