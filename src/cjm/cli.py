"""The command line. Thin on purpose.

Each command parses its flags and hands plain values to ``cjm.commands.<name>.run``,
imported inside the command so that ``cjm --version`` and ``cjm lint`` load only
what they use. :func:`_run` is the one place where errors become exit codes:
0 ok, 1 findings, 2 usage or configuration errors.
"""

from __future__ import annotations

import copy
import functools
import importlib
import os
import signal
import sys
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup
from typer.models import CommandInfo, TyperInfo

from cjm import __version__
from cjm.startup import quick_values, skip_plugin_scan

__all__ = ["app", "main"]

# cjm's models use no pydantic plugins, and looking for them scans the entry
# points of every installed distribution (~25 ms on each run of a linter that
# runs on every commit). A user who does want plugins can still set the variable.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
# ... and pydantic's loader would still import importlib.metadata to read it.
skip_plugin_scan()

# Help as git and ruff print it: click's plain formatter, which rewraps each docstring
# paragraph to the terminal (typer's rich mode kept the source's line breaks, so
# sentences broke mid-way) and never imports rich. Every option names its value
# (FILE, FORMAT) so no type tag such as <str> shows; flags show none.
_HELP_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Command(TyperCommand):
    """A command whose help names arguments as git and ruff do.

    typer appends the Python type to an argument (``PATHS <list[Path]>``), and
    writes a required one in braces in the usage line (``{NAME}``, which reads
    as a choice); the argument's help already says what it takes.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        quick_values(self.get_params(ctx))  # str and Path values without typer's pydantic adapters
        rest: list[str] = super().parse_args(ctx, args)
        return rest

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    # Any: typer's click (its own vendored copy in recent versions) is not ours to name.
    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_argument_name(param), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class _Group(TyperGroup):
    """The root: its options (``--version``) converted as :class:`_Command`'s are."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        quick_values(self.get_params(ctx))
        rest: list[str] = super().parse_args(ctx, args)
        return rest


class _Formats:
    """A command's format registry (``FORMATS`` in ``package``), imported at first use.

    The ``--format`` help reads it, but this module's annotations are evaluated only
    when typer builds that one command (``from __future__ import annotations``), so
    ``cjm --version`` imports no report package and ``cjm lint`` only its own.
    """

    def __init__(self, package: str) -> None:
        self.package = package

    def names(self) -> tuple[str, ...]:
        names: tuple[str, ...] = self._registry().names()
        return names

    def help(self) -> str:
        text: str = self._registry().help()
        return text

    def _registry(self) -> Any:
        return importlib.import_module(self.package).FORMATS


ANALYTICS_FORMATS = _Formats("cjm.analytics.report")
OPPORTUNITIES_FORMATS = _Formats("cjm.backlog.report")
DIFF_FORMATS = _Formats("cjm.diff.report")
LINT_FORMATS = _Formats("cjm.lint.report")
RENDER_FORMATS = _Formats("cjm.render.formats")


def languages() -> tuple[str, ...]:
    """The catalogs cjm ships (:func:`cjm.text.languages`), for ``--lang`` and ``--language``."""
    from cjm.text import languages as spoken

    return spoken()


def _argument_name(param: Any) -> str:
    name = str(param.metavar or (param.name or "").upper())
    return name + ("..." if param.nargs != 1 else "")


app = typer.Typer(
    name="cjm",
    cls=_Group,
    help="Customer journeys as code: lint, diff and render journey maps kept as YAML.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=_HELP_SETTINGS,
)
command = functools.partial(app.command, cls=_Command)


