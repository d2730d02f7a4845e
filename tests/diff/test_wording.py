"""Changes in words: one change, its line in each language."""

from __future__ import annotations

import gettext
from typing import Any

import pytest

from cjm.diff.changes import Change, PersonaDiff
from cjm.diff.plan import AVERAGE
from cjm.diff.wording import body, styled, summary, word_diff
from cjm.text import Text, msg, text_for


def line(change: Change, language: str = "en") -> str:
    diff = PersonaDiff("p", "P", "changed", (change,), {"purchase": "Aankoop", "use": "Gebruik"})
    marks = {"del": "[-{}-]", "ins": "{{+{}+}}"}
    return "".join(
        marks.get(style, "{}").format(text)
        for text, style in body(change, diff, text_for(language))
    )


def tp(field: str, kind: Any, old: Any = None, new: Any = None) -> Change:
    path = "phases[use].touchpoints[chat]" + (f".{field}" if field else "")
    return Change(path, kind, old, new, "touchpoint", "Chat", field, "use")


@pytest.mark.parametrize(
    ("change", "language", "expected"),
    [
        (tp("emotion", "changed", 2, 4), "en", "emotion: 2 → 4 (better)"),
        (tp("emotion", "changed", 4, 1), "nl", "emotion: 4 → 1 (slechter)"),
        (tp("emotion", "added", None, 3), "en", "emotion: added 3"),
        (tp("owner", "changed", "CRM", "Marketing"), "en", "owner: 'CRM' → 'Marketing'"),
        (tp("pain_points", "removed", "Traag", None), "nl", "pain_points: verwijderd 'Traag'"),
        (tp("", "moved", "purchase", "use"), "nl", "verplaatst van Aankoop naar Gebruik"),
        (tp("", "added", None, {"id": "chat"}), "en", "added"),
        (tp("senses", "reordered", ["a", "b"], ["b", "a"]), "en", "senses: new order: b, a"),
        (tp("x-data", "changed", {"a": 1}, {"a": 2}), "en", 'x-data: {"a": 1} → {"a": 2}'),
        (
            tp(
                "description",
                "changed",
                "Belt de klantenservice over de levertijd van het bed",
                "Belt over de levertijd van het bed",
            ),
            "en",
            "description: Belt[- de klantenservice-] over de levertijd van het bed",
        ),
        (
            tp(
                "content",
                "changed",
                "Keuzemenu",
                "Keuzemenu en gesprek met een medewerker van de klantenservice",
            ),
            "en",
            "content: Keuzemenu{+ en gesprek met een medewerker van de klantenservice+}",
        ),
    ],
)
def test_body(change: Change, language: str, expected: str) -> None:
    assert line(change, language) == expected


def test_word_diff_keeps_every_character() -> None:
    old, new = "Een  veilige\nkamer, snel", "Een veilige kamer,\nsnel geleverd"
    segments = word_diff(old, new)
    assert "".join(text for text, style in segments if style != "ins") == old
    assert "".join(text for text, style in segments if style != "del") == new


@pytest.mark.parametrize(
    ("changes", "language", "expected"),
    [
        ([], "en", "no changes"),
        (
            [
                tp("", "added"),
                tp("", "added"),
                tp("", "removed"),
                tp("", "moved"),
                tp("x", "changed"),
            ],
            "en",
            "2 touchpoints added, 1 removed, 1 moved, 1 field changed",
        ),
        (
            [tp("", "moved"), tp("a", "reordered"), tp("x", "changed"), tp("y", "added")],
            "nl",
            "1 touchpoint verplaatst, 1 opnieuw geordend, 2 velden gewijzigd",
        ),
    ],
)
def test_summary(changes: list[Change], language: str, expected: str) -> None:
    assert summary(PersonaDiff("p", "P", "changed", tuple(changes)), text_for(language)) == expected


def kpi(kind: Any) -> Change:
    return Change("phases[use].kpis[NPS]", kind, None, None, "kpi", "NPS", "", "use")


@pytest.mark.parametrize(
    ("changes", "language", "expected"),
    [
        ([kpi("removed")], "nl", "1 KPI verwijderd"),
        ([kpi("removed"), kpi("removed")], "nl", "2 KPI's verwijderd"),
        ([kpi("added"), kpi("removed")], "en", "1 KPI added, 1 removed"),
        ([tp("x", "changed")], "nl", "1 veld gewijzigd"),
    ],
)
def test_summary_plurals(changes: list[Change], language: str, expected: str) -> None:
    assert summary(PersonaDiff("p", "P", "changed", tuple(changes)), text_for(language)) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "average emotion: 3.0 → 4.2 (better)"),
        ("nl", "gemiddelde emotie: 3,0 → 4,2 (beter)"),
    ],
)
def test_the_plans_average_emotion_is_worded_with_one_decimal(language: str, expected: str) -> None:
    change = Change("phases[use].emotion", "changed", 3.0, 4.2, "phase", "use", AVERAGE, "use")
    assert line(change, language) == expected


class _Reordered(gettext.NullTranslations):
    """A language that puts the fields of a message in another order."""

    def gettext(self, message: str) -> str:
        return "({id}) {name} = fase" if message == "phase {name} ({id})" else message


def test_styled_keeps_each_field_in_its_style_wherever_the_translation_puts_it() -> None:
    said = msg("phase {name} ({id})", name="Aankoop", id="purchase")
    assert styled(Text("xx", _Reordered()), said, name="subject", id="id") == [
        ("(", ""),
        ("purchase", "id"),
        (") ", ""),
        ("Aankoop", "subject"),
        (" = fase", ""),
    ]
