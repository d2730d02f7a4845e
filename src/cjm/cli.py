"""The command line. Thin on purpose.

Each command parses its flags and hands plain values to ``cjm.commands.<name>.run``,
imported inside the command so that ``cjm --version`` and ``cjm lint`` load only
what they use. :func:`_run` is the one place where errors become exit codes:
0 ok, 1 findings, 2 usage or configuration errors.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from cjm import __version__

__all__ = ["app", "main"]

app = typer.Typer(
    name="cjm",
    help="Customer journeys as code: lint, diff and render journey maps kept as YAML.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _run(command: Callable[[], int]) -> NoReturn:
    from cjm.errors import CjmError

    try:
        code = command()
    except CjmError as error:
        sys.stdout.flush()
        typer.echo(f"cjm: error: {error}", err=True)
        code = error.exit_code
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cjm {__version__}")
        raise typer.Exit()


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
        help="Journey files or folders (searched for *.yaml and *.yml). "
        "Default: the project's journeys folder.",
        show_default=False,
    ),
]


@app.command()
def lint(paths: PathsArgument = None) -> None:
    """Check journey files: YAML, the format, and the journey rules.

    Exit 0 when no errors are found (warnings alone pass), 1 when there are errors,
    2 for usage or configuration errors.
    """
    from cjm.commands import lint as command

    _run(lambda: command.run(paths or []))


@app.command()
def init(
    directory: Annotated[
        Path, typer.Argument(help="Where to create the project.", show_default=False)
    ] = Path(),
    language: Annotated[
        str, typer.Option("--language", "-l", help="nl or en: labels and phase names in output.")
    ] = "nl",
) -> None:
    """Start a project: cjm.yaml, journeys/ with a complete example, and a .gitignore.

    Never overwrites a file: if any exists, lists them and exits 2 without writing.
    """
    from cjm.commands import init as command

    _run(lambda: command.run(directory, _choice("--language", language, ("nl", "en"))))


@app.command()
def new(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help='The persona\'s name, e.g. "Jonge ouders".')
    ],
    model: Annotated[
        str | None,
        typer.Option("--model", "-m", help="Phase model preset (default: the project's)."),
    ] = None,
    segment: Annotated[str, typer.Option("--segment", help="b2c or b2b.")] = "b2c",
) -> None:
    """Write a journey skeleton for a persona: every phase, a touchpoint and CTA in each.

    The file goes to the project's journeys folder as <slug>.yaml; an existing file
    is never overwritten (exit 2).
    """
    from cjm.commands import new as command

    _run(lambda: command.run(name, model, _choice("--segment", segment, ("b2c", "b2b"))))


@app.command()
def diff(
    args: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="OLD NEW | PATHS...",
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
        str, typer.Option("--format", "-f", help="text, markdown or json.")
    ] = "text",
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit 1 when there are differences, 0 when none."),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the report to this file instead of stdout."),
    ] = None,
) -> None:
    """Show what changed in journeys, in the journey's own words.

    Phases and touchpoints are matched by id, KPIs by name; a change of comments,
    key order, quoting or indentation is no difference. Also runs as git's external
    diff driver (see docs/git.md). Exit 0, or 1 with --exit-code when there are
    differences; 2 for usage errors and journeys that do not load.
    """
    from cjm.commands import diff as command

    _run(
        lambda: command.run(
            args or [],
            rev,
            _choice("--format", output_format, command.FORMATS),
            exit_code,
            output,
        )
    )


def _choice(option: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise typer.BadParameter(
            f"must be one of {', '.join(allowed)}, got '{value}'", param_hint=option
        )
    return value


def main() -> None:
    """The ``cjm`` console script."""
    try:
        app()
    except BrokenPipeError:  # `cjm lint | head`: the reader left; that is not an error
        sys.stderr.close()
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
