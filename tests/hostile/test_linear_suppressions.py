"""Suppression comments cost work linear in the file (issue 10, class 3).

No timed test: the work is counted as Python function calls, which do not
depend on the machine. Doubling a file with a suppression every ten lines must
roughly double the calls; the quadratic version quadrupled them. ``make bench``
prints the same case as a ratio of times.
"""

from __future__ import annotations

import importlib.util
import sys
from types import FrameType
from typing import Any

from tests.conftest import REPO, lint_source


def _bench_generator() -> Any:
    """The file ``make bench`` times (bench/ is a script folder, not a package)."""
    spec = importlib.util.spec_from_file_location("cjm_bench", REPO / "bench" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.suppressed_text


suppressed_text = _bench_generator()


def _calls(text: str) -> int:
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        lint_source(text)
    finally:
        sys.setprofile(None)
    return count


def test_suppressions_scale_linearly() -> None:
    small = _calls(suppressed_text(2_000, True)) - _calls(suppressed_text(2_000, False))
    large = _calls(suppressed_text(4_000, True)) - _calls(suppressed_text(4_000, False))
    assert large < 2.5 * small, (small, large)


def test_the_bench_case_silences_what_it_says() -> None:
    suppressed = [p.rule for p in lint_source(suppressed_text(500, True))]
    plain = [p.rule for p in lint_source(suppressed_text(500, False))]
    assert plain.count("missing-owner") == 50
    assert "missing-owner" not in suppressed and "unused-suppression" not in suppressed
