"""What every format says about an opportunity, worded once."""

from __future__ import annotations

from cjm.backlog.links import Steps
from cjm.text import Text, msg

__all__ = ["link_text"]


def link_text(link: str, steps: Steps, text: Text) -> str:
    """``jonge-ouders/levering (Levering aan huis)``; the link alone when it points nowhere."""
    target = steps.resolve(link)
    if target is None:
        return text(msg("{link} (not found)", link=link))
    if target.touchpoint is not None:
        return f"{link} ({target.touchpoint.name})"
    if target.phase is not None and target.phase.name:
        return f"{link} ({target.phase.name})"
    journey = steps.journeys[target.persona]
    return link if target.kind == "phase" else f"{link} ({journey.persona.name})"
