"""``cjm analytics``: an export's traffic matched to the journeys' touchpoints."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cjm.analytics.export import read_export
from cjm.analytics.matching import analyse
from cjm.analytics.report import FORMATS, AnalyticsReport
from cjm.config import load_config
from cjm.loader import load_paths
from cjm.output.writer import write_report
from cjm.text import choose_language, text_for

__all__ = ["run"]


def run(
    export_path: Path,
    paths: Sequence[Path],
    output_format: str = "text",
    min_share: float = 0.0,
    fail_on_gaps: bool = False,
    output: Path | None = None,
    lang: str | None = None,
) -> int:
    """Exit 1 only with ``fail_on_gaps`` and an unclaimed source at or above ``min_share``;
    ``lang``: the language of the report (``--lang``), else cjm.yaml's, else English."""
    config = load_config()
    text = text_for(choose_language(lang, config.language))
    export = read_export(export_path)
    files = load_paths(paths, config)
    # Warnings are part of the report (every format shows them), not stderr.
    result = analyse(export, files)
    summary = AnalyticsReport(result, text, min_share)
    reporter = FORMATS.get(output_format)
    write_report(output, lambda stream, color: reporter(summary, stream, color))
    return 1 if fail_on_gaps and result.gaps(min_share) else 0
