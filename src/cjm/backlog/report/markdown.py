"""The backlog as a Markdown table, for a pull request or a wiki."""

from __future__ import annotations

from typing import TextIO

from cjm.backlog.report import BacklogSummary
from cjm.backlog.report._rows import link_text
from cjm.output.escape import markdown, markdown_code
from cjm.text import msg


def report(summary: BacklogSummary, stream: TextIO, color: bool) -> None:
    md, text = markdown, summary.text
    head = [
        msg("Opportunity"),
        msg("Status"),
        msg("Impact"),
        msg("Effort"),
        msg("Score"),
        msg("Owner"),
        msg("Links"),
        msg("Solutions"),
    ]
    stream.write(f"| # | {' | '.join(md(text(column)) for column in head)} |\n")
    stream.write("| ---: | --- | --- | ---: | ---: | ---: | --- | --- | --- |\n")
    for item in summary.ranked:
        opp = item.opportunity
        links = "<br>".join(md(link_text(link, summary.steps, text)) for link in opp.links)
        solutions = "<br>".join(
            f"{md(solution.title)} ({md(solution.status)})" for solution in opp.solutions
        )
        cells = [
            str(item.rank),
            f"**{md(opp.title)}** ({markdown_code(opp.id)})",
            md(opp.status),
            str(opp.impact),
            str(opp.effort),
            text.decimal(item.score, places=1),
            md(opp.owner or "—"),
            links or "—",
            solutions or "—",
        ]
        stream.write(f"| {' | '.join(cells)} |\n")
    ranked = msg("Ranked by {formula}.", formula=summary.formula)
    stream.write(f"\n{md(text(ranked))}\n")
