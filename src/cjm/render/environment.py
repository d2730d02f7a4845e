"""The Jinja environment: where templates are found, how values are escaped, and errors.

Templates may come from a shared company repository, so they run sandboxed:
they can read the context but not reach into Python, nor change it (one
template appending to a list must not change what the next output shows).
The templates cjm ships are its own code and run unsandboxed (the sandbox's
checks on every attribute were 72% of rendering HTML, issue 17), but only when
the render can load nothing else: see :meth:`Templates.render`. Undefined names are errors
(a typo must not print a blank into a client's map), and every error names the
template file and line.

Each kind of output escapes for its own language, decided by the template's
name: ``*.html.j2`` autoescapes HTML, ``*.md.j2`` escapes Markdown and
``*.mmd.j2`` escapes Mermaid, so a value from the YAML is always printed as text.
A filter whose result is already safe (``mermaid``, ``md``, ``safe``) is left alone.
The filters call :mod:`cjm.output.escape`, and pages word numbers and dates with their
``words`` (:class:`cjm.render.labels.Words`): templates escape and word numbers exactly
as the reports do.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from cjm.errors import CjmError, Location
from cjm.output import escape
from cjm.render.precompiled import Precompiled

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


_REMEMBERED = 65_536
"""How many escaped strings each output language keeps."""
_T = TypeVar("_T")
_K = TypeVar("_K")


def _remember(known: dict[_K, _T], key: _K, make: Callable[[_K], _T]) -> _T:
    """``make(key)``, kept in ``known`` for the next time (a bounded number of them).

    Called on a miss only: the look-up itself stays inline where values are printed.
    """
    if len(known) >= _REMEMBERED:
        known.clear()
    found = known[key] = make(key)
    return found


def _remembered(function: Callable[[str], _T], known: dict[str, _T]) -> Callable[[object], _T]:
    """``function`` of a value's text, worked out once per run for each distinct text.

    cjm's escapes read any value as its text (:func:`cjm.output.escape.text` starts
    with ``str(value)``), so the text is the key: names, channels, labels, phase
    names, numbers and URLs repeat on every page and in every format, and each is
    escaped once (a bounded number of them are kept in ``known``).
    """

    def remembered(value: object) -> _T:
        key = value if type(value) is str else str(value)
        found = known.get(key)
        return _remember(known, key, function) if found is None else found

    return remembered


def _html_escaper(known: dict[object, Markup]) -> Callable[[object], Markup]:
    """What an autoescaped ``{{ value }}`` prints in HTML: markupsafe's ``escape``,
    each distinct string, integer or float escaped once per run (issue 17: an HTML
    map prints a few thousand values, most of them the same labels, names, numbers
    and coordinates). Markup is printed as it is, as ``escape`` does; anything else
    goes to ``escape``."""
    from markupsafe import escape

    # Floats apart: 3.0 == 3 but prints "3.0"; and 0.0 == -0.0 prints "-0.0", so
    # zero is not remembered.
    floats: dict[float, Markup] = {}

    def escaped(value: object) -> Markup:
        kind = type(value)
        if kind is str or kind is int:
            found = known.get(value)
            return _remember(known, value, escape) if found is None else found
        if type(value) is float and value:
            found_float = floats.get(value)
            return _remember(floats, value, escape) if found_float is None else found_float
        return value if kind is Markup else escape(value)  # type: ignore[return-value]

    return escaped


_MD_KNOWN: dict[str, Markup] = {}
_MERMAID_KNOWN: dict[str, Markup] = {}
md_escape = _remembered(lambda text: Markup(escape.markdown(text)), _MD_KNOWN)
md_escape.__doc__ = """The ``md`` filter: :func:`cjm.output.escape.markdown`, marked safe."""
mermaid_text = _remembered(lambda text: Markup(escape.mermaid(text)), _MERMAID_KNOWN)
mermaid_text.__doc__ = """The ``mermaid`` filter: :func:`cjm.output.escape.mermaid`, marked safe."""
md_url = _remembered(lambda text: Markup(escape.markdown_url(text)), {})
md_url.__doc__ = """The ``md_url`` filter: :func:`cjm.output.escape.markdown_url`, marked safe."""
link_url = _remembered(escape.link_url, {})
link_url.__doc__ = """The ``link_url`` filter: :func:`cjm.output.escape.link_url` (text, not
Markup: an HTML page escapes it as any value)."""


def decimal(value: float | None, language: str = "en") -> str:
    """The ``decimal`` filter of templates written before pages had ``text``:
    ``value|decimal(language)`` is ``words.decimal(value)``."""
    from cjm.render.labels import Words
    from cjm.text import text_for

    return Words(text_for(language)).decimal(value)


def _finalizer(
    escape: Callable[[object], Markup], known: dict[str, Markup]
) -> Callable[[object], Markup]:
    """What ``{{ value }}`` prints: ``value`` escaped with ``escape`` unless it is Markup.

    A string or an integer (a touchpoint's number, an emotion) already escaped once
    is looked up here directly: this runs for every value a Markdown or Mermaid page
    prints (issue 17). Integers are kept apart by value (``True == 1``, but a bool
    is not an int here, and prints as ``True``)."""
    numbers: dict[int, Markup] = {}

    def finalize(value: object) -> Markup:
        if type(value) is str:
            found = known.get(value)
            return escape(value) if found is None else found
        if type(value) is int:
            number = numbers.get(value)
            return _remember(numbers, value, escape) if number is None else number
        return value if isinstance(value, Markup) else escape(value)

    return finalize


_HTML_KNOWN: dict[object, Markup] = {}
_FINALIZERS = (_finalizer(md_escape, _MD_KNOWN), _finalizer(mermaid_text, _MERMAID_KNOWN))
"""The Markdown and Mermaid ``finalize``: each returns Markup (a ``str``)."""


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator, printing values through cjm's escapes without extra calls.

    What a template prints is exactly what Jinja prints: only the call around
    each value differs. Autoescaped HTML goes through :func:`_html_escaper`
    (markupsafe's ``escape``, remembered) instead of ``escape`` itself; a Markdown
    or Mermaid value is already text after the environment's ``finalize``, so
    Jinja's ``str()`` around it is left out. Rendering a map is mostly printing
    values (issue 17), for the built-in templates and a consultant's alike.
    """

    def write_commons(self) -> None:
        """The start of a page's (or a block's) code: also the two functions every
        printed value goes through, looked up once there instead of on the
        environment for each value (macros are nested in the page's code)."""
        super().write_commons()
        self.writeline("html_escape = environment.html_escape")
        self.writeline("finalize = environment.finalize")

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile:  # {% autoescape %} decided at run time: as Jinja does
            super()._output_child_pre(node, frame, finalize)
            return
        plain = self.environment.finalize in _FINALIZERS  # called with the value alone
        if frame.eval_ctx.autoescape:
            self.write("html_escape(")
        elif finalize.src is not None and plain:
            self.write("(")
        else:
            self.write("str(")
        if finalize.src is not None:
            self.write("finalize(" if plain else finalize.src)

    def visit_Include(self, node: nodes.Include, frame: Frame) -> None:
        """``{% include %}``: the partial's output joined into one piece, then printed.

        Jinja passes each piece of an included template up through a loop in the
        page's code (``for event in gen: yield event``), a second step for every
        piece of a curve, a flow lane or a summary (issue 17). Joined in C, the
        page prints the same text at once. Async templates and imports without
        context keep Jinja's code.
        """
        if self.environment.is_async or not node.with_context:
            super().visit_Include(node, frame)
            return
        if node.ignore_missing:
            self.writeline("try:")
            self.indent()
        function = "get_or_select_template"
        if isinstance(node.template, nodes.Const):
            if isinstance(node.template.value, str):
                function = "get_template"
            elif isinstance(node.template.value, (tuple, list)):
                function = "select_template"
        elif isinstance(node.template, (nodes.Tuple, nodes.List)):
            function = "select_template"
        self.writeline(f"template = environment.{function}(", node)
        self.visit(node.template, frame)
        self.write(f", {self.name!r})")
        if node.ignore_missing:
            self.outdent()
            self.writeline("except TemplateNotFound:")
            self.indent()
            self.writeline("pass")
            self.outdent()
            self.writeline("else:")
            self.indent()
        self.writeline(
            "gen = template.root_render_func(template.new_context(context.get_all(), True,"
            f" {self.dump_local_context(frame)}))"
        )
        self.writeline("try:")
        self.indent()
        self.simple_write("environment.concat(gen)", frame)
        self.outdent()
        self.writeline("finally: gen.close()")
        if node.ignore_missing:
            self.outdent()

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        """``value.name``: Python's ``getattr`` first, as Jinja's ``Environment.getattr``
        does, but without a call into Jinja when the attribute is there; only when it
        is not does Jinja's ``getattr`` look it up (an item, else undefined).

        Half of a map's template operations read a field (1.3M for 200 journeys in
        three formats, issue 17). The sandbox checks every read: its templates
        keep Jinja's code.
        """
        if self.environment.sandboxed or self.environment.is_async:
            super().visit_Getattr(node, frame)
            return
        value, found = self.temporary_identifier(), self.temporary_identifier()
        self.write(f"({found} if ({found} := getattr(({value} := ")
        self.visit(node.node, frame)
        self.write(
            f"), {node.attr!r}, missing)) is not missing"
            f" else environment.getattr({value}, {node.attr!r}))"
        )


class _Environment(jinja2.Environment):
    code_generator_class = _CodeGenerator
    html_escape = staticmethod(_html_escaper(_HTML_KNOWN))


class _Sandboxed(ImmutableSandboxedEnvironment):
    code_generator_class = _CodeGenerator
    html_escape = staticmethod(_html_escaper(_HTML_KNOWN))


class Templates:
    """Finds and renders templates: ``search`` directories first, then the built-in set."""

    def __init__(self, search: Sequence[Path] = ()) -> None:
        builtin = builtin_templates()
        self.directories = [*search, builtin]
        self._environments = _environments(_Sandboxed, [str(path) for path in self.directories])
        # The built-in templates, unsandboxed, with a loader that sees the built-in
        # folder only: whatever they include or extend (even by a computed name)
        # can only be cjm's own code.
        self._trusted = _environments(_Environment, [str(builtin)])
        shipped = set(jinja2.FileSystemLoader(str(builtin)).list_templates())
        # A user folder may hold any name: one shadowing a built-in template (a
        # partial such as _curve.html.j2 included by a built-in page) makes the
        # built-in pages load user code, so then every render stays sandboxed.
        user = {n for d in search for n in _listed(d)}
        self._trusted_names = frozenset() if user & shipped else frozenset(shipped - user)

    def environments(self) -> list[jinja2.Environment]:
        """Every environment a render may use (:func:`cjm.render.precompiled.write_all`
        compiles the built-in templates for each)."""
        return [*self._trusted.values(), *self._environments.values()]

    def sandboxed(self, name: str) -> bool:
        """Whether rendering ``name`` runs in the sandbox: unless every template it
        can load is one cjm ships (no user folder holds ``name`` or overrides any
        built-in template)."""
        return name not in self._trusted_names

    def render(self, name: str, variables: dict[str, Any]) -> str:
        """Render template ``name``; raise :class:`TemplateError` naming file and line."""
        kind = name.removesuffix(TEMPLATE_SUFFIX).rsplit(".", 1)[-1]
        environments = self._environments if self.sandboxed(name) else self._trusted
        environment = environments.get(kind, environments["html"])
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
        # Output files have \n line endings and exactly one trailing newline. A page
        # that has them already (every built-in one) is returned as it is: a page is
        # tens of kilobytes, and each pass over it a copy (issue 17).
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        if text.endswith("\n") and not text.endswith("\n\n"):
            return text
        return text.rstrip("\n") + "\n"


def _environments(
    kind: type[jinja2.Environment], directories: list[str]
) -> dict[str, jinja2.Environment]:
    """One environment per output language, loading from ``directories``."""
    common: dict[str, Any] = {
        "loader": jinja2.FileSystemLoader(directories),
        "undefined": jinja2.StrictUndefined,
        "keep_trailing_newline": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "auto_reload": False,
    }
    # The built-in templates' code comes compiled with cjm (cjm.render.precompiled);
    # this file is the code generator and the options that code depends on.
    sandboxed = issubclass(kind, ImmutableSandboxedEnvironment)
    environments = {
        "html": kind(
            autoescape=True, bytecode_cache=Precompiled("html", sandboxed, __file__), **common
        ),
        "md": kind(
            finalize=_FINALIZERS[0], bytecode_cache=Precompiled("md", sandboxed, __file__), **common
        ),
        "mmd": kind(
            finalize=_FINALIZERS[1],
            bytecode_cache=Precompiled("mmd", sandboxed, __file__),
            **common,
        ),
    }
    for environment in environments.values():
        environment.filters["md"] = md_escape
        environment.filters["mermaid"] = mermaid_text
        environment.filters["md_url"] = md_url
        environment.filters["link_url"] = link_url
        environment.filters["decimal"] = decimal
    return environments


def _listed(directory: Path) -> list[str]:
    """The template names a user folder holds (none when it cannot be listed)."""
    try:
        return list(jinja2.FileSystemLoader(str(directory)).list_templates())
    except OSError:
        return []


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
