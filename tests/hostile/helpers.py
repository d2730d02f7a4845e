"""Run cjm in-process as a user would, and check the promises every run keeps.

In-process (typer's runner) rather than a subprocess per run: the property-based
suite runs hundreds of commands, and a Python start-up each would take minutes.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, NamedTuple

from typer.testing import CliRunner

from cjm.cli import app


class Outcome(NamedTuple):
    code: int
    stdout: str
    stderr: str


def invoke(*args: str | Path, cwd: Path) -> Outcome:
    """``cjm ARGS`` in ``cwd``; fails the test on an uncaught exception (a traceback)."""
    runner = CliRunner(env={"NO_COLOR": "1"})
    with contextlib.chdir(cwd):
        result = runner.invoke(app, [str(arg) for arg in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"cjm {' '.join(map(str, args))} raised") from result.exception
    assert result.exit_code in (0, 1, 2), result.exit_code
    return Outcome(result.exit_code, result.stdout, result.stderr)


def journey(persona: str = "ouders") -> str:
    """A small valid journey: one phase, one touchpoint mapped to google / organic."""
    return (
        f"persona: {{id: {persona}, name: Ouders}}\n"
        "phases:\n"
        "  - id: use\n"
        "    touchpoints:\n"
        "      - {id: levering, name: Levering, channel: delivery, owner: M, cta: Bel ons,\n"
        "         analytics: {source: google, medium: organic}}\n"
    )


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def strict_json(text: str) -> Any:
    """``json.loads`` that refuses NaN and Infinity, which JSON does not have."""
    return json.loads(text, parse_constant=_no_constant)
