"""Phase naming: one function for every output, preset names from the catalogs."""

from __future__ import annotations

import pytest

from cjm.config import resolve_model
from cjm.models import PhaseDef
from cjm.phase_models import PRESETS, PhaseModel, phase_name
from cjm.text import text_for

FIVE = PRESETS["five-phase"]
AWARENESS = PRESETS["awareness"]
INLINE = resolve_model([PhaseDef(id="intake", name="Intake"), PhaseDef(id="plan")], "inline")


@pytest.mark.parametrize(
    ("phase_id", "own", "model", "language", "expected"),
    [
        ("consideration", None, FIVE, "nl", "Afweging"),
        ("consideration", None, AWARENESS, "nl", "Overweging"),  # the model is the context
        ("consideration", None, FIVE, "en", "Consideration"),
        ("post-purchase", None, PRESETS["decision-process"], "nl", "Na de aankoop"),
        ("consideration", "Vergelijken", FIVE, "nl", "Vergelijken"),  # the journey's own name
        ("aftercare", None, FIVE, "nl", "aftercare"),  # not in the model: the id
        ("intake", None, INLINE, "nl", "Intake"),  # an inline model's name, as written
        ("plan", None, INLINE, "en", "plan"),
        ("purchase", None, None, "en", "purchase"),
    ],
)
def test_phase_name(
    phase_id: str, own: str | None, model: PhaseModel | None, language: str, expected: str
) -> None:
    assert phase_name(phase_id, own, model, text_for(language)) == expected


def test_phase_name_method_takes_a_language_or_a_text() -> None:
    phase = FIVE.get("use")
    assert phase is not None
    assert (phase.name("nl"), phase.name(text_for("en"))) == ("Gebruik", "Use")


@pytest.mark.parametrize(
    ("written", "meant"),
    [("afweging", "consideration"), ("Oriëntatie", "orientation"), ("Loyalty", "loyalty")],
)
def test_a_phase_written_by_its_name_in_any_language_is_recognised(
    written: str, meant: str
) -> None:
    found = FIVE.suggest(written)
    assert found is not None and found[0].id == meant
