"""What every format says about an opportunity, worded once."""

from __future__ import annotations

from cjm.backlog.links import Steps

__all__ = ["link_text", "score_text"]


def link_text(link: str, steps: Steps) -> str:
    """``jonge-ouders/levering (Levering aan huis)``; the link alone when it points nowhere."""
    target = steps.resolve(link)
    if target is None:
        return f"{link} (not found)"
    if target.touchpoint is not None:
        return f"{link} ({target.touchpoint.name})"
    if target.phase is not None and target.phase.name:
        return f"{link} ({target.phase.name})"
    journey = steps.journeys[target.persona]
    return link if target.kind == "phase" else f"{link} ({journey.persona.name})"


def score_text(score: float, language: str) -> str:
    """``2.5``, or ``2,5`` in Dutch; no trailing zeros beyond the first decimal."""
    text = f"{score:.2f}".rstrip("0")
    text = text + "0" if text.endswith(".") else text
    return text.replace(".", ",") if language == "nl" else text
