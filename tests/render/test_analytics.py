"""``cjm render --analytics``: the example export's numbers on the rendered map and index.

The HTML is read with the standard library's parser; the expected values are the
example export's (analytics/ga4-traffic-acquisition.csv) rows as the example
journeys map them, the same numbers ``cjm analytics`` prints.
"""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cjm.analytics.export import read_export
from cjm.analytics.matching import analyse
from cjm.render.analytics import measurements
from cjm.render.context import Measurements
from cjm.text import text_for
from tests.conftest import REPO
from tests.render.helpers import EXAMPLES, example_key, load_example, render

EXPORT = REPO / "analytics" / "ga4-traffic-acquisition.csv"


@cache
def _measured(language: str) -> Measurements:
    files = [load_example(path) for path in EXAMPLES]
    return measurements(analyse(read_export(EXPORT), files), text_for(language))


@cache
def _outputs(language: str) -> dict[str, str]:
    files = [load_example(path) for path in EXAMPLES]
    return render(files, ["html", "markdown"], language, measurements=_measured(language))


class Numbers(HTMLParser):
    """The numbers a map or index shows: per card, per KPI cell, per unclaimed source."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cards: dict[str, list[tuple[str, str]]] = {}
        """Card id (``tp-…``) to its metrics' (label, value) pairs."""
        self.kpi_cells: list[list[str]] = []
        """Per phase, the KPI lane's items as text."""
        self.unclaimed: list[list[str]] = []
        """Rows of the index's table of unclaimed sources, cell texts."""
        self.meta: list[str] = []
        """The texts of ``<p class="meta">``."""
        self._card: str | None = None
        self._lane: str | None = None
        self._table: str | None = None
        self._text: list[str] | None = None
        self._pair: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        classes = attributes.get("class", "").split()
        if tag == "li" and "card" in classes:
            self._card = attributes["id"]
            self.cards[self._card] = []
        elif tag == "tr":
            self._lane = next((c for c in classes if c.startswith("lane-")), None)
            if self._table == "unclaimed" and self._lane is None:
                self.unclaimed.append([])
        elif tag == "table":
            self._table = "unclaimed" if "unclaimed" in classes else None
        elif tag == "td" and self._lane == "lane-kpis":
            self.kpi_cells.append([])
        if tag == "br" and self._text is not None:
            self._text.append(" ")
        if tag in {"dt", "dd", "li", "th", "td"} or (tag == "p" and "meta" in classes):
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        text = " ".join("".join(self._text or []).split())
        if tag in {"dt", "dd"} and self._card is not None:
            self._pair.append(text)
            if tag == "dd":
                self.cards[self._card].append((self._pair[0], self._pair[1]))
                self._pair = []
        elif tag == "li" and self._lane == "lane-kpis":
            self.kpi_cells[-1].append(text)
        elif tag in {"th", "td"} and self._table == "unclaimed" and self.unclaimed:
            self.unclaimed[-1].append(text)
        elif tag == "p" and self._text is not None:
            self.meta.append(text)
        if tag == "ol" and self._lane == "lane-touchpoints":
            self._card = None  # the end of a phase's cards (a card has lists of its own)
        if tag == "table":
            self._table = None
        if tag in {"dt", "dd", "li", "th", "td", "p"}:
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def _numbers(page: str) -> Numbers:
    parser = Numbers()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize(
    ("card", "sessions", "key_events"),
    [
        ("tp-instagram-advertentie", "4.112", "58"),  # instagram / paid_social
        ("tp-google-zoeken", "18.420", "512"),  # google / organic
        ("tp-website-collectie", "7.305", "244"),  # google / cpc
        ("tp-webshop-checkout", "9.871", "301"),  # (direct) / (none)
        ("tp-review-verzoek", "9", "1"),  # kiyoh / email
        ("tp-instagram-ugc", "0", "0"),  # instagram / social: no row matches
    ],
)
def test_a_mapped_card_shows_its_sessions_and_key_events(
    card: str, sessions: str, key_events: str
) -> None:
    cards = _numbers(_outputs("nl")["jonge-ouders.html"]).cards
    assert cards[card] == [("Sessies", sessions), ("Belangrijke gebeurtenissen", key_events)]


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_exactly_the_cards_with_a_mapping_show_numbers(path: Path) -> None:
    journey = load_example(path).journey
    assert journey is not None
    cards = _numbers(_outputs("nl")[f"{example_key(path)}.html"]).cards
    mapped = {f"tp-{tp.id}" for _, _, tp in journey.touchpoints() if tp.analytics}
    assert {card for card, pairs in cards.items() if pairs} == mapped
    if journey.journey.state == "future":  # a plan has no traffic yet, and claims none
        assert mapped == set()
        return
    assert len(cards) == len(list(journey.touchpoints())) > len(mapped) > 0


