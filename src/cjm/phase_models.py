"""Phase models: the presets cjm ships, and inline models from ``cjm.yaml``.

A phase model is the sequence of phases a journey runs through. Rules need more
than the ids: which phases may be left out (a "phase 0" latent need) and which
phase is the purchase, because what comes after it is the follow-up.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cjm.text import Message, Text, pmsg, text_for

__all__ = [
    "DEFAULT_MODEL",
    "LANGUAGES",
    "PRESETS",
    "Phase",
    "PhaseModel",
    "phase_label",
    "phase_name",
]

LANGUAGES = ("nl", "en")
DEFAULT_MODEL = "five-phase"


class Phase(NamedTuple):
    """A phase of a model. A preset's phase is named by the catalogs (``title``); an
    inline model's phase by cjm.yaml (``names``, per language)."""

    id: str
    names: dict[str, str]
    purchase: bool = False
    optional: bool = False
    title: Message | None = None

    @property
    def label(self) -> Message | str:
        """The phase's name as a value for a message, rendered in the reader's language."""
        if self.title is not None:
            return self.title
        return next(iter(self.names.values()), self.id)

    def name(self, language: str | Text) -> str:
        """The phase's name in ``language`` (a code such as ``nl``, or a :class:`Text`)."""
        text = text_for(language) if isinstance(language, str) else language
        if self.title is not None:
            return text(self.title)
        return self.names.get(text.language) or str(self.label)

    def spellings(self) -> tuple[str, ...]:
        """Every name the phase goes by, in every language (for recognising a phase
        written as it is said: ``afweging`` for ``consideration``)."""
        if self.title is None:
            return tuple(self.names.values())
        from cjm.text import languages

        return tuple(dict.fromkeys(self.name(language) for language in languages()))


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
            for name in phase.spellings():
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


def phase_label(phase_id: str, own: str | None, model: PhaseModel | None) -> Message | str:
    """What a phase is called, as a value for a message: the journey's own ``name:``,
    else the model's name for ``phase_id`` (in the reader's language), else the id."""
    if own:
        return own
    known = model.get(phase_id) if model is not None else None
    return known.label if known is not None else phase_id


def phase_name(phase_id: str, own: str | None, model: PhaseModel | None, text: Text) -> str:
    """What a phase is called, in ``text``'s language: the one phase naming of cjm.

    The journey's own ``name:`` wins (it is the consultant's word), then the model's
    name for ``phase_id`` (a preset's from the catalogs, an inline model's from
    cjm.yaml), then the id itself. Every output that names a phase calls this.
    """
    return text(phase_label(phase_id, own, model))


def _plain(text: str) -> str:
    """``Oriëntatie`` → ``orientatie``, ``Latent need`` → ``latent-need``: for comparing."""
    import unicodedata  # only when a phase id is unknown

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _p(phase_id: str, title: Message, *, purchase: bool = False, optional: bool = False) -> Phase:
    return Phase(phase_id, {}, purchase=purchase, optional=optional, title=title)


# The names are in the catalogs; the context is the model, because models translate
# the same English name differently (five-phase "Consideration" is "Afweging", the
# awareness model's "Overweging").


PRESETS: dict[str, PhaseModel] = {
    model.name: model
    for model in (
        PhaseModel(
            "five-phase",
            (
                _p("orientation", pmsg("five-phase", "Orientation")),
                _p("consideration", pmsg("five-phase", "Consideration")),
                _p("purchase", pmsg("five-phase", "Purchase"), purchase=True),
                _p("use", pmsg("five-phase", "Use")),
                _p("loyalty", pmsg("five-phase", "Loyalty")),
            ),
        ),
        PhaseModel(
            "awareness",
            (
                _p("latent-need", pmsg("awareness", "Latent need"), optional=True),
                _p("awareness", pmsg("awareness", "Awareness")),
                _p("consideration", pmsg("awareness", "Consideration")),
                _p("purchase", pmsg("awareness", "Purchase"), purchase=True),
                _p("service", pmsg("awareness", "Service")),
                _p("loyalty", pmsg("awareness", "Loyalty")),
            ),
        ),
        PhaseModel(
            "seven-phase",
            (
                _p("out-of-market", pmsg("seven-phase", "Out of market"), optional=True),
                _p("trigger", pmsg("seven-phase", "Trigger")),
                _p("initial-consideration", pmsg("seven-phase", "Initial consideration")),
                _p("active-evaluation", pmsg("seven-phase", "Active evaluation")),
                _p("purchase-decision", pmsg("seven-phase", "Purchase decision"), purchase=True),
                _p("experience", pmsg("seven-phase", "Experience")),
                _p("loyalty", pmsg("seven-phase", "Loyalty")),
            ),
        ),
        PhaseModel(
            "four-stage",
            (
                _p("awareness", pmsg("four-stage", "Awareness")),
                _p("consideration", pmsg("four-stage", "Consideration")),
                _p("decision", pmsg("four-stage", "Decision"), purchase=True),
                _p("loyalty", pmsg("four-stage", "Loyalty")),
            ),
        ),
        PhaseModel(
            "decision-process",
            (
                _p("need-recognition", pmsg("decision-process", "Need recognition")),
                _p("information-search", pmsg("decision-process", "Information search")),
                _p("evaluation", pmsg("decision-process", "Evaluation")),
                _p("purchase", pmsg("decision-process", "Purchase"), purchase=True),
                _p("post-purchase", pmsg("decision-process", "Post-purchase")),
            ),
        ),
    )
}
