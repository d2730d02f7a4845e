"""``--help`` reads like git's or ruff's: sentences wrapped only at the edge, no type tags.

typer's rich help printed the docstrings' own line breaks (so sentences broke in the
middle at any width) and showed ``<bool>``, ``<str>`` and ``<path>`` as values.
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cjm.cli import _command_name, app

COMMANDS = [
    [],
    ["lint"],
    ["rules"],
    ["schema"],
    ["init"],
    ["new"],
    ["render"],
    ["templates"],
    ["templates", "export"],
    ["analytics"],
    ["diff"],
]
# What typer prints for a parameter without a metavar: a type in angle brackets.
_TYPE_TAG = re.compile(r"<(?:bool|str|int|float|path|Path|list\[[^\]]*\]|[a-z]+)>")


def _help(command: list[str], width: int) -> str:
    result = CliRunner().invoke(app, [*command, "--help"], terminal_width=width)
    assert result.exit_code == 0, result.output
    return result.output


def _docstring(command: list[str]) -> str:
    """The docstring behind ``cjm COMMAND --help``; empty for a group (one line of help)."""
    group: typer.Typer = app
    for name in command[:-1]:
        (group,) = [
            g.typer_instance
            for g in group.registered_groups
            if _command_name(g) == name and g.typer_instance is not None
        ]
    if not command:
        callback = app.registered_callback.callback if app.registered_callback else None
        return inspect.cleandoc((callback.__doc__ if callback else None) or "")
    for info in group.registered_commands:
        if _command_name(info) == command[-1] and info.callback is not None:
            return inspect.cleandoc(info.callback.__doc__ or "")
    return ""


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "cjm")
@pytest.mark.parametrize("width", [60, 80, 120])
def test_docstring_sentences_break_only_at_the_edge(command: list[str], width: int) -> None:
    lines = [line.strip(" │").rstrip() for line in _help(command, width).splitlines()]
    for paragraph in filter(None, _docstring(command).split("\n\n")):
        words = paragraph.split()
        start = next(i for i, line in enumerate(lines) if line.split()[:3] == words[:3])
        taken = 0
        for line, following in zip(lines[start:], lines[start + 1 :], strict=False):
            taken += len(line.split())
            if taken >= len(words):
                break
            word = words[taken]
            assert len(line) + 1 + len(word) > min(width, 100) - 6, (
                f"the line breaks before '{word}' although it fits:\n{line}\n{following}"
            )


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "cjm")
def test_no_type_tags_as_values(command: list[str]) -> None:
    text = _help(command, 100)
    assert not _TYPE_TAG.search(text), _TYPE_TAG.findall(text)


def test_flags_take_no_value_and_options_name_theirs() -> None:
    text = _help(["lint"], 100)
    assert re.search(r"^  -q, --quiet\s+Only problems", text, re.MULTILINE)
    assert re.search(r"^  --format FORMAT\s+text, csv, github, json", text, re.MULTILINE)
    assert re.search(r"^  -o, --output FILE\s+Write the report", text, re.MULTILINE)


def test_the_command_list_shows_each_summary_whole() -> None:
    commands = _help([], 80).split("Commands:\n")[1].splitlines()
    assert len(commands) == len(app.registered_commands) + len(app.registered_groups)
    assert [line for line in commands if line.endswith("...")] == []


@pytest.mark.parametrize("args", [["lint", "ok.yaml"], ["lint", "--help"], ["--help"]])
def test_lint_and_help_never_import_rich(tmp_path: Path, args: list[str]) -> None:
    # rich is for colour and --show-source; lint runs on every commit and must not pay.
    (tmp_path / "ok.yaml").write_text("persona: {name: A}\nphases: [{id: orientation}]\n")
    script = (
        "import sys\nfrom cjm.cli import main\n"
        f"sys.argv = ['cjm', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('rich loaded' if any(m.split('.')[0] == 'rich' for m in sys.modules) "
        "else 'no rich', file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.stderr.splitlines()[-1] == "no rich"


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        (["lint"], "cjm lint [OPTIONS] [PATHS...]"),
        (["new"], "cjm new [OPTIONS] NAME"),
        (["analytics"], "cjm analytics [OPTIONS] EXPORT.csv [PATHS...]"),
        (["templates", "export"], "cjm templates export [OPTIONS] DIR"),
    ],
)
def test_the_usage_line_names_arguments_plainly(command: list[str], usage: str) -> None:
    assert _help(command, 100).startswith(f"Usage: {usage}\n")
