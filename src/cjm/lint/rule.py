"""What a lint rule is.

A rule is one small module in :mod:`cjm.lint.rules` whose docstring is its
documentation (what it checks, why it matters, a passing and a failing
example) and which defines ``rule = Rule(...)``. A rule only *finds*: it yields
:class:`~cjm.problems.Finding` values with a path into the journey, and the
engine decides the position and the severity.

A rule checks one journey at a time (``check``) or all journeys of a run together
(``check_run``). The engine reads the files one by one and lets each go once its
own rules have run (issue 17: holding every file's data and models made a lint of
many files mostly memory traffic), so a cross-file rule says with ``gather`` what
it keeps of each journey, and ``check_run`` sees only that.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict

from cjm.backlog.links import Steps
from cjm.config import Config
from cjm.models import Journey
from cjm.phase_models import PhaseModel
from cjm.problems import Finding, Severity

if TYPE_CHECKING:  # the loader is imported only by a run that reads the backlog
    from cjm.backlog.loader import Backlog

__all__ = [
    "BacklogCheck",
    "BacklogContext",
    "Gather",
    "Gathered",
    "JourneyCheck",
    "JourneyContext",
    "NoOptions",
    "Rule",
    "RuleOptions",
    "RunCheck",
    "plain_text",
]


_LITERAL = re.compile(r"``(.+?)``")
_ROLE = re.compile(r":[a-z]+:`(~?)([^`<]+?)`")
_BLOCK_INTRO = re.compile(r"(\S)::$")


def plain_text(doc: str) -> str:
    """A rule's reST docstring as terminal text, without markup characters.

    Code in double backticks is quoted as cjm's messages quote names ('owner'),
    a cross-reference role keeps its target (the last part after a tilde), and the
    '::' that introduces an example becomes ':'. Only prose lines change; indented
    lines are the examples and stay as written.
    """
    lines = []
    for line in doc.strip().splitlines():
        if not line.startswith(" "):
            line = _LITERAL.sub(r"'\1'", line)
            line = _ROLE.sub(_role, line)
            line = _BLOCK_INTRO.sub(r"\1:", line)
        lines.append(line)
    return "\n".join(lines)


def _role(found: re.Match[str]) -> str:
    short, target = found.group(1), found.group(2)
    return target.rsplit(".", 1)[-1] if short else target


class RuleOptions(BaseModel):
    """Base of a rule's options (``class Options(RuleOptions)`` in the rule's module).

    Unknown options are errors. The validator is compiled only when ``cjm.yaml``
    gives the rule options to check (``defer_build``); a rule left at its defaults
    gets them from :func:`~cjm.models.defaults`, so a run pays nothing for options
    nobody set (issue 17).
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)


class NoOptions(RuleOptions):
    """The options of a rule that takes none."""


class JourneyContext(NamedTuple):
    """Everything a rule may look at for one valid journey."""

    path: str
    journey: Journey
    model: PhaseModel
    config: Config
    today: date = field(default_factory=date.today)
    """The date rules compare against; injected so that tests are deterministic."""
    backlog: Backlog | None = None
    """The project's opportunities, when the run covers the whole project (else None)."""

    @property
    def persona_id(self) -> str:
        """The persona id: declared, or the file name's stem (as links name the journey)."""
        return self.journey.persona.id or PurePath(self.path).stem

    def linked(self) -> set[str]:
        """Ids of this journey's touchpoints and phases that an opportunity links."""
        if self.backlog is None:
            return set()
        return self.backlog.linked_steps().get(self.persona_id, set())


class BacklogContext(NamedTuple):
    """The opportunities of a run, and every valid journey they may link (issue 14)."""

    backlog: Backlog
    journeys: Sequence[JourneyContext]
    config: Config
    today: date
    steps: Steps
    """The journeys' steps, indexed (lazily) once per run: resolving a link is a lookup."""


T = TypeVar("T")


class Gathered(NamedTuple, Generic[T]):
    """What a cross-file rule kept of one journey (``gather``), and the journey's file."""

    path: str
    value: T


JourneyCheck = Callable[[JourneyContext, Any], Iterable[Finding]]
"""Checks one journey; receives the rule's validated options."""

Gather = Callable[[JourneyContext, Any], Any]
"""What a cross-file rule keeps of one journey for ``check_run``: only what it
needs, since it is kept until every file of the run is read."""

RunCheck = Callable[[Sequence[Gathered[Any]], Any], Iterable[tuple[Gathered[Any], Finding]]]
"""Checks all journeys of a run together (cross-file rules), from what ``gather`` kept
of each (in the order the files were read); says which journey each finding is in by
returning its :class:`Gathered`."""

BacklogCheck = Callable[[BacklogContext, Any], Iterable[tuple[str, Finding]]]
"""Checks the opportunities against the journeys; says which file (by path) each finding is in."""


class Rule(NamedTuple):
    id: str
    severity: Severity
    doc: str
    check: JourneyCheck | None = None
    check_run: RunCheck | None = None
    gather: Gather | None = None
    """What ``check_run`` needs of each journey; without it, the whole context (and the
    file's memory) is kept until the run ends."""
    options: type[BaseModel] = NoOptions
    enabled: bool = True
    """False for a rule that runs only when cjm.yaml names it (or ``--select`` does):
    advice that fits some projects only, such as ``missing-backstage``."""
    check_backlog: BacklogCheck | None = None

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0].rstrip(".") if self.doc.strip() else self.id

    @property
    def text(self) -> str:
        """The documentation as a terminal shows it (see :func:`plain_text`)."""
        return plain_text(self.doc)

    @property
    def reported_by_loader(self) -> bool:
        """True for rules the loader reports (syntax, keys, schema): they have no check."""
        return self.check is None and self.check_run is None and self.check_backlog is None
