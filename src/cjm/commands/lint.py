"""``cjm lint``: load, check, collect, report."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from cjm.config import load_config
from cjm.lint.engine import lint
from cjm.lint.rules import ALL_RULES
from cjm.loader import discover, load_journey
from cjm.problems import Severity
from cjm.report import RunSummary, get_reporter

__all__ = ["run", "use_color"]


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def run(paths: Sequence[Path], output_format: str = "text") -> int:
    config = load_config()
    files = [load_journey(path, config) for path in discover(paths, config)]
    problems = lint(files, config, ALL_RULES)
    stream = sys.stdout
    get_reporter(output_format)(RunSummary(problems, len(files)), stream, use_color(stream))
    return 1 if any(problem.severity is Severity.ERROR for problem in problems) else 0
