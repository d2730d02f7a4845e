"""The pages ``cjm serve`` makes itself, and the reload script it adds to every page.

A journey that does not lint gets a page with its problems in place of its map;
the index lists such journeys above the rendered index; a project that cannot be
rendered at all (``cjm.yaml``, a template, the export) gets one page naming the
problem. Every text shown comes from files and is escaped by :func:`html_text`,
the one place this package escapes HTML (the same escaping the HTML templates'
autoescape applies).

The reload script is added when a page is *served*, never to what ``cjm render``
writes, which stays script-free: it listens to the server's events and reloads
the page when the digest the server announces for it differs from its own.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from typing import NamedTuple

from cjm.output import escape
from cjm.text import Text, msg

__all__ = [
    "EVENTS_PATH",
    "PAGE_NAME",
    "Blocked",
    "digest",
    "empty_index",
    "html_text",
    "not_found_page",
    "problems_page",
    "reload_script",
    "script_hash",
    "site_error_page",
    "with_notice",
    "with_script",
]

PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*\.html$")
"""A page's name: a journey key (slugs joined by dots, see cjm.states) and ``.html``."""

EVENTS_PATH = "/_cjm/events"
"""The event stream; ``_`` cannot begin a persona id, so no page can take this name."""

_TEXT = {
    "not_shown": msg("not shown"),
    "fix": msg(
        "This file has errors, so its map is not shown. "
        "As soon as they are fixed, the map comes back here by itself."
    ),
    "notice": msg("Not shown because of errors"),
    "back": msg("← Index"),
    "no_journeys": msg("No journey to show yet"),
    "project": msg("The project cannot be shown"),
    "project_fix": msg("Fix this; the pages come back by themselves."),
    "not_found": msg("Not found"),
    "not_found_text": msg(
        "This page does not exist (yet). It appears by itself as soon as a journey has this name."
    ),
}
"""The words of cjm serve's own pages, rendered with the build's :class:`~cjm.text.Text`."""

_STYLE = """<style>
body { font: 18px/1.5 system-ui, sans-serif; color: #1f2933; margin: 2rem; }
h1 { font-size: 1.6rem; }
.cjm-serve-problems { border: 2px solid #b91c1c; background: #fef2f2; color: #1f2933;
  padding: 0.5rem 1rem; margin: 1rem 0; }
.cjm-serve-problems h2 { font-size: 1.1rem; color: #b91c1c; margin: 0.5rem 0; }
.cjm-serve-problems pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0;
  font-size: 1rem; }
</style>"""


class Blocked(NamedTuple):
    """A journey file that is not rendered: its path, its page name (if any), and why."""

    path: str
    name: str | None
    lines: tuple[str, ...]


html_text = escape.html
"""``value`` as HTML text that shows exactly that text (:func:`cjm.output.escape.html`)."""


def digest(data: bytes) -> str:
    """A short fingerprint of a page: the reload script compares it with the server's."""
    return hashlib.sha256(data).hexdigest()[:16]


def _document(title: str, body: str, text: Text) -> bytes:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_text(text.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="cjm serve">\n<title>{html_text(title)}</title>\n'
        f"{_STYLE}\n</head>\n<body>\n{body}</body>\n</html>\n"
    ).encode()


def _problem_list(blocked: Sequence[Blocked], link: bool) -> str:
    parts = []
    for item in blocked:
        heading = html_text(item.path)
        if link and item.name is not None:
            heading = f'<a href="{html_text(item.name)}">{heading}</a>'
        lines = "".join(f"<pre>{html_text(line)}</pre>\n" for line in item.lines)
        parts.append(f"<h2>{heading}</h2>\n{lines}")
    return "".join(parts)