def _run(
    command: Callable[[], int], lang: str | None = None, *, short_lived: bool = True
) -> NoReturn:
    """Run ``command``; an error is printed in ``--lang`` (``lang``), else the project's
    language, else English, and becomes its exit code. A command that ends when its
    work is done is ``short_lived``: see :mod:`cjm.collector` (not so ``cjm serve``)."""
    from cjm.collector import short_lived as process_lifetime
    from cjm.collector import started
    from cjm.errors import CjmError

    started()  # the start-up's pause of the collector ends here (see main)
    try:
        if short_lived:
            with process_lifetime():
                code = command()
        else:
            code = command()
    except CjmError as error:
        from cjm.output.escape import terminal
        from cjm.text import msg, text_for

        sys.stdout.flush()
        text = text_for(_error_language(lang))
        said = text(msg("cjm: error: {error}", error=error.text(text)))
        typer.echo(terminal(said, keep_newlines=True), err=True)
        code = error.exit_code
    raise typer.Exit(code)


def _error_language(lang: str | None) -> str:
    """The language to report an error in: the command's choice, read again here
    because the error may come before the command got to decide it (a broken cjm.yaml)."""
    from cjm.config import load_config
    from cjm.errors import CjmError
    from cjm.text import choose_language

    if lang is not None:
        return lang
    try:
        configured: str | None = load_config().language
    except CjmError:
        configured = None  # the error is about cjm.yaml itself: English
    return choose_language(None, configured)


def _version(value: bool) -> None:
    if value:
        typer.echo(_VERSION_LINE)
        raise typer.Exit()


