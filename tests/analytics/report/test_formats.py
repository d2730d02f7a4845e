"""The report formats, byte for byte, with the warnings in each."""

from __future__ import annotations

import json

import pytest

from cjm.analytics.report import format_report, warnings
from cjm.analytics.result import AnalyticsResult
from cjm.text import text_for

EN = text_for("en")

TEXT = """\
analytics: ga4.csv
period: August 1, 2026 to August 31, 2026; GA4, Session source / medium; 7 rows, 15,000 sessions

shop (Shopper) - journeys/shop.yaml
                                             Sessions  Key events  Total revenue
  orientation                                  12,000         240       9,345.67
    zoeken       Google / ORGANIC               6,000         120       5,000.50
    ads          * / cpc                        5,000         110       4,345.17
    insta        instagram / paid_social        1,000          10           0.00
  consideration                                     0           0           0.00
    google-ads   google / cpc                   3,500          90       4,000.17
    tiktok       tiktok / paid_social               -           -              -
  purchase                                          0           0           0.00
    lente        newsletter / email (lente)         -           -              -
  no traffic: tiktok (tiktok / paid_social): no row of the export matches
  no traffic: lente (newsletter / email (lente)): names a campaign, but the export has no \
campaign column (add the dimension 'Session campaign' in GA4)

gaps: traffic no touchpoint claims, largest first (share of sessions)
                     Sessions  Key events  Total revenue  Share
  (direct) / (none)     2,500          50       3,000.00  16.7%
  (1 smaller gap below --min-share 0.05 not shown)
not attributed: (not set), 100 sessions (0.7%)

warnings:
  skipped journeys/broken.yaml: it has problems (run 'cjm lint'), so its touchpoints claim \
no traffic
  ga4.csv:16: 'google / cpc' is claimed by 2 touchpoints of one journey: shop/ads, \
shop/google-ads; each touchpoint shows it in full, the phase totals count it once, in 'orientation'

1 journey, 6 mapped touchpoints, 2 mappings without traffic, 1 gap (16.7% of sessions)
"""

MARKDOWN_GAPS = """\
## Gaps: traffic no touchpoint claims

| Source / medium | Sessions | Key events | Total revenue | Share |
| --- | ---: | ---: | ---: | ---: |
| (direct) / (none) | 2,500 | 50 | 3,000.00 | 16.7% |
| chatgpt.com / referral | 400 | 8 | 0.00 | 2.7% |

Not attributed: (not set), 100 sessions (0.7%).

## Warnings

- skipped journeys/broken.yaml: it has problems (run 'cjm lint'), so its touchpoints claim \
no traffic
- ga4.csv:16: 'google / cpc' is claimed by 2 touchpoints of one journey: shop/ads, \
shop/google-ads; each touchpoint shows it in full, the phase totals count it once, in 'orientation'

1 journey, 6 mapped touchpoints, 2 mappings without traffic, 2 gaps (19.3% of sessions).
"""


def test_text(shop_result: AnalyticsResult) -> None:
    assert format_report(shop_result, "text", 0.05, EN) == TEXT


def test_markdown(shop_result: AnalyticsResult) -> None:
    report = format_report(shop_result, "markdown", 0.0, EN)
    assert report.startswith("# Analytics: ga4.csv\n\nPeriod: August 1, 2026 to August 31, 2026;")
    assert "| **Orientation** |  | **12,000** | **240** | **9,345.67** |\n" in report
    assert "| Advertenties (`ads`) | \\* / cpc | 5,000 | 110 | 4,345.17 |\n" in report
    assert "| TikTok (`tiktok`) | tiktok / paid\\_social | - | - | - |\n" in report
    assert report.endswith(MARKDOWN_GAPS)
    narrowed = format_report(shop_result, "markdown", 0.05, EN)
    assert "\n\n1 smaller gap below --min-share 0.05 not shown.\n\n" in narrowed
    assert "chatgpt.com" not in narrowed


def test_json(shop_result: AnalyticsResult) -> None:
    report = format_report(shop_result, "json", 0.05, EN)
    document = json.loads(report)
    assert report.endswith("}\n")
    assert document["export"]["start"] == "2026-08-01"
    assert document["export"]["total"]["Sessions"] == 15000
    assert document["export"]["share_metric"] == "Sessions"
    phases = document["journeys"][0]["phases"]
    assert [(p["id"], p["totals"]["Sessions"]) for p in phases] == [
        ("orientation", 12000),
        ("consideration", 0),  # google / cpc counts in orientation, where it is claimed first
        ("purchase", 0),
    ]
    ads = phases[0]["touchpoints"][1]
    assert ads["metrics"] == {
        "Sessions": 5000,
        "Engaged sessions": 2700,
        "Engagement rate": 0.54,
        "Key events": 110,
        "Total revenue": 4345.17,
    }
    assert [(r["source"], r["medium"], r["line"]) for r in ads["rows"]] == [
        ("google", "cpc", 16),
        ("bing", "cpc", 18),
    ]
    assert [(g["source"], g["share"]) for g in document["gaps"]] == [("(direct)", 0.166667)]
    assert document["hidden_gaps"] == 1
    assert document["double_claims"][0]["claimed_by"] == [
        {"persona_id": "shop", "touchpoint_id": "ads"},
        {"persona_id": "shop", "touchpoint_id": "google-ads"},
    ]
    assert document["double_claims"][0]["counted_in"] == "orientation"
    assert document["skipped"] == ["journeys/broken.yaml"]
    assert document["warnings"] == warnings(shop_result, EN)


def test_warnings(shop_result: AnalyticsResult) -> None:
    assert warnings(shop_result, EN) == [
        "skipped journeys/broken.yaml: it has problems (run 'cjm lint'), "
        "so its touchpoints claim no traffic",
        "ga4.csv:16: 'google / cpc' is claimed by 2 touchpoints of one journey: "
        "shop/ads, shop/google-ads; each touchpoint shows it in full, the phase totals "
        "count it once, in 'orientation'",
    ]


@pytest.mark.parametrize(
    ("output_format", "min_share", "line"),
    [
        (
            "text",
            0.05,
            "periode: 1 augustus 2026 t/m 31 augustus 2026; GA4, Session source / "
            "medium; 7 rijen, 15.000 sessions\n",
        ),
        (
            "text",
            0.05,
            "    ads          * / cpc                        5.000         110       4.345,17\n",
        ),
        ("text", 0.05, "  (1 kleiner gat onder --min-share 0.05 niet getoond)\n"),
        (
            "text",
            0.05,
            "\n1 klantreis, 6 gekoppelde touchpoints, 2 koppelingen zonder verkeer, "
            "1 gat (16,7% van sessions)\n",
        ),
        ("markdown", 0.0, "| (direct) / (none) | 2.500 | 50 | 3.000,00 | 16,7% |\n"),
        ("markdown", 0.0, "2 koppelingen zonder verkeer, 2 gaten (19,3% van sessions).\n"),
        ("markdown", 0.0, "\n## Waarschuwingen\n\n- journeys/broken.yaml overgeslagen: "),
    ],
)
def test_dutch_words_numbers_and_plurals(
    shop_result: AnalyticsResult, output_format: str, min_share: float, line: str
) -> None:
    assert line in format_report(shop_result, output_format, min_share, text_for("nl"))
