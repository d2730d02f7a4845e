"""Changes in words, shared by the text and Markdown reports.

A change becomes a list of :data:`Segment` — text plus a style name — so each
report decides how a style looks: colour on a terminal, ``[-old-]{+new+}`` in
plain text (git's ``--word-diff=plain``), ``~~old~~ **new**`` in Markdown.
Labels exist in English and Dutch; field names stay the format's own keys
(``cta.text``, ``pain_points``), because that is what people edit.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from cjm.diff.changes import Change, PersonaDiff, counts

__all__ = [
    "LABELS",
    "Entry",
    "Section",
    "Segment",
    "Style",
    "body",
    "outline",
    "subject",
    "summary",
    "word_diff",
]

Style = Literal["", "name", "field", "subject", "id", "old", "new", "del", "ins", "better", "worse"]
Segment = tuple[str, Style]

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "added": "added",
        "removed": "removed",
        "changed": "changed",
        "reordered": "new order",
        "reordered_n": "reordered",
        "moved": "moved from {old} to {new}",
        "better": "better",
        "worse": "worse",
        "persona": "persona",
        "journey": "journey",
        "file": "file",
        "phase": "phase",
        "kpi": "KPI",
        "touchpoint": "touchpoint",
        "opportunity": "opportunity",
        "phases": "phases",
        "kpis": "KPIs",
        "touchpoints": "touchpoints",
        "opportunitys": "opportunities",
        "now": "now {level}",
        "backed by": "backed by {evidence}",
        "was": "was {level}",
        "backlog": "Opportunities (opportunities.yaml)",
        "field": "fields changed",
        "field1": "field changed",
        "persona added": "persona added",
        "persona removed": "persona removed",
        "no changes": "no changes",
        "nothing": "(none)",
        "title": "Changes to the customer journeys",
        "none at all": "No changes to the customer journeys.",
        "general": "Persona and journey",
    },
    "nl": {
        "added": "toegevoegd",
        "removed": "verwijderd",
        "changed": "gewijzigd",
        "reordered": "nieuwe volgorde",
        "reordered_n": "opnieuw geordend",
        "moved": "verplaatst van {old} naar {new}",
        "better": "beter",
        "worse": "slechter",
        "persona": "persona",
        "journey": "klantreis",
        "file": "bestand",
        "phase": "fase",
        "kpi": "KPI",
        "touchpoint": "touchpoint",
        "opportunity": "kans",
        "phases": "fasen",
        "kpis": "KPI's",
        "touchpoints": "touchpoints",
        "opportunitys": "kansen",
        "now": "nu {level}",
        "backed by": "onderbouwd met {evidence}",
        "was": "was {level}",
        "backlog": "Kansen (opportunities.yaml)",
        "field": "velden gewijzigd",
        "field1": "veld gewijzigd",
        "persona added": "persona toegevoegd",
        "persona removed": "persona verwijderd",
        "no changes": "geen wijzigingen",
        "nothing": "(geen)",
        "title": "Wijzigingen in de klantreizen",
        "none at all": "Geen wijzigingen in de klantreizen.",
        "general": "Persona en klantreis",
    },
}

# Text longer than this (or on several lines) shows which words changed.
LONG_TEXT = 40


def summary(diff: PersonaDiff, language: str) -> str:
    """``2 touchpoints added, 1 removed, 1 moved, 5 fields changed``."""
    words = LABELS[language]
    if diff.status != "changed":
        # A persona on one side only: say how big the journey is that came or went.
        data = diff.changes[0].new if diff.status == "added" else diff.changes[0].old
        phases = data.get("phases", [])
        touchpoints = sum(len(phase.get("touchpoints", [])) for phase in phases)
        sizes = [
            _count(len(phases), words["phase"], words["phases"]),
            _count(touchpoints, words["touchpoint"], words["touchpoints"]),
        ]
        return f"{words[f'persona {diff.status}']}: {', '.join(sizes)}"
    found = counts(diff)
    parts: list[str] = []
    for subject in ("touchpoint", "phase", "kpi", "opportunity"):
        group = [(kind, found[f"{subject} {kind}"]) for kind in ("added", "removed", "moved")]
        group = [(kind, number) for kind, number in group if number]
        for index, (kind, number) in enumerate(group):
            noun = words[subject] if number == 1 else words[f"{subject}s"]
            shown = f"{number} {noun}" if index == 0 else str(number)
            parts.append(f"{shown} {_kind(kind, words)}")
    if found["reordered"]:
        parts.append(f"{found['reordered']} {words['reordered_n']}")
    if found["field"]:
        parts.append(f"{found['field']} {words['field1' if found['field'] == 1 else 'field']}")
    return ", ".join(parts) or words["no changes"]


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _kind(kind: str, words: dict[str, str]) -> str:
    return words[kind].split(" ")[0] if kind == "moved" else words[kind]


def subject(change: Change, diff: PersonaDiff, language: str) -> list[Segment]:
    """What a change is about: ``touchpoint 'Zoeken via Google' (google-zoeken)``."""
    words = LABELS[language]
    if change.subject == "phase":
        name = diff.phase_names.get(change.label, change.label)
        return [(f"{words['phase']} ", ""), (name, "subject"), *_ident(change.label)]
    if change.subject == "touchpoint":
        ident = _subject_path(change).rsplit("[", 1)[-1].rstrip("]")
        return [(f"{words['touchpoint']} ", ""), (change.label, "subject"), *_ident(ident)]
    if change.subject == "kpi":
        return [(f"{words['kpi']} ", ""), (change.label, "subject")]
    if change.subject == "opportunity":
        ident = _subject_path(change).rsplit("[", 1)[-1].rstrip("]")
        return [(f"{words['opportunity']} ", ""), (change.label, "subject"), *_ident(ident)]
    return [(words[change.subject], "subject")]


def _ident(ident: str) -> list[Segment]:
    return [(" (", ""), (ident, "id"), (")", "")]


def body(change: Change, diff: PersonaDiff, language: str) -> list[Segment]:
    """What happened: ``emotion: 2 → 4 (better)``, ``added``, ``moved from A to B``."""
    words = LABELS[language]
    lead: list[Segment] = [(change.field, "field"), (": ", "")] if change.field else []
    if change.kind == "moved":
        old = diff.phase_names.get(str(change.old), str(change.old))
        new = diff.phase_names.get(str(change.new), str(change.new))
        return [(words["moved"].format(old=old, new=new), "")]
    if change.kind == "reordered":
        order = ", ".join(str(item) for item in change.new)
        return [*lead, (f"{words['reordered']}: ", ""), (order, "new")]
    if change.kind == "added":
        tail: list[Segment] = [(" ", ""), (_value(change.new), "new")] if change.field else []
        if _is_record(change.field, change.new):
            tail = [(" ", ""), (_record(change.new), "new")]
        return [*lead, (words["added"], ""), *tail]
    if change.kind == "removed":
        tail = [(" ", ""), (_value(change.old), "old")] if change.field else []
        if _is_record(change.field, change.old):
            tail = [(" ", ""), (_record(change.old), "old")]
        return [*lead, (words["removed"], ""), *tail]
    if change.field.endswith("confidence") and change.kind == "changed":
        return _confidence(change, words)
    if change.subject == "opportunity" and change.field.endswith("status"):
        return [*lead, (str(change.old), "old"), (" → ", ""), (str(change.new), "new")]
    if _is_long(change.old) or _is_long(change.new):
        return [*lead, *word_diff(str(change.old), str(change.new))]
    segments: list[Segment] = [
        *lead,
        (_value(change.old), "old"),
        (" → ", ""),
        (_value(change.new), "new"),
    ]
    if change.field.endswith("emotion") and _numbers(change.old, change.new):
        better = change.new > change.old
        segments.append((f" ({words['better' if better else 'worse']})", _direction(better)))
    return segments


_LEVELS = ("assumption", "partial", "validated")


def _is_record(field: str, value: Any) -> bool:
    return field.rsplit(".", 1)[-1] in ("evidence", "research", "solutions") and isinstance(
        value, dict
    )


def _record(value: dict[str, Any]) -> str:
    """``interview 'Interview 3' (2026-09-09)``; a solution as ``'Ticket' (planned)``."""
    if "kind" in value:
        source = f" '{value['source']}'" if value.get("source") else ""
        when = f" ({value['date']})" if value.get("date") else ""
        return f"{value['kind']}{source}{when}"
    return f"'{value.get('title', '')}' ({value.get('status', 'idea')})"


def _confidence(change: Change, words: dict[str, str]) -> list[Segment]:
    """``confidence: now validated, backed by 2 interviews (was assumption)``."""
    segments: list[Segment] = [
        (change.field, "field"),
        (": ", ""),
        (words["now"].format(level=change.new), "new"),
    ]
    if change.note:
        segments.append((f", {words['backed by'].format(evidence=change.note)}", ""))
    segments.append((f" ({words['was'].format(level=change.old)})", "old"))
    if change.old in _LEVELS and change.new in _LEVELS:
        better = _LEVELS.index(change.new) > _LEVELS.index(change.old)
        segments.append((f" ({words['better' if better else 'worse']})", _direction(better)))
    return segments


def _direction(better: bool) -> Style:
    return "better" if better else "worse"


def _numbers(*values: Any) -> bool:
    # Floats too: a phase's average emotion in `cjm diff --plan` (3.0 → 4.2).
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)


def _is_long(value: Any) -> bool:
    return isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value)


def _value(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "—"
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


def outline(diff: PersonaDiff, language: str) -> list[Section]:
    """A persona's changes grouped for reading: by phase, then by subject, in journey order."""
    sections: dict[str | None, Section] = {}
    entries: dict[tuple[str | None, str], Entry] = {}
    for change in diff.changes:
        section = sections.get(change.phase)
        if section is None:
            header: list[Segment] = (
                [
                    (
                        LABELS[language][
                            "backlog" if change.subject == "opportunity" else "general"
                        ],
                        "name",
                    )
                ]
                if change.phase is None
                else _phase_header(change.phase, diff, language)
            )
            section = sections[change.phase] = Section(change.phase, header)
        own = change.subject in ("phase", "file")
        key = (change.phase, "" if own else _subject_path(change))
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = Entry(None if own else subject(change, diff, language))
            section.entries.append(entry)
        entry.lines.append(body(change, diff, language))
    # Above the phases first, then the phases in the order the changes name them.
    return sorted(sections.values(), key=lambda section: section.phase is not None)


def _phase_header(phase_id: str, diff: PersonaDiff, language: str) -> list[Segment]:
    name = diff.phase_names.get(phase_id, phase_id)
    return [(f"{LABELS[language]['phase']} ", ""), (name, "name"), *_ident(phase_id)]


def _subject_path(change: Change) -> str:
    if not change.field:
        return change.path
    return change.path[: len(change.path) - len(change.field)].rstrip(".")
