"""The pages cjm serve makes itself, the reload script, and which request gets which page."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from cjm.serve import pages
from cjm.serve.pages import Blocked
from cjm.serve.server import route
from cjm.text import text_for

HOSTILE = "</pre><script>alert('x')</script>&amp;"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/", "index.html"),
        ("/?reload=1", "index.html"),
        ("/index.html", "index.html"),
        ("/jonge-ouders.html", "jonge-ouders.html"),
        ("/jonge-ouders.html?x=1#top", "jonge-ouders.html"),
        ("/_cjm/events", "/_cjm/events"),
        ("/_cjm/events?since=3", "/_cjm/events"),
        # Anything else is a name no page has (404) or no name at all.
        ("/../cjm.yaml", None),
        ("/journeys/jonge-ouders.yaml", None),
        ("/%2e%2e/cjm.yaml", None),
        ("/..%2fcjm.yaml", "..%2fcjm.yaml"),
        ("//etc/passwd", None),
        ("/index.html/", None),
        ("http://example.org/index.html", None),
        ("*", None),
        ("", None),
    ],
)
def test_route(target: str, expected: str | None) -> None:
    assert route(target) == expected


def test_every_text_on_a_problems_page_is_escaped() -> None:
    blocked = [Blocked(f"journeys/{HOSTILE}.yaml", None, (f"x.yaml:3:1: error schema: {HOSTILE}",))]
    for body in (
        pages.problems_page(HOSTILE, blocked, text_for("nl")),
        pages.empty_index(blocked, text_for("en")),
        pages.site_error_page(HOSTILE, text_for("nl")),
        pages.with_notice(b"<html><body><main></main></body></html>", blocked, text_for("nl")),
    ):
        text = body.decode()
        assert "<script" not in text and "</pre><" not in text
        assert "&lt;/pre&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;" in text


def test_a_problems_page_names_the_file_line_and_column() -> None:
    line = "journeys/a.yaml:12:5: error yaml-syntax: did not find expected key"
    text = pages.problems_page(
        "a", [Blocked("journeys/a.yaml", "a.html", (line,))], text_for("en")
    ).decode()
    assert f"<pre>{line}</pre>" in text
    assert "<h1>a: not shown</h1>" in text and 'href="index.html"' in text


def test_the_notice_goes_first_in_the_body_and_links_the_page() -> None:
    index = b'<!DOCTYPE html>\n<html>\n<body class="x">\n<main>list</main>\n</body>\n</html>\n'
    blocked = [Blocked("journeys/a.yaml", "a.html", ("journeys/a.yaml:1:1: error",))]
    text = pages.with_notice(index, blocked, text_for("en")).decode()
    assert text.index('<body class="x">') < text.index("Not shown because of errors")
    assert text.index("Not shown because of errors") < text.index("<main>list</main>")
    assert '<a href="a.html">journeys/a.yaml</a>' in text
    assert pages.with_notice(index, [], text_for("en")) == index


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (b"<html><body><p>map</p></body></html>\n", b"<p>map</p><script>S</script>\n</body>"),
        (b"<p>a</p></BODY >", b"<p>a</p><script>S</script>\n</BODY >"),
        (b"<p>no body</p>", b"<p>no body</p><script>S</script>\n"),
        # The last </body> counts: an earlier one in text would be escaped anyway.
        (b"<body>&lt;/body&gt;</body></body>", b"</body><script>S</script>\n</body>"),
    ],
)
def test_the_script_goes_at_the_end_of_the_body(document: bytes, expected: bytes) -> None:
    assert expected in pages.with_script(document, "S")


def test_the_reload_script_cannot_be_closed_by_a_name() -> None:
    script = pages.reload_script("</script><b>.html", "abc")
    assert "</script" not in script and "\\u003c/script>\\u003cb>.html" in script
    assert '"abc"' in script and '"/_cjm/events"' in script


def test_the_script_hash_is_what_a_browser_computes() -> None:
    script = pages.reload_script("index.html", "0123")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert pages.script_hash(script) == f"'sha256-{digest}'"
    assert re.fullmatch(r"[0-9a-f]{16}", pages.digest(b"page"))
