"""Read an analytics export: GA4's "Traffic acquisition" CSV, or a plain source/medium CSV.

What such files really contain, and what happens to it:

* a UTF-8 byte order mark (GA4 writes one), or UTF-16 with a BOM (Excel's
  "Unicode text"): both are read;
* ``#`` comment lines (report name, property, ``Start date: 20260901``): the
  date range is kept for the report, the rest is skipped;
* several tables separated by blank lines (GA4 adds the chart's data): the
  table whose header has a source / medium column is the one read;
* ``,``, ``;`` or tab between fields (Excel in a Dutch locale saves with ``;``);
* numbers in English or Dutch notation (see :mod:`cjm.analytics.numbers`);
* a totals row (empty dimension, or ``Total`` / ``Grand total`` / ``Totaal``):
  kept as the export's total, not as traffic;
* ``(direct) / (none)`` is a source like any other; ``(not set)`` is kept and
  reported as traffic GA4 could not attribute;
* the same source / medium (/ campaign) on several lines (a per-day export):
  the lines are added up.

Anything else raises :class:`~cjm.errors.ExportError` naming the file, the line
and the column, and what was expected.
"""

from __future__ import annotations

import contextlib
import csv
import math
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal, overload

from cjm.analytics.metrics import (
    Kind,
    MetricColumn,
    Metrics,
    Role,
    classify,
    combine,
    combine_columns,
    tidy,
)
from cjm.analytics.numbers import Notation, NotationClash, detect_notation, parse_number
from cjm.errors import ExportError, Location
from cjm.lines import editor_lines
from cjm.reading import ReadRefused, display, read_limited
from cjm.text import Message, Number, msg, nmsg

__all__ = [
    "MAX_EXPORT_BYTES",
    "MAX_METRIC",
    "NOT_SET",
    "Export",
    "Row",
    "Rows",
    "parse_export",
    "read_export",
]

NOT_SET = "(not set)"

MAX_EXPORT_BYTES = 200_000_000
"""An export larger than this is refused unread; a year of GA4 rows per day is a few MB."""

MAX_METRIC = 1e15
"""No cell may reach this: sums of such counts stay exact in a float (below 2**53),
and a larger one means a misread column or notation, not traffic."""

# Headers are compared lowercased with spaces, '/' and '-' removed:
# "Session source / medium" and Dutch "Sessiebron/-medium" both fit.
_COMBINED = {
    "sessionsourcemedium": "ga4",
    "sourcemedium": "ga4",
    "firstusersourcemedium": "ga4",
    "sessiebronmedium": "ga4",
    "bronmedium": "ga4",
}
_SOURCE = {"source", "sessionsource", "bron", "sessiebron"}
_MEDIUM = {"medium", "sessionmedium", "sessiemedium"}
_CAMPAIGN = {"campaign", "sessioncampaign", "sessioncampaignname", "campagne", "sessiecampagne"}
_TOTALS = {"", "total", "totals", "grandtotal", "totaal", "eindtotaal"}
_DATES = {
    "startdate": "start",
    "begindatum": "start",
    "startdatum": "start",
    "enddate": "end",
    "einddatum": "end",
}
_DELIMITERS = (",", ";", "\t")


def _key(header: str) -> str:
    return re.sub(r"[\s/\-_]+", "", header.strip().lower())


@dataclass(frozen=True)
class Row:
    """One source / medium (/ campaign) of the export with its metrics."""

    line: int
    source: str
    medium: str
    campaign: str | None
    metrics: Metrics

    @property
    def label(self) -> str:
        """``google / cpc``, with `` (campaign)`` when the export has campaigns."""
        both = self.source == self.medium == NOT_SET
        base = NOT_SET if both else f"{self.source} / {self.medium}"
        return base if self.campaign is None else f"{base} ({self.campaign})"

    @property
    def not_set(self) -> bool:
        """GA4 could not attribute this traffic."""
        return NOT_SET in (self.source.lower(), self.medium.lower())


