"""What keeps ``cjm lint``'s start-up close to its stack's (cjm.startup, issue 17).

Two kinds of test: a real ``cjm lint`` in a fresh interpreter must not import what
it does not use, and the stand-ins must give exactly what the library they stand in
for gives (typer's own adapters, pydantic's own plugin loader).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer._coercion import build_runtime_param, resolve_type_descriptor
from typer.models import ArgumentInfo, OptionInfo
from typer.testing import CliRunner

from cjm import startup
from cjm.cli import app

# Findings on purpose (exit 1): the whole lint runs, rules, reporter and summary.
JOURNEY = "persona: {name: A}\nphases: [{id: orientation}]\n"

# What a lint of journeys alone never needs: each costs start-up on every commit.
NOT_IMPORTED = [
    ("rich", "colour and --show-source only"),
    ("jinja2", "cjm render only"),
    ("babel", "numbers of 1,000 and more, dates: none in a small lint"),
    ("importlib.metadata", "pydantic's plugin loader, kept out by skip_plugin_scan"),
    ("typer._adapters", "typer's pydantic adapters, skipped by quick_values"),
    ("cjm.backlog.models", "only when the project has an opportunities file"),
    ("cjm.backlog.loader", "only when the run covers the project (a few files never do)"),
]


@pytest.mark.parametrize(("module", "why"), NOT_IMPORTED, ids=[m for m, _ in NOT_IMPORTED])
def test_a_small_lint_does_not_import(tmp_path: Path, module: str, why: str) -> None:
    (tmp_path / "ok.yaml").write_text(JOURNEY, encoding="utf-8")
    script = (
        "import sys\nfrom cjm.cli import main\n"
        "sys.argv = ['cjm', 'lint', 'ok.yaml']\n"
        "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
        f"print(code, {module!r} in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.stderr.splitlines()[-1] == "1 False", (why, done.stderr)


def test_version_imports_no_command_module() -> None:
    """``cjm --version`` builds no command: no report package, no catalogs, no models."""
    typer_said = CliRunner().invoke(app, ["--version"])
    assert typer_said.exit_code == 0
    script = (
        "import sys\nfrom cjm.cli import main\n"
        "sys.argv = ['cjm', '--version']\ncode = 0\n"
        "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('cjm')), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.stdout == typer_said.output  # the line typer prints for it, answered sooner
    assert done.stderr.splitlines()[-1] == "0 ['cjm', 'cjm.cli', 'cjm.collector', 'cjm.startup']"


def test_the_console_script_freezes_what_importing_the_command_line_made() -> None:
    """``cjm`` runs :func:`cjm.__main__.main`: typer's objects never meet the collector."""
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    assert pyproject["project"]["scripts"]["cjm"] == "cjm.__main__:main"
    script = (
        "import gc, sys\nfrom cjm.__main__ import main\n"
        "sys.argv = ['cjm', '--version']\n"
        "main()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 10_000, 'typer' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [
        CliRunner().invoke(app, ["--version"]).output.strip(),
        "True True True",
    ]


# (annotation, parameter info, value from the command line or a default)
CASES: list[tuple[Any, Any, Any]] = [
    (str, OptionInfo(), "text"),
    (str, OptionInfo(), ""),
    (str, OptionInfo(), "caf\u00e9 \udcff"),  # a non-UTF-8 byte from argv, surrogate-escaped
    (bool, OptionInfo(), True),
    (bool, OptionInfo(), "yes"),  # not a bool: typer's own adapter decides
    (Path, OptionInfo(), "out/report.json"),
    (Path, OptionInfo(), "-"),
    (Path, OptionInfo(), ""),
    (Path, OptionInfo(), "a\x00b"),  # os.stat raises ValueError: typer makes it a usage error
    (Path, OptionInfo(), Path("already")),
    (Path, OptionInfo(exists=True), "."),
    (Path, OptionInfo(exists=True), "no-such-file"),
    (Path, OptionInfo(dir_okay=False, exists=True), "."),
    (Path, OptionInfo(resolve_path=True), "a/../b"),
    (list[Path], ArgumentInfo(), ["a.yaml", "b.yaml"]),
    (list[Path], ArgumentInfo(), ("a.yaml",)),
    (list[str], OptionInfo(), ["a,b", "c"]),
    (list[str], OptionInfo(), "single"),
    (list[str], OptionInfo(), [1]),  # not a str: typer's own adapter decides
]


def _coerce(runtime: Any, value: Any) -> tuple[str, Any]:
    try:
        return "ok", runtime.coerce(value, param=_Param(), ctx=None)
    except Exception as error:  # whatever typer raises, the stand-in must raise too
        return type(error).__name__, str(error)


class _Param:
    """Enough of a click parameter for typer's error messages."""

    multiple = False
    nargs = 1
    name = "value"
    opts = ("--value",)
    param_type_name = "option"
    human_readable_name = "--value"

    def get_error_hint(self, ctx: Any) -> str:
        return "'--value'"


@pytest.mark.parametrize(("annotation", "info", "value"), CASES)
def test_quick_values_convert_as_typer_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, annotation: Any, info: Any, value: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    descriptor = resolve_type_descriptor(annotation, info)
    param = type("P", (), {"type_descriptor": descriptor, "_runtime_param": None})()
    startup.quick_values([param])
    assert type(param._runtime_param).__name__ == "Quick"  # the stand-in is what runs
    assert _coerce(param._runtime_param, value) == _coerce(build_runtime_param(descriptor), value)


@pytest.mark.parametrize(
    ("annotation", "info"),
    [(int, OptionInfo()), (float, OptionInfo()), (Path, OptionInfo(path_type=str))],
)
def test_other_parameters_are_left_to_typer(annotation: Any, info: Any) -> None:
    param = type("P", (), {"type_descriptor": resolve_type_descriptor(annotation, info)})()
    param._runtime_param = None
    startup.quick_values([param])
    assert param._runtime_param is None


def test_the_plugin_stand_in_hands_over_when_plugins_are_enabled() -> None:
    script = (
        "import os, sys\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
        "from cjm.startup import skip_plugin_scan\n"
        "skip_plugin_scan()\n"
        "from pydantic.plugin._loader import get_plugins\n"
        "print(tuple(get_plugins()), 'importlib.metadata' in sys.modules)\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = 'some-plugin'\n"
        "print(list(get_plugins()), 'importlib.metadata' in sys.modules)\n"
        "import pydantic.plugin._loader as real\n"
        "print(real.get_plugins is not get_plugins, real._plugins == {})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["() False", "[] True", "True True"]


def test_a_users_own_plugin_setting_keeps_pydantics_loader() -> None:
    script = (
        "import os, sys\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = 'logfire'\n"
        "import cjm.cli\n"
        "print(type(sys.modules.get('pydantic.plugin._loader')).__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "NoneType"  # not replaced: pydantic imports its own


def test_the_command_that_runs_has_its_annotations_evaluated_once() -> None:
    """typer would evaluate each annotation's text four times (cjm.cli._evaluate_annotations);
    what it builds from the objects is the same (tests/test_help.py: the help is unchanged)."""
    from cjm import cli

    cli.app_for(["lint", "x.yaml"])
    for function in (cli.lint, cli._root, cli._version):
        assert not [a for a in function.__annotations__.values() if isinstance(a, str)]
