"""The lint engine: run the rules over loaded journeys and place what they find.

The engine owns the two decisions a rule must not make: *where* a finding is in
the file (from the YAML positions the loader kept) and *how severe* it is (the
rule's default). Rules see only valid journeys; files that failed to load bring
their own findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cjm.config import Config
from cjm.lint.rule import JourneyContext, Rule
from cjm.loader import JourneyFile
from cjm.problems import Finding, Problem
from cjm.yaml_source import Span

__all__ = ["lint"]


def lint(files: Sequence[JourneyFile], config: Config, rules: Sequence[Rule]) -> list[Problem]:
    """All problems in ``files``, sorted by file, line, column and rule."""
    by_id = {rule.id: rule for rule in rules}
    by_path = {file.path: file for file in files}
    problems: list[Problem] = []

    def place(file: JourneyFile, rule_id: str, found: Iterable[Finding]) -> None:
        rule = by_id.get(rule_id)
        if rule is None:  # a rule that was not selected for this run
            return
        for finding in found:
            span = _span(file, finding)
            problems.append(
                Problem(
                    file.path,
                    span.line,
                    span.column,
                    span.end_line,
                    span.end_column,
                    rule.id,
                    rule.severity,
                    finding.message,
                )
            )

    contexts: list[JourneyContext] = []
    for file in files:
        for rule_id, finding in file.findings:
            place(file, rule_id, [finding])
        if file.journey is not None and file.model is not None:
            contexts.append(JourneyContext(file.path, file.journey, file.model, config))

    for rule in rules:
        options = rule.options()
        if rule.check is not None:
            for context in contexts:
                place(by_path[context.path], rule.id, rule.check(context, options))
        if rule.check_run is not None:
            for context, finding in rule.check_run(contexts, options):
                place(by_path[context.path], rule.id, [finding])

    return sorted(problems)


def _span(file: JourneyFile, finding: Finding) -> Span:
    if finding.span is not None:
        return finding.span
    if file.document is None:
        return Span(1, 1, 1, 1)
    return file.document.span(finding.path, key=finding.key)
