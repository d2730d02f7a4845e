"""Compare two journeys by meaning: match by identity, report in the format's terms.

Phases and touchpoints are matched by id, KPIs by name, lists of text as items
added and removed. A touchpoint that changed phase is *moved*, not removed and
added; a change of order is reported once per list as *reordered*. The
comparison works on the validated models, so comments, key order, quoting,
indentation, anchors and the ``cta:`` shorthand never show as differences, and
a value written out that equals the default (``segment: b2c``) is no change.

``x-`` keys are the user's own data and are compared too, as whole values.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from cjm.backlog.models import Opportunity
from cjm.diff.changes import Change, Kind, PersonaDiff, PhaseName, Subject
from cjm.models import Journey, Node, PhaseEntry, Touchpoint
from cjm.phase_models import PhaseModel, phase_label
from cjm.text import Message, nmsg

__all__ = ["BACKLOG_KEY", "compare", "compare_backlogs", "persona_only", "plain", "whole"]

# Lists of things whose order means nothing to a reader: `[see, touch]` is `[touch, see]`.
_UNORDERED = frozenset({"senses", "next"})
# Lists of nodes matched by identity; compared by their own functions below.
_CHILDREN = frozenset({"phases", "touchpoints", "kpis"})
# Lists of records (evidence, research, solutions): each item added or removed as a whole.
_RECORDS = frozenset({"evidence", "research", "solutions"})


def plain(value: Any) -> Any:
    """A value as JSON-ready data: a node as the keys it sets (and its ``x-`` keys)."""
    if isinstance(value, Node):
        data = {
            name: plain(getattr(value, name))
            for name in type(value).model_fields
            if name in value.model_fields_set
        }
        data.update(value.extensions)
        return data
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _same(old: Any, new: Any) -> bool:
    # Through JSON so that `1` and `true` differ and mapping order does not count;
    # serialised only when the cheap check cannot tell (most values are equal).
    if _surely_same(old, new):
        return True
    return json.dumps(plain(old), sort_keys=True, default=str) == json.dumps(
        plain(new), sort_keys=True, default=str
    )


# Types whose `==` on two values of the one type means the same JSON (not float:
# 0.0 == -0.0 but their JSON differs).
_EXACT: frozenset[type] = frozenset({str, int, bool, type(None), date})


def _surely_same(old: Any, new: Any) -> bool:
    """True only when ``plain`` of both gives the same JSON; False means "compare".

    Issue 17: diff serialised every field of every touchpoint (215k ``json.dumps``
    calls at 200 journeys) although nearly all are equal; this check walks the
    values once and stops at the first doubt.
    """
    kind = type(old)
    if kind is not type(new):
        return False
    if kind in _EXACT:
        return bool(old == new)
    if kind is list or kind is tuple:
        return len(old) == len(new) and all(map(_surely_same, old, new))
    if kind is dict:
        return old.keys() == new.keys() and all(_surely_same(old[k], new[k]) for k in old)
    if isinstance(old, Node):
        fields = old.model_fields_set
        return (
            fields == new.model_fields_set
            and all(_surely_same(getattr(old, name), getattr(new, name)) for name in fields)
            and _surely_same(old.extensions, new.extensions)
        )
    return False


class _Scope:
    """Where changes are being collected: one subject, with its path and phase."""

    def __init__(
        self,
        out: list[Change],
        path: str,
        subject: Subject,
        label: str,
        phase: str | None = None,
    ) -> None:
        self.out = out
        self.path = path
        self.subject: Subject = subject
        self.label = label
        self.phase = phase

    def emit(self, field: str, kind: Kind, old: Any = None, new: Any = None) -> None:
        path = ".".join(part for part in (self.path, field) if part)
        self.out.append(Change(path, kind, old, new, self.subject, self.label, field, self.phase))

    def node(self, old: Node, new: Node, prefix: str = "") -> None:
        """Every field of two nodes of one type, except the children matched by identity."""
        for name in type(new).model_fields:
            if name in _CHILDREN:
                continue
            field = f"{prefix}{name}"
            a, b = getattr(old, name), getattr(new, name)
            if name == "confidence" and isinstance(new, Touchpoint | PhaseEntry):
                assert isinstance(old, Touchpoint | PhaseEntry)
                self.confidence(field, old, new)
            elif name in _RECORDS:
                self.records(field, a, b)
            elif isinstance(a, Node) and isinstance(b, Node):
                self.node(a, b, f"{field}.")
            elif _is_texts(a) and _is_texts(b):
                self.items(field, a, b, ordered=name not in _UNORDERED)
            else:
                self.value(field, a, b)
        self.extensions(old.extensions, new.extensions, prefix)

    def records(self, field: str, old: Sequence[Node], new: Sequence[Node]) -> None:
        """A list of records (``evidence``): each one added or removed, whole."""
        before = Counter(_key(item) for item in old)
        after = Counter(_key(item) for item in new)
        gone, came = before - after, after - before
        for item in old:
            if gone[_key(item)] > 0:
                gone[_key(item)] -= 1
                self.emit(field, "removed", plain(item), None)
        for item in new:
            if came[_key(item)] > 0:
                came[_key(item)] -= 1
                self.emit(field, "added", None, plain(item))

    def confidence(
        self, field: str, old: Touchpoint | PhaseEntry, new: Touchpoint | PhaseEntry
    ) -> None:
        """The confidence in force (written, or from the evidence): one change when it moves,
        worded with the evidence that backs it now."""
        if old.level == new.level:
            return
        kinds = Counter(item.kind for item in new.evidence)
        note = tuple(_evidence(kind, count) for kind, count in sorted(kinds.items()))
        path = ".".join(part for part in (self.path, field) if part)
        self.out.append(
            Change(
                path,
                "changed",
                old.level,
                new.level,
                self.subject,
                self.label,
                field,
                self.phase,
                note,
            )
        )

    def value(self, field: str, old: Any, new: Any) -> None:
        if _same(old, new):
            return
        if old is None or old == []:
            self.emit(field, "added", None, plain(new))
        elif new is None or new == []:
            self.emit(field, "removed", plain(old), None)
        else:
            self.emit(field, "changed", plain(old), plain(new))

    def items(self, field: str, old: Sequence[str], new: Sequence[str], *, ordered: bool) -> None:
        """A list of text: items removed and added; a new order reported once."""
        gone = Counter(old) - Counter(new)
        came = Counter(new) - Counter(old)
        for item in _take(old, gone):
            self.emit(field, "removed", item, None)
        for item in _take(new, came):
            self.emit(field, "added", None, item)
        if ordered:
            self.order(field, list(old), list(new))

    def order(self, field: str, old: list[str], new: list[str]) -> None:
        """One *reordered* change when the items on both sides stand in another order."""
        both = set(old) & set(new)
        if [item for item in old if item in both] != [item for item in new if item in both]:
            self.emit(field, "reordered", old, new)

    def extensions(self, old: dict[str, Any], new: dict[str, Any], prefix: str) -> None:
        for key in sorted(old.keys() | new.keys()):
            self.value(f"{prefix}{key}", old.get(key), new.get(key))


def _evidence(kind: str, count: int) -> Message:
    """``2 interviews``: a count of one kind of evidence, in words."""
    if kind == "interview":
        return nmsg("{count} interview", "{count} interviews", count)
    if kind == "survey":
        return nmsg("{count} survey", "{count} surveys", count)
    if kind == "observation":
        return nmsg("{count} observation", "{count} observations", count)
    if kind == "workshop":
        return nmsg("{count} workshop", "{count} workshops", count)
    if kind == "analytics":
        return nmsg("{count} analytics source", "{count} analytics sources", count)
    if kind == "support":
        return nmsg("{count} support record", "{count} support records", count)
    return nmsg("{count} desk research", "{count} desk research", count)


def _key(item: Node) -> str:
    return json.dumps(plain(item), sort_keys=True, default=str)


def _is_texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _take(items: Sequence[str], wanted: Counter[str]) -> list[str]:
    """The items of ``wanted`` in the order they stand in ``items``."""
    left = Counter(wanted)
    taken = []
    for item in items:
        if left[item] > 0:
            left[item] -= 1
            taken.append(item)
    return taken


def _phase_path(phase_id: str) -> str:
    return f"phases[{phase_id}]"


def _touchpoint_index(journey: Journey) -> dict[str, tuple[str, Touchpoint]]:
    return {
        touchpoint.id: (journey.phases[p].id, touchpoint)
        for p, _, touchpoint in journey.touchpoints()
    }


def compare(persona: str, old: Journey, new: Journey, model: PhaseModel) -> PersonaDiff:
    """Every difference in meaning between two versions of one persona's journey."""
    out: list[Change] = []
    top = _Scope(out, "", "file", "")
    top.value("version", old.version, new.version)
    top.extensions(old.extensions, new.extensions, "")
    _Scope(out, "persona", "persona", new.persona.name).node(old.persona, new.persona)
    _Scope(out, "journey", "journey", new.journey.title or "").node(old.journey, new.journey)

    top.order("phases", [p.id for p in old.phases], [p.id for p in new.phases])
    old_phases = {phase.id: phase for phase in old.phases}
    new_phases = {phase.id: phase for phase in new.phases}
    old_tps, new_tps = _touchpoint_index(old), _touchpoint_index(new)
    # dict.fromkeys: a repeated phase id (which lint reports) is compared once.
    order = list(dict.fromkeys([p.id for p in new.phases] + [p.id for p in old.phases]))
    for phase_id in order:
        scope = _Scope(out, _phase_path(phase_id), "phase", phase_id, phase_id)
        a, b = old_phases.get(phase_id), new_phases.get(phase_id)
        if a is None or b is None:
            kind: Kind = "added" if a is None else "removed"
            shown = whole(b if b is not None else a)
            scope.emit("", kind, None if a is None else shown, shown if a is None else None)
        else:
            scope.node(a, b)
            _kpis(scope, a, b)
            # Only the touchpoints that stayed in this phase count for its order.
            scope.order("touchpoints", [t.id for t in a.touchpoints], [t.id for t in b.touchpoints])
        _touchpoints(out, phase_id, a, b, old_tps, new_tps)
    names = _phase_names([*new.phases, *old.phases], model)
    return PersonaDiff(persona, new.persona.name, "changed", tuple(out), names)


