"""The backlog for a terminal: one block per opportunity, best first."""

from __future__ import annotations

from typing import TextIO

from cjm.backlog.report import BacklogSummary
from cjm.backlog.report._rows import link_text
from cjm.output.escape import terminal
from cjm.text import msg, nmsg


def report(summary: BacklogSummary, stream: TextIO, color: bool) -> None:
    """One block per opportunity; every value from a file through ``terminal`` (one line,
    control characters shown), so a title cannot forge another line or drive the terminal."""
    bold, dim, reset = ("\x1b[1m", "\x1b[2m", "\x1b[0m") if color else ("", "", "")
    t, text = terminal, summary.text
    for item in summary.ranked:
        opp = item.opportunity
        stream.write(f"{bold}{item.rank}. {t(opp.title)}{reset}\n")
        facts = [
            text(msg("id {id}", id=opp.id)),
            opp.status,
            text(
                msg(
                    "score {score} (impact {impact}, effort {effort})",
                    score=text.decimal(item.score, places=1),
                    impact=opp.impact,
                    effort=opp.effort,
                )
            ),
        ]
        if opp.owner:
            facts.append(text(msg("owner {owner}", owner=t(opp.owner))))
        stream.write(f"   {dim}{' · '.join(facts)}{reset}\n")
        if opp.problem:
            said = msg("problem: {problem}", problem=t(opp.problem))
            stream.write(f"   {text(said)}\n")
        for link in opp.links:
            stream.write(f"   → {t(link_text(link, summary.steps, text))}\n")
        if opp.kpis:
            said = msg("KPIs: {kpis}", kpis=t(", ".join(opp.kpis)))
            stream.write(f"   {text(said)}\n")
        for solution in opp.solutions:
            ident = f" [{solution.id}]" if solution.id else ""
            url = f" {t(solution.url)}" if solution.url else ""
            stream.write(f"   ✓ {t(solution.title)}{ident}: {solution.status}{url}\n")
    shown, total = len(summary.ranked), summary.total
    formula = summary.formula
    if shown != total:
        said = nmsg(
            "{shown} of {count} opportunity, ranked by {formula}",
            "{shown} of {count} opportunities, ranked by {formula}",
            total,
            shown=shown,
            formula=formula,
        )
    else:
        said = nmsg(
            "{count} opportunity, ranked by {formula}",
            "{count} opportunities, ranked by {formula}",
            total,
            formula=formula,
        )
    stream.write(f"{text(said)}\n")
