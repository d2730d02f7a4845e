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

__all__ = ["BACKLOG_DIR", "BACKLOG_NAMES"]

BACKLOG_NAMES = ("opportunities.yaml", "opportunities.yml")
"""The opportunities file next to ``cjm.yaml`` (never read as a journey)."""
BACKLOG_DIR = "opportunities"
"""Or a folder of them next to ``cjm.yaml``: one file per team or theme, read as one backlog."""