def whole(value: Any) -> Any:
    """A phase as data for an *added*/*removed* change: without its touchpoints,
    which are reported one by one."""
    data = plain(value)
    if isinstance(value, PhaseEntry):
        data.pop("touchpoints", None)
    return data


def _kpis(scope: _Scope, old: PhaseEntry, new: PhaseEntry) -> None:
    before = {kpi.name: kpi for kpi in old.kpis}
    after = {kpi.name: kpi for kpi in new.kpis}
    for kpi in old.kpis:
        if kpi.name not in after:
            _kpi_scope(scope, kpi.name).emit("", "removed", plain(kpi), None)
    for kpi in new.kpis:
        inner = _kpi_scope(scope, kpi.name)
        if kpi.name in before:
            inner.node(before[kpi.name], kpi)
        else:
            inner.emit("", "added", None, plain(kpi))
    scope.order("kpis", [k.name for k in old.kpis], [k.name for k in new.kpis])


def _kpi_scope(phase: _Scope, name: str) -> _Scope:
    return _Scope(phase.out, f"{phase.path}.kpis[{name}]", "kpi", name, phase.phase)


def _touchpoints(
    out: list[Change],
    phase_id: str,
    old: PhaseEntry | None,
    new: PhaseEntry | None,
    old_tps: dict[str, tuple[str, Touchpoint]],
    new_tps: dict[str, tuple[str, Touchpoint]],
) -> None:
    """The touchpoints of one phase: those in it now (added, moved here, changed),
    then those that left the journey from it (removed)."""
    path = f"{_phase_path(phase_id)}.touchpoints"
    for touchpoint in new.touchpoints if new is not None else []:
        scope = _Scope(out, f"{path}[{touchpoint.id}]", "touchpoint", touchpoint.name, phase_id)
        before = old_tps.get(touchpoint.id)
        if before is None:
            scope.emit("", "added", None, plain(touchpoint))
            continue
        if before[0] != phase_id:
            scope.emit("", "moved", before[0], phase_id)
        elif _surely_same(before[1], touchpoint):
            continue  # most touchpoints are unchanged: no need to look field by field
        scope.node(before[1], touchpoint)
    for touchpoint in old.touchpoints if old is not None else []:
        if touchpoint.id not in new_tps:
            scope = _Scope(out, f"{path}[{touchpoint.id}]", "touchpoint", touchpoint.name, phase_id)
            scope.emit("", "removed", plain(touchpoint), None)