_VERSION_LINE = f"cjm {__version__}"


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Customer journeys as code: lint, diff and render journey maps kept as YAML."""


PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATHS",
        help="Journey files or folders (searched for *.yaml and *.yml). "
        "Default: the project's journeys folder.",
        show_default=False,
    ),
]


LanguageOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="LANG",
        help="Language of the output: LANG is one of cjm's catalogs (en, nl). "
        "Default: render.lang in cjm.yaml, else cjm.yaml's language, else English.",
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="LANG",
        help="Language of the output: LANG is one of cjm's catalogs (en, nl). "
        "Default: cjm.yaml's language, else English.",
        show_default=False,
    ),
]


def _lang(value: str | None) -> str | None:
    """``--lang`` checked against the catalogs cjm ships (None: not given)."""
    return None if value is None else _choice("--lang", value, languages())


TemplatesOption = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        metavar="DIR",
        help="Folder with templates that replace built-in ones of the same name.",
        show_default=False,
    ),
]


def _rule_list(values: list[str] | None) -> list[str] | None:
    """``--select a,b --select c`` → ``[a, b, c]``."""
    if values is None:
        return None
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


@command()
def lint(
    paths: PathsArgument = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help=f"{LINT_FORMATS.help()} (github: Actions annotations; csv: for Excel).",
        ),
    ] = "text",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout."
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="RULE,...", help="Run only these rules."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="RULE,...", help="Do not run these rules."),
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on",
            metavar="LEVEL",
            help="Lowest severity that makes the exit code 1: error, warning, info.",
        ),
    ] = "error",
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only problems, no summary.")
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Counts per rule instead of each problem.")
    ] = False,
    show_source: Annotated[
        bool, typer.Option("--show-source", help="Show the offending line with a caret.")
    ] = False,
    language: LangOption = None,
) -> None:
    """Check journey files: YAML, the format, and the journey rules.

    Exit 0 when no problem reaches --fail-on (default: error, so warnings alone
    pass), 1 when one does, 2 for usage or configuration errors.
    """
    from cjm.commands import lint as command

    fmt = _choice("--format", output_format, LINT_FORMATS.names())
    level = _choice("--fail-on", fail_on, ("error", "warning", "info"))
    lang = _lang(language)
    _run(
        lambda: command.run(
            paths or [],
            fmt,
            select=_rule_list(select),
            ignore=_rule_list(ignore) or [],
            fail_on=level,
            quiet=quiet,
            statistics=statistics,
            show_source=show_source,
            output=output,
            lang=lang,
        ),
        lang,
    )


@command()
def rules(
    rule: Annotated[
        str | None, typer.Argument(metavar="RULE", help="Show this rule's documentation.")
    ] = None,
) -> None:
    """List the lint rules, or show one rule's documentation.

    A rule's documentation says what it checks and why, with a passing and a
    failing example.
    """
    from cjm.commands import rules as command

    _run(lambda: command.run(rule))


@command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the schema to FILE instead of stdout."
        ),
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--for",
            metavar="FILE",
            help="journey (a journey file) or opportunities (opportunities.yaml).",
        ),
    ] = "journey",
) -> None:
    """Print the JSON Schema of journeys or of opportunities.yaml.

    Editors use it for completion and checks while you type; cjm init writes them
    as cjm.schema.json and cjm.opportunities.schema.json.
    """
    from cjm.commands import schema as command

    chosen = _choice("--for", kind, ("journey", "opportunities"))
    _run(lambda: command.run(output, chosen))


@command()
def init(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR", help="Where to create the project (default: here).", show_default=False
        ),
    ] = Path(),
    language: Annotated[
        str,
        typer.Option(
            "--language",
            "-l",
            metavar="LANG",
            help="Language of the new project (its cjm.yaml): one of cjm's catalogs (en, nl). "
            "Default: nl, the language of the example journeys it writes.",
        ),
    ] = "nl",
    bare: Annotated[
        bool,
        typer.Option(
            "--bare", help="An empty journeys/ instead of the example project: a client project."
        ),
    ] = False,
) -> None:
    """Start a project: configuration, schema and journeys folder.

    Writes cjm.yaml, the schemas, a .gitignore, journeys/ with three complete
    example journeys and the opportunities.yaml that links them (with --bare, an
    empty journeys/). Says so when the folder is not in a git repository.

    Never overwrites a file: if any exists, lists them and exits 2 without writing.
    """
    from cjm.commands import init as command

    chosen = _choice("--language", language, languages())
    _run(lambda: command.run(directory, chosen, bare), chosen)


@command()
def new(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help='The persona\'s name, e.g. "Jonge ouders".')
    ],
    model: Annotated[
        str | None,
        typer.Option(
            "--model", "-m", metavar="MODEL", help="Phase model preset (default: the project's)."
        ),
    ] = None,
    segment: Annotated[
        str, typer.Option("--segment", metavar="SEGMENT", help="b2c or b2b.")
    ] = "b2c",
    language: LangOption = None,
) -> None:
    """Write a journey skeleton for a persona.

    Every phase of the model with a touchpoint and CTA in each, and every optional
    field commented out with what it is for.

    The file goes to the project's journeys folder, named after the persona
    (jonge-ouders.yaml); an existing file is never overwritten (exit 2).
    """
    from cjm.commands import new as command

    lang = _lang(language)
    _run(
        lambda: command.run(name, model, _choice("--segment", segment, ("b2c", "b2b")), lang), lang
    )


@command()
def render(
    paths: PathsArgument = None,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"{RENDER_FORMATS.help()}; pdf, png and pptx are posters (printed by a "
            "headless Chrome, Chromium or Edge); repeat for several. "
            "Default: render.formats in cjm.yaml, else html.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="Output folder. Default: render.out in cjm.yaml, else build/ in the project.",
            show_default=False,
        ),
    ] = None,
    language: LanguageOption = None,
    templates: TemplatesOption = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 if a file in --out is missing or stale."
        ),
    ] = False,
    analytics: Annotated[
        Path | None,
        typer.Option(
            "--analytics",
            metavar="EXPORT.csv",
            help="Show this export's sessions and key events on the cards, phase totals "
            "in the KPI lane and the unclaimed sources in the index (see cjm analytics). "
            "Default: render.analytics in cjm.yaml.",
            show_default=False,
        ),
    ] = None,
    paper: Annotated[
        str, typer.Option("--paper", metavar="SIZE", help="pdf: paper size, A4, A3, A2 or A1.")
    ] = "A3",
    orientation: Annotated[
        str,
        typer.Option("--orientation", metavar="ORIENTATION", help="pdf: landscape or portrait."),
    ] = "landscape",
    width: Annotated[
        int, typer.Option("--width", metavar="PIXELS", help="png and pptx: image width in pixels.")
    ] = 1600,
    browser: Annotated[
        Path | None,
        typer.Option(
            "--browser",
            metavar="PATH",
            help="pdf, png, pptx: the Chrome, Chromium or Edge to print with. "
            "Default: found on PATH or in the usual install folders.",
            show_default=False,
        ),
    ] = None,
    view: Annotated[
        str | None,
        typer.Option(
            "--view",
            metavar="VIEW",
            help="map, or blueprint: the map with the service blueprint below it "
            "(frontstage, backstage, support). Default: render.view in cjm.yaml, else map.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Render journey maps (HTML, Markdown, Mermaid) and an index.

    The HTML map is self-contained. Options not given come from render: in
    cjm.yaml, so cjm render and cjm render --check agree.

    pdf, png and pptx are posters printed from the HTML map by a headless Chrome,
    Chromium or Edge (one PDF page per journey, A3 landscape by default); --check
    compares only the text formats.

    A journey with lint errors is not rendered; its errors are printed. Exit 0 when
    all were rendered (with --check: all files up to date), 1 otherwise, 2 for usage,
    configuration, template or --analytics export errors.
    """
    from cjm.commands import render as command
    from cjm.render.poster import ORIENTATIONS, PAPERS, PosterOptions
    from cjm.render.views import VIEWS

    chosen = [_choice("--format", name, RENDER_FORMATS.names()) for name in formats or []]
    lang = _lang(language)
    if not 100 <= width <= 16384:  # Chromium's largest image side
        raise typer.BadParameter(f"must be from 100 to 16384, got {width}", param_hint="--width")
    poster = PosterOptions(
        paper=_choice("--paper", paper.upper(), tuple(PAPERS)),
        orientation=_choice("--orientation", orientation, ORIENTATIONS),
        width=width,
        browser=browser,
    )
    chosen_view = None if view is None else _choice("--view", view, tuple(VIEWS))
    _run(
        lambda: command.run(
            paths or [], chosen or None, out, lang, templates, check, analytics, poster, chosen_view
        ),
        lang,
    )


