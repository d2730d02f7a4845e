"""``cjm analytics``: an export's traffic matched to the journeys' touchpoints."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from cjm.analytics.export import read_export
from cjm.analytics.matching import analyse
from cjm.analytics.report import format_report
from cjm.config import load_config
from cjm.fsutil import atomic_write
from cjm.loader import load_paths

__all__ = ["run"]


def run(
    export_path: Path,
    paths: Sequence[Path],
    output_format: str = "text",
    min_share: float = 0.0,
    fail_on_gaps: bool = False,
    output: Path | None = None,
) -> int:
    """Exit 1 only with ``fail_on_gaps`` and an unclaimed source at or above ``min_share``."""
    config = load_config()
    export = read_export(export_path)
    files = load_paths(paths, config)
    # Warnings are part of the report (every format shows them), not stderr.
    result = analyse(export, files, config.language)
    report = format_report(result, output_format, min_share)
    if output is None:
        sys.stdout.write(report)
    else:
        atomic_write(output, report.encode())
    return 1 if fail_on_gaps and result.gaps(min_share) else 0
