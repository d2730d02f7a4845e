"""Changes in words, shared by the text and Markdown reports.

A change becomes a list of :data:`Segment` — text plus a style name — so each
report decides how a style looks: colour on a terminal, ``[-old-]{+new+}`` in
plain text (git's ``--word-diff=plain``), ``~~old~~ **new**`` in Markdown. Every
word comes from the catalogs (:mod:`cjm.text`), in the language of the ``Text``
the command chose; field names stay the format's own keys (``cta.text``,
``pain_points``), because that is what people edit.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from cjm.diff.changes import Change, PersonaDiff, PhaseName, counts
from cjm.diff.plan import AVERAGE
from cjm.text import Message, Text, msg, nmsg

__all__ = [
    "Entry",
    "Section",
    "Segment",
    "Style",
    "body",
    "outline",
    "phase_name",
    "styled",
    "subject",
    "summary",
    "word_diff",
]

Style = Literal["", "name", "field", "subject", "id", "old", "new", "del", "ins", "better", "worse"]
Segment = tuple[str, Style]

# Text longer than this (or on several lines) shows which words changed.
LONG_TEXT = 40

_MARK = re.compile("\x00([0-9]+)\x00")


def styled(text: Text, message: Message, **styles: Style) -> list[Segment]:
    """``message`` in ``text``'s language as segments: each field named in ``styles``
    its own segment in that style, wherever the translation puts it."""
    values: list[tuple[object, Style]] = []
    params: list[tuple[str, object]] = []
    for name, value in message.params:
        if name in styles:
            params.append((name, f"\x00{len(values)}\x00"))
            values.append((value, styles[name]))
        else:
            params.append((name, value))
    rendered = text(Message(message.msgid, tuple(params), message.plural, message.count))
    segments: list[Segment] = []
    for index, part in enumerate(_MARK.split(rendered)):
        if index % 2 == 0:
            if part:
                segments.append((part, ""))
            continue
        value, style = values[int(part)]
        segments.append((text(value) if isinstance(value, Message) else str(value), style))
    return segments


def phase_name(diff: PersonaDiff, phase_id: str, text: Text) -> str:
    """A phase's name as the journey writes it, else its model's name in the language
    (named by :func:`cjm.phase_models.phase_label` when the journeys were compared)."""
    name: PhaseName | None = diff.phase_names.get(phase_id)
    return phase_id if name is None else text(name)


def _persona_size(status: str, phases: int, touchpoints: int) -> Message:
    sizes = {
        "phases": nmsg("{count} phase", "{count} phases", phases),
        "touchpoints": nmsg("{count} touchpoint", "{count} touchpoints", touchpoints),
    }
    if status == "added":
        return msg("persona added: {phases}, {touchpoints}", **sizes)
    return msg("persona removed: {phases}, {touchpoints}", **sizes)


_FIRST: dict[tuple[str, str], Callable[[int], Message]] = {
    ("touchpoint", "added"): lambda n: nmsg(
        "{count} touchpoint added", "{count} touchpoints added", n
    ),
    ("touchpoint", "removed"): lambda n: nmsg(
        "{count} touchpoint removed", "{count} touchpoints removed", n
    ),
    ("touchpoint", "moved"): lambda n: nmsg(
        "{count} touchpoint moved", "{count} touchpoints moved", n
    ),
    ("phase", "added"): lambda n: nmsg("{count} phase added", "{count} phases added", n),
    ("phase", "removed"): lambda n: nmsg("{count} phase removed", "{count} phases removed", n),
    ("phase", "moved"): lambda n: nmsg("{count} phase moved", "{count} phases moved", n),
    ("kpi", "added"): lambda n: nmsg("{count} KPI added", "{count} KPIs added", n),
    ("kpi", "removed"): lambda n: nmsg("{count} KPI removed", "{count} KPIs removed", n),
    ("kpi", "moved"): lambda n: nmsg("{count} KPI moved", "{count} KPIs moved", n),
    ("opportunity", "added"): lambda n: nmsg(
        "{count} opportunity added", "{count} opportunities added", n
    ),
    ("opportunity", "removed"): lambda n: nmsg(
        "{count} opportunity removed", "{count} opportunities removed", n
    ),
    ("opportunity", "moved"): lambda n: nmsg(
        "{count} opportunity moved", "{count} opportunities moved", n
    ),
}
"""The first count of a subject names it: ``2 touchpoints added``."""

_MORE: dict[str, Callable[[int], Message]] = {
    "added": lambda n: nmsg("{count} added", "{count} added", n),
    "removed": lambda n: nmsg("{count} removed", "{count} removed", n),
    "moved": lambda n: nmsg("{count} moved", "{count} moved", n),
}
"""The counts after it in the same sentence leave the subject out: ``, 1 removed``."""


def summary(diff: PersonaDiff, text: Text) -> str:
    """``2 touchpoints added, 1 removed, 1 moved, 5 fields changed``."""
    if diff.status != "changed":
        # A persona on one side only: say how big the journey is that came or went.
        data = diff.changes[0].new if diff.status == "added" else diff.changes[0].old
        phases = data.get("phases", [])
        touchpoints = sum(len(phase.get("touchpoints", [])) for phase in phases)
        return text(_persona_size(diff.status, len(phases), touchpoints))
    found = counts(diff)
    parts: list[Message] = []
    for subject in ("touchpoint", "phase", "kpi", "opportunity"):
        group = [(kind, found[f"{subject} {kind}"]) for kind in ("added", "removed", "moved")]
        group = [(kind, number) for kind, number in group if number]
        for index, (kind, number) in enumerate(group):
            parts.append(_FIRST[subject, kind](number) if index == 0 else _MORE[kind](number))
    if found["reordered"]:
        parts.append(nmsg("{count} reordered", "{count} reordered", found["reordered"]))
    if found["field"]:
        parts.append(nmsg("{count} field changed", "{count} fields changed", found["field"]))
    return ", ".join(text(part) for part in parts) or text(msg("no changes"))


def _ident_of(change: Change) -> str:
    return _subject_path(change).rsplit("[", 1)[-1].rstrip("]")


def subject(change: Change, diff: PersonaDiff, text: Text) -> list[Segment]:
    """What a change is about: ``touchpoint 'Zoeken via Google' (google-zoeken)``."""
    if change.subject == "phase":
        name = phase_name(diff, change.label, text)
        said = msg("phase {name} ({id})", name=name, id=change.label)
    elif change.subject == "touchpoint":
        said = msg("touchpoint {name} ({id})", name=change.label, id=_ident_of(change))
    elif change.subject == "kpi":
        said = msg("KPI {name}", name=change.label)
    elif change.subject == "opportunity":
        said = msg("opportunity {name} ({id})", name=change.label, id=_ident_of(change))
    else:
        return [(text(_SECTIONS[change.subject]), "subject")]
    return styled(text, said, name="subject", id="id")


_SECTIONS: dict[str, Message] = {
    "persona": msg("persona"),
    "journey": msg("journey"),
    "file": msg("file"),
}
"""The parts of a journey file above its phases, as a report names them."""


def body(change: Change, diff: PersonaDiff, text: Text) -> list[Segment]:
    """What happened: ``emotion: 2 → 4 (better)``, ``added``, ``moved from A to B``."""
    lead = _lead(change, text)
    if change.kind == "moved":
        old = phase_name(diff, str(change.old), text)
        new = phase_name(diff, str(change.new), text)
        return [(text(msg("moved from {old} to {new}", old=old, new=new)), "")]
    if change.kind == "reordered":
        order = ", ".join(str(item) for item in change.new)
        return [*lead, *styled(text, msg("new order: {order}", order=order), order="new")]
    if change.kind in ("added", "removed"):
        value = change.new if change.kind == "added" else change.old
        style: Style = "new" if change.kind == "added" else "old"
        if _is_record(change.field, value):
            shown: str | None = _record(value)
        else:
            shown = _value(value, text) if change.field else None
        if shown is None:
            said = msg("added") if change.kind == "added" else msg("removed")
            return [*lead, (text(said), "")]
        if change.kind == "added":
            return [*lead, *styled(text, msg("added {value}", value=shown), value=style)]
        return [*lead, *styled(text, msg("removed {value}", value=shown), value=style)]
    if change.field.endswith("confidence") and change.kind == "changed":
        return _confidence(change, text)
    if change.subject == "opportunity" and change.field.endswith("status"):
        return [*lead, (str(change.old), "old"), (" → ", ""), (str(change.new), "new")]
    if _is_long(change.old) or _is_long(change.new):
        return [*lead, *word_diff(str(change.old), str(change.new))]
    # A phase's average emotion has one decimal, also when it is whole: 3.0 → 3.5.
    places = 1 if change.field == AVERAGE else 0
    segments: list[Segment] = [
        *lead,
        (_value(change.old, text, places), "old"),
        (" → ", ""),
        (_value(change.new, text, places), "new"),
    ]
    if change.field.endswith("emotion") and _numbers(change.old, change.new):
        segments += _direction(change.new > change.old, text)
    return segments


def _lead(change: Change, text: Text) -> list[Segment]:
    """``field: `` before what happened to it; the phase's average emotion in words."""
    if not change.field:
        return []
    if change.field == AVERAGE:
        return [(text(msg("average emotion")), ""), (": ", "")]  # words, not a key
    return [(change.field, "field"), (": ", "")]