def test_the_kpi_lane_shows_the_phase_totals_after_the_kpis() -> None:
    cells = _numbers(_outputs("nl")["jonge-ouders.html"]).kpi_cells
    # orientation, consideration, purchase, use, loyalty; google / organic counts once.
    totals = [
        ("22.532", "570"),
        ("8.583", "317"),
        ("10.237", "313"),
        ("120", "2"),
        ("2.849", "134"),
    ]
    assert len(cells) == len(totals)
    for items, (sessions, key_events) in zip(cells, totals, strict=True):
        assert items[-2:] == [f"Sessies {sessions}", f"Belangrijke gebeurtenissen {key_events}"]
        assert len(items) > 2, "the phase's own KPIs come first"


def test_a_phase_without_a_mapped_touchpoint_has_no_totals() -> None:
    # it-manager-mkb's 'out-of-market' phase is optional and absent; 'experience' has
    # touchpoints but none with a mapping.
    journey = _measured("nl").journeys["it-manager-mkb"]
    assert "experience" not in journey.phases
    assert [m.value for m in journey.phases["loyalty"]] == ["41", "6"]


def test_the_map_states_the_period() -> None:
    meta = _numbers(_outputs("nl")["jonge-ouders.html"]).meta
    assert meta[0].endswith(" · Meetperiode: 1 september 2026 – 30 september 2026")
    markdown = _outputs("en")["jonge-ouders.md"].splitlines()[2]
    assert markdown.endswith(" · Measured period: September 1, 2026 – September 30, 2026")


UNCLAIMED = [
    ["bing / cpc", "1.388", "39", "2,7%"],
    ["chatgpt.com / referral", "517", "22", "1,0%"],
    ["l.facebook.com / referral", "402", "6", "0,8%"],
    ["pinterest.com / referral", "96", "1", "0,2%"],
    ["duckduckgo / organic", "38", "1", "0,1%"],
    ["ecosia.org / organic", "7", "0", "0,0%"],
]


def test_the_html_index_lists_the_unclaimed_sources_largest_first() -> None:
    rows = _numbers(_outputs("nl")["index.html"]).unclaimed
    # The header row, then one per source; (not set) is not a gap.
    assert rows[0] == ["Bron / medium", "Sessies", "Belangrijke gebeurtenissen", "Aandeel"]
    assert rows[1:] == UNCLAIMED


def test_the_markdown_index_lists_the_unclaimed_sources_in_english() -> None:
    text = _outputs("en")["index.md"]
    section = text[text.index("## Sources without a touchpoint") :]
    assert section.splitlines()[2:] == [
        "Traffic in the analytics export that no touchpoint claims, largest first: "
        "touchpoints the map may have overlooked. "
        "Measured period: September 1, 2026 – September 30, 2026.",
        "",
        "| Source / medium | Sessions | Key events | Share |",
        "| --- | ---: | ---: | ---: |",
        "| bing / cpc | 1,388 | 39 | 2.7% |",
        "| chatgpt.com / referral | 517 | 22 | 1.0% |",
        "| l.facebook.com / referral | 402 | 6 | 0.8% |",
        "| pinterest.com / referral | 96 | 1 | 0.2% |",
        "| duckduckgo / organic | 38 | 1 | 0.1% |",
        "| ecosia.org / organic | 7 | 0 | 0.0% |",
    ]


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (0.0, "0", "0"),
        (7.0, "7", "7"),
        (18420.0, "18.420", "18,420"),
        (1234567.0, "1.234.567", "1,234,567"),
        (70803.05, "70.803,05", "70,803.05"),
        (2.5, "2,50", "2.50"),
    ],
)
def test_numbers_are_worded_in_the_output_language(value: float, nl: str, en: str) -> None:
    assert (text_for("nl").number(value), text_for("en").number(value)) == (nl, en)


@pytest.mark.parametrize(
    ("share", "nl", "en"),
    [(0.0, "0,0%", "0.0%"), (0.02666, "2,7%", "2.7%"), (1.0, "100,0%", "100.0%")],
)
def test_shares_are_worded_in_the_output_language(share: float, nl: str, en: str) -> None:
    assert (text_for("nl").percent(share), text_for("en").percent(share)) == (nl, en)


def test_a_plain_export_shows_the_columns_it_has_and_no_period(tmp_path: Path) -> None:
    export = tmp_path / "matomo.csv"
    export.write_text("source,medium,visits\ngoogle,cpc,100\nbing,cpc,5\n", encoding="utf-8")
    file = load_example(REPO / "journeys" / "jonge-ouders.yaml")
    measured = measurements(analyse(read_export(export), [file]), text_for("en"))
    outputs = render([file], ["html"], "en", measurements=measured)
    assert _numbers(outputs["jonge-ouders.html"]).cards["tp-website-collectie"] == [
        ("Sessions", "100")
    ]
    assert "Measured period" not in outputs["jonge-ouders.html"]
    rows = _numbers(outputs["index.html"]).unclaimed
    assert rows == [["Source / medium", "Sessions", "Share"], ["bing / cpc", "5", "4.8%"]]
