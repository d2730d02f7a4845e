"""``cjm diff``: what changed in a journey, in the journey's own words.

The pipeline mirrors lint's: :mod:`~cjm.diff.sources` loads the two sides
(files, folders or git revisions), :mod:`~cjm.diff.compare` turns each pair of
journeys into :class:`~cjm.diff.changes.Change` values, and one of the report
formats in :mod:`cjm.diff.report` prints them.
"""
