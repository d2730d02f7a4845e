"""Match export rows to touchpoints, and collect what nobody claims.

A touchpoint's ``analytics`` mapping matches a row when its source and medium
(and its campaign, if it names one) fit the row's, case-insensitively; ``*``
stands for any run of characters, so ``{source: "*", medium: cpc}`` is all paid
search and ``{source: "*facebook.com", medium: referral}`` catches
``m.facebook.com`` and ``l.facebook.com``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from cjm.analytics.export import Export, Row
from cjm.analytics.metrics import Metrics, Role, combine
from cjm.analytics.result import (
    AnalyticsResult,
    DoubleClaim,
    Gap,
    JourneyResult,
    PhaseResult,
    TouchpointResult,
)
from cjm.loader import JourneyFile
from cjm.models import Analytics
from cjm.phase_models import phase_label
from cjm.text import Message, Number, msg, nmsg

__all__ = ["Pattern", "analyse"]


def _compile(text: str) -> re.Pattern[str]:
    parts = (re.escape(part) for part in text.strip().split("*"))
    return re.compile(".*".join(parts), re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Pattern:
    """A touchpoint's mapping, ready to test rows against."""

    mapping: Analytics

    @cached_property
    def _parts(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
        campaign = self.mapping.campaign
        return (
            _compile(self.mapping.source),
            _compile(self.mapping.medium),
            _compile(campaign) if campaign is not None else None,
        )

    @property
    def label(self) -> str:
        base = f"{self.mapping.source} / {self.mapping.medium}"
        campaign = self.mapping.campaign
        return base if campaign is None else f"{base} ({campaign})"

    def matches(self, row: Row) -> bool:
        source, medium, campaign = self._parts
        if not (source.fullmatch(row.source) and medium.fullmatch(row.medium)):
            return False
        return campaign is None or (
            row.campaign is not None and bool(campaign.fullmatch(row.campaign))
        )


def analyse(export: Export, files: Sequence[JourneyFile]) -> AnalyticsResult:
    """Match every mapped touchpoint of the usable ``files`` against ``export``.

    A touchpoint claims the rows any of its mappings match, each once. A phase's
    totals count each row once in the journey: in the first phase, in journey
    order, whose touchpoints claim it (a row in two phases is one visit, not two).
    """
    total = export.total()
    share_metric, share_at = _share_metric(export)
    claims: dict[int, list[tuple[str, str]]] = {}
    counted_in: dict[tuple[str, int], str] = {}  # (persona, row line) -> the phase counting it
    idle: list[Message] = []
    journeys: list[JourneyResult] = []
    for file in files:
        journey = file.journey
        if journey is None or journey.journey.state == "future":
            continue  # a plan has no traffic yet: only today's journeys claim rows
        # The journey's key: the persona id, unless the persona has several journeys.
        persona = file.key
        phases: list[PhaseResult] = []
        for phase in journey.phases:
            results: list[TouchpointResult] = []
            claimed: dict[int, Row] = {}
            for touchpoint in phase.touchpoints:
                if not touchpoint.analytics:
                    continue
                patterns = [Pattern(mapping) for mapping in touchpoint.analytics]
                rows = tuple(row for row in export.rows if any(p.matches(row) for p in patterns))
                for row in rows:
                    claims.setdefault(row.line, []).append((persona, touchpoint.id))
                    claimed[row.line] = row
                if rows and len(patterns) > 1:
                    idle += [
                        msg(
                            "{path}: touchpoint '{touchpoint}': its mapping '{mapping}' "
                            "matches no row of the export",
                            path=file.path,
                            touchpoint=touchpoint.id,
                            mapping=pattern.label,
                        )
                        for pattern in patterns
                        if not any(pattern.matches(row) for row in rows)
                    ]
                results.append(
                    TouchpointResult(
                        persona_id=persona,
                        phase_id=phase.id,
                        touchpoint_id=touchpoint.id,
                        name=touchpoint.name,
                        mapping=", ".join(pattern.label for pattern in patterns),
                        rows=rows,
                        metrics=_metrics(export, rows),
                        reason=None if rows else _reason(export, touchpoint.analytics),
                    )
                )
            first = [row for line, row in claimed.items() if (persona, line) not in counted_in]
            for row in first:
                counted_in[(persona, row.line)] = phase.id
            name = phase_label(phase.id, phase.name, file.model)
            phases.append(PhaseResult(phase.id, name, tuple(results), _metrics(export, first)))
        journeys.append(JourneyResult(persona, journey.persona.name, file.path, tuple(phases)))

    whole = total.values[share_at] or 0.0

    def share(row: Row) -> float:
        return (row.metrics.values[share_at] or 0.0) / whole if whole else 0.0

    unclaimed = sorted(
        (Gap(row, share(row)) for row in export.rows if row.line not in claims),
        key=lambda gap: (-gap.share, -(gap.row.metrics.values[share_at] or 0.0), gap.row.line),
    )
    # A double claim is one journey counting the same traffic twice. The same row
    # in several personas' journeys is not: one website serves every persona, and
    # each journey's funnel rightly counts what reaches it.
    doubles = tuple(
        DoubleClaim(row, tuple(claimants), counted_in[(persona, row.line)])
        for row in export.rows
        for persona in dict.fromkeys(p for p, _ in claims.get(row.line, ()))
        if len(claimants := [c for c in claims[row.line] if c[0] == persona]) > 1
    )
    skipped = tuple(file.path for file in files if file.journey is None)
    return AnalyticsResult(
        export=export,
        journeys=tuple(journeys),
        total=total,
        share_metric=share_metric,
        all_gaps=tuple(gap for gap in unclaimed if not gap.row.not_set),
        not_set=tuple(gap for gap in unclaimed if gap.row.not_set),
        double_claims=doubles,
        skipped=skipped,
        warnings=(
            *_warnings(export, skipped, doubles, share_metric, share_at),
            *idle,
        ),
    )


def _warnings(
    export: Export,
    skipped: Sequence[str],
    doubles: Sequence[DoubleClaim],
    share_metric: str,
    share_at: int,
) -> list[Message]:
    """What the reader of the report should know about how its numbers came about."""
    found = [
        msg(
            "skipped {path}: it has problems (run 'cjm lint'), so its touchpoints claim no traffic",
            path=path,
        )
        for path in skipped
    ]
    for claim in doubles:
        who = ", ".join(f"{p}/{t}" for p, t in claim.claimants)
        found.append(
            nmsg(
                "{path}:{line}: '{label}' is claimed by {count} touchpoint of one journey: "
                "{who}; each touchpoint shows it in full, the phase totals count it once, "
                "in '{phase}'",
                "{path}:{line}: '{label}' is claimed by {count} touchpoints of one journey: "
                "{who}; each touchpoint shows it in full, the phase totals count it once, "
                "in '{phase}'",
                len(claim.claimants),
                path=export.path,
                line=claim.row.line,
                label=claim.row.label,
                who=who,
                phase=claim.counted_in,
            )
        )
    if export.totals is not None:
        listed = sum(row.metrics.values[share_at] or 0.0 for row in export.rows)
        whole = export.totals.values[share_at] or 0.0
        if listed < whole * 0.995:
            found.append(
                msg(
                    "{path}: the rows add up to {listed} of the {total} {metric} in the "
                    "totals row; rows are missing (in GA4, show all rows before downloading)",
                    path=export.path,
                    listed=Number(round(listed, 2)),
                    total=Number(whole),
                    metric=share_metric.lower(),
                )
            )
    return found


def _metrics(export: Export, rows: Iterable[Row]) -> Metrics:
    return combine(export.columns, [row.metrics.values for row in rows])


def _share_metric(export: Export) -> tuple[str, int]:
    for index, column in enumerate(export.columns):
        if column.role is Role.SESSIONS:
            return column.name, index
    return export.columns[0].name, 0


def _reason(export: Export, mappings: Sequence[Analytics]) -> Message:
    if any(m.campaign is not None for m in mappings) and not export.has_campaign:
        return msg(
            "names a campaign, but the export has no campaign column "
            "(add the dimension 'Session campaign' in GA4)"
        )
    return msg("no row of the export matches")
