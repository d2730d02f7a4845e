"""Match export rows to touchpoints, and collect what nobody claims.

A touchpoint's ``analytics`` mapping matches a row when its source and medium
(and its campaign, if it names one) fit the row's, case-insensitively; ``*``
stands for any run of characters, so ``{source: "*", medium: cpc}`` is all paid
search and ``{source: "*facebook.com", medium: referral}`` catches
``m.facebook.com`` and ``l.facebook.com``.
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from cjm.analytics.export import Export, Row, Rows
from cjm.analytics.metrics import Metrics, Role, combine
from cjm.analytics.result import (
    AnalyticsResult,
    DoubleClaim,
    Gaps,
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


@dataclass(frozen=True, eq=False)  # known by identity: analyse() makes one per distinct mapping
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
        return self.fits(row.source, row.medium, row.campaign)

    def fits(self, source: str, medium: str, campaign: str | None) -> bool:
        """:meth:`matches` for a row's parts, without making the row."""
        source_re, medium_re, campaign_re = self._parts
        if not (source_re.fullmatch(source) and medium_re.fullmatch(medium)):
            return False
        return campaign_re is None or (
            campaign is not None and bool(campaign_re.fullmatch(campaign))
        )


class _Index:
    """The distinct mappings of every journey, found for a row by looking up its
    source and medium rather than by trying each mapping in turn.

    A mapping part without ``*`` in plain ASCII is looked up by its lowercase:
    for ASCII text that is exactly what a case-insensitive full match compares.
    Every other part (``*``, ``*facebook.com``, non-ASCII letters, for which a
    regular expression's case rules are wider than :meth:`str.lower`) is tried,
    as is every mapping for a row whose source or medium is not ASCII. A
    candidate is always confirmed by :meth:`Pattern.matches`' own test, so the
    index only decides what need not be tried.
    """

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self.patterns = list(patterns)
        self._both: dict[tuple[str, str], list[Pattern]] = {}
        self._medium: dict[str, list[Pattern]] = {}
        self._source: dict[str, list[Pattern]] = {}
        self._other: list[Pattern] = []
        for pattern in self.patterns:
            source, medium = _literal(pattern.mapping.source), _literal(pattern.mapping.medium)
            if source is not None and medium is not None:
                self._both.setdefault((source, medium), []).append(pattern)
            elif medium is not None:
                self._medium.setdefault(medium, []).append(pattern)
            elif source is not None:
                self._source.setdefault(source, []).append(pattern)
            else:
                self._other.append(pattern)

    def matches(self, rows: Rows) -> dict[Pattern, list[int]]:
        """For each pattern, the indexes of the rows it matches, in row order."""
        found: dict[Pattern, list[int]] = {pattern: [] for pattern in self.patterns}
        if not self.patterns:
            return found
        both, by_medium, by_source, other = self._both, self._medium, self._source, self._other
        lowered: dict[str, str | None] = {}  # mediums repeat: lowercase each once
        none: list[Pattern] = []
        for index, (source, medium, campaign) in enumerate(
            zip(rows.sources, rows.mediums, rows.campaigns, strict=True)
        ):
            medium_key = lowered.get(medium, "")
            if medium_key == "":
                medium_key = lowered[medium] = medium.lower() if medium.isascii() else None
            if medium_key is None or not source.isascii():
                candidates: Iterable[Pattern] = self.patterns
            else:
                source_key = source.lower()
                candidates = (
                    *both.get((source_key, medium_key), none),
                    *by_medium.get(medium_key, none),
                    *by_source.get(source_key, none),
                    *other,
                )
            for pattern in candidates:
                if pattern.fits(source, medium, campaign):
                    found[pattern].append(index)
        return found


def _same(mapping: Analytics) -> tuple[str, str, str | None]:
    """Mappings written alike match alike: one :class:`Pattern` serves them all."""
    return mapping.source, mapping.medium, mapping.campaign


def _literal(part: str) -> str | None:
    """The key a mapping part is looked up by, or None when it must be tried."""
    text = part.strip()
    return text.lower() if "*" not in text and text.isascii() else None


