"""The backlog for a terminal: one block per opportunity, best first."""

from __future__ import annotations

from typing import TextIO

from cjm.backlog.report import BacklogSummary
from cjm.backlog.report._rows import link_text, score_text
from cjm.output.escape import terminal


def report(summary: BacklogSummary, stream: TextIO, color: bool) -> None:
    """One block per opportunity; every value from a file through ``terminal`` (one line,
    control characters shown), so a title cannot forge another line or drive the terminal."""
    bold, dim, reset = ("\x1b[1m", "\x1b[2m", "\x1b[0m") if color else ("", "", "")
    t = terminal
    for item in summary.ranked:
        opp = item.opportunity
        score = score_text(item.score, summary.language)
        stream.write(f"{bold}{item.rank}. {t(opp.title)}{reset}\n")
        facts = [
            f"id {opp.id}",
            opp.status,
            f"score {score} (impact {opp.impact}, effort {opp.effort})",
        ]
        if opp.owner:
            facts.append(f"owner {t(opp.owner)}")
        stream.write(f"   {dim}{' · '.join(facts)}{reset}\n")
        if opp.problem:
            stream.write(f"   problem: {t(opp.problem)}\n")
        for link in opp.links:
            stream.write(f"   → {t(link_text(link, summary.steps))}\n")
        if opp.kpis:
            stream.write(f"   KPIs: {t(', '.join(opp.kpis))}\n")
        for solution in opp.solutions:
            ident = f" [{solution.id}]" if solution.id else ""
            url = f" {t(solution.url)}" if solution.url else ""
            stream.write(f"   ✓ {t(solution.title)}{ident}: {solution.status}{url}\n")
    shown, total = len(summary.ranked), summary.total
    of = f"{shown} of {total}" if shown != total else str(total)
    noun = "opportunity" if total == 1 else "opportunities"
    stream.write(f"{of} {noun}, ranked by {summary.formula}\n")
