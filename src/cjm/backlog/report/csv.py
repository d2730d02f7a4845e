"""The backlog as CSV, for a spreadsheet: one row per opportunity."""

from __future__ import annotations

import csv
from typing import TextIO

from cjm.backlog.report import BacklogSummary
from cjm.backlog.report._rows import score_text

HEADER = (
    "rank",
    "id",
    "title",
    "status",
    "owner",
    "impact",
    "effort",
    "score",
    "links",
    "kpis",
    "solutions",
)


def report(summary: BacklogSummary, stream: TextIO, color: bool) -> None:
    dutch = summary.language == "nl"
    writer = csv.writer(stream, delimiter=";" if dutch else ",", lineterminator="\r\n")
    writer.writerow(HEADER)
    for item in summary.ranked:
        opp = item.opportunity
        writer.writerow(
            [
                item.rank,
                opp.id,
                opp.title,
                opp.status,
                opp.owner or "",
                opp.impact,
                opp.effort,
                score_text(item.score, summary.language),
                " ".join(opp.links),
                "; ".join(opp.kpis),
                "; ".join(f"{s.title} ({s.status})" for s in opp.solutions),
            ]
        )
