"""The backlog as a Markdown table, for a pull request or a wiki."""

from __future__ import annotations

from typing import TextIO

from cjm.backlog.report import BacklogSummary
from cjm.backlog.report._rows import link_text, score_text
from cjm.output.escape import markdown, markdown_code


def report(summary: BacklogSummary, stream: TextIO, color: bool) -> None:
    md = markdown
    stream.write(
        "| # | Opportunity | Status | Impact | Effort | Score | Owner | Links | Solutions |\n"
    )
    stream.write("| ---: | --- | --- | ---: | ---: | ---: | --- | --- | --- |\n")
    for item in summary.ranked:
        opp = item.opportunity
        links = "<br>".join(md(link_text(link, summary.steps)) for link in opp.links)
        solutions = "<br>".join(
            f"{md(solution.title)} ({md(solution.status)})" for solution in opp.solutions
        )
        cells = [
            str(item.rank),
            f"**{md(opp.title)}** ({markdown_code(opp.id)})",
            md(opp.status),
            str(opp.impact),
            str(opp.effort),
            score_text(item.score, summary.language),
            md(opp.owner or "—"),
            links or "—",
            solutions or "—",
        ]
        stream.write(f"| {' | '.join(cells)} |\n")
    stream.write(f"\nRanked by {md(summary.formula)}.\n")