_LEVELS = ("assumption", "partial", "validated")


def _is_record(field: str, value: Any) -> bool:
    return field.rsplit(".", 1)[-1] in ("evidence", "research", "solutions") and isinstance(
        value, dict
    )


def _record(value: dict[str, Any]) -> str:
    """``interview 'Interview 3' (2026-09-09)``; a solution as ``'Ticket' (planned)``.

    The kind, status and date are the file's own values, shown as written."""
    if "kind" in value:
        source = f" '{value['source']}'" if value.get("source") else ""
        when = f" ({value['date']})" if value.get("date") else ""
        return f"{value['kind']}{source}{when}"
    return f"'{value.get('title', '')}' ({value.get('status', 'idea')})"


def _confidence(change: Change, text: Text) -> list[Segment]:
    """``confidence: now validated, backed by 2 interviews (was assumption)``."""
    segments: list[Segment] = [
        (change.field, "field"),
        (": ", ""),
        (text(msg("now {level}", level=change.new)), "new"),
    ]
    if change.note:
        evidence = ", ".join(text(part) for part in change.note)
        segments.append((", " + text(msg("backed by {evidence}", evidence=evidence)), ""))
    segments.append((" (" + text(msg("was {level}", level=change.old)) + ")", "old"))
    if change.old in _LEVELS and change.new in _LEVELS:
        segments += _direction(_LEVELS.index(change.new) > _LEVELS.index(change.old), text)
    return segments


