"""Every phase says what the customer is doing, thinking and feeling.

A journey map is drawn from the customer's side, not the company's: the
doing / thinking / feeling rows are what turn a list of channels into a
customer's experience. They may be written on the phase, on its touchpoints
(what the customer does, thinks and feels at each step), or both: a view is
there when the phase or at least one of its touchpoints has it. An empty value
(``doing: ""``, as a skeleton has it) counts as missing.

Passing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        doing: Zoekt inspiratie
        feeling: Enthousiast maar overweldigd
        touchpoints:
          - id: pinterest
            name: Pinterest
            channel: social
            thinking: Zo mooi, maar past dit bij ons?

Failing::

    persona:
      name: Jonge ouders
    phases:
      - id: orientation
        doing: Zoekt inspiratie
        feeling: ""
"""

from collections.abc import Iterator

from cjm.lint.rule import JourneyContext, Rule
from cjm.problems import Finding, Severity
from cjm.text import msg
from cjm.text.lists import alternatives


def check(ctx: JourneyContext, options: object) -> Iterator[Finding]:
    for index, phase in enumerate(ctx.journey.phases):
        steps = [phase, *phase.touchpoints]
        missing = [
            word
            for name, word in _WORDS.items()
            if not any((getattr(step, name) or "").strip() for step in steps)
        ]
        if missing:
            yield Finding(
                ("phases", index),
                msg(
                    "phase '{phase}' does not say what the customer is {missing}: "
                    "describe the phase from the customer's side",
                    phase=phase.id,
                    missing=alternatives(missing),
                ),
            )


_WORDS = {
    "doing": msg("doing"),
    "thinking": msg("thinking"),
    "feeling": msg("feeling"),
}


rule = Rule(id="missing-customer-view", severity=Severity.INFO, doc=__doc__ or "", check=check)
