"""The rule registry: every rule cjm knows, in the order ``cjm rules`` lists them.

To add a rule, write a module here (docstring = documentation, ``rule = Rule(...)``),
add test cases under tests/lint/rules/cases/, and list the module below.
"""

from cjm.lint.rule import Rule
from cjm.lint.rules import (
    b2b_buying_unit,
    comment_in_value,
    done_but_still_low,
    duplicate_id,
    duplicate_key,
    duplicate_persona,
    empty_phase,
    missing_backstage,
    missing_cta,
    missing_customer_view,
    missing_kpi,
    missing_owner,
    missing_phase,
    neglected_phase,
    no_follow_up,
    open_loop,
    orphan_opportunity,
    phase_order,
    schema,
    stale_evidence,
    stale_review,
    thin_persona,
    tone_drift,
    unaddressed_low,
    unbacked_low_point,
    unknown_based_on,
    unknown_channel,
    unknown_link,
    unknown_next,
    unknown_phase,
    unknown_support,
    unlifted_low,
    unreachable_touchpoint,
    unused_suppression,
    yaml_syntax,
)

__all__ = ["ALL_RULES", "RULES_BY_ID"]

ALL_RULES: tuple[Rule, ...] = tuple(
    module.rule
    for module in (
        yaml_syntax,
        duplicate_key,
        schema,
        comment_in_value,
        empty_phase,
        missing_cta,
        duplicate_id,
        unknown_next,
        unknown_phase,
        missing_phase,
        phase_order,
        duplicate_persona,
        unknown_based_on,
        neglected_phase,
        no_follow_up,
        missing_kpi,
        missing_customer_view,
        thin_persona,
        b2b_buying_unit,
        unknown_channel,
        unknown_support,
        tone_drift,
        stale_review,
        open_loop,
        unaddressed_low,
        unreachable_touchpoint,
        missing_owner,
        missing_backstage,
        unlifted_low,
        # Issue 14: evidence behind the map, and the opportunities that link it.
        unbacked_low_point,
        stale_evidence,
        unknown_link,
        orphan_opportunity,
        done_but_still_low,
        unused_suppression,
    )
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL_RULES}
