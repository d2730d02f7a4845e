"""Names that become file names: which a persona may not take, and why.

A persona id is the stem of its journey file (``journeys/<id>.yaml``, written by
``cjm new``) and of its rendered pages (``build/<id>.html``). Some stems are
taken by cjm itself; one home for them keeps ``cjm new`` and ``cjm render``
refusing the same names.
"""

from __future__ import annotations

from cjm.config import CONFIG_NAMES
from cjm.text import Message, msg

__all__ = ["INDEX_STEM", "RESERVED_STEMS"]

INDEX_STEM = "index"
"""The stem of the index ``cjm render`` writes beside the journeys."""

RESERVED_STEMS: dict[str, Message] = {
    INDEX_STEM: msg("cjm render writes the index of all journeys as index.html"),
    **{
        stem: msg(
            "{names} is the project configuration, which lint skips as a journey",
            names=" or ".join(n for n in CONFIG_NAMES if n.startswith(stem + ".")),
        )
        for stem in dict.fromkeys(name.rsplit(".", 1)[0] for name in CONFIG_NAMES)
    },
}
"""Stems a persona id (and so a journey's file name) may not be, with the reason."""
