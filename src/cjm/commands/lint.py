"""``cjm lint``: load, check, collect, report."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path
from typing import Protocol, TypeVar

from cjm.backlog import covers_project
from cjm.collector import paused_collector
from cjm.config import load_config
from cjm.errors import UsageError
from cjm.lint.engine import lint
from cjm.lint.report import RunSummary, get_reporter
from cjm.lint.rules import ALL_RULES
from cjm.lint.settings import configure
from cjm.loader import load_each
from cjm.output.writer import use_color, write_report
from cjm.problems import Severity
from cjm.text import choose_language, msg

__all__ = ["run", "use_color"]


def run(
    paths: Sequence[Path],
    output_format: str = "text",
    *,
    select: Collection[str] | None = None,
    ignore: Collection[str] = (),
    fail_on: str = "error",
    quiet: bool = False,
    statistics: bool = False,
    show_source: bool = False,
    output: Path | None = None,
    today: date | None = None,
    lang: str | None = None,
) -> int:
    """Lint ``paths``; exit 1 when a problem is at least as severe as ``fail_on``.

    The report is in ``lang`` (``--lang``), else the project's language."""
    if statistics and output_format != "text":
        raise UsageError(msg("--statistics works with --format text only"))
    config = load_config()
    language = choose_language(lang, config.language)
    # Validate the configuration and the flags before reading any journey: exit 2 early.
    active = configure(ALL_RULES, config, select=select, ignore=ignore)
    files = load_each(paths, config)
    # The opportunities link every journey: checked only when all of them are in the run.
    backlog = None
    if covers_project(paths, config):
        from cjm.backlog.loader import load_backlog  # a lint of a few files never needs it

        backlog = load_backlog(config)
    checked = _Checked()
    with paused_collector():  # see cjm.collector: what loads forms no garbage cycles
        problems = lint(
            (checked.note(file) for file in files),
            config,
            ALL_RULES,
            select=select,
            ignore=ignore,
            today=today,
            backlog=backlog,
        )
    for file in backlog.files if backlog else ():
        checked.note(file)
    summary = RunSummary(
        problems,
        checked.count,
        sources=checked.sources,
        rules=active,
        root=config.root,
        quiet=quiet,
        statistics=statistics,
        show_source=show_source,
        language=language,
    )
    reporter = get_reporter(output_format)
    write_report(output, lambda stream, color: reporter(summary, stream, color))
    threshold = Severity(fail_on).rank
    return 1 if any(problem.severity.rank >= threshold for problem in problems) else 0


class _Source(Protocol):
    @property
    def path(self) -> str: ...

    @property
    def text(self) -> str | None: ...


F = TypeVar("F", bound=_Source)


class _Checked:
    """The files a run checked: how many, and their text for the reports to quote.

    Noted as the engine reads them, which lets each file go once its rules have
    run (see :func:`cjm.lint.engine.lint`); the text is all that is kept of it here.
    """

    def __init__(self) -> None:
        self.count = 0
        self.sources: dict[str, str] = {}

    def note(self, file: F) -> F:
        self.count += 1
        if file.text is not None:
            self.sources[file.path] = file.text
        return file