def problems_page(title: str, blocked: Sequence[Blocked], text: Text) -> bytes:
    """The page in place of a map: the file's problems at ``file:line:col``."""
    words = {key: html_text(text(said)) for key, said in _TEXT.items()}
    body = (
        f'<p><a href="index.html">{words["back"]}</a></p>\n'
        f"<h1>{html_text(title)}: {words['not_shown']}</h1>\n"
        f"<p>{words['fix']}</p>\n"
        f'<section class="cjm-serve-problems">\n{_problem_list(blocked, link=False)}</section>\n'
    )
    return _document(title, body, text)


def notice(blocked: Sequence[Blocked], text: Text) -> str:
    """The list of journeys not shown, for the top of the index; empty when there are none."""
    if not blocked:
        return ""
    return (
        f'<section class="cjm-serve-problems">\n'
        f"<h2>{html_text(text(_TEXT['notice']))}</h2>\n"
        f"{_problem_list(blocked, link=True)}</section>\n"
    )


_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(rb"</body\s*>", re.IGNORECASE)


def with_notice(document: bytes, blocked: Sequence[Blocked], text: Text) -> bytes:
    """The rendered index with the journeys not shown listed first in its body."""
    html = notice(blocked, text).encode()
    if not html:
        return document
    # With _STYLE: the rendered index's stylesheet does not know these classes.
    html = _STYLE.encode() + b"\n" + html
    found = _BODY_OPEN.search(document)
    at = found.end() if found else 0
    return document[:at] + b"\n" + html + document[at:]


def empty_index(blocked: Sequence[Blocked], text: Text) -> bytes:
    """The index when no journey renders: what there is to fix."""
    title = text(_TEXT["no_journeys"])
    return _document(title, f"<h1>{html_text(title)}</h1>\n{notice(blocked, text)}", text)


def site_error_page(message: str, text: Text) -> bytes:
    """Every page while the project as a whole cannot be rendered."""
    words = {key: html_text(text(said)) for key, said in _TEXT.items()}
    body = (
        f"<h1>{words['project']}</h1>\n"
        f'<section class="cjm-serve-problems">\n<pre>{html_text(message)}</pre>\n</section>\n'
        f"<p>{words['project_fix']}</p>\n"
    )
    return _document(text(_TEXT["project"]), body, text)


def not_found_page(text: Text) -> bytes:
    words = {key: html_text(text(said)) for key, said in _TEXT.items()}
    body = (
        f'<p><a href="index.html">{words["back"]}</a></p>\n'
        f"<h1>{words['not_found']}</h1>\n<p>{words['not_found_text']}</p>\n"
    )
    return _document(text(_TEXT["not_found"]), body, text)


# Reconnects on its own (EventSource does), and keeps the scroll position over a
# reload: on a projector the room keeps looking at the same phase.
_SCRIPT = """(function () {
  var page = %(page)s, digest = %(digest)s, key = "cjm-serve-scroll:" + page;
  var kept = sessionStorage.getItem(key);
  if (kept !== null) {
    sessionStorage.removeItem(key);
    window.scrollTo(0, Number(kept));
  }
  var events = new EventSource(%(events)s);
  events.onmessage = function (event) {
    var now = JSON.parse(event.data)[page] || "";
    if (now !== digest) {
      events.close();
      sessionStorage.setItem(key, String(window.scrollY));
      location.reload();
    }
  };
})();"""


_js = escape.script_json


def reload_script(name: str, page_digest: str) -> str:
    """The script for page ``name`` served with ``page_digest`` ("" for a missing page)."""
    return _SCRIPT % {"page": _js(name), "digest": _js(page_digest), "events": _js(EVENTS_PATH)}


def script_hash(script: str) -> str:
    """The Content-Security-Policy source that allows exactly this script and no other."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def with_script(document: bytes, script: str) -> bytes:
    """``document`` with ``script`` at the end of its body."""
    element = f"<script>{script}</script>\n".encode()
    ends = list(_BODY_CLOSE.finditer(document))
    at = ends[-1].start() if ends else len(document)
    return document[:at] + element + document[at:]
