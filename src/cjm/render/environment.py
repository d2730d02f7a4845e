"""The Jinja environment: where templates are found, how values are escaped, and errors.

Templates may come from a shared company repository, so they run sandboxed:
they can read the context but not reach into Python, nor change it (one
template appending to a list must not change what the next output shows). Undefined names are errors
(a typo must not print a blank into a client's map), and every error names the
template file and line.

Each kind of output escapes for its own language, decided by the template's
name: ``*.html.j2`` autoescapes HTML, ``*.md.j2`` escapes Markdown and
``*.mmd.j2`` escapes Mermaid, so a value from the YAML is always printed as text.
A filter whose result is already safe (``mermaid``, ``md``, ``safe``) is left alone.
The filters call :mod:`cjm.output.escape` and :mod:`cjm.output.numbers`: templates
escape and word numbers exactly as the reports do.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from cjm.errors import CjmError, Location
from cjm.output import escape, numbers

__all__ = [
    "TemplateError",
    "Templates",
    "builtin_templates",
    "decimal",
    "link_url",
    "md_escape",
    "md_url",
    "mermaid_text",
]

TEMPLATE_SUFFIX = ".j2"


class TemplateError(CjmError):
    """A template cannot be found, parsed or rendered (exit 2: fix the template)."""


def builtin_templates() -> Path:
    """The templates shipped with cjm.

    In a wheel they are package data (``cjm/templates``); in a development
    checkout (``pip install -e``) they are the repository's top-level
    ``templates/``, which the wheel is built from.
    """
    packaged = resources.files("cjm").joinpath("templates")
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "templates"
    if checkout.is_dir():
        return checkout
    raise CjmError(  # pragma: no cover - a broken installation
        "cjm's built-in templates are missing from this installation; reinstall cjm"
    )


def md_escape(value: object) -> Markup:
    """The ``md`` filter: :func:`cjm.output.escape.markdown`, marked safe."""
    return Markup(escape.markdown(value))


def mermaid_text(value: object) -> Markup:
    """The ``mermaid`` filter: :func:`cjm.output.escape.mermaid`, marked safe."""
    return Markup(escape.mermaid(value))


def md_url(value: object) -> Markup:
    """The ``md_url`` filter: :func:`cjm.output.escape.markdown_url`, marked safe."""
    return Markup(escape.markdown_url(value))


link_url = escape.link_url
decimal = numbers.decimal


def _finalizer(escape: Callable[[object], Markup]) -> Callable[[object], object]:
    def finalize(value: object) -> object:
        return value if isinstance(value, Markup) else escape(value)

    return finalize


class Templates:
    """Finds and renders templates: ``search`` directories first, then the built-in set."""

    def __init__(self, search: Sequence[Path] = ()) -> None:
        self.directories = [*search, builtin_templates()]
        loader = jinja2.FileSystemLoader([str(path) for path in self.directories])
        common: dict[str, Any] = {
            "loader": loader,
            "undefined": jinja2.StrictUndefined,
            "keep_trailing_newline": True,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "auto_reload": False,
        }
        self._environments = {
            "html": ImmutableSandboxedEnvironment(autoescape=True, **common),
            "md": ImmutableSandboxedEnvironment(finalize=_finalizer(md_escape), **common),
            "mmd": ImmutableSandboxedEnvironment(finalize=_finalizer(mermaid_text), **common),
        }
        for environment in self._environments.values():
            environment.filters["md"] = md_escape
            environment.filters["mermaid"] = mermaid_text
            environment.filters["md_url"] = md_url
            environment.filters["link_url"] = link_url
            environment.filters["decimal"] = decimal

    def render(self, name: str, variables: dict[str, Any]) -> str:
        """Render template ``name``; raise :class:`TemplateError` naming file and line."""
        kind = name.removesuffix(TEMPLATE_SUFFIX).rsplit(".", 1)[-1]
        environment = self._environments.get(kind, self._environments["html"])
        try:
            text = environment.get_template(name).render(variables)
        except jinja2.TemplateSyntaxError as error:
            where = Location(error.filename or name, error.lineno or 0, 1)
            raise TemplateError(f"template syntax error: {error.message}", where) from None
        except jinja2.TemplateNotFound as error:
            searched = ", ".join(str(path) for path in self.directories)
            raise TemplateError(
                f"template '{error.name}' not found (searched {searched})"
            ) from None
        except Exception as error:  # anything a template can do wrong at render time
            raise TemplateError(_describe(error), _template_frame(error, name)) from None
        # Output files have \n line endings and exactly one trailing newline.
        return text.replace("\r\n", "\n").rstrip("\n") + "\n"


def _describe(error: Exception) -> str:
    if isinstance(error, jinja2.UndefinedError):
        key = re.search(r"has no attribute '(x-[^']*)'", error.message or "")
        if key:  # extensions["x-..."] on a block without that key: optional data, not a typo
            return (
                f"template error: {error.message}; not every block has '{key.group(1)}': "
                f'read it with .extensions.get("{key.group(1)}") (see docs/templates.md)'
            )
        return f"template error: {error.message}; check the name against docs/templates.md"
    if isinstance(error, jinja2.exceptions.SecurityError):
        return f"template error: not allowed in a template: {error}"
    return f"template error: {type(error).__name__}: {error}"


def _template_frame(error: Exception, name: str) -> Location:
    """The innermost traceback frame in a template file: Jinja maps those to template lines."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(TEMPLATE_SUFFIX) and frame.lineno is not None:
            return Location(frame.filename, frame.lineno, 1)
    return Location(name)
