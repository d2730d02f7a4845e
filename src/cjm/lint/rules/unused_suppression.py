"""Every suppression comment silences something.

``# cjm: disable=rule`` (for the line it ends, or alone on the line above) and
``# cjm: disable-file=rule`` (for the whole file) silence rules where the
journey deliberately departs from them; say why in the same comment. A
suppression that silences nothing (the problem was fixed, or the rule id is
misspelled) is reported, so that suppressions do not rot. The engine reports
this rule; a suppression of a rule that did not run is not judged.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          # cjm: disable=missing-cta -- the ad only builds awareness
          - {id: ad, name: Advertentie, channel: social}

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        touchpoints:
          # cjm: disable=missing-cta -- the ad only builds awareness
          - {id: ad, name: Advertentie, channel: social, cta: Bekijk de collectie}
"""

from cjm.lint.rule import Rule
from cjm.problems import Severity

rule = Rule(id="unused-suppression", severity=Severity.INFO, doc=__doc__ or "")
