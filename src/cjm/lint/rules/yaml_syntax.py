"""The file is a readable UTF-8 YAML document.

Reported by the loader, before any other rule: a file that is not valid YAML,
not UTF-8 (a byte-order mark is fine), more than one document, or a document
whose aliases would expand to far more data than the file holds (an "alias
bomb") cannot be checked further. The message says what the parser expected.
So is a path that cannot be read as a journey: a FIFO, a device, a broken link
or a symlink cycle, a folder that cannot be searched, a name that is not UTF-8,
or a file larger than ``max_journey_bytes`` (see docs/limits.md). A file that
does not load is reported whatever ``--select`` and ``--ignore`` say.

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
