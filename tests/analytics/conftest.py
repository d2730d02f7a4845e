"""The analytics fixtures: a realistic GA4 export matched to a small journey."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.analytics.export import parse_export
from cjm.analytics.matching import analyse
from cjm.analytics.result import AnalyticsResult
from cjm.config import Config
from cjm.loader import load_text

DATA = Path(__file__).parent / "data"
GA4 = DATA / "ga4-traffic-acquisition.csv"

JOURNEY = """\
persona: {id: shop, name: Shopper}
phases:
  - id: orientation
    touchpoints:
      - {id: zoeken, name: Zoeken, channel: search, analytics: {source: Google, medium: ORGANIC}}
      - {id: ads, name: Advertenties, channel: search, analytics: {source: "*", medium: cpc}}
      - {id: insta, name: Instagram, channel: social,
         analytics: {source: instagram, medium: paid_social}}
  - id: consideration
    touchpoints:
      - {id: google-ads, name: Google Ads, channel: search,
         analytics: {source: google, medium: cpc}}
      - {id: tiktok, name: TikTok, channel: social,
         analytics: {source: tiktok, medium: paid_social}}
      - {id: winkel, name: Winkel, channel: store}
  - id: purchase
    touchpoints:
      - {id: lente, name: Lenteactie, channel: email,
         analytics: {source: newsletter, medium: email, campaign: lente}}
"""


@pytest.fixture(scope="session")
def shop_result() -> AnalyticsResult:
    """The GA4 export against the journey above, plus a broken file that is skipped."""
    config = Config(root=Path())
    files = [
        load_text(JOURNEY.encode(), "journeys/shop.yaml", config),
        load_text(b"persona: [\n", "journeys/broken.yaml", config),
    ]
    return analyse(parse_export(GA4.read_bytes(), "ga4.csv"), files)
