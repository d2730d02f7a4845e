"""``cjm opportunities``: the project's backlog, ranked, filtered, in a format."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

from cjm.backlog.links import Steps, linkable
from cjm.backlog.loader import load_backlog
from cjm.backlog.models import STATUSES
from cjm.backlog.report import FORMATS, BacklogSummary
from cjm.backlog.score import formula, rank
from cjm.config import Config, load_config
from cjm.errors import UsageError
from cjm.lint.engine import lint
from cjm.lint.rules import ALL_RULES
from cjm.loader import discover, load_journey
from cjm.models import Journey
from cjm.output.writer import display, write_report
from cjm.problems import Severity
from cjm.text import choose_language, msg, text_for

__all__ = ["run"]

_LOAD_RULES = ("yaml-syntax", "duplicate-key", "schema")


def run(
    statuses: Sequence[str],
    personas: Sequence[str],
    output_format: str = "text",
    output: Path | None = None,
    lang: str | None = None,
) -> int:
    """Exit 0; 1 when an opportunities file has errors (they go to stderr, the rest is shown).

    ``lang``: the language of the backlog (``--lang``), else cjm.yaml's, else English."""
    for status in statuses:
        if status not in STATUSES:
            raise UsageError(
                msg(
                    "--status: unknown status '{status}' (statuses: {statuses})",
                    status=status,
                    statuses=", ".join(STATUSES),
                )
            )
    config = load_config()
    text = text_for(choose_language(lang, config.language))
    backlog = load_backlog(config)
    journeys = _journeys(config)
    known = set(journeys) | {
        link.partition("/")[0] for entry in backlog.entries() for link in entry.opportunity.links
    }
    for persona in personas:
        if persona not in known:
            close = difflib.get_close_matches(persona, sorted(known), n=1)
            if close:
                raise UsageError(
                    msg(
                        "--persona: no journey or link names persona '{persona}' — did you "
                        "mean '{close}'?",
                        persona=persona,
                        close=close[0],
                    )
                )
            raise UsageError(
                msg("--persona: no journey or link names persona '{persona}'", persona=persona)
            )
    problems = lint([], config, ALL_RULES, select=_LOAD_RULES, backlog=backlog)
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        from cjm.lint.report.text import format_problem

        for problem in errors:
            print(format_problem(problem, text), file=sys.stderr)
    if not backlog.files:
        said = msg(
            "cjm: no opportunities in {path}: write them in opportunities.yaml next to cjm.yaml "
            "(see docs/format.md)",
            path=display(config.root),
        )
        print(text(said), file=sys.stderr)
    ranked = rank(backlog.entries(), config.settings.opportunities.score)
    shown = [
        item
        for item in ranked
        if (not statuses or item.opportunity.status in statuses)
        and (
            not personas
            or any(link.partition("/")[0] in personas for link in item.opportunity.links)
        )
    ]
    summary = BacklogSummary(
        shown,
        formula(config.settings.opportunities.score),
        Steps(journeys),
        text,
        len(ranked),
    )
    reporter = FORMATS.get(output_format)
    write_report(output, lambda stream, color: reporter(summary, stream, color))
    return 1 if errors else 0


def _journeys(config: Config) -> dict[str, Journey]:
    """Every journey of the project that loads, by persona id: to name what links point at."""
    if not config.journeys_dir.is_dir():
        return {}
    files = (load_journey(path, config) for path in discover([], config))
    return linkable((file.persona_id, file.journey) for file in files if file.journey)
