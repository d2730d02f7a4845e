"""What ``cjm diff`` finds: changes as values, per persona."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from cjm.text import Message

__all__ = ["Change", "Kind", "PersonaDiff", "PhaseName", "Subject", "counts"]

Kind = Literal["added", "removed", "changed", "moved", "reordered"]

Subject = Literal["persona", "journey", "file", "phase", "kpi", "touchpoint", "opportunity"]
"""What a change belongs to. ``file`` is the journey file's own top level
(``version`` and top-level ``x-`` keys); ``opportunity`` one of the project's
opportunities (``opportunities.yaml``)."""


@dataclass(frozen=True)
class Change:
    """One difference, located in the format's terms.

    ``path`` is stable and documented (``phases[use].touchpoints[chat].cta.text``);
    ``subject``, ``label`` and ``field`` say the same for people: the touchpoint
    named ``label`` changed its ``cta.text``. An empty ``field`` means the subject
    itself was added, removed, moved or had its children reordered.
    """

    path: str
    kind: Kind
    old: Any = None
    new: Any = None
    subject: Subject = "file"
    label: str = ""
    field: str = ""
    phase: str | None = None
    """The phase the change belongs to (the new one for a move); None above phases."""
    note: tuple[Message, ...] = ()
    """Words for people only, not in the JSON: what backs a new confidence (``2 interviews``)."""


PhaseName = Message | str
"""A phase's name as a message field (:func:`cjm.phase_models.phase_label`)."""
"""A phase's name as its journey writes it, or the model's phase, named in the language
of the report when it is written (comparing never needs the language)."""


@dataclass(frozen=True)
class PersonaDiff:
    """Everything that changed for one persona, in journey order."""

    persona: str
    name: str
    status: Literal["added", "removed", "changed"]
    changes: tuple[Change, ...] = ()
    phase_names: dict[str, PhaseName] = field(default_factory=dict)
    """Phase id to its name, for headings (see :func:`cjm.diff.wording.phase_name`)."""

    def __bool__(self) -> bool:
        return self.status != "changed" or bool(self.changes)


def counts(diff: PersonaDiff) -> Counter[str]:
    """How many of each sort of change, keyed ``"touchpoint added"``, ``"field"``..."""
    counter: Counter[str] = Counter()
    for change in diff.changes:
        if change.kind == "reordered":
            counter["reordered"] += 1
        elif not change.field and change.subject in ("phase", "kpi", "touchpoint", "opportunity"):
            counter[f"{change.subject} {change.kind}"] += 1
        else:
            counter["field"] += 1
    return counter
