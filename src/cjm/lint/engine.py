"""The lint engine: run the rules over loaded journeys and place what they find.

The engine owns the decisions a rule must not make: *where* a finding is in the
file (from the YAML positions the loader kept), *how severe* it is (the rule's
default or what ``cjm.yaml`` says), *which* rules run (configuration,
``--select``/``--ignore``) and what suppression comments silence. Rules see only
valid journeys; files that failed to load bring their own findings.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date
from typing import Any

from cjm.backlog.loader import Backlog, BacklogFile
from cjm.config import Config
from cjm.lint.rule import BacklogContext, JourneyContext, Rule
from cjm.lint.settings import ActiveRule, configure
from cjm.lint.suppression import Suppression, parse_suppressions
from cjm.loader import JourneyFile
from cjm.problems import Finding, Problem
from cjm.yaml_source import NodePath, Span, YamlDocument

__all__ = ["UNUSED_SUPPRESSION", "lint"]

UNUSED_SUPPRESSION = "unused-suppression"


def lint(
    files: Sequence[JourneyFile],
    config: Config,
    rules: Sequence[Rule],
    *,
    select: Collection[str] | None = None,
    ignore: Collection[str] = (),
    today: date | None = None,
    backlog: Backlog | None = None,
) -> list[Problem]:
    """All problems in ``files`` (and in ``backlog``'s files), sorted by file, line, column, rule.

    The rules run with the severities and options of ``config`` (``rules:`` in
    cjm.yaml), limited by ``select`` and ``ignore``; a misconfiguration raises
    :class:`~cjm.errors.ConfigError` or :class:`~cjm.errors.UsageError`. Pass the
    ``backlog`` only when ``files`` are the whole project: its links are checked
    against them.
    """
    active = {item.rule.id: item for item in configure(rules, config, select=select, ignore=ignore)}
    sources: list[JourneyFile | BacklogFile] = [*files, *(backlog.files if backlog else ())]
    by_path = {file.path: file for file in sources}
    found: dict[str, list[Problem]] = {file.path: [] for file in sources}

    def place(file: JourneyFile | BacklogFile, rule_id: str, findings: Iterable[Finding]) -> None:
        item = active.get(rule_id)
        if item is None:  # a rule that was not selected for this run
            return
        for finding in findings:
            span = _span(file, finding)
            found[file.path].append(
                Problem(
                    file.path,
                    span.line,
                    span.column,
                    span.end_line,
                    span.end_column,
                    rule_id,
                    item.severity,
                    finding.message,
                )
            )

    contexts: list[JourneyContext] = []
    for source in sources:
        for rule_id, finding in source.findings:
            place(source, rule_id, [finding])
    for file in files:
        if file.journey is not None and file.model is not None:
            contexts.append(
                JourneyContext(
                    file.path,
                    file.journey,
                    file.model,
                    config,
                    today=today or date.today(),
                    backlog=backlog,
                )
            )
    run = BacklogContext(backlog, contexts, config, today or date.today()) if backlog else None

    for item in active.values():
        rule = item.rule
        if rule.check is not None:
            for context in contexts:
                place(by_path[context.path], rule.id, rule.check(context, item.options))
        if rule.check_run is not None:
            for context, finding in rule.check_run(contexts, item.options):
                place(by_path[context.path], rule.id, [finding])
        if rule.check_backlog is not None and run is not None:
            for path, finding in rule.check_backlog(run, item.options):
                place(by_path[path], rule.id, [finding])

    known = {rule.id for rule in rules}
    problems: list[Problem] = []
    for source in sources:
        problems.extend(_suppress(source, found[source.path], active, known))
    return sorted(problems)


def _suppress(
    file: JourneyFile | BacklogFile,
    problems: list[Problem],
    active: dict[str, ActiveRule],
    known: set[str],
) -> list[Problem]:
    """Drop what suppression comments silence; report those that silence nothing."""
    if not file.text or "cjm:" not in file.text:
        return problems
    suppressions = parse_suppressions(file.text, _scalar_test(file.document))
    kept = [problem for problem in problems if not _silenced(problem, suppressions)]
    unused = active.get(UNUSED_SUPPRESSION)
    if unused is None:
        return kept
    for suppression in suppressions:
        for name in suppression.rules:
            # A suppression of unused-suppression itself is never judged: that would recurse.
            if name in suppression.used or name == UNUSED_SUPPRESSION:
                continue
            if name not in known:
                message = f"suppression names unknown rule '{name}'; remove or correct it"
            elif name in active:
                message = f"suppression of '{name}' silences nothing; remove it"
            else:
                continue  # the rule did not run, so we cannot tell whether it is needed
            if any(s.silences(UNUSED_SUPPRESSION, suppression.line) for s in suppressions):
                continue
            kept.append(
                Problem(
                    file.path,
                    suppression.line,
                    suppression.column,
                    suppression.line,
                    suppression.column,
                    UNUSED_SUPPRESSION,
                    unused.severity,
                    message,
                )
            )
    return kept


def _scalar_test(document: YamlDocument | None) -> Callable[[int, int], bool]:
    """Whether a position lies inside a scalar value (text, not a comment)."""
    spans: list[Span] = []

    def collect(value: Any, path: NodePath) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                collect(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                collect(item, (*path, index))
        elif document is not None and path in document.values:
            spans.append(document.span(path))

    if document is not None:
        collect(document.data, ())

    def inside(line: int, column: int) -> bool:
        return any(
            (span.line, span.column) <= (line, column) < (span.end_line, span.end_column)
            for span in spans
        )

    return inside


def _silenced(problem: Problem, suppressions: list[Suppression]) -> bool:
    silenced = False
    for suppression in suppressions:
        if suppression.silences(problem.rule, problem.line):
            suppression.used.add(problem.rule)
            silenced = True  # keep looking: every suppression that applies counts as used
    return silenced


def _span(file: JourneyFile | BacklogFile, finding: Finding) -> Span:
    if finding.span is not None:
        return finding.span
    if file.document is None:
        return Span(1, 1, 1, 1)
    return file.document.span(finding.path, key=finding.key)
