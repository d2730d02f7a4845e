"""Markdown: user text shows as written, whatever characters it holds."""

from __future__ import annotations

import pytest

from cjm.diff.changes import Change, PersonaDiff
from cjm.diff.markdown import escape, render


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kosten *per* maand", r"Kosten \*per\* maand"),
        ("a_b | c", r"a\_b \| c"),
        ("<script>", r"\<script\>"),
        ("[link](x)", r"\[link\](x)"),
        ("Oriëntatie 2.0 - nu!", "Oriëntatie 2.0 - nu!"),
    ],
)
def test_escape(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_names_and_values_are_escaped_and_ids_are_code() -> None:
    change = Change(
        "phases[use].touchpoints[chat].cta.text",
        "changed",
        "Bel *nu*",
        "Chat",
        "touchpoint",
        "Chat | 24/7",
        "cta.text",
        "use",
    )
    text = render([PersonaDiff("p", "P_1", "changed", (change,), {"use": "Use"})], "en")
    assert "## P\\_1 (`p`)\n" in text
    assert "- touchpoint **Chat \\| 24/7** (`chat`): `cta.text`: 'Bel \\*nu\\*' → 'Chat'\n" in text
