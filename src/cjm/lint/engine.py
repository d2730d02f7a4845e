"""The lint engine: run the rules over loaded journeys and place what they find.

The engine owns the decisions a rule must not make: *where* a finding is in the
file (from the YAML positions the loader kept), *how severe* it is (the rule's
default or what ``cjm.yaml`` says), *which* rules run (configuration,
``--select``/``--ignore``, though a file that does not load is always reported)
and what suppression comments silence. Rules see only
valid journeys; files that failed to load bring their own findings.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from cjm.backlog.links import Steps, linkable
from cjm.config import Config
from cjm.lines import one_line
from cjm.lint.rule import BacklogContext, Gathered, JourneyContext, Rule
from cjm.lint.settings import ActiveRule, configure
from cjm.lint.suppression import Suppression, parse_suppressions
from cjm.loader import JourneyFile
from cjm.problems import Finding, Problem, Severity
from cjm.text import Message, msg
from cjm.yaml_source import Span, YamlDocument

if TYPE_CHECKING:  # the loader is imported only by a run that reads the backlog
    from cjm.backlog.loader import Backlog, BacklogFile

__all__ = ["UNUSED_SUPPRESSION", "lint"]

UNUSED_SUPPRESSION = "unused-suppression"


def lint(
    files: Iterable[JourneyFile],
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

    ``files`` is read once, in order, and may be a stream (:func:`cjm.loader.load_each`):
    each file's own rules run as it arrives, the cross-file rules keep what they
    ``gather`` of it, and the engine keeps only its positions and problems, so a
    lint holds one file's data and models at a time, not every file's (issue 17).
    A run with a ``backlog`` keeps every journey: the opportunities link into them.
    """
    active = {item.rule.id: item for item in configure(rules, config, select=select, ignore=ignore)}
    run = _Run(active, {rule.id for rule in rules}, config, today or date.today(), backlog)
    for file in files:
        run.add(file)
    return run.finish()


class _Source:
    """What the engine keeps of one file until the run ends: where its values are
    (not its data), the problems found so far, and its suppression comments."""

    __slots__ = ("document", "path", "problems", "suppressions")

    def __init__(self, file: JourneyFile | BacklogFile) -> None:
        self.path = file.path
        self.document = file.document.positions_only() if file.document is not None else None
        self.problems: list[Problem] = []
        # Read now, while the text is at hand; applied once every rule has run.
        self.suppressions = (
            parse_suppressions(file.text, _scalar_test(file.document))
            if file.text and "cjm:" in file.text
            else []
        )


class _Run:
    """One lint run: files are added one by one, then :meth:`finish` places the rest."""

    def __init__(
        self,
        active: dict[str, ActiveRule],
        known: set[str],
        config: Config,
        today: date,
        backlog: Backlog | None,
    ) -> None:
        self.active, self.known = active, known
        self.config, self.today, self.backlog = config, today, backlog
        self.sources: dict[str, _Source] = {}
        self.checks = [item for item in active.values() if item.rule.check is not None]
        self.gathering = [item for item in active.values() if item.rule.check_run is not None]
        self.gathered: dict[str, list[Gathered[Any]]] = {
            item.rule.id: [] for item in self.gathering
        }
        self.contexts: list[JourneyContext] = []
        """Every journey's context, kept only for a run that checks the backlog."""

    def place(
        self,
        source: _Source,
        rule_id: str,
        findings: Iterable[Finding],
        *,
        always: bool = False,
    ) -> None:
        item = self.active.get(rule_id)
        if item is not None:
            severity = item.severity
        elif always:
            severity = Severity.ERROR
        else:  # a rule that was not selected for this run
            return
        for finding in findings:
            span = _span(source.document, finding)
            source.problems.append(
                Problem(
                    source.path,
                    span.line,
                    span.column,
                    span.end_line,
                    span.end_column,
                    rule_id,
                    severity,
                    _one_line(finding.message),
                )
            )

    def add(self, file: JourneyFile | BacklogFile) -> None:
        """Check one file with the rules that need no other file; gather for the rest."""
        source = self.sources[file.path] = _Source(file)
        # A file that did not load was not checked at all: whatever --select,
        # --ignore or cjm.yaml turned off, that is reported, or the gate would pass
        # a broken file. (Findings of a file that loaded are the loader's warnings.)
        broken = file.journey is None if isinstance(file, JourneyFile) else file.broken
        for rule_id, finding in file.findings:
            self.place(source, rule_id, [finding], always=broken)
        if not isinstance(file, JourneyFile) or file.journey is None or file.model is None:
            return
        context = JourneyContext(
            file.path, file.journey, file.model, self.config, self.today, self.backlog
        )
        for item in self.checks:
            assert item.rule.check is not None
            self.place(source, item.rule.id, item.rule.check(context, item.options))
        for item in self.gathering:
            gather = item.rule.gather
            value = context if gather is None else gather(context, item.options)
            self.gathered[item.rule.id].append(Gathered(file.path, value))
        if self.backlog is not None:
            self.contexts.append(context)

    def finish(self) -> list[Problem]:
        """Run the cross-file and backlog rules, apply suppressions, sort."""
        backlog = self.backlog
        if backlog is not None:
            for file in backlog.files:
                self.add(file)
        for item in self.gathering:
            assert item.rule.check_run is not None
            for gathered, finding in item.rule.check_run(
                self.gathered.pop(item.rule.id), item.options
            ):
                self.place(self.sources[gathered.path], item.rule.id, [finding])
        if backlog is not None:
            journeys = linkable((context.persona_id, context.journey) for context in self.contexts)
            run = BacklogContext(backlog, self.contexts, self.config, self.today, Steps(journeys))
            for item in self.active.values():
                if item.rule.check_backlog is not None:
                    for path, finding in item.rule.check_backlog(run, item.options):
                        self.place(self.sources[path], item.rule.id, [finding])
        problems: list[Problem] = []
        for source in self.sources.values():
            problems.extend(_suppress(source, self.active, self.known))
        return sorted(problems, key=Problem.order)