@command()
def serve(
    paths: PathsArgument = None,
    port: Annotated[
        int,
        typer.Option(
            "--port", "-p", min=0, max=65535, help="Port to listen on; 0 picks a free one."
        ),
    ] = 8000,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. 0.0.0.0 shows the maps to everyone on the network.",
        ),
    ] = "127.0.0.1",
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the index in the default browser.")
    ] = False,
    language: LanguageOption = None,
    templates: TemplatesOption = None,
    analytics: Annotated[
        Path | None,
        typer.Option(
            "--analytics",
            metavar="EXPORT.csv",
            help="Show this export's numbers on the maps, as cjm render --analytics does.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Workshop mode: serve the maps live, following every edit.

    Workshop mode: edit the YAML in your own editor and every open map follows.

    Renders as cjm render does, in memory (nothing is written), and re-renders when
    a journey, cjm.yaml, a template or the export changes; open pages reload
    themselves. A journey with lint errors shows them, at file:line:col, in place of
    its map until it is fixed. Stop with Ctrl-C (exit 0). Exit 2 when the port is
    in use or the project cannot be rendered at the start.
    """
    from cjm.commands import serve as command

    lang = _lang(language)
    _run(
        lambda: command.run(paths or [], host, port, open_browser, lang, templates, analytics),
        lang,
        short_lived=False,  # it loads again on every change: cycles must still be collected
    )


templates_app = typer.Typer(
    name="templates",
    help="Work with the templates cjm render uses.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(templates_app)


@templates_app.command("export", cls=_Command)
def templates_export(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="Where to put the copies.")],
    language: LangOption = None,
) -> None:
    """Copy the built-in templates to DIR as a starting point for your own.

    Never overwrites a file: if any exists, lists them and exits 2 without writing.
    """
    from cjm.commands import templates as command

    lang = _lang(language)
    _run(lambda: command.run_export(directory, lang), lang)


@command()
def analytics(
    export: Annotated[
        Path,
        typer.Argument(
            metavar="EXPORT.csv",
            help="A GA4 'Traffic acquisition' CSV, or a CSV with source and medium columns.",
            show_default=False,
        ),
    ],
    paths: PathsArgument = None,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help=f"{ANALYTICS_FORMATS.help()}."),
    ] = "text",
    min_share: Annotated[
        float,
        typer.Option(
            "--min-share",
            metavar="SHARE",
            min=0.0,
            max=1.0,
            help="Hide gaps below this share of all sessions, e.g. 0.01 for 1%.",
        ),
    ] = 0.0,
    fail_on_gaps: Annotated[
        bool,
        typer.Option("--fail-on-gaps", help="Exit 1 when a gap at or above --min-share exists."),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout."
        ),
    ] = None,
    language: LangOption = None,
) -> None:
    """Match an analytics export to the touchpoints: funnel, gaps.

    Per journey, each touchpoint's traffic by phase with phase totals, and mappings
    that match nothing; then the sources no touchpoint claims, largest first.
    Exit 0, or 1 with --fail-on-gaps when a gap remains; 2 for a bad export or usage.
    """
    from cjm.commands import analytics as command

    chosen = _choice("--format", output_format, ANALYTICS_FORMATS.names())
    lang = _lang(language)
    _run(
        lambda: command.run(export, paths or [], chosen, min_share, fail_on_gaps, output, lang),
        lang,
    )


@command()
def diff(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="OLD NEW | PATHS",
            help="Two journey files or two folders; with --rev, the files or folders to "
            "compare (default: the project's journeys folder).",
            show_default=False,
        ),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            "-r",
            metavar="REV",
            help="Compare the journeys at git revision REV with the working tree; "
            "A..B compares two revisions, A...B B with where it left A.",
        ),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help=f"{DIFF_FORMATS.help()}.")
    ] = "text",
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit 1 when there are differences, 0 when none."),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout."
        ),
    ] = None,
    plan: Annotated[
        bool,
        typer.Option(
            "--plan",
            help="Read OLD (a current state) against NEW (a future state) as the plan: "
            "touchpoints added and removed, emotion and blueprint changes, and the "
            "average emotion per phase now → planned, under a header naming both.",
        ),
    ] = False,
    language: LangOption = None,
) -> None:
    """Show what changed in journeys, in the journey's own words.

    Phases and touchpoints are matched by id, KPIs by name; a change of comments,
    key order, quoting or indentation is no difference. Also runs as git's external
    diff driver (see docs/git.md). Exit 0, or 1 with --exit-code when there are
    differences; 2 for usage errors and journeys that do not load.
    """
    from cjm.commands import diff as command

    chosen = _choice("--format", output_format, DIFF_FORMATS.names())
    lang = _lang(language)
    _run(lambda: command.run(args or [], rev, chosen, exit_code, output, plan, lang), lang)


@command()
def opportunities(
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            metavar="STATUS,...",
            help="Only these: idea, planned, in-progress, done, dropped.",
        ),
    ] = None,
    persona: Annotated[
        list[str] | None,
        typer.Option(
            "--persona", metavar="ID,...", help="Only opportunities that link these journeys."
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help=f"{OPPORTUNITIES_FORMATS.help()}."),
    ] = "text",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the backlog to FILE instead of stdout."
        ),
    ] = None,
    language: LangOption = None,
) -> None:
    """Show the ranked backlog of opportunities.

    Opportunities link touchpoints and phases across all journeys.

    Reads opportunities.yaml (and opportunities/) next to cjm.yaml and ranks them by
    the score in cjm.yaml (impact ÷ effort by default), with their links, status,
    owner and solutions. Ranks are the whole backlog's, also when filtered. Exit 0,
    1 when an opportunities file has errors (printed on stderr), 2 for usage errors.
    """
    from cjm.commands import opportunities as command

    chosen = _choice("--format", output_format, OPPORTUNITIES_FORMATS.names())
    statuses, personas, lang = _rule_list(status) or [], _rule_list(persona) or [], _lang(language)
    _run(lambda: command.run(statuses, personas, chosen, output, lang), lang)


def _choice(option: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise typer.BadParameter(
            f"must be one of {', '.join(allowed)}, got '{value}'", param_hint=option
        )
    return value


def _command_name(info: CommandInfo | TyperInfo) -> str | None:
    if isinstance(info, TyperInfo):
        return info.name or (info.typer_instance.info.name if info.typer_instance else None)
    if info.name:
        return info.name
    return info.callback.__name__.lower().replace("_", "-") if info.callback else None


def app_for(args: list[str]) -> typer.Typer:
    """The app with only the command that ``args`` run (click's lazy subcommands).

    On every run typer turns each registered command into a click command and
    each option into a converter, whichever command runs: for a linter started on
    every commit that is most of its start-up. So when ``args`` name a command,
    only that one is registered; ``cjm --help``, no command or an unknown one
    (which gets typer's suggestions) use the whole app.
    """
    if any(arg in ("-h", "--help") for arg in args[:1]):
        return app
    wanted = next((arg for arg in args if not arg.startswith("-")), None)
    if wanted is None:
        # Options only (--version): the root callback is all that can run.
        return app if not args else _subset(app, None)
    infos: list[CommandInfo | TyperInfo] = [*app.registered_commands, *app.registered_groups]
    if any(_command_name(info) == wanted for info in infos):
        return _subset(app, wanted)
    return app


def _subset(full: typer.Typer, name: str | None) -> typer.Typer:
    subset = copy.copy(full)
    subset.registered_commands = [c for c in full.registered_commands if _command_name(c) == name]
    subset.registered_groups = [g for g in full.registered_groups if _command_name(g) == name]
    commands = [c.callback for c in subset.registered_commands]
    for callback in (_root, _version, *commands):
        _evaluate_annotations(callback)
    return subset


def _evaluate_annotations(callback: Callable[..., Any] | None) -> None:
    """Evaluate the annotations of a command's function once, in place.

    This module's annotations are text (``from __future__ import annotations``, so that
    a command's ``--format`` help is worked out only when that command is built), and
    typer evaluates every one of them twice each time it reads a function's parameters
    (``inspect.signature(eval_str=True)`` and ``get_type_hints``), which it does twice
    per command: half of what building the command costs (issue 17). Evaluated here they
    are the same objects typer would make (it copies an option's settings before it
    changes them), made once.
    """
    if callback is not None and any(isinstance(a, str) for a in callback.__annotations__.values()):
        callback.__annotations__ = typing.get_type_hints(callback, include_extras=True)


_stopped_by: list[int] = []


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM (a cancelled CI job), handled like Ctrl-C: clean up, then stop."""
    _stopped_by.append(signum)
    raise KeyboardInterrupt


def main() -> None:
    """The command line, as the ``cjm`` console script runs it (through :mod:`cjm.__main__`)."""
    signal.signal(signal.SIGTERM, _terminate)
    # A file name that is not UTF-8, printed: shown escaped rather than a traceback.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    from cjm.collector import starting_up

    try:
        if sys.argv[1:] == ["--version"]:
            # The root's eager option alone: what typer prints (_version), without first
            # building the command line, a third of this run's own cost (issue 17).
            # Scripts and pre-commit hooks ask for it; anything more goes through typer.
            typer.echo(_VERSION_LINE)
            return
        with starting_up():  # no collector passes over what start-up builds; _run resumes it
            app_for(sys.argv[1:])()
    except BrokenPipeError:  # `cjm lint | head`: the reader left; that is not an error
        sys.stderr.close()
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    finally:
        # typer turns the KeyboardInterrupt into exit 130; after SIGTERM it is
        # 128 + 15, as a shell reports a process SIGTERM ended.
        if _stopped_by:
            sys.exit(128 + _stopped_by[0])
