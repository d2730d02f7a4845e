"""A value is not cut short by a ``#`` the writer meant as part of it.

In YAML a ``#`` after a space starts a comment, also in the middle of a value,
and without any error: ``content: Deel je kamer met #mijnkinderkamer`` is the
content "Deel je kamer met", and the hashtag is gone from the map. This rule
reports a comment that follows a value directly and starts with a character
instead of a space (``#mijnkinderkamer``, ``#1``): that is almost always part of
the value. Put such a value in quotes. A comment written as ``# note``, with a
space, is left alone.

Passing::

    persona:
      name: Jonge ouders        # the persona of the spring campaign
    phases:
      - id: orientation
        touchpoints:
          - id: instagram
            name: Instagram
            channel: social
            content: "Deel je kamer met #mijnkinderkamer"

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          - id: instagram
            name: Instagram
            channel: social
            content: Deel je kamer met #mijnkinderkamer
"""

from cjm.lint.rule import Rule
from cjm.problems import Severity

# Reported by the loader (cjm.yaml_hints.cut_values): comments are not in the YAML tree.
rule = Rule(id="comment-in-value", severity=Severity.WARNING, doc=__doc__ or "")