def _suppress(source: _Source, active: dict[str, ActiveRule], known: set[str]) -> list[Problem]:
    """Drop what suppression comments silence; report those that silence nothing.

    Linear in the file and the problems: suppressions are looked up by rule and
    line, never scanned per problem (with a suppression every ten lines, a scan
    per problem made a 20,000-line file take minutes).
    """
    problems, suppressions = source.problems, source.suppressions
    if not suppressions:
        return problems
    index = _SuppressionIndex(suppressions)
    kept = [problem for problem in problems if not index.silence(problem.rule, problem.line)]
    unused = active.get(UNUSED_SUPPRESSION)
    if unused is None:
        return kept
    for suppression in suppressions:
        for name in suppression.rules:
            # A suppression of unused-suppression itself is never judged: that would recurse.
            if name in suppression.used or name == UNUSED_SUPPRESSION:
                continue
            if name not in known:
                message = msg(
                    "suppression names unknown rule '{rule}'; remove or correct it",
                    rule=one_line(name),
                )
            elif name in active:
                message = msg("suppression of '{rule}' silences nothing; remove it", rule=name)
            else:
                continue  # the rule did not run, so we cannot tell whether it is needed
            if index.covers(UNUSED_SUPPRESSION, suppression.line):
                continue
            kept.append(
                Problem(
                    source.path,
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


class _SuppressionIndex:
    """Suppressions by the rule and line they silence, and file-wide ones by rule."""

    def __init__(self, suppressions: list[Suppression]) -> None:
        self.by_line: dict[tuple[str, int], list[Suppression]] = {}
        self.whole: dict[str, list[Suppression]] = {}
        for suppression in suppressions:
            for rule in suppression.rules:
                if suppression.target is None:
                    self.whole.setdefault(rule, []).append(suppression)
                else:
                    self.by_line.setdefault((rule, suppression.target), []).append(suppression)
        self.marked: set[tuple[str, int | None]] = set()

    def covers(self, rule: str, line: int) -> bool:
        return (rule, line) in self.by_line or rule in self.whole

    def silence(self, rule: str, line: int) -> bool:
        """Whether ``rule`` is silenced on ``line``.

        Every suppression that applies counts as used; each group is marked once,
        so many problems on one line stay linear.
        """
        if not self.covers(rule, line):
            return False
        groups = (
            ((rule, line), self.by_line.get((rule, line), [])),
            ((rule, None), self.whole.get(rule, [])),
        )
        for key, group in groups:
            if key not in self.marked:
                self.marked.add(key)
                for suppression in group:
                    suppression.used.add(rule)
        return True


def _scalar_test(document: YamlDocument | None) -> Callable[[int, int], bool]:
    """Whether a position lies inside a scalar value (text, not a comment).

    The scalars' spans are gathered at the first question (most files never ask)
    and sorted, so that each question is one binary search.
    """
    starts: list[int] = []
    ends: list[int] = []
    gathered: list[bool] = []

    def inside(line: int, column: int) -> bool:
        if not gathered:
            gathered.append(True)
            # Scalars do not overlap, so only the last one to start at or before
            # the position can hold it. A position is one integer (line, then
            # column). Plain scalars end before any ' #', so only quoted and block
            # ones can hold a directive: most files have few or none.
            spans = document.scalar_spans(plain=False) if document is not None else []
            pairs = sorted((a << 32 | b, c << 32 | d) for a, b, c, d in spans)
            starts.extend(start for start, _ in pairs)
            ends.extend(end for _, end in pairs)
        at = bisect_right(starts, line << 32 | column) - 1
        return at >= 0 and line << 32 | column < ends[at]

    return inside


def _one_line(message: Message) -> Message:
    """``message`` with every value from the journeys made safe for a one-line report
    (the catalog's own text has no line breaks or control characters)."""
    if not message.params:
        return message
    params = tuple(
        (name, one_line(value) if isinstance(value, str) else value)
        if not isinstance(value, Message)
        else (name, _one_line(value))
        for name, value in message.params
    )
    # Nearly every value is one line already: keep the message rather than copy it
    # (dataclasses.replace was 6% of placing the problems of a large run).
    return message if params == message.params else replace(message, params=params)


def _span(document: YamlDocument | None, finding: Finding) -> Span:
    if finding.span is not None:
        return finding.span
    if document is None:
        return Span(1, 1, 1, 1)
    return document.span(finding.path, key=finding.key)