def _direction(better: bool, text: Text) -> list[Segment]:
    said = text(msg("better") if better else msg("worse"))
    return [(f" ({said})", "better" if better else "worse")]


def _numbers(*values: Any) -> bool:
    # Floats too: a phase's average emotion in `cjm diff --plan` (3.0 → 4.2).
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)


def _is_long(value: Any) -> bool:
    return isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value)


def _value(value: Any, text: Text, places: int = 0) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "—"
    if _numbers(value):
        return text.decimal(value, places=places)  # 4.2 is 4,2 in Dutch
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[Segment]:
    """The words that changed: unchanged words plain, removed ``del``, added ``ins``."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("".join(a[i1:i2]), ""))
            continue
        if i2 > i1:
            segments.append(("".join(a[i1:i2]), "del"))
        if j2 > j1:
            segments.append(("".join(b[j1:j2]), "ins"))
    return segments


@dataclass
class Entry:
    """The changes of one subject; ``subject`` is None for a section's own changes."""

    subject: list[Segment] | None
    lines: list[list[Segment]] = field(default_factory=list)


@dataclass
class Section:
    """The changes above the phases (``phase`` None), or those of one phase."""

    phase: str | None
    header: list[Segment]
    entries: list[Entry] = field(default_factory=list)


def outline(diff: PersonaDiff, text: Text) -> list[Section]:
    """A persona's changes grouped for reading: by phase, then by subject, in journey order."""
    sections: dict[str | None, Section] = {}
    entries: dict[tuple[str | None, str], Entry] = {}
    for change in diff.changes:
        section = sections.get(change.phase)
        if section is None:
            header: list[Segment] = (
                [(text(_above(change)), "name")]
                if change.phase is None
                else _phase_header(change.phase, diff, text)
            )
            section = sections[change.phase] = Section(change.phase, header)
        own = change.subject in ("phase", "file")
        key = (change.phase, "" if own else _subject_path(change))
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = Entry(None if own else subject(change, diff, text))
            section.entries.append(entry)
        entry.lines.append(body(change, diff, text))
    # Above the phases first, then the phases in the order the changes name them.
    return sorted(sections.values(), key=lambda section: section.phase is not None)


def _above(change: Change) -> Message:
    """The heading of the changes above the phases."""
    if change.subject == "opportunity":
        return msg("Opportunities (opportunities.yaml)")
    return msg("Persona and journey")


def _phase_header(phase_id: str, diff: PersonaDiff, text: Text) -> list[Segment]:
    name = phase_name(diff, phase_id, text)
    said = msg("phase {name} ({id})", name=name, id=phase_id)
    return styled(text, said, name="name", id="id")


def _subject_path(change: Change) -> str:
    if not change.field:
        return change.path
    return change.path[: len(change.path) - len(change.field)].rstrip(".")
