"""The command line as a user meets it: output lines, exit codes, no tracebacks."""

from __future__ import annotations

import os
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from typer.testing import CliRunner

from cjm import __version__
from cjm.cli import app
from tests.conftest import REPO, run_cjm

runner = CliRunner()

# The output tests look at the foundation's rules only; the journey-quality rules
# have their own cases.
SELECT = "--select=yaml-syntax,schema,empty-phase,missing-cta,duplicate-id"

GOOD = """\
persona: {name: Jonge ouders}
phases:
  - id: orientation
    touchpoints:
      - {id: google, name: Google, channel: search, cta: Lees meer}
  - id: consideration
    touchpoints:
      - {id: store, name: Winkel, channel: store, cta: Kom langs}
  - id: purchase
    touchpoints:
      - {id: checkout, name: Afrekenen, channel: website, cta: Betaal}
  - id: use
    touchpoints:
      - {id: manual, name: Handleiding, channel: print, cta: Scan de code}
  - id: loyalty
    touchpoints:
      - {id: review, name: Review, channel: email}
"""


def _write(directory: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_warnings_alone_exit_0(in_tmp: Path) -> None:
    _write(in_tmp, {"journeys/a.yaml": GOOD})
    result = runner.invoke(app, ["lint", SELECT])
    assert result.exit_code == 0
    assert result.output == (
        "journeys/a.yaml:17:9: warning missing-cta: "
        "touchpoint 'review' has no call to action (cta)\n"
        "1 warning in 1 file\n"
    )


def test_errors_exit_1_and_every_file_is_checked(in_tmp: Path) -> None:
    _write(
        in_tmp,
        {
            "j/a.yaml": "persona: {name: A\n",
            "j/b.yaml": GOOD.replace("      - {id: review, name: Review, channel: email}\n", ""),
            "j/c.yaml": GOOD.replace("id: store", "id: google"),
        },
    )
    result = runner.invoke(app, ["lint", SELECT, "j"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        "j/a.yaml:2:1",
        "j/b.yaml:15:5",
        "j/c.yaml:8:14",
        "j/c.yaml:17:9",
    ]
    assert lines[1].endswith("error empty-phase: phase 'loyalty' has no touchpoints")
    assert lines[-1] == "3 errors, 1 warning in 3 files"


def test_clean_run(in_tmp: Path) -> None:
    _write(in_tmp, {"a.yaml": GOOD.replace("channel: email}", "channel: email, cta: Schrijf}")})
    result = runner.invoke(app, ["lint", SELECT, "a.yaml"])
    assert (result.exit_code, result.output) == (0, "no problems in 1 file\n")


@pytest.mark.parametrize(
    ("files", "args", "fragment"),
    [
        ({}, ["lint", "missing.yaml"], "'missing.yaml' does not exist"),
        ({}, ["lint"], "no journeys folder"),
        ({"cjm.yaml": "language: fr\n", "a.yaml": GOOD}, ["lint", "a.yaml"], "cjm.yaml:1:11"),
        ({"a.yaml": GOOD}, ["lint", "--frobnicate", "a.yaml"], "No such option"),
    ],
)
def test_usage_and_config_errors_exit_2(
    in_tmp: Path, files: dict[str, str], args: list[str], fragment: str
) -> None:
    _write(in_tmp, files)
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert fragment in result.output


def _cjm(*args: str, cwd: Path, env: dict[str, str] | None = None) -> CompletedProcess[str]:
    return run_cjm(*args, cwd=cwd, env={**os.environ, **(env or {})})


def test_subprocess_exit_codes_and_streams(tmp_path: Path) -> None:
    _write(tmp_path, {"ok.yaml": GOOD, "bad.yaml": "persona: [\n"})
    assert _cjm("lint", "ok.yaml", cwd=tmp_path).returncode == 0
    bad = _cjm("lint", "ok.yaml", "bad.yaml", cwd=tmp_path)
    assert bad.returncode == 1
    assert bad.stdout.startswith("bad.yaml:2:1: error yaml-syntax: ")
    assert "Traceback" not in bad.stderr
    usage = _cjm("lint", "nope.yaml", cwd=tmp_path)
    assert (usage.returncode, usage.stdout) == (2, "")
    assert usage.stderr == "cjm: error: 'nope.yaml' does not exist\n"


def test_piped_output_is_plain_and_no_color_is_honoured(tmp_path: Path) -> None:
    _write(tmp_path, {"a.yaml": GOOD})
    for env in ({}, {"NO_COLOR": "1"}):
        assert "\x1b[" not in _cjm("lint", "a.yaml", cwd=tmp_path, env=env).stdout


def test_version_and_python_m(tmp_path: Path) -> None:
    done = _cjm("--version", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, f"cjm {__version__}\n")


def test_examples_pass_lint_without_errors() -> None:
    done = _cjm("lint", "journeys", cwd=REPO)
    assert done.returncode == 0, done.stdout
    assert " fout " not in done.stdout
    # 4 journeys and opportunities.yaml; the example project is Dutch
    assert done.stdout.splitlines()[-1].endswith("in 5 bestanden")


def _names(app_: object) -> list[str]:
    from cjm.cli import _command_name

    infos = [*app_.registered_commands, *app_.registered_groups]  # type: ignore[attr-defined]
    return sorted(str(_command_name(info)) for info in infos)


def test_only_the_command_being_run_is_built() -> None:
    from cjm.cli import app_for

    everything = _names(app)
    assert len(everything) >= 9
    for name in everything:
        assert _names(app_for([name, "--some-option", "value"])) == [name]
    assert _names(app_for(["--version"])) == []
    for args in ([], ["--help"], ["-h", "lint"], ["lnt"]):  # help, and typer's suggestions
        assert app_for(args) is app


@pytest.mark.parametrize("name", _names(app))
def test_each_command_built_alone_has_the_same_help(name: str) -> None:
    from cjm.cli import app_for

    alone = runner.invoke(app_for([name]), [name, "--help"], terminal_width=100)
    full = runner.invoke(app, [name, "--help"], terminal_width=100)
    assert alone.exit_code == full.exit_code == 0
    assert alone.output == full.output


def test_unknown_command_suggests_the_closest(tmp_path: Path) -> None:
    done = _cjm("lnt", cwd=tmp_path)
    assert done.returncode == 2
    assert "Did you mean 'lint'?" in done.stderr
