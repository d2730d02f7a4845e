"""The example journeys in a real browser: headless Chromium over the DevTools protocol.

Runs whenever a Chromium is on PATH; otherwise it is skipped with the reason,
except with ``CI=true``, where a missing browser fails the run (.ci/run installs
Debian's ``chromium``). Screenshots and PDFs of each example are kept under
build/browser/ as artifacts to look at; they are not in git.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from cjm.browser.cdp import Browser
from cjm.render.environment import Templates
from cjm.render.outputs import render_outputs
from cjm.text import text_for
from tests.conftest import REPO
from tests.render.helpers import EXAMPLES, example_backlog, load_clean, load_example

pytestmark = pytest.mark.slow

ARTIFACTS = REPO / "build" / "browser"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome")

VISIBLE_NAMES = """
Array.from(document.querySelectorAll('.tp-name')).map(element => {
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const visible = box.width > 0 && box.height > 0 && style.visibility === 'visible'
    && style.display !== 'none' && Number(style.opacity) > 0;
  return [element.textContent.trim(), visible];
})
"""
# Each curve marker: its number, and the number on the card it names.
CURVE_NUMBERS = """
Array.from(document.querySelectorAll('svg.curve g.point')).map(point => {
  const card = document.getElementById('tp-' + point.dataset.touchpoint);
  return [point.querySelector('text.number').textContent.trim(),
          card ? card.querySelector('.tp-number').textContent.trim() : null];
})
"""
# Elements whose content runs out of their box (a long word over a card's edge).
OVERFLOWING = """
Array.from(document.querySelectorAll('.card, .card *, table.lanes td, ul.summary li'))
  .filter(element => element.scrollWidth > element.clientWidth + 1
    && getComputedStyle(element).overflowX === 'visible')
  .map(element => element.className || element.tagName)
"""
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"

# The seven-phase example with its optional first phase added, and a word longer
# than any card is wide: the widest map cjm's presets make.
LONG_WORD = "Kinderopvangtoeslagaanvraagformulierondersteuningsmedewerkersbijeenkomst"
OUT_OF_MARKET = f"""phases:
  - id: out-of-market
    goal: Onthouden worden voordat de behoefte er is
    touchpoints:
      - id: podcast
        name: Podcast over {LONG_WORD}
        channel: podcast
        emotion: 3
        cta: {{text: Luister, url: "https://example.com/{LONG_WORD}/{LONG_WORD}"}}
      - id: beurs
        name: Vakbeurs
        channel: event
        emotion: 4
        cta: Kom langs