def analyse(export: Export, files: Sequence[JourneyFile]) -> AnalyticsResult:
    """Match every mapped touchpoint of the usable ``files`` against ``export``.

    A touchpoint claims the rows any of its mappings match, each once. A phase's
    totals count each row once in the journey: in the first phase, in journey
    order, whose touchpoints claim it (a row in two phases is one visit, not two).

    Each distinct mapping is matched once against the export, looked up through an
    index (:class:`_Index`), so the time grows with the rows plus the touchpoints,
    not with their product.
    """
    total = export.total()
    share_metric, share_at = _share_metric(export)
    used = [
        file
        for file in files
        # a plan has no traffic yet: only today's journeys claim rows
        if file.journey is not None and file.journey.journey.state != "future"
    ]
    patterns: dict[tuple[str, str, str | None], Pattern] = {}
    for file in used:
        assert file.journey is not None
        for phase in file.journey.phases:
            for touchpoint in phase.touchpoints:
                for mapping in touchpoint.analytics or ():
                    patterns.setdefault(_same(mapping), Pattern(mapping))
    rows_of = _Index(patterns.values()).matches(export.rows)
    made: dict[int, Row] = {}  # one Row object per claimed row

    def row_at(index: int) -> Row:
        row = made.get(index)
        if row is None:
            row = made[index] = export.rows[index]
        return row

    claimed_by: dict[tuple[Pattern, ...], tuple[tuple[Row, ...], Metrics]] = {}
    claims: dict[int, list[tuple[str, str]]] = {}  # row index -> (persona, touchpoint)
    counted_in: dict[tuple[str, int], str] = {}  # (persona, row index) -> the phase counting it
    idle: list[Message] = []
    journeys: list[JourneyResult] = []
    for file in used:
        journey = file.journey
        assert journey is not None
        # The journey's key: the persona id, unless the persona has several journeys.
        persona = file.key
        phases: list[PhaseResult] = []
        for phase in journey.phases:
            results: list[TouchpointResult] = []
            claimed: dict[int, Row] = {}
            for touchpoint in phase.touchpoints:
                if not touchpoint.analytics:
                    continue
                mapped = tuple(patterns[_same(mapping)] for mapping in touchpoint.analytics)
                known = claimed_by.get(mapped)
                if known is None:
                    indexes = (
                        rows_of[mapped[0]]
                        if len(mapped) == 1
                        else sorted({i for pattern in mapped for i in rows_of[pattern]})
                    )
                    rows = tuple(row_at(index) for index in indexes)
                    known = claimed_by[mapped] = (rows, _metrics(export, rows))
                rows, metrics = known
                for row in rows:
                    claims.setdefault(row.line, []).append((persona, touchpoint.id))
                    claimed[row.line] = row
                if rows and len(mapped) > 1:
                    idle += [
                        msg(
                            "{path}: touchpoint '{touchpoint}': its mapping '{mapping}' "
                            "matches no row of the export",
                            path=file.path,
                            touchpoint=touchpoint.id,
                            mapping=pattern.label,
                        )
                        for pattern in mapped
                        if not rows_of[pattern]
                    ]
                results.append(
                    TouchpointResult(
                        persona_id=persona,
                        phase_id=phase.id,
                        touchpoint_id=touchpoint.id,
                        name=touchpoint.name,
                        mapping=", ".join(pattern.label for pattern in mapped),
                        rows=rows,
                        metrics=metrics,
                        reason=None if rows else _reason(export, touchpoint.analytics),
                    )
                )
            first = [row for line, row in claimed.items() if (persona, line) not in counted_in]
            for row in first:
                counted_in[(persona, row.line)] = phase.id
            name = phase_label(phase.id, phase.name, file.model)
            phases.append(PhaseResult(phase.id, name, tuple(results), _metrics(export, first)))
        journeys.append(JourneyResult(persona, journey.persona.name, file.path, tuple(phases)))

    rows_all = export.rows
    whole = total.values[share_at] or 0.0
    shares = rows_all.values[share_at]

    def share(index: int) -> float:
        value = shares[index]
        return (0.0 if math.isnan(value) else value) / whole if whole else 0.0

    def value(index: int) -> float:
        found = shares[index]
        return 0.0 if math.isnan(found) else found

    claimed_lines = claims.keys()
    # Largest first; rows are in line order, and the sort is stable: ties stay by line.
    unclaimed = sorted(
        (i for i, line in enumerate(rows_all.lines) if line not in claimed_lines),
        key=lambda i: (-share(i), -value(i)),
    )
    attributed = array("q", (i for i in unclaimed if not rows_all.not_set(i)))
    not_set = array("q", (i for i in unclaimed if rows_all.not_set(i)))
    del unclaimed
    # A double claim is one journey counting the same traffic twice. The same row
    # in several personas' journeys is not: one website serves every persona, and
    # each journey's funnel rightly counts what reaches it.
    by_line = {row.line: row for row in made.values()}
    doubles = tuple(
        DoubleClaim(by_line[line], tuple(claimants), counted_in[(persona, line)])
        for line in sorted(claims)
        for persona in dict.fromkeys(p for p, _ in claims[line])
        if len(claimants := [c for c in claims[line] if c[0] == persona]) > 1
    )
    skipped = tuple(file.path for file in files if file.journey is None)
    return AnalyticsResult(
        export=export,
        journeys=tuple(journeys),
        total=total,
        share_metric=share_metric,
        all_gaps=Gaps(rows_all, attributed, share),
        not_set=Gaps(rows_all, not_set, share),
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
        listed = sum(value or 0.0 for value in export.rows.column(share_at))
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
