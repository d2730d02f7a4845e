"""Current and future state: a journey's key, and which current journey a plan changes.

One persona may have several journeys: today's (``state: current``, the default)
and one or more plans (``state: future``), or journeys for different scenarios
told apart by ``journey.id``. Everything that names or pairs them reads it here:

* :func:`journey_key` is a journey's identity and its output file's stem:
  ``persona`` for the persona's current journey, then ``.<journey id>`` for a
  scenario and ``.future`` for a plan: ``jonge-ouders``,
  ``jonge-ouders.future``, ``jonge-ouders.winter.future``. A dot never occurs in
  a slug, so the parts cannot run into each other, and the model refuses the
  journey ids ``current`` and ``future``; ``duplicate-persona`` reports two
  files with one key.
* :func:`based_on` resolves a future state's ``based_on:`` (a file path,
  relative to the file, or a journey key) among the journeys of a run; without
  ``based_on`` a plan changes the persona's current journey with the same
  journey id, or the persona's only current journey.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from cjm.models import Journey, JourneyInfo
from cjm.text import Message, msg

__all__ = [
    "JOURNEY_SUFFIXES",
    "Head",
    "Identity",
    "Member",
    "Resolved",
    "Run",
    "based_on",
    "journey_key",
    "looks_like_path",
]

JOURNEY_SUFFIXES = (".yaml", ".yml")


def journey_key(persona_id: str, info: JourneyInfo) -> str:
    """``persona[.journey id][.future]``: the journey's identity and output stem."""
    parts = [persona_id]
    if info.id:
        parts.append(info.id)
    if info.state == "future":
        parts.append("future")
    return ".".join(parts)


def looks_like_path(reference: str) -> bool:
    """Whether ``based_on`` names a file (``huidig.yaml``, ``../x/y``) rather than a key."""
    return "/" in reference or "\\" in reference or reference.endswith(JOURNEY_SUFFIXES)


class _Persona(Protocol):
    @property
    def id(self) -> str | None: ...


class Identity(Protocol):
    """What pairing the states of a run reads of a journey: a :class:`~cjm.models.Journey`
    or only its :class:`Head`."""

    @property
    def persona(self) -> _Persona: ...

    @property
    def journey(self) -> JourneyInfo: ...


class PersonaId(NamedTuple):
    id: str | None


class Head(NamedTuple):
    """A journey's identity without the rest of it: what a lint keeps of each file for
    the cross-file rules once the file's own rules have run (issue 17)."""

    persona: PersonaId
    journey: JourneyInfo

    @classmethod
    def of(cls, journey: Journey) -> Head:
        return cls(PersonaId(journey.persona.id), journey.journey)


class Member(NamedTuple):
    """A journey of a run as this module sees it: where it is and what it is."""

    path: str
    journey: Identity

    @property
    def persona_id(self) -> str:
        """Declared, or the file name's stem (as :attr:`cjm.loader.JourneyFile.persona_id`)."""
        return self.journey.persona.id or Path(self.path).stem

    @property
    def key(self) -> str:
        return journey_key(self.persona_id, self.journey.journey)

    @property
    def current(self) -> bool:
        return self.journey.journey.state == "current"


class Resolved(NamedTuple):
    """What a future state's ``based_on`` (or its absence) comes to in one run.

    ``target`` is the current journey it changes, when it is in the run. ``problem``
    says why ``based_on`` names nothing usable (for lint); None when it is fine or
    when there is nothing to name (no ``based_on`` and no current journey).
    """

    target: Member | None
    problem: Message | None = None


class Run:
    """The journeys of one run, indexed once so that pairing every plan stays linear."""

    def __init__(self, members: Sequence[Member]) -> None:
        self.members = list(members)
        self.by_key: dict[str, Member] = {}
        self.currents: dict[str, list[Member]] = {}  # by persona id
        for member in self.members:
            self.by_key.setdefault(member.key, member)
            if member.current:
                self.currents.setdefault(member.persona_id, []).append(member)
        self._by_path: dict[Path, Member] | None = None

    def by_path(self, path: Path) -> Member | None:
        """The member at ``path`` (resolved); paths are resolved on first use only."""
        if self._by_path is None:
            self._by_path = {}
            for member in self.members:
                self._by_path.setdefault(Path(member.path).resolve(), member)
        return self._by_path.get(path)


def based_on(member: Member, run: Run | Sequence[Member]) -> Resolved:
    """The current journey ``member`` (a future state) changes, among the run's journeys."""
    if not isinstance(run, Run):
        run = Run(run)
    reference = member.journey.journey.based_on
    if reference is None:
        same = [o for o in run.currents.get(member.persona_id, []) if o is not member]
        scenario = [o for o in same if o.journey.journey.id == member.journey.journey.id]
        if len(scenario) == 1:
            return Resolved(scenario[0])
        return Resolved(same[0] if len(same) == 1 else None)
    if looks_like_path(reference):
        wanted = (Path(member.path).parent / reference).resolve()
        found = run.by_path(wanted)
        if found is None:
            if wanted.is_file():
                return Resolved(None)  # on disk, just not in this run: nothing to pair
            return Resolved(
                None,
                msg(
                    "based_on '{reference}' names no file (looked for {path})",
                    reference=reference,
                    path=str(wanted),
                ),
            )
        return _current(found, reference)
    found = run.by_key.get(reference)
    if found is None:
        known = sorted(o.key for group in run.currents.values() for o in group if o is not member)
        if known:
            return Resolved(
                None,
                msg(
                    "based_on '{reference}' names no journey of this run "
                    "(current journeys: {journeys})",
                    reference=reference,
                    journeys=", ".join(known[:10]),
                ),
            )
        return Resolved(
            None, msg("based_on '{reference}' names no journey of this run", reference=reference)
        )
    return _current(found, reference)


def _current(found: Member, reference: str) -> Resolved:
    if not found.current:
        return Resolved(
            None,
            msg(
                "based_on '{reference}' names a future state; name the current journey it changes",
                reference=reference,
            ),
        )
    return Resolved(found)
