"""The output layer: everything cjm writes goes through here.

- :mod:`cjm.output.writer` writes every file and report: stdout or ``--output``,
  atomically for regular files, in place for devices and FIFOs, errors as exit 2.
- :mod:`cjm.output.escape` has one function per output grammar (terminal,
  Markdown, Mermaid, HTML, JSON, CSV, GitHub annotations, SARIF); nothing else
  escapes by hand.
- Words and numbers come from the text layer, :mod:`cjm.text` (docs/languages.md).
- :mod:`cjm.output.registry` finds the formats of a command: one module per
  format in one folder per command (``cjm/lint/report/``, ``cjm/diff/report/``,
  ``cjm/analytics/report/``, ``cjm/render/formats/``).

See docs/output.md ("Adding an output format").
"""
