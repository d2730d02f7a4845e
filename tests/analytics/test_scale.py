"""What keeps ``cjm analytics`` linear in a large export give the same answers as before.

The index of mappings (:class:`cjm.analytics.matching._Index`) must find exactly
the rows trying every mapping on every row finds; the rows kept by column
(:class:`cjm.analytics.export.Rows`) must read back as the rows they were; the
gaps kept as row numbers must filter as the list did.
"""

from __future__ import annotations

import math
from array import array
from pathlib import Path

import pytest
import yaml

from cjm.analytics.export import Rows, parse_export
from cjm.analytics.matching import Pattern, _Index
from cjm.analytics.result import AnalyticsResult
from cjm.models import Analytics

HERE = Path(__file__).parent

# Mappings and rows where a regular expression's case rules are wider than
# str.lower(): the long s, the Kelvin sign, dotted and dotless i, a sharp s.
EXTRA_MAPPINGS = [
    {"source": "site.example", "medium": "referral"},
    {"source": "ſite.example", "medium": "referral"},
    {"source": "google", "medium": "organic"},
    {"source": "bİng", "medium": "organic"},
    {"source": "bing", "medium": "organıc"},
    {"source": "\u212aanaal", "medium": "social"},
    {"source": "straße", "medium": "*"},
    {"source": "*", "medium": "*"},
    {"source": "goo*", "medium": "organic", "campaign": "*"},
    {"source": " google ", "medium": " organic "},
    {"source": "google", "medium": "organic"},  # twice: one pattern serves both
]
EXTRA_ROWS = [
    ("ſite.example", "referral", None),
    ("site.example", "REFERRAL", None),
    ("SITE.EXAMPLE", "referral", "x"),
    ("bing", "organic", None),
    ("bİng", "organic", None),
    ("BING", "ORGANIC", None),
    ("kanaal", "social", None),
    ("KANAAL", "social", None),
    ("strasse", "cpc", None),
    ("STRASSE", "cpc", None),
    ("google", "organic", ""),
    ("Google", "Organic", "lente"),
    ("(not set)", "(not set)", None),
]


def _rows(rows: list[tuple[str, str, str | None]]) -> Rows:
    return Rows(
        (),
        array("q", range(1, len(rows) + 1)),
        [source for source, _, _ in rows],
        [medium for _, medium, _ in rows],
        [campaign for _, _, campaign in rows],
        [],
        {},
    )


def test_the_index_finds_what_trying_every_mapping_finds() -> None:
    cases = yaml.safe_load((HERE / "cases" / "matching.yaml").read_text(encoding="utf-8"))
    mappings = [case["mapping"] for case in cases] + EXTRA_MAPPINGS
    patterns = [Pattern(Analytics.model_validate(mapping)) for mapping in mappings]
    listed = [(*case["row"], None)[:3] for case in cases] + EXTRA_ROWS
    rows = _rows(listed)
    found = _Index(patterns).matches(rows)
    expected = {p: [i for i in range(len(rows)) if p.matches(rows[i])] for p in patterns}
    assert found == expected
    assert any(found[p] for p in patterns[len(cases) :])  # the extra cases match something


def test_rows_read_back_as_rows() -> None:
    export = parse_export(
        b"source,medium,campaign,sessions,engagement rate\n"
        b"google,organic,,10,0.5\n"
        b"google,organic,,30,0.7\n"
        b"bing,cpc,lente,0,0.25\n"
        b"bing,cpc,lente,0,0.75\n"
        b"duck,organic,,5,0.125\n",
        "plain.csv",
    )
    rows = export.rows
    assert len(rows) == 3 and rows[-1] == rows[2] and rows[1:] == (rows[1], rows[2])
    assert [(r.line, r.label, r.metrics.values, r.metrics.rows) for r in rows] == [
        (2, "google / organic", (40.0, 0.65), 2),
        (4, "bing / cpc (lente)", (0.0, None), 2),  # no sessions to weigh the rate by
        (6, "duck / organic", (5.0, 0.125), 1),
    ]
    assert math.isnan(rows.values[1][1])
    with pytest.raises(IndexError):
        rows[3]


@pytest.mark.parametrize(
    ("min_share", "shown"),
    [(0.0, 2), (0.05, 1), (0.2, 0), (-1.0, 2), (math.nan, 0), (math.inf, 0)],
)
def test_gaps_are_the_largest_first(
    shop_result: AnalyticsResult, min_share: float, shown: int
) -> None:
    expected = [gap for gap in list(shop_result.all_gaps) if gap.share >= min_share]
    gaps = shop_result.gaps(min_share)
    assert len(expected) == shown
    assert gaps == expected and list(gaps) == expected