def _phase_names(phases: list[PhaseEntry], model: PhaseModel) -> dict[str, PhaseName]:
    """Each phase's written name, else its model's phase (named when the report is written)."""
    names: dict[str, PhaseName] = {}
    for phase in phases:
        if phase.id in names:
            continue
        names[phase.id] = phase_label(phase.id, phase.name, model)
    return names


def persona_only(
    persona: str,
    journey: Journey,
    kind: Literal["added", "removed"],
    model: PhaseModel,
) -> PersonaDiff:
    """A persona present on one side only: one change carrying the whole journey."""
    data = plain(journey)
    change = Change(
        "",
        kind,
        None if kind == "added" else data,
        data if kind == "added" else None,
        "file",
        journey.persona.name,
    )
    names = _phase_names(list(journey.phases), model)
    return PersonaDiff(persona, journey.persona.name, kind, (change,), names)


BACKLOG_KEY = "opportunities"
"""The backlog's place among the personas of a diff (it sorts after none of them)."""


def compare_backlogs(old: Sequence[Opportunity], new: Sequence[Opportunity]) -> PersonaDiff:
    """The project's opportunities compared by id: added, removed, each field changed."""
    out: list[Change] = []
    before = {item.id: item for item in old}
    after = {item.id: item for item in new}
    for item in new:
        scope = _Scope(out, f"opportunities[{item.id}]", "opportunity", item.title)
        if item.id in before:
            scope.node(before[item.id], item)
        else:
            scope.emit("", "added", None, plain(item))
    for item in old:
        if item.id not in after:
            scope = _Scope(out, f"opportunities[{item.id}]", "opportunity", item.title)
            scope.emit("", "removed", plain(item), None)
    return PersonaDiff(BACKLOG_KEY, BACKLOG_KEY, "changed", tuple(out))
