"""The built-in stylesheet's colours: every text/background pair has a contrast of 4.5:1 or more.

The pairs are the ones the stylesheet uses for text; the colours are read from
the custom properties in templates/_style.html.j2, so a colour change that makes
text hard to read fails here (WCAG 2.x contrast ratio, level AA).
"""

from __future__ import annotations

import re

import pytest

from cjm.render.environment import builtin_templates

STYLE = (builtin_templates() / "_style.html.j2").read_text(encoding="utf-8")
COLOURS = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6});", STYLE))

TEXT_PAIRS = [
    ("ink", "paper"),
    ("muted", "paper"),
    ("ink", "lane"),
    ("muted", "lane"),
    ("accent", "paper"),
    ("head-ink", "head"),
    ("ink", "low-bg"),
    ("accent", "low-bg"),
    ("low-ink", "low-bg"),
    ("low-ink", "paper"),
    ("flag-ink", "flag"),
    ("channel-ink", "channel-bg"),
    ("paid-ink", "paid-bg"),
    ("owned-ink", "owned-bg"),
    ("earned-ink", "earned-bg"),
    ("thin-ink", "thin-bg"),
    ("empty-ink", "empty-bg"),
    ("accent", "thin-bg"),
    ("accent", "empty-bg"),
]


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: str, background: str) -> float:
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 2) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_text_contrast_is_at_least_4_5(text: str, background: str) -> None:
    ratio = contrast(COLOURS[text], COLOURS[background])
    assert ratio >= 4.5, f"--{text} on --{background}: {ratio:.2f}:1"
