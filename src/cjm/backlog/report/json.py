"""The backlog as JSON: an object with the formula and one entry per opportunity."""

from __future__ import annotations

from typing import Any, TextIO

from cjm.backlog.report import BacklogSummary
from cjm.output.escape import json_text, text


def report(summary: BacklogSummary, stream: TextIO, color: bool) -> None:
    entries = []
    for item in summary.ranked:
        opp = item.opportunity
        entry: dict[str, Any] = {
            "rank": item.rank,
            "id": opp.id,
            "title": opp.title,
            "problem": opp.problem,
            "status": opp.status,
            "owner": opp.owner,
            "impact": opp.impact,
            "effort": opp.effort,
            "score": item.score,
            "links": [_link(link, summary) for link in opp.links],
            "kpis": list(opp.kpis),
            "solutions": [
                solution.model_dump(mode="json", include={"id", "title", "status", "url", "owner"})
                for solution in opp.solutions
            ],
            "file": text(item.entry.file.path),
        }
        if opp.extensions:
            entry["extensions"] = opp.extensions
        entries.append(entry)
    document = {
        "score": summary.text(summary.formula),
        "total": summary.total,
        "opportunities": entries,
    }
    stream.write(json_text(document))


def _link(link: str, summary: BacklogSummary) -> dict[str, Any]:
    target = summary.steps.resolve(link)
    if target is None:
        return {"link": link, "kind": None, "name": None}
    if target.touchpoint is not None:
        name: str | None = target.touchpoint.name
    elif target.phase is not None:
        name = target.phase.name
    else:
        name = summary.steps.journeys[target.persona].persona.name
    return {"link": link, "kind": target.kind, "name": name}
