"""Phase models: the presets cjm ships, and inline models from ``cjm.yaml``.

A phase model is the sequence of phases a journey runs through. Rules need more
than the ids: which phases may be left out (a "phase 0" latent need) and which
phase is the purchase, because what comes after it is the follow-up.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "DEFAULT_MODEL",
    "LANGUAGES",
    "PRESETS",
    "Phase",
    "PhaseModel",
]

LANGUAGES = ("nl", "en")
DEFAULT_MODEL = "five-phase"


class Phase(NamedTuple):
    id: str
    names: dict[str, str]
    purchase: bool = False
    optional: bool = False

    def name(self, language: str) -> str:
        return self.names.get(language) or next(iter(self.names.values()))


class PhaseModel(NamedTuple):
    """An ordered list of phases. ``preset`` is False for a model defined inline."""

    name: str
    phases: tuple[Phase, ...]
    preset: bool = True

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(phase.id for phase in self.phases)

    def get(self, phase_id: str) -> Phase | None:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        return None

    def suggest(self, phase_id: str) -> tuple[Phase, str] | None:
        """The phase ``phase_id`` was probably meant to be, with the name that says so.

        A consultant writes the phase as they say it: ``afweging`` or ``Consideration``
        for ``consideration``. An id that is a phase's Dutch or English name (accents,
        case and spaces aside) is that phase; else a close spelling of an id or a name.
        """
        import difflib

        wanted = _plain(phase_id)
        candidates: dict[str, tuple[Phase, str]] = {}
        for phase in self.phases:
            candidates.setdefault(_plain(phase.id), (phase, phase.id))
        for phase in self.phases:
            for name in phase.names.values():
                candidates.setdefault(_plain(name), (phase, name))
        if wanted in candidates:
            return candidates[wanted]
        close = difflib.get_close_matches(wanted, list(candidates), n=1)
        return candidates[close[0]] if close else None

    @property
    def purchase_index(self) -> int | None:
        """Position of the purchase phase in the model, if the model marks one."""
        for index, phase in enumerate(self.phases):
            if phase.purchase:
                return index
        return None


def _plain(text: str) -> str:
    """``Oriëntatie`` → ``orientatie``, ``Latent need`` → ``latent-need``: for comparing."""
    import unicodedata  # only when a phase id is unknown

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _p(phase_id: str, nl: str, en: str, *, purchase: bool = False, optional: bool = False) -> Phase:
    return Phase(phase_id, {"nl": nl, "en": en}, purchase=purchase, optional=optional)


PRESETS: dict[str, PhaseModel] = {
    model.name: model
    for model in (
        PhaseModel(
            "five-phase",
            (
                _p("orientation", "Oriëntatie", "Orientation"),
                _p("consideration", "Afweging", "Consideration"),
                _p("purchase", "Aankoop", "Purchase", purchase=True),
                _p("use", "Gebruik", "Use"),
                _p("loyalty", "Loyaliteit", "Loyalty"),
            ),
        ),
        PhaseModel(
            "awareness",
            (
                _p("latent-need", "Latente behoefte", "Latent need", optional=True),
                _p("awareness", "Bewustzijn", "Awareness"),
                _p("consideration", "Overweging", "Consideration"),
                _p("purchase", "Aankoop", "Purchase", purchase=True),
                _p("service", "Service", "Service"),
                _p("loyalty", "Loyaliteit", "Loyalty"),
            ),
        ),
        PhaseModel(
            "seven-phase",
            (
                _p("out-of-market", "Buiten de markt", "Out of market", optional=True),
                _p("trigger", "Trigger", "Trigger"),
                _p("initial-consideration", "Eerste overweging", "Initial consideration"),
                _p("active-evaluation", "Actieve evaluatie", "Active evaluation"),
                _p("purchase-decision", "Aankoopbeslissing", "Purchase decision", purchase=True),
                _p("experience", "Ervaring", "Experience"),
                _p("loyalty", "Loyaliteit", "Loyalty"),
            ),
        ),
        PhaseModel(
            "four-stage",
            (
                _p("awareness", "Bewustzijn", "Awareness"),
                _p("consideration", "Overweging", "Consideration"),
                _p("decision", "Beslissing", "Decision", purchase=True),
                _p("loyalty", "Loyaliteit", "Loyalty"),
            ),
        ),
        PhaseModel(
            "decision-process",
            (
                _p("need-recognition", "Behoefteherkenning", "Need recognition"),
                _p("information-search", "Informatie zoeken", "Information search"),
                _p("evaluation", "Evaluatie van alternatieven", "Evaluation"),
                _p("purchase", "Aankoop", "Purchase", purchase=True),
                _p("post-purchase", "Na de aankoop", "Post-purchase"),
            ),
        ),
    )
}
