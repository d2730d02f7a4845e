"""The content fits the journey format.

Reported by the loader: a missing required key (``persona.name``, a
touchpoint's ``name`` or ``channel``), a value of the wrong type, an unknown key
(with the closest known key suggested; keys of your own start with ``x-``), an
id that is not a slug, an emotion outside 1..5. The format is described in
docs/format.md.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - id: google-search
            name: Zoeken via Google
            channel: search
            emotion: 4

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - id: google-search
            name: Zoeken via Google
            channel: search
            emotion: 7
"""

from cjm.lint.rule import Rule
from cjm.problems import Severity

rule = Rule(id="schema", severity=Severity.ERROR, doc=__doc__ or "")
