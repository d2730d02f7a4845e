"""Reading exports: a realistic GA4 download, a plain CSV, and what is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from cjm.analytics.export import parse_export, read_export
from cjm.analytics.metrics import Kind, Role
from cjm.analytics.numbers import Notation
from cjm.errors import ExportError

DATA = Path(__file__).parent / "data"
GA4 = DATA / "ga4-traffic-acquisition.csv"


def test_ga4_export_is_read_with_its_period_totals_and_rows() -> None:
    export = read_export(GA4)
    assert export.kind == "ga4"
    assert export.dimension == "Session source / medium"
    assert (export.start, export.end) == (date(2026, 8, 1), date(2026, 8, 31))
    assert export.title == "Traffic acquisition: Session source / medium"
    assert export.notation is Notation.POINT
    assert export.metric_names == (
        "Sessions",
        "Engaged sessions",
        "Engagement rate",
        "Key events",
        "Total revenue",
    )
    assert [(c.kind, c.role) for c in export.columns] == [
        (Kind.SUM, Role.SESSIONS),
        (Kind.SUM, None),
        (Kind.AVERAGE, None),
        (Kind.SUM, Role.KEY_EVENTS),
        (Kind.SUM, Role.REVENUE),
    ]
    assert export.totals is not None
    assert export.totals.values == (15000.0, 8900.0, 0.5933, 300.0, 12345.67)
    rows = {(row.source, row.medium): (row.line, row.metrics.values) for row in export.rows}
    assert rows == {
        ("google", "organic"): (15, (6000.0, 4200.0, 0.7, 120.0, 5000.5)),
        ("google", "cpc"): (16, (3500.0, 2100.0, 0.6, 90.0, 4000.17)),
        ("(direct)", "(none)"): (17, (2500.0, 1250.0, 0.5, 50.0, 3000.0)),
        ("bing", "cpc"): (18, (1500.0, 600.0, 0.4, 20.0, 345.0)),
        ("Instagram", "Paid_Social"): (19, (1000.0, 500.0, 0.5, 10.0, 0.0)),
        ("chatgpt.com", "referral"): (20, (400.0, 240.0, 0.6, 8.0, 0.0)),
        ("(not set)", "(not set)"): (21, (100.0, 10.0, 0.1, 2.0, 0.0)),
    }
    assert [row.not_set for row in export.rows].count(True) == 1


def test_total_is_the_rows_added_up_without_a_totals_row() -> None:
    totals_row = b',"15,000","8,900",0.5933,300,"12,345.67"\r\n'
    raw = GA4.read_bytes()
    assert totals_row in raw
    export = parse_export(raw.replace(totals_row, b""), "no-totals.csv")
    assert export.totals is None
    # Counts add up; the engagement rate is the sessions-weighted average.
    assert export.total().values == (15000.0, 8900.0, 0.593333, 300.0, 12345.67)


def test_plain_csv_in_dutch_notation_with_semicolons_and_repeated_rows() -> None:
    export = read_export(DATA / "plain-nl.csv")
    assert export.kind == "plain"
    assert export.dimension == "source, medium"
    assert export.has_campaign
    assert export.notation is Notation.COMMA
    assert (export.start, export.end, export.totals) == (None, None, None)
    assert [c.role for c in export.columns] == [Role.SESSIONS, Role.KEY_EVENTS, Role.REVENUE]
    # The second 'google;cpc;voorjaar' line (5) is added to the first (2).
    assert [(r.line, r.label, r.metrics.values, r.metrics.rows) for r in export.rows] == [
        (2, "google / cpc (voorjaar)", (1334.0, 13.0, 1244.5), 2),
        (3, "google / cpc (merk)", (766.0, 8.0, 99.95), 1),
        (4, "newsletter / email (oktober)", (2000.0, 40.0, 0.0), 1),
    ]


def test_ga4_export_from_a_dutch_interface() -> None:
    text = (
        "# Begindatum: 20260901\n# Einddatum: 20260930\n"
        "Sessiebron/-medium,Sessies,Betrokkenheidspercentage,Conversies,Totale opbrengst\n"
        'Totaal,"3.234","0,6",12,"1.050,25"\n'
        'google / organic,"1.234","0,5",5,"50,25"\n'
        'google / cpc,"2.000","0,662",7,"1.000,00"\n'
    )
    export = parse_export(text.encode(), "nl.csv")
    assert (export.notation, export.dimension) == (Notation.COMMA, "Sessiebron/-medium")
    assert (export.start, export.end) == (date(2026, 9, 1), date(2026, 9, 30))
    assert [(c.kind, c.role) for c in export.columns] == [
        (Kind.SUM, Role.SESSIONS),
        (Kind.AVERAGE, None),
        (Kind.SUM, Role.KEY_EVENTS),
        (Kind.SUM, Role.REVENUE),
    ]
    assert export.totals is not None and export.totals.values == (3234.0, 0.6, 12.0, 1050.25)
    assert [r.metrics.values for r in export.rows] == [
        (1234.0, 0.5, 5.0, 50.25),
        (2000.0, 0.662, 7.0, 1000.0),
    ]


def test_utf16_export_as_excel_saves_it() -> None:
    text = "source\tmedium\tsessions\ngoogle\torganic\t1,234\n"
    export = parse_export(text.encode("utf-16"), "excel.txt")
    assert [(r.label, r.metrics.sessions) for r in export.rows] == [("google / organic", 1234.0)]


def test_not_utf8_names_line_and_column() -> None:
    with pytest.raises(ExportError) as raised:
        parse_export("source,medium,sessions\ncafé,referral,1\n".encode("latin-1"), "x.csv")
    assert str(raised.value) == (
        "x.csv:2:4: not UTF-8 text (byte 0xe9); download the export again or save it as 'CSV UTF-8'"
    )


def test_missing_file_is_an_export_error() -> None:
    with pytest.raises(ExportError) as raised:
        read_export(DATA / "missing.csv")
    assert str(raised.value).endswith(
        "missing.csv: cannot read the file: No such file or directory"
    )
    assert raised.value.exit_code == 2


def _cases() -> list[Any]:
    cases = yaml.safe_load((Path(__file__).parent / "cases" / "export-errors.yaml").read_text())
    return [pytest.param(case, id=case["name"]) for case in cases]


@pytest.mark.parametrize("case", _cases())
def test_export_error(case: dict[str, Any]) -> None:
    with pytest.raises(ExportError) as raised:
        parse_export(case["csv"].encode(), "export.csv")
    location = raised.value.location
    assert location is not None
    assert (location.path, f"{location.line}:{location.column}") == ("export.csv", case["expect"])
    assert case["message"] in str(raised.value)


def test_a_negative_revenue_is_a_refund() -> None:
    export = parse_export(b"source,medium,sessions,revenue\ngoogle,cpc,3,-12.50\n", "e.csv")
    assert export.rows[0].metrics.values == (3.0, -12.5)


def test_a_cell_beyond_the_csv_field_limit_is_reported_at_its_line() -> None:
    raw = b"source,medium,sessions\ngoogle,organic,1\nbing,cpc," + b"9" * 200_000 + b"\n"
    with pytest.raises(ExportError) as caught:
        parse_export(raw, "export.csv")
    assert str(caught.value.location) == "export.csv:3:10"
    assert "field larger than field limit" in str(caught.value)
