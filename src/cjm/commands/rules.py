"""``cjm rules [RULE]``: the rule list, or one rule's documentation."""

from __future__ import annotations

from cjm.errors import UsageError
from cjm.lint.rules import ALL_RULES, RULES_BY_ID
from cjm.lint.settings import unknown_rule_hint

__all__ = ["run"]


def run(rule_id: str | None) -> int:
    if rule_id is None:
        width = max(len(rule.id) for rule in ALL_RULES)
        for rule in ALL_RULES:
            off = "" if rule.enabled else "(off by default) "
            print(f"{rule.id:<{width}}  {rule.severity.value:<7}  {off}{rule.summary}")
        return 0
    chosen = RULES_BY_ID.get(rule_id)
    if chosen is None:
        raise UsageError(unknown_rule_hint(rule_id, RULES_BY_ID))
    off = ""
    if not chosen.enabled:
        turn_on = f"rules: {{{chosen.id}: {chosen.severity.value}}}"
        off = f"; off by default: turn it on in cjm.yaml, {turn_on}"
    print(f"{chosen.id} (default severity: {chosen.severity.value}{off})\n")
    print(chosen.text)
    options = list(chosen.options.model_fields)
    if options:
        print(f"\nOptions (in cjm.yaml under rules: {chosen.id}:): {', '.join(options)}")
    return 0
