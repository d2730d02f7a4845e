"""Mermaid's own parser, run in headless Chromium: does a diagram cjm wrote parse, and to what?

The ``mermaid`` npm package (pinned in tests/mermaid/package-lock.json, installed
by ``make test`` with ``npm ci``) is loaded from disk into a page
(tests/mermaid/parse.html); nothing comes from the network. Without Chromium or
the package the tests that need it are skipped with the reason, except with
``CI=true``, where they fail (.ci/run installs both).
"""

from __future__ import annotations

import json
import os
import shutil
from typing import Any

import pytest

from cjm.browser.cdp import Browser, Page
from tests.conftest import REPO

__all__ = ["Mermaid", "start_mermaid"]

FOLDER = REPO / "tests" / "mermaid"
BUNDLE = FOLDER / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}: .ci/run and make test should have installed it")
    pytest.skip(reason)


class Mermaid:
    """One page with Mermaid loaded; :meth:`parse` and :meth:`model` per diagram."""

    def __init__(self, browser: Browser, page: Page) -> None:
        self.browser, self.page = browser, page

    def _evaluate(self, expression: str) -> Any:
        reply = self.browser.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            self.page.session,
        )
        if "exceptionDetails" in reply:
            return {"error": str(reply["exceptionDetails"])}
        return reply["result"].get("value")

    def parse(self, text: str) -> str | None:
        """None when Mermaid parses ``text``; else its error message."""
        result: str | None = self._evaluate(f"parseDiagram({json.dumps(text)})")
        return result

    def model(self, text: str) -> dict[str, Any]:
        """What Mermaid read: a journey's title, sections and tasks, a flowchart's labels."""
        script = """(async (text) => {
          const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
          const db = diagram.db;
          if (db.getTasks) {
            return {title: db.getDiagramTitle(), sections: db.getSections(),
                    tasks: db.getTasks().map((task) => task.task)};
          }
          return {nodes: Array.from(db.getVertices().values()).map((node) => node.text),
                  subgraphs: db.getSubGraphs().map((graph) => graph.title)};
        })"""
        result: dict[str, Any] = self._evaluate(f"{script}({json.dumps(text)})")
        return result


def start_mermaid() -> tuple[Browser, Mermaid]:
    """A browser with Mermaid's page open; skip (or fail with CI=true) without one."""
    executable = next((found for name in CANDIDATES if (found := shutil.which(name))), None)
    if executable is None:
        _unavailable("no Chromium on PATH (apt-get install chromium)")
    if not BUNDLE.is_file():
        _unavailable(f"Mermaid is not installed in {FOLDER} (make test runs npm ci there)")
    assert executable is not None
    browser = Browser(executable)
    page = browser.open(FOLDER / "parse.html")
    errors = page.report().console_errors
    if errors:  # pragma: no cover - a broken bundle
        browser.close()
        pytest.fail(f"Mermaid did not load: {errors}")
    return browser, Mermaid(browser, page)
