"""Markdown: user text shows as written, whatever characters it holds."""

from __future__ import annotations

from cjm.diff.changes import Change, PersonaDiff
from tests.diff.report.test_reports import render


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
    text = render("markdown", [PersonaDiff("p", "P_1", "changed", (change,), {"use": "Use"})])
    assert "## P\\_1 (`p`)\n" in text
    assert "- touchpoint **Chat \\| 24/7** (`chat`): `cta.text`: 'Bel \\*nu\\*' → 'Chat'\n" in text
