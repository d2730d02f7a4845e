"""The rule registry: every rule cjm knows, in the order ``cjm rules`` lists them.

To add a rule, write a module here (docstring = documentation, ``rule = Rule(...)``),
add test cases under tests/lint/rules/cases/, and list the module below.
"""

from cjm.lint.rule import Rule
from cjm.lint.rules import (
    duplicate_id,
    duplicate_key,
    duplicate_persona,
    empty_phase,
    missing_cta,
    missing_phase,
    phase_order,
    schema,
    unknown_next,
    unknown_phase,
    yaml_syntax,
)

__all__ = ["ALL_RULES", "RULES_BY_ID"]

ALL_RULES: tuple[Rule, ...] = tuple(
    module.rule
    for module in (
        yaml_syntax,
        duplicate_key,
        schema,
        empty_phase,
        missing_cta,
        duplicate_id,
        unknown_next,
        unknown_phase,
        missing_phase,
        phase_order,
        duplicate_persona,
    )
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL_RULES}