"""


def _executable() -> str:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    reason = f"no Chromium on PATH (looked for {', '.join(CANDIDATES)}); apt-get install chromium"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}: .ci/run should have installed it")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = Browser(_executable())
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rendered")
    files = [load_example(path) for path in EXAMPLES]
    text = (REPO / "journeys" / "it-manager-mkb.yaml").read_text(encoding="utf-8")
    seven = text.replace("id: it-manager-mkb", "id: seven-phase", 1).replace(
        "phases:\n", OUT_OF_MARKET, 1
    )
    files.append(load_clean(seven, "seven-phase.yaml"))
    for name, data in render_outputs(files, ["html"], text_for("nl"), Templates()).items():
        (folder / name).write_bytes(data)
    blueprint = render_outputs(files, ["html"], text_for("nl"), Templates(), view="blueprint")
    (folder / "blueprint").mkdir()
    for name, data in blueprint.items():
        (folder / "blueprint" / name).write_bytes(data)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return folder


# Each curve as drawn: how many line segments are visible, and their stroke colour.
CURVES = """
['line.segment', 'line.now-segment'].map(selector => {
  const lines = Array.from(document.querySelectorAll('svg.curve ' + selector));
  const visible = lines.filter(line => {
    const box = line.getBoundingClientRect();
    return (box.width > 0 || box.height > 0) && getComputedStyle(line).visibility === 'visible';
  });
  return [visible.length, visible.length ? getComputedStyle(visible[0]).stroke : null];
})
"""
# The legend's two keys: a visible line each, and the text next to it.
LEGEND = """
Array.from(document.querySelectorAll('.curve-legend .key')).map(key => {
  const box = key.getBoundingClientRect();
  return [key.className, box.width > 10 && getComputedStyle(key).borderTopStyle !== 'none',
          key.parentElement.textContent.trim()];
})
"""
# The blueprint's rows from top to bottom: lines with their drawn style and name, lanes.
BLUEPRINT_ROWS = """
Array.from(document.querySelectorAll('table.blueprint tbody tr')).map(row => {
  const box = row.getBoundingClientRect();
  if (row.classList.contains('bp-line')) {
    const cell = row.querySelector('td');
    const rule = getComputedStyle(cell, '::before');
    const label = row.querySelector('span').getBoundingClientRect();
    return ['line', rule.borderTopStyle, parseFloat(rule.borderTopWidth) >= 2,
            label.width > 0 && label.height > 0, row.textContent.trim(), Math.round(box.top)];
  }
  return ['lane', row.className, box.height > 20, Math.round(box.top)];
})
"""


def test_the_future_map_shows_both_curves_with_a_legend(browser: Browser, rendered: Path) -> None:
    page = browser.open(rendered / "jonge-ouders.future.html", width=1600)
    try:
        report = page.report()
        assert report.console_errors == [] and report.requests == [page.url]
        (planned, planned_colour), (now, now_colour) = page.evaluate(CURVES)
        assert planned >= 10 and now >= 10, (planned, now)
        assert planned_colour != now_colour, "the current curve is drawn in another colour"
        legend = page.evaluate(LEGEND)
        assert [key[:2] for key in legend] == [["key planned", True], ["key now", True]]
        assert legend[1][2] == "Nu: Van verhuisplan tot vaste klant"
        assert page.evaluate("document.querySelector('a[rel=prev]').getAttribute('href')") == (
            "jonge-ouders.html"
        )
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        assert page.evaluate(OVERFLOWING) == []
        (ARTIFACTS / "jonge-ouders.future.png").write_bytes(page.screenshot())
    finally:
        page.close()


def test_the_blueprint_shows_its_lanes_and_three_lines(browser: Browser, rendered: Path) -> None:
    page = browser.open(rendered / "blueprint" / "jonge-ouders.future.html", width=1600)
    try:
        assert page.report().console_errors == []
        rows = page.evaluate(BLUEPRINT_ROWS)
        kinds = [(row[0], row[1]) for row in rows]
        assert kinds == [
            ("lane", "lane-customer"),
            ("line", "solid"),
            ("lane", "lane-frontstage"),
            ("line", "dashed"),
            ("lane", "lane-backstage"),
            ("line", "dotted"),
            ("lane", "lane-support"),
        ]
        lines = [row for row in rows if row[0] == "line"]
        assert all(row[2] and row[3] for row in lines), lines  # thick enough, name visible
        assert [row[4] for row in lines] == [
            "Interactielijn",
            "Zichtbaarheidslijn",
            "Lijn van interne interactie",
        ]
        lanes = [row for row in rows if row[0] == "lane"]
        assert all(row[2] for row in lanes), lanes
        tops = [row[-1] for row in rows]
        assert tops == sorted(tops), "the rows are drawn top to bottom in this order"
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        assert page.evaluate(OVERFLOWING) == []
        (ARTIFACTS / "jonge-ouders.future.blueprint.png").write_bytes(page.screenshot())
    finally:
        page.close()


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_example_map_in_chromium(browser: Browser, rendered: Path, path: Path) -> None:
    example = load_example(path)
    journey = example.journey
    assert journey is not None
    touchpoints = [tp for _, _, tp in journey.touchpoints()]
    page = browser.open(rendered / f"{example.key}.html", width=1600)
    try:
        report = page.report()
        assert report.console_errors == []
        assert report.requests == [page.url], "the map loads nothing but itself"
        points = page.evaluate("document.querySelectorAll('svg.curve g.point').length")
        assert points == len(touchpoints) == sum(1 for tp in touchpoints if tp.emotion)
        names = page.evaluate(VISIBLE_NAMES)
        assert names == [[tp.name, True] for tp in touchpoints]
        # Every number on the curve is the number on the card of that touchpoint.
        numbers = page.evaluate(CURVE_NUMBERS)
        assert [curve for curve, _ in numbers] == [str(n) for n in range(1, len(touchpoints) + 1)]
        assert all(curve == card for curve, card in numbers), numbers
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        assert page.evaluate(OVERFLOWING) == []
        screenshot = page.screenshot()
        assert screenshot.startswith(b"\x89PNG")
        (ARTIFACTS / f"{example.key}.png").write_bytes(screenshot)
        pdf = page.pdf()
        assert pdf.startswith(b"%PDF-")
        (ARTIFACTS / f"{example.key}.pdf").write_bytes(pdf)
    finally:
        page.close()


def test_seven_phases_fit_1600_pixels_and_long_words_wrap(browser: Browser, rendered: Path) -> None:
    page = browser.open(rendered / "seven-phase.html", width=1600)
    try:
        assert page.evaluate("document.querySelectorAll('th.phase').length") == 7
        assert page.evaluate(NO_SIDEWAYS_SCROLL), page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert page.evaluate("document.querySelector('.scroll').scrollWidth") <= page.evaluate(
            "document.querySelector('.scroll').clientWidth"
        )
        assert page.evaluate(OVERFLOWING) == []
        (ARTIFACTS / "seven-phase-1600.png").write_bytes(page.screenshot())
    finally:
        page.close()


def test_on_a_phone_the_lane_names_stay_in_view(browser: Browser, rendered: Path) -> None:
    page = browser.open(rendered / "seven-phase.html", width=390)
    try:
        assert page.evaluate(NO_SIDEWAYS_SCROLL), "only the map scrolls sideways, not the page"
        lane = "document.querySelector('tr.lane-touchpoints th').getBoundingClientRect().left"
        before = page.evaluate(lane)
        page.evaluate("document.querySelector('.scroll').scrollLeft = 800")
        assert page.evaluate("document.querySelector('.scroll').scrollLeft") == 800
        assert abs(page.evaluate(lane) - before) <= 1, "the lane column is sticky"
        (ARTIFACTS / "seven-phase-phone.png").write_bytes(page.screenshot())
    finally:
        page.close()


def test_index_in_chromium(browser: Browser, rendered: Path) -> None:
    page = browser.open(rendered / "index.html", width=1600)
    try:
        report = page.report()
        assert report.console_errors == [] and report.requests == [page.url]
        links = page.evaluate("Array.from(document.links).map(a => a.getAttribute('href'))")
        keys = [load_example(path).key for path in EXAMPLES]
        expected = sorted([f"{key}.html" for key in keys] + ["seven-phase.html"])
        assert sorted(set(links)) == expected
        assert page.evaluate("document.querySelectorAll('ul.summary').length") == len(expected)
        (ARTIFACTS / "index.png").write_bytes(page.screenshot())
    finally:
        page.close()


def test_the_client_sees_console_errors_and_requests(browser: Browser, tmp_path: Path) -> None:
    # The checks above must be able to fail: a page that logs an error and loads an image.
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><img src="http://127.0.0.1:9/x.png" alt="">'
        "<script>console.error('broken')</script>",
        encoding="utf-8",
    )
    page = browser.open(bad)
    try:
        report = page.report()
        assert "broken" in report.console_errors
        assert "http://127.0.0.1:9/x.png" in report.requests
    finally:
        page.close()


def test_the_layout_checks_can_fail(browser: Browser) -> None:
    # A page wider than the window and a word running out of its card are seen.
    page = browser.open_html(
        '<!DOCTYPE html><div style="width:3000px">wide</div>'
        f'<ol><li class="card" style="width:50px">{LONG_WORD}</li></ol>'
    )
    try:
        page.emulate(1600)
        assert not page.evaluate(NO_SIDEWAYS_SCROLL)
        assert page.evaluate(OVERFLOWING) == ["card"]
    finally:
        page.close()


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)]
)
def test_without_chromium_ci_fails_and_a_local_run_skips(
    monkeypatch: pytest.MonkeyPatch, ci: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="no Chromium on PATH"):
        _executable()


# Each matrix point: its id, number, label, and where its circle is drawn.
MATRIX_POINTS = """
Array.from(document.querySelectorAll('svg.matrix a.point')).map(point => {
  const circle = point.querySelector('circle').getBoundingClientRect();
  const label = point.querySelector('text.point-label').getBoundingClientRect();
  const plot = document.querySelector('svg.matrix').getBoundingClientRect();
  const row = document.getElementById(point.getAttribute('href').slice(1));
  return {
    id: point.dataset.opportunity,
    number: point.querySelector('text.point-number').textContent.trim(),
    label: point.querySelector('text.point-label').textContent.trim(),
    x: circle.x + circle.width / 2, y: circle.y + circle.height / 2, r: circle.width / 2,
    box: [label.left, label.top, label.right, label.bottom],
    dot: [circle.left, circle.top, circle.right, circle.bottom],
    inside: circle.left >= plot.left && circle.right <= plot.right
      && label.right <= plot.right + 1 && circle.top >= plot.top && circle.bottom <= plot.bottom,
    visible: circle.width > 0 && label.width > 0,
    row: row ? row.querySelector('td.rank').textContent.trim() : null,
  };
})
"""
QUADRANTS = """
Object.fromEntries(Array.from(document.querySelectorAll('svg.matrix g.quadrant')).map(group => {
  const box = group.querySelector('rect').getBoundingClientRect();
  return [group.classList[1], {name: group.querySelector('text').textContent.trim(),
    left: box.left, right: box.right, top: box.top, bottom: box.bottom}];
}))
"""


def _overlap(a: list[float], b: list[float]) -> bool:
    """Whether two boxes ``[left, top, right, bottom]`` share more than an edge."""
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


@pytest.fixture(scope="module")
def with_backlog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("backlog")
    files = [load_example(path) for path in EXAMPLES]
    outputs = render_outputs(
        files, ["html"], text_for("nl"), Templates(), backlog=example_backlog(files)
    )
    for name, data in outputs.items():
        (folder / name).write_bytes(data)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_matrix_shows_every_opportunity(browser: Browser, with_backlog: Path) -> None:
    backlog = example_backlog([load_example(path) for path in EXAMPLES])
    assert backlog is not None
    page = browser.open(with_backlog / "index.html", width=1600)
    try:
        report = page.report()
        assert report.console_errors == [] and report.requests == [page.url]
        points = page.evaluate(MATRIX_POINTS)
        expected = [(str(item.rank), item.opportunity.id) for item in backlog.ranked]
        assert [(point["number"], point["id"]) for point in points] == expected
        for point in points:
            assert point["visible"] and point["inside"], point
            assert point["label"] in point["id"] or point["label"].endswith("…"), point
            assert point["row"] == point["number"], "the point links its row in the backlog"
        # No two points cover each other, also where opportunities share a cell, and
        # no label runs into another point or label.
        for i, a in enumerate(points):
            for b in points[i + 1 :]:
                assert (a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2 >= (a["r"] + b["r"]) ** 2
                for one, other in ((a, b), (b, a)):
                    assert not _overlap(one["box"], other["box"]), (one["id"], other["id"])
                    assert not _overlap(one["box"], other["dot"]), (one["id"], other["id"])
        quadrants = page.evaluate(QUADRANTS)
        names = {key: value["name"] for key, value in quadrants.items()}
        assert names == {
            "quick_wins": "Quick wins",
            "big_bets": "Grote projecten",
            "fill_ins": "Kleine klussen",
            "money_pits": "Tijdvreters",
        }
        # High impact and low effort is up and to the left: quick wins are there.
        by_id = {point["id"]: point for point in points}
        quick = quadrants["quick_wins"]
        levertijd = by_id["levertijd-vooraf"]  # impact 5, effort 2
        assert quick["left"] <= levertijd["x"] <= quick["right"]
        assert quick["top"] <= levertijd["y"] <= quick["bottom"]
        (ARTIFACTS / "index-matrix.png").write_bytes(page.screenshot())
    finally:
        page.close()


def test_linked_touchpoints_carry_their_opportunities(browser: Browser, with_backlog: Path) -> None:
    page = browser.open(with_backlog / "jonge-ouders.html", width=1600)
    try:
        badges = page.evaluate(
            "Array.from(document.querySelectorAll('#tp-levertijd-telefoon a.badge.opportunity'))"
            ".map(a => [a.getAttribute('href'), a.textContent.trim()])"
        )
        assert badges == [
            ["index.html#opp-levertijd-vooraf", "#2 in uitvoering"],
            ["index.html#opp-klantenservice-zonder-wachten", "#7 idee"],
        ]
        # The confidence reads without colour: every card has its symbol and word.
        cards = page.evaluate("document.querySelectorAll('li.card').length")
        marks = page.evaluate(
            "Array.from(document.querySelectorAll('li.card .confidence'))"
            ".map(c => c.textContent.replace(/\\s+/g, ' ').trim())"
        )
        assert len(marks) == cards
        assert all(mark[0] in "○◐●" for mark in marks), marks
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
    finally:
        page.close()
