"""The file is a readable UTF-8 YAML document.

Reported by the loader, before any other rule: a file that is not valid YAML,
not UTF-8 (a byte-order mark is fine), more than one document, or a document
whose aliases would expand to far more data than the file holds (an "alias
bomb") cannot be checked further. The message says what the parser expected.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation

Failing::

    persona:
      name: Jonge ouders
     phases:
      - id: orientation
"""

from cjm.lint.rule import Rule
from cjm.problems import Severity

rule = Rule(id="yaml-syntax", severity=Severity.ERROR, doc=__doc__ or "")
