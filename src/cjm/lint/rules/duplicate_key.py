"""A mapping does not repeat a key.

Most YAML parsers silently keep the last of two equal keys, so the first value
— often a whole list of touchpoints — disappears without a word. cjm refuses
the file and names both lines. Keys merged in with ``<<: *anchor`` may be
overridden; that is what merging is for.

Passing::

    persona:
      name: Jonge ouders
      goals: [Veilige kinderkamer]
    phases:
      - id: orientation

Failing::

    persona:
      name: Jonge ouders
      name: Jonge gezinnen
    phases:
      - id: orientation
"""

from cjm.lint.rule import Rule
from cjm.problems import Severity

rule = Rule(id="duplicate-key", severity=Severity.ERROR, doc=__doc__ or "")
