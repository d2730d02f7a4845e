"""``cjm diff CURRENT FUTURE --plan``: the difference between today's journey and a
future state, read as the plan.

A future state is usually written leaner than the current journey (no analytics
mappings, fewer descriptions), so a full diff buries the plan under removals. The
plan keeps what changes for the customer and for the team behind the touchpoint:
phases, touchpoints and KPIs added, removed or moved; a touchpoint's name, channel,
media, CTA, emotion, owner and blueprint lanes; a KPI's target; and per phase the
average emotion now → planned, judged better or worse. A header names both journeys.
"""

from __future__ import annotations

import dataclasses

from cjm.diff.changes import Change, PersonaDiff
from cjm.models import Journey
from cjm.text import Message, msg

__all__ = ["PLAN_FIELDS", "as_plan", "header"]

PLAN_FIELDS: dict[str, tuple[str, ...]] = {
    "touchpoint": (
        "name",
        "channel",
        "media",
        "cta.text",
        "emotion",
        "owner",
        "frontstage",
        "backstage",
        "support",
    ),
    "kpi": ("target",),
    "phase": ("name", "goal"),
}
"""Per subject, the fields whose changes are part of the plan."""

AVERAGE = "average emotion"
"""The field of a phase's planned change of its average emotion: a key, not a word
(the reports say it in the language, :mod:`cjm.diff.wording`)."""


def as_plan(diff: PersonaDiff, old: Journey, new: Journey) -> PersonaDiff:
    """``diff`` with only the plan's changes, and the phases' average emotion changes."""
    kept = [change for change in diff.changes if _in_plan(change)]
    averages = _averages(old)
    planned = _averages(new)
    changes: list[Change] = []
    seen: set[str] = set()
    for phase in new.phases:
        before, after = averages.get(phase.id), planned.get(phase.id)
        if before is not None and after is not None and before != after:
            changes.append(
                Change(
                    path=f"phases[{phase.id}].emotion",
                    kind="changed",
                    old=before,
                    new=after,
                    subject="phase",
                    label=phase.id,
                    field=AVERAGE,
                    phase=phase.id,
                )
            )
        # The phase's own changes follow its average, in the order the diff found them.
        changes += [c for c in kept if c.phase == phase.id]
        seen.add(phase.id)
    changes = [c for c in kept if c.phase is None or c.phase not in seen] + changes
    return dataclasses.replace(diff, changes=tuple(changes))


def header(old: Journey, new: Journey, persona: str) -> Message:
    """``Plan for jonge-ouders: <current title> (current state) → <future title> (…)``."""
    return msg(
        "Plan for {persona}: {old} (current state) → {new} (future state)",
        persona=persona,
        old=old.journey.title or old.persona.name,
        new=new.journey.title or new.persona.name,
    )


def _in_plan(change: Change) -> bool:
    if change.subject in ("persona", "journey", "file"):
        return False
    if not change.field:
        return True  # a phase, touchpoint or KPI added, removed, moved or reordered
    return change.field in PLAN_FIELDS.get(change.subject, ())


def _averages(journey: Journey) -> dict[str, float]:
    averages = {}
    for phase in journey.phases:
        scores = [tp.emotion for tp in phase.touchpoints if tp.emotion is not None]
        if scores:
            averages[phase.id] = round(sum(scores) / len(scores), 1)
    return averages
