"""``--format csv``: the funnel and the gaps in one table, for Excel."""

from __future__ import annotations

import csv
import io

from cjm.analytics.report import FORMATS, AnalyticsReport
from cjm.analytics.result import AnalyticsResult
from cjm.text import text_for


def _csv(result: AnalyticsResult, min_share: float = 0.0, language: str = "en") -> str:
    stream = io.StringIO()
    FORMATS.get("csv")(AnalyticsReport(result, text_for(language), min_share), stream, False)
    return stream.getvalue()


def _records(text: str, delimiter: str = ",") -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=delimiter))


def test_the_funnel_and_the_gaps_in_one_table(shop_result: AnalyticsResult) -> None:
    records = _records(_csv(shop_result, 0.05))
    header = records[0]
    columns = "section,persona_id,journey,phase_id,phase,touchpoint_id,touchpoint,source / medium"
    assert header[:8] == columns.split(",")
    assert header[8:] == [*shop_result.export.metric_names, "share"]
    assert all(len(record) == len(header) for record in records)
    rows = {(r[0], r[3], r[5], r[7]): r for r in records[1:]}
    orientation = rows[("funnel", "orientation", "", "")]
    assert orientation[1:3] == ["shop", "Shopper"] and orientation[8] == "12000"
    ads = rows[("funnel", "orientation", "ads", "* / cpc")]
    assert ads[8] == "5000" and ads[-1] == ""
    assert rows[("funnel", "consideration", "tiktok", "tiktok / paid_social")][8:] == [""] * (
        len(header) - 8
    )  # a mapping without traffic: no numbers, not zeros
    gaps = [r for r in records if r[0] == "gap"]
    assert [(g[7], g[8], g[-1]) for g in gaps] == [
        ("(direct) / (none)", "2500", "0.16666666666666666")
    ]
    assert [r[7] for r in records if r[0] == "not set"] == ["(not set)"]


def test_a_dutch_project_gets_semicolons_and_decimal_commas(shop_result: AnalyticsResult) -> None:
    text = _csv(shop_result, 0.05, "nl")
    gap = next(r for r in _records(text, ";") if r[0] == "gap")
    assert gap[-1] == "0,16666666666666666"
    revenue = _records(text, ";")[0].index("Total revenue")
    assert gap[revenue] == "3000"
    assert "9345,67" in text


def test_the_same_result_gives_the_same_bytes(shop_result: AnalyticsResult) -> None:
    assert _csv(shop_result) == _csv(shop_result)
