"""Opportunities: the project-wide backlog that links what to improve to the journeys.

A journey map says where the experience hurts; the backlog says what the team
will do about it. Each opportunity ("How might we ...") links the touchpoints,
phases or journeys it addresses (``persona-id/touchpoint-id``), has an impact
and an effort from 1 to 5, a status, an owner, the KPIs it should move and the
solutions (tickets) that carry it out. The opportunities live next to
``cjm.yaml`` in ``opportunities.yaml``, or in an ``opportunities/`` folder of
YAML files (both may exist: they form one backlog). See docs/format.md.

Modules: :mod:`~cjm.backlog.models` (the format), :mod:`~cjm.backlog.loader`
(find, read, validate, with positions), :mod:`~cjm.backlog.links` (what a link
points at), :mod:`~cjm.backlog.score` (the ranking), :mod:`~cjm.backlog.report`
(``cjm opportunities`` formats).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cjm.config import Config

__all__ = ["BACKLOG_DIR", "BACKLOG_NAMES", "covers_project"]

BACKLOG_NAMES = ("opportunities.yaml", "opportunities.yml")
"""The opportunities file next to ``cjm.yaml`` (never read as a journey)."""
BACKLOG_DIR = "opportunities"
"""Or a folder of them next to ``cjm.yaml``: one file per team or theme, read as one backlog."""


# Here rather than in the loader: every lint asks, and a lint of a few files (a
# pre-commit hook's) then never imports the loader at all (issue 17).
def covers_project(paths: Sequence[Path], config: Config) -> bool:
    """Whether a run over ``paths`` sees every journey, so links can be judged.

    True without paths (the journeys folder) or when a path is that folder or holds
    it. A run over a few files would report every link to another journey.
    """
    if not paths:
        return True
    # realpath, not resolve(): it never raises, also not on a symlink cycle.
    journeys = Path(os.path.realpath(config.journeys_dir))
    return any(journeys.is_relative_to(os.path.realpath(path)) for path in paths if path.is_dir())