class Rows(Sequence[Row]):
    """The export's rows, kept by column: a :class:`Row` is made when one is read.

    An export of a million rows held as a million ``Row`` objects (each with its
    :class:`Metrics` and a tuple of floats) took gigabytes; as arrays of numbers
    and lists of names it takes a few hundred bytes a row. Rows are in the order
    of their first line in the export, so their lines increase with their index.
    """

    __slots__ = ("_counts", "campaigns", "columns", "lines", "mediums", "sources", "values")

    def __init__(
        self,
        columns: tuple[MetricColumn, ...],
        lines: array[int],
        sources: list[str],
        mediums: list[str],
        campaigns: list[str | None],
        values: list[array[float]],
        counts: dict[int, int],
    ) -> None:
        self.columns = columns
        self.lines = lines
        self.sources = sources
        self.mediums = mediums
        self.campaigns = campaigns
        self.values = values
        """One array per metric column; NaN stands for None (an average over no sessions):
        a parsed cell is never NaN (:data:`MAX_METRIC` refuses it)."""
        self._counts = counts  # export lines added up into a row, when more than one

    def __len__(self) -> int:
        return len(self.lines)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Row, ...]: ...
    def __getitem__(self, index: int | slice) -> Row | tuple[Row, ...]:
        if isinstance(index, slice):
            return tuple(self[at] for at in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        metrics = Metrics(self.columns, self.values_at(index), self._counts.get(index, 1))
        return Row(
            self.lines[index],
            self.sources[index],
            self.mediums[index],
            self.campaigns[index],
            metrics,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def value(self, index: int, column: int) -> float | None:
        value = self.values[column][index]
        return None if math.isnan(value) else value

    def values_at(self, index: int) -> tuple[float | None, ...]:
        return tuple(self.value(index, column) for column in range(len(self.columns)))

    def column(self, column: int) -> list[float | None]:
        """Every row's value of one metric column, in row order."""
        return [None if math.isnan(v) else v for v in self.values[column]]

    def not_set(self, index: int) -> bool:
        """As :attr:`Row.not_set`, without making the row."""
        return NOT_SET in (self.sources[index].lower(), self.mediums[index].lower())


@dataclass(frozen=True)
class Export:
    """A whole export: its rows, its metric columns, its total and its period."""

    path: str
    kind: Literal["ga4", "plain"]
    dimension: str
    """The header naming the dimension, e.g. ``Session source / medium``."""
    columns: tuple[MetricColumn, ...]
    rows: Rows
    totals: Metrics | None
    """The export's own totals row, if it has one."""
    start: date | None
    end: date | None
    has_campaign: bool
    notation: Notation
    title: str | None = None

    @property
    def metric_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def total(self) -> Metrics:
        """All traffic: the totals row if the export has one, else the rows added up."""
        if self.totals is not None:
            return self.totals
        rows = self.rows
        return combine_columns(
            self.columns, [rows.column(at) for at in range(len(self.columns))], len(rows)
        )


def read_export(path: Path) -> Export:
    """Read and parse the export at ``path``; :class:`ExportError` (exit 2) if it cannot be."""
    shown = display(path)
    # No name here holds the bytes: parse_export lets go of them once decoded.
    return parse_export(_read(path, shown), shown)


def _read(path: Path, shown: str) -> bytes:
    try:
        return read_limited(path, MAX_EXPORT_BYTES)
    except ReadRefused as refused:
        raise ExportError(refused.message, Location(shown)) from None


def _decode(raw: bytes, shown: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ExportError(msg("not valid UTF-16 text"), Location(shown, 1, 1)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ExportError(
            msg(
                "not UTF-8 text (byte {byte}); download the export again or save it as 'CSV UTF-8'",
                byte=f"0x{raw[exc.start]:02x}",
            ),
            Location(shown, line, column),
        ) from None


def _field_starts(line: str, delimiter: str) -> list[int]:
    """1-based column where each field of a CSV line starts, honouring quotes."""
    starts, quoted = [1], False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(index + 2)
    return starts


@dataclass
class _Table:
    first_line: int
    lines: list[str]


def _tables(lines: list[str]) -> tuple[list[_Table], dict[str, date], str | None, int]:
    tables: list[_Table] = []
    dates: dict[str, date] = {}
    title: str | None = None
    current: _Table | None = None
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("#"):
            text = line.lstrip()[1:].strip()
            name, colon, value = text.partition(":")
            if colon and _key(name) in _DATES:
                found = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", value.strip())
                # An impossible date in a comment is not worth refusing the file for.
                with contextlib.suppress(ValueError):
                    if found:
                        dates[_DATES[_key(name)]] = date(*map(int, found.groups()))
            elif title is None and text.strip("-= "):
                title = text
            current = None
        elif not line.strip():
            current = None
        else:
            if current is None:
                current = _Table(number, [])
                tables.append(current)
            current.lines.append(line)
    first_data = tables[0].first_line if tables else max(len(lines), 1)
    return tables, dates, title, first_data


def _fields(line: str, delimiter: str = ",") -> list[str]:
    """One line's fields; a cell beyond the csv module's limit reads as empty here,
    so that the full read (:func:`_parse_table`) reports it at its line."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _header(line: str) -> tuple[str, list[str]] | None:
    """The delimiter and the fields of a header that names source and medium."""
    for delimiter in _DELIMITERS:
        fields = _fields(line, delimiter)
        keys = {_key(field) for field in fields}
        if keys & set(_COMBINED) or (keys & _SOURCE and keys & _MEDIUM):
            return delimiter, fields
    return None


def parse_export(raw: bytes, shown: str) -> Export:
    """Parse export bytes; ``shown`` names the file in messages."""
    text = _decode(raw, shown)
    del raw  # a large export's bytes, text and lines are not held all at once
    lines = editor_lines(text)
    del text
    tables, dates, title, first_data = _tables(lines)
    del lines  # the tables hold the lines they need
    for table in tables:
        found = _header(table.lines[0])
        if found is not None:
            return _parse_table(table, *found, shown, dates, title)
    seen = _fields(tables[0].lines[0]) if tables else []
    where = Location(shown, first_data, 1)
    if seen:
        raise ExportError(
            msg(
                "expected a header with a 'Session source / medium' column (a GA4 export) "
                "or 'source' and 'medium' columns (a plain CSV); found {found}",
                found=", ".join(repr(f) for f in seen),
            ),
            where,
        )
    raise ExportError(
        msg(
            "expected a header with a 'Session source / medium' column (a GA4 export) "
            "or 'source' and 'medium' columns (a plain CSV); the file has no table"
        ),
        where,
    )


def _parse_table(
    table: _Table,
    delimiter: str,
    header: list[str],
    shown: str,
    dates: dict[str, date],
    title: str | None,
) -> Export:
    keys = [_key(field) for field in header]
    combined = next((i for i, k in enumerate(keys) if k in _COMBINED), None)
    source_at = next((i for i, k in enumerate(keys) if k in _SOURCE), None)
    medium_at = next((i for i, k in enumerate(keys) if k in _MEDIUM), None)
    campaign_at = next((i for i, k in enumerate(keys) if k in _CAMPAIGN), None)
    if combined is not None:
        dimensions = {combined}
        dimension = header[combined].strip()
    else:
        assert source_at is not None and medium_at is not None  # _header checked
        dimensions = {source_at, medium_at}
        dimension = f"{header[source_at].strip()}, {header[medium_at].strip()}"
    if campaign_at is not None:
        dimensions.add(campaign_at)
    metric_at = [i for i in range(len(header)) if i not in dimensions]
    if not metric_at:
        raise ExportError(
            msg("expected at least one metric column (such as 'Sessions') after the dimensions"),
            Location(shown, table.first_line, 1),
        )

    def records() -> Iterator[tuple[int, list[str]]]:
        """The table's records with their (last) line, read afresh on each call: a
        million-row export is read three times rather than held as strings."""
        reader = csv.reader(table.lines[1:], delimiter=delimiter)
        while True:
            try:
                record = next(reader, None)
            except csv.Error as exc:
                line = table.first_line + reader.line_num
                raise ExportError(
                    msg(
                        "cannot read this line as CSV: {reason}; is the export cut off or "
                        "edited by hand?",
                        reason=str(exc),
                    ),
                    Location(shown, line, _long_field(_raw_line(table, line), delimiter)),
                ) from None
            if record is None:
                return
            line = table.first_line + reader.line_num
            if len(record) != len(header):
                raise ExportError(
                    nmsg(
                        "expected {count} field like the header on line {line}, found {found}",
                        "expected {count} fields like the header on line {line}, found {found}",
                        len(header),
                        line=table.first_line,
                        found=len(record),
                    ),
                    Location(shown, line, 1),
                )
            yield line, record

    # First every line must read (the first that does not is the error), then the
    # notation, then the values: the order in which problems are reported.
    percent: set[int] = set()
    last_line: int | None = None
    for line, record in records():
        percent.update(i for i in metric_at if record[i].strip().endswith("%"))
        last_line = line
    try:
        notation = detect_notation(_Cells(records, metric_at))
    except NotationClash as clash:
        bad_line, bad_record = _nth(records(), clash.index // len(metric_at))
        first_line = _nth(records(), clash.first // len(metric_at))[0]
        column = metric_at[clash.index % len(metric_at)]
        raise ExportError(
            msg(
                "'{cell}' in column '{column}' uses '{mark}' for decimals, but line {line} "
                "uses '{other}'; export the file again with one number notation",
                cell=bad_record[column].strip(),
                column=header[column].strip(),
                mark=_other(clash.notation),
                line=first_line,
                other=clash.notation.value,
            ),
            Location(shown, bad_line, _field_starts(_raw_line(table, bad_line), delimiter)[column]),
        ) from None
    columns = tuple(classify(header[i].strip(), i in percent) for i in metric_at)

    lines: array[int] = array("q")
    sources: list[str] = []
    mediums: list[str] = []
    campaigns: list[str | None] = []
    values: list[array[float]] = [array("d") for _ in columns]
    first_of: dict[tuple[str, str, str | None], int] = {}
    more: dict[int, list[list[float | None]]] = {}  # a row's later lines, when it has some
    names: dict[str, str] = {}  # one string per medium and campaign, not one per row
    known: dict[str, float] = {}  # cells repeat: each distinct one is parsed once
    totals: Metrics | None = None
    for line, record in records():
        cells = _values(record, metric_at, columns, notation, shown, line, table, delimiter, known)
        campaign = record[campaign_at].strip() if campaign_at is not None else None
        if combined is not None:
            cell = record[combined].strip()
            if _key(cell) in _TOTALS:
                totals = combine(columns, [cells])
                continue
            source, medium = _split(cell, shown, line, table, delimiter, combined)
        else:
            assert source_at is not None and medium_at is not None
            source, medium = record[source_at].strip(), record[medium_at].strip()
            if _key(source) in _TOTALS and not medium:
                totals = combine(columns, [cells])
                continue
            if not source or not medium:
                raise ExportError(
                    msg(
                        "expected a source and a medium, found an empty cell; "
                        "write '(not set)' for traffic without one"
                    ),
                    Location(shown, line, 1),
                )
        key = (source, medium, campaign or None)
        at = first_of.get(key)
        if at is not None:
            more.setdefault(at, []).append(cells)
            continue
        first_of[key] = len(sources)
        lines.append(line)
        sources.append(source)
        mediums.append(names.setdefault(medium, medium))
        campaigns.append(None if not campaign else names.setdefault(campaign, campaign))
        for at, value in enumerate(cells):
            assert value is not None  # a parsed cell is a number (an empty one 0.0)
            values[at].append(value)
    del first_of

    if not sources:
        raise ExportError(
            msg(
                "the export has a totals row but no source / medium rows; download it again "
                "with its rows"
            ),
            Location(shown, last_line if last_line is not None else table.first_line, 1),
        )
    rows = _rows(columns, lines, sources, mediums, campaigns, values, more)
    if totals is not None:
        _within_totals(rows, totals, shown)
    return Export(
        path=shown,
        kind="ga4" if combined is not None else "plain",
        dimension=dimension,
        columns=columns,
        rows=rows,
        totals=totals,
        start=dates.get("start"),
        end=dates.get("end"),
        has_campaign=campaign_at is not None,
        notation=notation,
        title=title,
    )


class _Cells:
    """The metric cells of every record, in order, each time it is iterated
    (:func:`detect_notation` may go through them twice)."""

    def __init__(
        self, records: Callable[[], Iterator[tuple[int, list[str]]]], metric_at: list[int]
    ) -> None:
        self._records = records
        self._metric_at = metric_at

    def __iter__(self) -> Iterator[str]:
        metric_at = self._metric_at
        for _, record in self._records():
            for i in metric_at:
                yield record[i].strip()


def _nth(records: Iterable[tuple[int, list[str]]], index: int) -> tuple[int, list[str]]:
    for at, record in enumerate(records):
        if at == index:
            return record
    raise IndexError(index)


def _rows(
    columns: tuple[MetricColumn, ...],
    lines: array[int],
    sources: list[str],
    mediums: list[str],
    campaigns: list[str | None],
    values: list[array[float]],
    more: dict[int, list[list[float | None]]],
) -> Rows:
    """The rows, each line's values combined as :func:`combine` does for one line,
    a row with several lines (a per-day export) from all its lines."""
    firsts = {at: [column[at] for column in values] for at in more}
    for at, column in enumerate(columns):
        if column.kind is Kind.SUM:  # combine() of one row: the sum of one value, tidied
            values[at] = array("d", [tidy(value) for value in values[at]])
    counts: dict[int, int] = {}
    for at, later in more.items():
        first: list[float | None] = list(firsts[at])
        combined = combine(columns, [first, *later])
        counts[at] = combined.rows
        for column_at, value in enumerate(combined.values):
            values[column_at][at] = math.nan if value is None else value
    return Rows(columns, lines, sources, mediums, campaigns, values, counts)


def _within_totals(rows: Rows, totals: Metrics, shown: str) -> None:
    """A row cannot count more than the whole export: it would be more than 100%."""
    for at, column in enumerate(totals.columns):
        whole = totals.values[at]
        if column.kind is not Kind.SUM or whole is None or column.role is Role.REVENUE:
            continue
        limit = whole * 1.000001 + 1e-9
        for index, value in enumerate(rows.values[at]):
            if value > limit:  # False for NaN (no value), as None was skipped
                row = rows[index]
                raise ExportError(
                    msg(
                        "'{row}' has more {metric} ({value}) than the totals row ({whole}); "
                        "the export does not add up, download it again",
                        row=row.label,
                        metric=column.name.lower(),
                        value=Number(value),
                        whole=Number(whole),
                    ),
                    Location(shown, row.line, 1),
                )


def _raw_line(table: _Table, line: int) -> str:
    return table.lines[line - table.first_line]


def _other(notation: Notation) -> str:
    return "," if notation is Notation.POINT else "."


def _split(
    cell: str, shown: str, line: int, table: _Table, delimiter: str, at: int
) -> tuple[str, str]:
    if cell.lower() == NOT_SET:
        return NOT_SET, NOT_SET
    source, separator, medium = cell.rpartition("/")
    if not separator or not source.strip() or not medium.strip():
        column = _field_starts(_raw_line(table, line), delimiter)[at]
        raise ExportError(
            msg("expected 'source / medium' such as 'google / organic', got '{cell}'", cell=cell),
            Location(shown, line, column),
        )
    return source.strip(), medium.strip()


def _values(
    record: list[str],
    metric_at: list[int],
    columns: tuple[MetricColumn, ...],
    notation: Notation,
    shown: str,
    line: int,
    table: _Table,
    delimiter: str,
    known: dict[str, float],
) -> list[float | None]:
    """A record's metric values; ``known`` remembers cells already parsed (bounded)."""
    values: list[float | None] = []
    for index, column in zip(metric_at, columns, strict=True):
        cell = record[index].strip()
        if not cell:
            values.append(0.0)  # warehouse exports leave NULL counts empty
            continue
        value = known.get(cell)
        wrong: Message | None = None
        if value is None:
            value = parse_number(cell, notation)
            if value is None:
                # The example in the file's own notation, whatever the report's language.
                example = "1,234.5" if notation is Notation.POINT else "1.234,5"
                wrong = msg(
                    "expected a number in column '{column}' (such as {example}), got '{cell}'",
                    column=column.name,
                    example=example,
                    cell=cell,
                )
            elif not abs(value) < MAX_METRIC:  # also catches inf and nan
                wrong = msg(
                    "'{cell}' in column '{column}' is beyond what any export counts (at most "
                    "{most}); is the column or the number notation wrong?",
                    cell=_short(cell),
                    column=column.name,
                    most=Number(MAX_METRIC),
                )
            elif len(known) < _KNOWN:
                known[cell] = value
        if wrong is None and value is not None and value < 0 and column.role is not Role.REVENUE:
            wrong = msg(
                "'{cell}' in column '{column}' is negative; only revenue can be (refunds), "
                "counts and rates cannot",
                cell=cell,
                column=column.name,
            )
        if wrong is not None:
            raise ExportError(
                wrong,
                Location(shown, line, _field_starts(_raw_line(table, line), delimiter)[index]),
            )
        values.append(value)
    return values


_KNOWN = 65_536
"""Distinct cells remembered while reading an export: what repeats, in little memory."""


def _long_field(line: str, delimiter: str) -> int:
    """The column where the first field beyond the csv module's size limit starts."""
    starts = _field_starts(line, delimiter)
    for start, end in zip(starts, [*starts[1:], len(line) + 2], strict=True):
        if end - start - 1 > csv.field_size_limit():
            return start
    return 1


def _short(cell: str) -> str:
    return cell if len(cell) <= 40 else cell[:37] + "..."
