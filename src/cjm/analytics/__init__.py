"""Web-analytics exports matched to touchpoints: the journey completed with data.

The pipeline is the same as lint's — load, match, collect, report — in small modules:
:mod:`~cjm.analytics.numbers` (number notation), :mod:`~cjm.analytics.export`
(the CSV), :mod:`~cjm.analytics.metrics` (how rows add up),
:mod:`~cjm.analytics.matching` (mappings against rows),
:mod:`~cjm.analytics.result` (the values) and :mod:`~cjm.analytics.report`
(text, markdown, json).

The API for other commands (``cjm render --analytics`` will use it)::

    from cjm.analytics.export import read_export
    from cjm.analytics.matching import analyse

    result = analyse(read_export(path), journey_files)
    # raises cjm.errors.ExportError (exit 2) for an export it cannot read;
    # journey files whose ``journey`` is None are skipped and listed in result.skipped

    result.date_range                    # (date, date) or None: the export's period
    result.metric_names                  # ('Sessions', 'Engaged sessions', 'Key events', ...)
    result.share_metric                  # 'Sessions' (or the first metric without sessions)
    result.total                         # Metrics of all traffic in the export
    result.touchpoint_metrics(persona_id, touchpoint_id)  # Metrics, or None without a mapping
    result.phase_totals(persona_id, phase_id)             # Metrics, each row counted once
    result.gaps(min_share)               # [Gap(row, share)], unclaimed traffic, largest first
    result.not_set                       # (not set) traffic: never a gap
    result.double_claims                 # rows several touchpoints of one journey claim
    result.warnings                      # Messages; every report format shows them
    result.journeys                      # per journey, per phase, per mapped touchpoint

A :class:`~cjm.analytics.metrics.Metrics` has ``.sessions``, ``.key_events``
(``Key events`` or the older ``Conversions``), ``.revenue`` (None when the
export lacks the column), ``.get(column name)``, ``.as_dict()`` and ``.rows``
(0: no traffic matched). A phase total counts each row once in the journey, in the
first phase that claims it. Nothing here prints, and nothing here raises for what a
journey file contains.
"""
