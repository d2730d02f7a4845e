"""The backlog as CSV, for a spreadsheet: one row per opportunity.

Written as every cjm CSV is (:mod:`cjm.output.csv`): UTF-8 with a byte-order
mark, ``;`` and a decimal comma for a Dutch project, ``,`` and a point
otherwise, text that Excel would run as a formula neutralised. Links, KPIs and
solutions are joined in one cell each. The column names are keys, the same in every
language, like the statuses and ids.
"""

from __future__ import annotations

from typing import TextIO

from cjm.backlog.report import BacklogSummary
from cjm.output.csv import write_table

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
    rows = (
        [
            item.rank,
            item.opportunity.id,
            item.opportunity.title,
            item.opportunity.status,
            item.opportunity.owner,
            item.opportunity.impact,
            item.opportunity.effort,
            item.score,
            " ".join(item.opportunity.links),
            "; ".join(item.opportunity.kpis),
            "; ".join(f"{s.title} ({s.status})" for s in item.opportunity.solutions),
        ]
        for item in summary.ranked
    )
    write_table(stream, HEADER, rows, summary.text.language)
