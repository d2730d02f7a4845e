"""Matching rows to touchpoints, and what the result says per journey, phase and gap."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from cjm.analytics.export import Row, parse_export
from cjm.analytics.matching import Pattern, analyse
from cjm.analytics.metrics import Metrics
from cjm.analytics.result import AnalyticsResult
from cjm.config import Config
from cjm.loader import load_text
from cjm.models import Analytics
from cjm.text import text_for
from tests.analytics.conftest import GA4, JOURNEY

EN = text_for("en")

HERE = Path(__file__).parent


def _cases() -> list[Any]:
    cases = yaml.safe_load((HERE / "cases" / "matching.yaml").read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["name"]) for case in cases]


@pytest.mark.parametrize("case", _cases())
def test_pattern(case: dict[str, Any]) -> None:
    source, medium, *campaign = case["row"]
    row = Row(1, source, medium, campaign[0] if campaign else None, Metrics((), ()))
    assert Pattern(Analytics.model_validate(case["mapping"])).matches(row) is case["match"]


def _shown(metrics: Metrics | None) -> tuple[float | None, ...] | None:
    if metrics is None:
        return None
    return metrics.sessions, metrics.key_events, metrics.revenue


def test_touchpoint_metrics(shop_result: AnalyticsResult) -> None:
    assert _shown(shop_result.touchpoint_metrics("shop", "zoeken")) == (6000, 120, 5000.5)
    # '*' / cpc claims google / cpc and bing / cpc; the rate is sessions-weighted.
    ads = shop_result.touchpoint_metrics("shop", "ads")
    assert ads is not None
    assert _shown(ads) == (5000, 110, 4345.17)
    assert ads.get("Engagement rate") == 0.54
    assert ads.rows == 2
    assert _shown(shop_result.touchpoint_metrics("shop", "insta")) == (1000, 10, 0)
    assert _shown(shop_result.touchpoint_metrics("shop", "google-ads")) == (3500, 90, 4000.17)
    assert _shown(shop_result.touchpoint_metrics("shop", "tiktok")) == (0, 0, 0)
    assert shop_result.touchpoint_metrics("shop", "winkel") is None  # no mapping
    assert shop_result.touchpoint_metrics("nobody", "zoeken") is None


def test_phase_totals_count_each_row_once(shop_result: AnalyticsResult) -> None:
    orientation = shop_result.phase_totals("shop", "orientation")
    # organic 6000 + google/cpc 3500 + bing/cpc 1500 + instagram 1000
    assert (_shown(orientation), orientation.rows) == ((12000, 240, 9345.67), 4)
    # google / cpc is claimed in orientation (by '* / cpc') and again in consideration:
    # one visit, counted once in the journey, in the first phase that claims it.
    assert _shown(shop_result.phase_totals("shop", "consideration")) == (0, 0, 0)
    assert _shown(shop_result.touchpoint_metrics("shop", "google-ads")) == (3500, 90, 4000.17)
    assert _shown(shop_result.phase_totals("shop", "purchase")) == (0, 0, 0)
    assert shop_result.phase_totals("shop", "unknown").rows == 0
    journey = shop_result.journey("shop")
    assert journey is not None
    assert [p.named(EN) for p in journey.phases] == ["Orientation", "Consideration", "Purchase"]


def test_mappings_without_traffic_say_why(shop_result: AnalyticsResult) -> None:
    journey = shop_result.journey("shop")
    assert journey is not None
    assert [(t.touchpoint_id, t.mapping, EN(t.reason or "")) for t in journey.unmatched] == [
        ("tiktok", "tiktok / paid_social", "no row of the export matches"),
        (
            "lente",
            "newsletter / email (lente)",
            "names a campaign, but the export has no campaign column "
            "(add the dimension 'Session campaign' in GA4)",
        ),
    ]


def test_gaps_largest_first_with_share_and_min_share(shop_result: AnalyticsResult) -> None:
    assert shop_result.share_metric == "Sessions"
    assert [(g.row.label, round(g.share, 6)) for g in shop_result.gaps()] == [
        ("(direct) / (none)", 0.166667),
        ("chatgpt.com / referral", 0.026667),
    ]
    assert [g.row.label for g in shop_result.gaps(0.05)] == ["(direct) / (none)"]
    assert shop_result.gaps(0.2) == []
    assert [(g.row.label, g.share) for g in shop_result.not_set] == [("(not set)", 100 / 15000)]


def test_double_claims_and_skipped_files(shop_result: AnalyticsResult) -> None:
    assert [(c.row.label, c.claimants, c.counted_in) for c in shop_result.double_claims] == [
        ("google / cpc", (("shop", "ads"), ("shop", "google-ads")), "orientation")
    ]
    assert shop_result.skipped == ("journeys/broken.yaml",)
    assert [j.persona_id for j in shop_result.journeys] == ["shop"]


def test_the_same_row_in_two_personas_journeys_is_no_double_claim() -> None:
    # One website serves every persona: each journey's funnel counts what reaches
    # it. Only one journey claiming a row twice counts the same sessions twice.
    config = Config(root=Path())
    other = (
        "persona: {id: zakelijk, name: Zakelijk}\nphases:\n  - id: orientation\n"
        "    touchpoints:\n      - {id: zoeken, name: Zoeken, channel: search,\n"
        "         analytics: {source: google, medium: organic}}\n"
    )
    files = [
        load_text(JOURNEY.encode(), "journeys/shop.yaml", config),
        load_text(other.encode(), "journeys/zakelijk.yaml", config),
    ]
    result = analyse(parse_export(GA4.read_bytes(), "ga4.csv"), files)
    assert [(c.row.label, c.claimants) for c in result.double_claims] == [
        ("google / cpc", (("shop", "ads"), ("shop", "google-ads")))
    ]
    organic = [result.touchpoint_metrics(p, "zoeken") for p in ("shop", "zakelijk")]
    assert organic[0] is not None and organic[0] == organic[1]


def test_export_facts_for_render(shop_result: AnalyticsResult) -> None:
    assert shop_result.date_range is not None
    assert [d.isoformat() for d in shop_result.date_range] == ["2026-08-01", "2026-08-31"]
    assert shop_result.metric_names[0] == "Sessions"
    assert shop_result.share_value(shop_result.total) == 15000


REVIEWS = """\
persona: {id: shop, name: Shopper}
phases:
  - id: orientation
    touchpoints:
      - {id: zoeken, name: Zoeken, channel: search, analytics: {source: google, medium: organic}}
  - id: consideration
    touchpoints:
      - id: reviews
        name: Reviews
        channel: review-site
        analytics:
          - {source: chatgpt.com, medium: referral}
          - {source: google, medium: organic}
          - {source: kiyoh.com, medium: referral}
          - {source: "*", medium: "*organic*"}
"""


def test_a_list_of_mappings_claims_every_row_any_of_them_matches_once() -> None:
    config = Config(root=Path())
    file = load_text(REVIEWS.encode(), "journeys/shop.yaml", config)
    result = analyse(parse_export(GA4.read_bytes(), "ga4.csv"), [file])
    journey = result.journey("shop")
    assert journey is not None
    (reviews,) = journey.phases[1].touchpoints
    # google / organic matches two of its mappings and is still one row.
    assert [row.label for row in reviews.rows] == ["google / organic", "chatgpt.com / referral"]
    assert reviews.mapping == (
        "chatgpt.com / referral, google / organic, kiyoh.com / referral, * / *organic*"
    )
    assert _shown(reviews.metrics) == (6400, 128, 5000.5)
    # google / organic counts in orientation, where the journey meets it first.
    assert _shown(result.phase_totals("shop", "consideration")) == (400, 8, 0)
    assert "chatgpt.com / referral" not in [gap.row.label for gap in result.gaps()]
    assert [EN(w) for w in result.warnings if "matches no row" in EN(w)] == [
        "journeys/shop.yaml: touchpoint 'reviews': its mapping 'kiyoh.com / referral' "
        "matches no row of the export"
    ]
